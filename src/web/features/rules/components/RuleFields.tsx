import { Fieldset, Group, NumberInput, Text } from '@mantine/core';
import type { useForm } from '@mantine/form';
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
}

/** One whole-number rule with its Indonesian explanation under the label. */
export function NumberRule({ label, description, path, inputProps, min = 0, max, unit }: NumberRuleProps) {
  return (
    <NumberInput
      label={label}
      description={description}
      min={min}
      max={max}
      allowDecimal={false}
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
