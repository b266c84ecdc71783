import { Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a rule input needs from the form: Mantine's getInputProps for a dotted path. */
export type InputPropsOf = (path: string) => ReturnType<ReturnType<typeof useForm>['getInputProps']>;

interface NumberRuleProps {
  label: string;
  description: string;
  path: string;
  inputProps: InputPropsOf;
  min?: number;
  max?: number;
  /** A unit shown after the number (bulan, hari, tahun). */
  unit?: string;
  /** Decimals allowed (none unless given). */
  decimalScale?: number;
}

/** One whole-number rule with its Indonesian explanation under the label. */
export function NumberRule({
  label,
  description,
  path,
  inputProps,
  min = 0,
  max,
  unit,
  decimalScale,
}: NumberRuleProps) {
  const { i18n } = useTranslation();
  return (
    <NumberInput
      label={label}
      description={description}
      min={min}
      max={max}
      allowDecimal={decimalScale !== undefined}
      decimalScale={decimalScale}
      // Indonesian decimals: 0,5; English: 0.5.
      decimalSeparator={i18n.language === 'en' ? '.' : ','}
      allowNegative={min < 0}
      clampBehavior="none"
      hideControls
      rightSection={
        unit ? (
          <Text size="xs" c="dimmed" pr="xs" aria-hidden>
            {unit}
          </Text>
        ) : undefined
      }
      rightSectionWidth={unit ? 64 : undefined}
      {...inputProps(path)}
    />
  );
}

interface FractionRuleProps {
  label: string;
  description: string;
  /** Path of a { numerator, denominator } value. */
  path: string;
  inputProps: InputPropsOf;
}

/** A fraction of the sentence as two numbers, e.g. 2 / 3. */
export function FractionRule({ label, description, path, inputProps }: FractionRuleProps) {
  const { t } = useTranslation();
  return (
    <Fieldset
      legend={label}
      variant="unstyled"
      p={0}
      styles={{
        legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', padding: 0, marginBottom: 0 },
      }}
    >
      <Text size="xs" c="dimmed" mb={5}>
        {description}
      </Text>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <NumberInput
          aria-label={`${label}: ${t('rules.numerator')}`}
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          hideControls
          w={72}
          {...inputProps(`${path}.numerator`)}
        />
        <Text pt={6} aria-hidden>
          /
        </Text>
        <NumberInput
          aria-label={`${label}: ${t('rules.denominator')}`}
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          hideControls
          w={72}
          {...inputProps(`${path}.denominator`)}
        />
      </Group>
    </Fieldset>
  );
}

/** A titled group of rules (an h3 under the kind's h2), with an optional hint, two columns from `sm`. */
export function RuleGroup({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <div>
        <Title order={3} fz="h4">
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        {children}
      </SimpleGrid>
    </Stack>
  );
}
