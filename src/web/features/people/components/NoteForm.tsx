import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCornerDownRight } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, type Note, type NoteKind, type RecordVisibility } from '../../../../shared/notes.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useCreateNote } from '../api/records.ts';
import { optionsOf } from './vocabulary.ts';

interface NoteValues {
  kind: NoteKind | null;
  visibility: RecordVisibility;
  body: string;
}

interface NoteFormProps {
  personId: string;
  /** Prison and probation staff may write corrections-only notes; everyone else only shared ones. */
  corrections: boolean;
  /** The note being corrected, when this form writes a correction. */
  correcting: Note | null;
  onCancelCorrection: () => void;
  onSaved: () => void;
}

/** Adds a note, or a correction of an earlier one (the only change possible after 24 hours). */
export function NoteForm({ personId, corrections, correcting, onCancelCorrection, onSaved }: NoteFormProps) {
  const { t } = useTranslation();
  const create = useCreateNote(personId);
  const form = useForm<NoteValues>({
    initialValues: { kind: 'general', visibility: corrections ? 'corrections' : 'shared', body: '' },
    validate: {
      kind: (value) => (value ? null : t('common.required')),
      body: (value) => (value.trim() ? null : t('common.required')),
    },
  });
  // A correction keeps the kind of the note it corrects; a correction of a corrections-only note stays so.
  const correctingId = correcting?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another note is picked for correction
  useEffect(() => {
    if (!correcting) return;
    form.setFieldValue('kind', correcting.kind);
    if (correcting.visibility === 'corrections') form.setFieldValue('visibility', 'corrections');
  }, [correctingId]);
  const lockedToCorrections = correcting?.visibility === 'corrections';

  const submit = form.onSubmit((values) => {
    if (!values.kind) return;
    create.mutate(
      {
        kind: values.kind,
        visibility: corrections ? values.visibility : 'shared',
        body: values.body.trim(),
        correctsNoteId: correcting?.id ?? null,
      },
      {
        onSuccess: () => {
          notifySuccess(t('records.notes.added'));
          form.setFieldValue('body', '');
          onSaved();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="note-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="note-form-title">
            {correcting ? t('records.notes.correct') : t('records.notes.formTitle')}
          </Title>
          {correcting && (
            <Alert color="blue" icon={<IconCornerDownRight aria-hidden />} p="sm">
              <Group justify="space-between" gap="xs">
                <Text size="sm">
                  {t('records.notes.correcting', { time: formatDateTime(correcting.createdAt) })}
                </Text>
                <Button size="xs" variant="default" onClick={onCancelCorrection}>
                  {t('records.notes.cancelCorrection')}
                </Button>
              </Group>
            </Alert>
          )}
          <Group grow align="flex-start" wrap="wrap" gap="sm">
            <Select
              label={t('records.notes.kind')}
              data={optionsOf(NOTE_KINDS, (kind) => t(`records.notes.kinds.${kind}`))}
              allowDeselect={false}
              withAsterisk
              miw={160}
              {...form.getInputProps('kind')}
            />
            {corrections ? (
              <Stack gap={4} miw={200}>
                <Text size="sm" fw={500} id="note-visibility-label">
                  {t('records.visibility.label')}
                </Text>
                <SegmentedControl
                  aria-labelledby="note-visibility-label"
                  data={[
                    { value: 'corrections', label: t('records.visibility.corrections') },
                    {
                      value: 'shared',
                      label: t('records.visibility.shared'),
                      disabled: lockedToCorrections,
                    },
                  ]}
                  {...form.getInputProps('visibility')}
                />
                <Text size="xs" c="dimmed">
                  {lockedToCorrections
                    ? t('records.notes.correctionVisibility')
                    : t(
                        form.values.visibility === 'corrections'
                          ? 'records.visibility.correctionsHint'
                          : 'records.visibility.sharedHint',
                      )}
                </Text>
                {form.errors.visibility && (
                  <Text size="xs" c="red.8" role="alert">
                    {form.errors.visibility}
                  </Text>
                )}
              </Stack>
            ) : null}
          </Group>
          {!corrections && (
            <Text size="sm" c="dimmed">
              {t('records.notes.sharedOnly')}
            </Text>
          )}
          <Textarea
            label={t('records.notes.body')}
            placeholder={t('records.notes.bodyPlaceholder')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={5000}
            withAsterisk
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('records.notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
