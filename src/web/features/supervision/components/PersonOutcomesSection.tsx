import {
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCOME_BANDS,
  type IncomeBand,
  type OutcomeCheck,
  type PersonOutcomes,
  WORK_STATUSES,
  type WorkStatus,
} from '../../../../shared/outcomes.ts';
import type { Person } from '../../../../shared/people.ts';
import { DateField } from '../../../components/DateField.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { outcomeKeys, usePersonOutcomes, useSaveOutcome } from '../api/outcomes.ts';
import { WindowStateBadge } from './vocabulary.tsx';

type Window = PersonOutcomes['windows'][number];
type TriState = 'yes' | 'no' | 'unknown';

/** Her outcome checks at 1, 3, 6 and 12 months after release: due dates, state, the answers recorded. */
export function PersonOutcomesSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const enabled = !person.anonymized;
  const query = usePersonOutcomes(person.id, enabled);
  const [editing, setEditing] = useState<Window | null>(null);
  // Not hers to see (another organization's, or no permission): the section is left out.
  if (!enabled) return null;
  if (isApiError(query.error) && (query.error.status === 403 || query.error.status === 404)) return null;

  let body: ReactNode;
  if (query.isPending) body = <PageLoader />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const data = query.data;
    body = (
      <>
        {data.releasedOn ? (
          <Text size="sm">{t('supervision.outcomes.releasedOn', { date: formatDate(data.releasedOn) })}</Text>
        ) : (
          <Text size="sm">{t('supervision.outcomes.notReleased')}</Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
          {data.windows.map((window) => (
            <WindowCard
              key={window.windowMonths}
              window={window}
              canRecord={data.canRecord}
              onEdit={() => setEditing(window)}
            />
          ))}
        </SimpleGrid>
        {editing && (
          <OutcomeModal personId={person.id} data={data} window={editing} onClose={() => setEditing(null)} />
        )}
      </>
    );
  }

  return (
    <SectionCard
      title={t('supervision.outcomes.title')}
      id="person-outcomes"
      hint={t('supervision.outcomes.hint')}
    >
      {body}
    </SectionCard>
  );
}

function yesNo(
  value: boolean | null,
  t: (key: 'supervision.outcomes.yes' | 'supervision.outcomes.no') => string,
) {
  return value === null ? null : value ? t('supervision.outcomes.yes') : t('supervision.outcomes.no');
}

function WindowCard({
  window,
  canRecord,
  onEdit,
}: {
  window: Window;
  canRecord: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const check = window.check;
  const headingId = useId();
  const canOpen = canRecord && window.state !== 'not_released' && window.state !== 'upcoming';
  const facts: [string, string | null][] = check
    ? [
        [t('supervision.outcomes.checkedOn'), formatDate(check.checkedOn)],
        [
          t('supervision.outcomes.workStatus'),
          check.workStatus ? t(`supervision.vocab.workStatus.${check.workStatus}`) : null,
        ],
        [
          t('supervision.outcomes.incomeBand'),
          check.incomeBand ? t(`supervision.vocab.incomeBand.${check.incomeBand}`) : null,
        ],
        [t('supervision.outcomes.businessStarted'), yesNo(check.businessStarted, t)],
        [t('supervision.outcomes.housingStable'), yesNo(check.housingStable, t)],
        [t('supervision.outcomes.inHostVillage'), yesNo(check.inHostVillage, t)],
        [
          t('supervision.outcomes.returnedToCustodyOn'),
          check.returnedToCustodyOn ? formatDate(check.returnedToCustodyOn) : null,
        ],
      ]
    : [];
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-labelledby={headingId}
      data-outcome-window={window.windowMonths}
    >
      <Group justify="space-between" gap="xs" align="flex-start">
        <Text fw={700} id={headingId}>
          {t('supervision.outcomes.window', { count: window.windowMonths })}
        </Text>
        <WindowStateBadge state={check?.returnedToCustodyOn ? 'recorded' : window.state} />
      </Group>
      {window.dueOn && (
        <Text size="sm" c="dimmed">
          {t('supervision.outcomes.dueOn', { date: formatDate(window.dueOn) })}
        </Text>
      )}
      {check && (
        <Stack gap={0} mt={6}>
          {facts
            .filter((fact): fact is [string, string] => fact[1] !== null)
            .map(([label, value]) => (
              <Text size="sm" key={label}>
                {label}: <strong>{value}</strong>
              </Text>
            ))}
          {check.note && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {check.note}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t('supervision.outcomes.by', { name: check.recordedBy })}
          </Text>
        </Stack>
      )}
      {canRecord && window.state === 'upcoming' && window.opensOn && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('supervision.outcomes.tooEarly', { date: formatDate(window.opensOn) })}
        </Text>
      )}
      {canOpen && (
        <Button
          mt="sm"
          size="sm"
          variant={check ? 'default' : 'filled'}
          leftSection={check ? <IconPencil size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
          onClick={onEdit}
          aria-label={`${check ? t('supervision.outcomes.edit') : t('supervision.outcomes.record')} ${t('supervision.outcomes.window', { count: window.windowMonths })}`}
        >
          {check ? t('supervision.outcomes.edit') : t('supervision.outcomes.record')}
        </Button>
      )}
    </Card>
  );
}

interface OutcomeValues {
  checkedOn: string | null;
  workStatus: WorkStatus | null;
  incomeBand: IncomeBand | null;
  businessStarted: TriState;
  housingStable: TriState;
  inHostVillage: TriState;
  returnedToCustodyOn: string | null;
  note: string;
}

const toTri = (value: boolean | null | undefined): TriState =>
  value === true ? 'yes' : value === false ? 'no' : 'unknown';
const fromTri = (value: TriState): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);

function OutcomeModal({
  personId,
  data,
  window,
  onClose,
}: {
  personId: string;
  data: PersonOutcomes;
  window: Window;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveOutcome(personId);
  const queryClient = useQueryClient();
  const check: OutcomeCheck | null = window.check;
  const today = todayIso();
  const form = useForm<OutcomeValues>({
    initialValues: {
      checkedOn: check?.checkedOn ?? today,
      workStatus: check?.workStatus ?? null,
      incomeBand: check?.incomeBand ?? null,
      businessStarted: toTri(check?.businessStarted),
      housingStable: toTri(check?.housingStable),
      inHostVillage: toTri(check?.inHostVillage),
      returnedToCustodyOn: check?.returnedToCustodyOn ?? null,
      note: check?.note ?? '',
    },
    validate: {
      checkedOn: (value) => (value ? null : t('common.required')),
      workStatus: (value, values) =>
        value || values.returnedToCustodyOn ? null : t('supervision.outcomes.workStatusRequired'),
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.checkedOn) return;
    const answers = {
      checkedOn: values.checkedOn,
      workStatus: values.workStatus,
      incomeBand: values.incomeBand,
      businessStarted: fromTri(values.businessStarted),
      housingStable: fromTri(values.housingStable),
      inHostVillage: fromTri(values.inHostVillage),
      returnedToCustodyOn: values.returnedToCustodyOn,
      note: values.note.trim() || null,
    };
    save.mutate(
      check
        ? { kind: 'update', checkId: check.id, body: { ...answers, version: check.version } }
        : { kind: 'create', body: { ...answers, windowMonths: window.windowMonths } },
      {
        onSuccess: () => {
          notifySuccess(t('supervision.outcomes.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && (isStaleVersion(error) || error.code === 'OUTCOME_EXISTS')) {
            notifications.show({ color: 'red', message: t('supervision.client.stale') });
            void queryClient.invalidateQueries({ queryKey: outcomeKeys.person(personId) });
            onClose();
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  const triState = (field: 'businessStarted' | 'housingStable' | 'inHostVillage') => (
    <TriStateField
      label={t(`supervision.outcomes.${field}`)}
      value={form.values[field]}
      onChange={(value) => form.setFieldValue(field, value)}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t('supervision.outcomes.formTitle', { count: window.windowMonths })}
    >
      <form onSubmit={submit} noValidate data-outcome-form>
        <Stack gap="sm">
          {window.dueOn && (
            <Text size="sm">{t('supervision.outcomes.dueOn', { date: formatDate(window.dueOn) })}</Text>
          )}
          <DateField
            label={t('supervision.outcomes.checkedOn')}
            withAsterisk
            minDate={window.opensOn ?? undefined}
            maxDate={today}
            {...form.getInputProps('checkedOn')}
          />
          <Select
            label={t('supervision.outcomes.workStatus')}
            withAsterisk={!form.values.returnedToCustodyOn}
            data={optionsOf(WORK_STATUSES, (code) => t(`supervision.vocab.workStatus.${code}`))}
            clearable
            {...form.getInputProps('workStatus')}
          />
          <Select
            label={t('supervision.outcomes.incomeBand')}
            data={optionsOf(INCOME_BANDS, (code) => t(`supervision.vocab.incomeBand.${code}`))}
            clearable
            {...form.getInputProps('incomeBand')}
          />
          {triState('businessStarted')}
          {triState('housingStable')}
          {triState('inHostVillage')}
          <DateField
            label={t('supervision.outcomes.returnedToCustodyOn')}
            description={t('supervision.outcomes.returnedHint')}
            minDate={data.releasedOn ?? undefined}
            maxDate={today}
            clearable
            {...form.getInputProps('returnedToCustodyOn')}
          />
          <Textarea
            label={t('supervision.outcomes.note')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TriStateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: TriState;
  onChange: (value: TriState) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        fullWidth
        value={value}
        onChange={(next) => onChange(next as TriState)}
        data={[
          { value: 'yes', label: t('supervision.outcomes.yes') },
          { value: 'no', label: t('supervision.outcomes.no') },
          { value: 'unknown', label: t('supervision.outcomes.unknown') },
        ]}
      />
    </Stack>
  );
}
