import {
  Box,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortResults } from '../../../../shared/results.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { useRecordResults } from '../api/results.ts';
import { RESULT_COLORS } from './AttendanceVocabulary.ts';
import {
  assessablePeople,
  buildResultRows,
  itemErrorsToRows,
  type ResultRow,
  type ResultsMode,
  rowProblems,
  rowsToItems,
  unitLabel,
} from './ResultsModel.ts';

interface ResultsRecordModalProps {
  cohortId: string;
  data: CohortResults;
  /** The cohort's first day: an assessment cannot be earlier. */
  startDate: string | null;
  mode: ResultsMode;
  onClose: () => void;
}

const NONE = 'none';

/**
 * "Catat hasil uji": one unit for everyone, or every unit for one person; a row per person (or unit) with
 * the result, score, assessor and date. Only filled, changed rows are sent, in one request.
 */
export function ResultsRecordModal({
  cohortId,
  data,
  startDate,
  mode: initialMode,
  onClose,
}: ResultsRecordModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const save = useRecordResults(cohortId);
  const [mode, setMode] = useState<ResultsMode>(initialMode);
  const [fillAssessor, setFillAssessor] = useState('');
  const [fillDate, setFillDate] = useState<string | null>(null);
  const form = useForm<{ rows: ResultRow[] }>({
    initialValues: { rows: buildResultRows(data, initialMode) },
  });
  const rows = form.values.rows;
  const today = todayIso();

  const switchMode = (next: ResultsMode) => {
    setMode(next);
    form.setValues({ rows: buildResultRows(data, next) });
    form.clearErrors();
  };

  const applyToAll = () => {
    form.setValues({
      rows: rows.map((row) => ({
        ...row,
        assessorName: fillAssessor.trim() ? fillAssessor : row.assessorName,
        assessedOn: fillDate ?? row.assessedOn,
      })),
    });
    form.clearErrors();
  };

  const submit = form.onSubmit((values) => {
    const problems: Record<string, string> = {};
    values.rows.forEach((row, i) => {
      for (const field of rowProblems(row))
        problems[`rows.${i}.${field}`] =
          field === 'score' ? t('attendance.resultsForm.scoreRange') : t('common.required');
    });
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      focusFirstError();
      return;
    }
    const { items, rowOf } = rowsToItems(values.rows, data.results);
    if (items.length === 0) {
      form.setErrors({ rows: t('attendance.resultsForm.nothing') });
      return;
    }
    const personIds = data.people
      .filter((person) => items.some((item) => item.enrolmentId === person.enrolmentId))
      .map((person) => person.personId);
    save.mutate(
      { items, personIds },
      {
        onSuccess: () => {
          notifySuccess(t('attendance.resultsForm.saved', { count: items.length }));
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error) || !error.fields) return notifyError(error);
          const mapped = itemErrorsToRows(error.fields, rowOf);
          const onRows = Object.fromEntries(
            Object.entries(mapped).filter(([path]) => path.startsWith('rows.')),
          );
          if (Object.keys(onRows).length === 0) return notifyError(error);
          form.setErrors(onRows);
          focusFirstError();
          if (Object.keys(onRows).length < Object.keys(mapped).length) notifyError(error);
        },
      },
    );
  });

  const unit = mode.kind === 'unit' ? data.units.find((item) => item.id === mode.unitId) : undefined;
  const person =
    mode.kind === 'person' ? data.people.find((item) => item.enrolmentId === mode.enrolmentId) : undefined;
  const title =
    mode.kind === 'unit'
      ? t('attendance.resultsForm.titleUnit', { unit: unit ? unitLabel(unit) : '' })
      : t('attendance.resultsForm.titlePerson', { name: person?.fullName ?? '' });

  return (
    <Modal opened onClose={onClose} title={title} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mode.kind === 'unit' ? (
            <Select
              label={t('attendance.resultsForm.unit')}
              data={data.units.map((item) => ({ value: item.id, label: unitLabel(item) }))}
              value={mode.unitId}
              onChange={(unitId) => unitId && switchMode({ kind: 'unit', unitId })}
              allowDeselect={false}
            />
          ) : (
            <Select
              label={t('attendance.resultsForm.person')}
              data={assessablePeople(data.people).map((item) => ({
                value: item.enrolmentId,
                label: item.fullName,
              }))}
              value={mode.enrolmentId}
              onChange={(enrolmentId) => enrolmentId && switchMode({ kind: 'person', enrolmentId })}
              allowDeselect={false}
              searchable
            />
          )}
          <Text size="sm">{t('attendance.resultsForm.intro')}</Text>
          <Paper withBorder p="sm" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" size="sm" fw={600} px={4}>
              {t('attendance.resultsForm.fillAll')}
            </Text>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('attendance.resultsForm.fillAllAssessor')}
                value={fillAssessor}
                onChange={(event) => setFillAssessor(event.currentTarget.value)}
                maxLength={200}
                style={{ flex: '1 1 200px' }}
              />
              <DateField
                label={t('attendance.resultsForm.fillAllDate')}
                value={fillDate}
                onChange={(value) => setFillDate(value)}
                minDate={startDate ?? undefined}
                maxDate={today}
                clearable
                style={{ flex: '1 1 160px' }}
              />
              <Button variant="default" onClick={applyToAll} mih={44}>
                {t('attendance.resultsForm.apply')}
              </Button>
              <Button
                variant="default"
                mih={44}
                onClick={() =>
                  form.setValues({ rows: rows.map((row) => ({ ...row, result: 'competent' as const })) })
                }
              >
                {t('attendance.resultsForm.allCompetent')}
              </Button>
            </Group>
          </Paper>
          {rows.length === 0 ? (
            <Text size="sm">{t('attendance.results.noPeople')}</Text>
          ) : (
            <Stack
              gap={6}
              component="ul"
              aria-label={t('attendance.resultsForm.rows')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {rows.map((row, i) => (
                <Paper key={`${row.enrolmentId}:${row.unitId}`} withBorder p="sm" component="li">
                  <Stack gap={6} role="group" aria-labelledby={`result-row-${i}`}>
                    <Group justify="space-between" gap="sm" wrap="wrap">
                      <Text
                        fw={600}
                        id={`result-row-${i}`}
                        style={{ overflowWrap: 'anywhere', flex: '1 1 180px' }}
                      >
                        {row.label}
                      </Text>
                      <SegmentedControl
                        aria-label={t('attendance.resultsForm.resultFor', { row: row.label })}
                        value={row.result === '' ? NONE : row.result}
                        onChange={(value) =>
                          form.setFieldValue(
                            `rows.${i}.result`,
                            value === NONE ? '' : (value as ResultRow['result']),
                          )
                        }
                        data={[
                          {
                            value: NONE,
                            label: t('attendance.resultsForm.noResult'),
                            disabled: row.recorded,
                          },
                          { value: 'competent', label: t('attendance.results.result.competent') },
                          {
                            value: 'not_yet_competent',
                            label: t('attendance.results.result.not_yet_competent'),
                          },
                        ]}
                        size="sm"
                        color={row.result === '' ? undefined : RESULT_COLORS[row.result]}
                        styles={{ label: { minHeight: 44, display: 'flex', alignItems: 'center' } }}
                      />
                    </Group>
                    {row.result !== '' && (
                      <Group align="flex-start" gap="sm" wrap="wrap">
                        <NumberInput
                          label={t('attendance.resultsForm.score')}
                          aria-label={t('attendance.resultsForm.scoreFor', { row: row.label })}
                          min={0}
                          max={100}
                          decimalScale={2}
                          decimalSeparator=","
                          allowNegative={false}
                          hideControls
                          w={120}
                          {...form.getInputProps(`rows.${i}.score`)}
                        />
                        <TextInput
                          label={t('attendance.resultsForm.assessor')}
                          aria-label={t('attendance.resultsForm.assessorFor', { row: row.label })}
                          maxLength={200}
                          withAsterisk
                          style={{ flex: '1 1 180px' }}
                          {...form.getInputProps(`rows.${i}.assessorName`)}
                        />
                        <DateField
                          label={t('attendance.resultsForm.assessedOn')}
                          minDate={startDate ?? undefined}
                          maxDate={today}
                          withAsterisk
                          style={{ flex: '1 1 150px' }}
                          {...form.getInputProps(`rows.${i}.assessedOn`)}
                        />
                      </Group>
                    )}
                    {form.errors[`rows.${i}.result`] && (
                      <Text size="sm" c="red.9">
                        {form.errors[`rows.${i}.result`]}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
          <Box
            pos="sticky"
            bottom={0}
            py="sm"
            bg="var(--mantine-color-body)"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
          >
            {form.errors.rows && (
              <Text size="sm" c="red.9" role="alert" mb="xs">
                {form.errors.rows}
              </Text>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={save.isPending} mih={44}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} mih={44}>
                {t('attendance.resultsForm.save')}
              </Button>
            </Group>
          </Box>
        </Stack>
      </form>
    </Modal>
  );
}
