import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleKind, RuleSetOf, RulesByKind } from '../../../../shared/sentence.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useReloadRules, useSaveRules } from '../api/rules.ts';
import type { InputPropsOf } from './RuleFields.tsx';
import { RuleHistoryTable } from './RuleHistoryTable.tsx';

interface RuleSetValues<K extends RuleKind> {
  rules: RulesByKind[K];
  note: string;
}

/** An emptied number input holds ''; sent as missing, the server answers "required" on that field. */
function blanksRemoved(value: unknown): unknown {
  if (value === '') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blanksRemoved(item)]));
}

interface RuleSetFormProps<K extends RuleKind> {
  kind: K;
  ruleSet: RuleSetOf<K>;
  title: string;
  intro: string;
  /** The rule inputs, bound to the form through `inputProps('rules.…')`, and the rules as now edited. */
  children: (inputProps: InputPropsOf, rules: RulesByKind[K]) => ReactNode;
  /**
   * How the stored rules appear in the inputs and are read back, when they differ (e.g. shares 0–1 edited
   * as percentages). The shape stays the same, so the server's field errors land on the same paths.
   */
  convert?: {
    toForm: (rules: RulesByKind[K]) => RulesByKind[K];
    toRules: (values: RulesByKind[K]) => RulesByKind[K];
  };
  /** Checks of the rules before saving: messages by path under `rules.` (the server checks again). */
  validateRules?: (rules: RulesByKind[K]) => Record<string, string>;
}

/**
 * One kind of rules: its inputs, the reason for the change, and saving as the next version. Mounted with
 * a key per version, so a newer version (after saving, or after someone else saved) starts a fresh form.
 */
export function RuleSetForm<K extends RuleKind>({
  kind,
  ruleSet,
  title,
  intro,
  children,
  convert,
  validateRules,
}: RuleSetFormProps<K>) {
  const { t } = useTranslation();
  const save = useSaveRules(kind);
  const reload = useReloadRules(kind);
  const form = useForm<RuleSetValues<K>>({
    initialValues: {
      rules: convert ? convert.toForm(ruleSet.rules as RulesByKind[K]) : (ruleSet.rules as RulesByKind[K]),
      note: '',
    },
    validate: (values) => {
      const errors: Record<string, string | null> = {
        note: values.note.trim().length >= 3 ? null : t('common.required'),
      };
      for (const [path, message] of Object.entries(validateRules?.(values.rules) ?? {}))
        errors[`rules.${path}`] = message;
      return errors;
    },
  });
  const headingId = `rules-${kind}-title`;

  const submit = form.onSubmit((values) => {
    const rules = blanksRemoved(values.rules) as RulesByKind[K];
    const body = {
      rules: convert ? convert.toRules(rules) : rules,
      note: values.note.trim(),
      version: ruleSet.version,
    };
    save.mutate(body, {
      onSuccess: (saved) => notifySuccess(t('rules.saved', { version: saved.version })),
      onError: (error) => {
        if (isApiError(error, 'RULES_CHANGED')) {
          // Someone else saved first: say so, and load the newest version (which remounts this form).
          notifyError(error);
          void reload().then(() => notifySuccess(t('rules.reloaded')));
          return;
        }
        const fields = isApiError(error) ? error.fields : undefined;
        const mine = Object.entries(fields ?? {}).filter(
          ([name]) => name === 'note' || name.startsWith('rules.'),
        );
        if (mine.length > 0) {
          form.setErrors(Object.fromEntries(mine));
          focusFirstError();
        } else notifyError(error);
      },
    });
  }, focusFirstError);

  const changed = form.isDirty('rules');

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Group gap="xs" align="center">
            <Title order={2} fz="h3" id={headingId}>
              {title}
            </Title>
            <Badge variant="light">
              {ruleSet.version > 0 ? t('rules.version', { version: ruleSet.version }) : t('rules.noVersion')}
            </Badge>
          </Group>
          {ruleSet.createdAt && (
            <Text size="sm" c="dimmed">
              {t('rules.savedBy', {
                date: formatDate(ruleSet.createdAt),
                name: ruleSet.createdByName ?? t('rules.history.system'),
              })}
            </Text>
          )}
          <Text size="sm" mt="xs">
            {intro}
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {children((path) => form.getInputProps(path), form.values.rules)}
            <Textarea
              label={t('rules.note')}
              description={t('rules.noteHint')}
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('note')}
            />
            <Group justify="flex-end" gap="sm">
              {!changed && (
                <Text size="sm" c="dimmed">
                  {t('rules.unchanged')}
                </Text>
              )}
              <Button
                variant="default"
                onClick={() => form.reset()}
                disabled={!form.isDirty() || save.isPending}
              >
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!changed}>
                {t('rules.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <RuleHistoryTable kind={kind} title={title} />
      </Stack>
    </Paper>
  );
}
