import { Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BehaviourScore } from '../../../../shared/people.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSaveBehaviourScore } from '../api/people.ts';
import { todayIso } from './dates.ts';

interface ScoreValues {
  /** 'yyyy-mm-dd' from the month picker (the first of the month). */
  month: string | null;
  score: number | string;
  note: string;
}

/** 'yyyy-mm' as mm/yyyy. */
function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

function AddScoreModal({
  personId,
  opened,
  onClose,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const saveScore = useSaveBehaviourScore(personId);
  const form = useForm<ScoreValues>({
    initialValues: { month: null, score: '', note: '' },
    validate: {
      month: (value) => (value ? null : t('common.required')),
      score: (value) => (value === '' ? t('common.required') : null),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    if (!values.month) return;
    saveScore.mutate(
      { month: values.month.slice(0, 7), score: Number(values.score), note: values.note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('people.custody.scoreSaved'));
          close();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <Modal opened={opened} onClose={close} title={t('people.custody.addScore')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <MonthPickerInput
            label={t('people.custody.scoreMonth')}
            placeholder={t('people.custody.monthPlaceholder')}
            valueFormat="MM/YYYY"
            maxDate={todayIso()}
            required
            leftSection={<IconCalendar size={16} aria-hidden />}
            popoverProps={{ withRoles: false }}
            ariaLabels={{
              nextYear: t('date.nextYear'),
              previousYear: t('date.previousYear'),
              nextDecade: t('date.nextDecade'),
              previousDecade: t('date.previousDecade'),
            }}
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            {...form.getInputProps('month')}
          />
          <NumberInput
            label={t('people.custody.score')}
            min={0}
            max={100}
            decimalScale={2}
            allowNegative={false}
            required
            {...form.getInputProps('score')}
          />
          <TextInput label={t('people.custody.scoreNote')} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={saveScore.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saveScore.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Monthly SPPN scores, the newest first; saving a month again replaces its score. */
export function BehaviourScoresSection({
  personId,
  scores,
  canManage,
}: {
  personId: string;
  scores: BehaviourScore[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const sorted = [...scores].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <Stack gap="sm">
      {sorted.length === 0 ? (
        <Text size="sm">{t('people.custody.noScores')}</Text>
      ) : (
        <ScrollTable label={t('people.custody.scores')} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.custody.scoreMonth')}</Table.Th>
              <Table.Th>{t('people.custody.score')}</Table.Th>
              <Table.Th>{t('people.custody.scoreNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((score) => (
              <Table.Tr key={score.month}>
                <Table.Td>{formatMonth(score.month)}</Table.Td>
                <Table.Td>{score.score}</Table.Td>
                <Table.Td>{score.note ?? EMPTY}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {canManage && (
        <div>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('people.custody.addScore')}
          </Button>
          <AddScoreModal personId={personId} opened={adding} onClose={() => setAdding(false)} />
        </div>
      )}
    </Stack>
  );
}
