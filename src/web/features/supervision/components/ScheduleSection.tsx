import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PersonSupervision,
  SUPERVISION_INTERVALS,
  SUPERVISION_KINDS,
  type SupervisionInterval,
  type SupervisionKind,
} from '../../../../shared/supervision.ts';
import { DateField } from '../../../components/DateField.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, orDash } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { daysFromToday } from '../../people/components/dates.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { supervisionKeys, useSaveSchedule } from '../api/supervision.ts';
import { DueBadge } from './vocabulary.tsx';

/** The reporting schedule: what, how often, where, from when, and the next due date. */
export function ScheduleSection({ data }: { data: PersonSupervision }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const schedule = data.schedule;
  const canEdit = data.canRecord && data.state !== 'ended';
  const dueDays = schedule?.active ? daysFromToday(schedule.nextDueOn) : null;

  return (
    <SectionCard
      title={t('supervision.client.schedule.title')}
      id="supervision-schedule"
      actions={
        canEdit && (
          <Button
            variant="default"
            size="sm"
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {schedule ? t('supervision.client.schedule.edit') : t('supervision.client.schedule.create')}
          </Button>
        )
      }
    >
      {schedule ? (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
          <InfoField label={t('supervision.client.schedule.nextDue')}>
            {schedule.active ? (
              <Group gap={6} component="span">
                <span>{formatDate(schedule.nextDueOn)}</span>
                <DueBadge days={dueDays} />
              </Group>
            ) : (
              t('supervision.due.ended')
            )}
          </InfoField>
          <InfoField label={t('supervision.client.schedule.interval')}>
            {t(`supervision.vocab.interval.${schedule.interval}`)}
          </InfoField>
          <InfoField label={t('supervision.client.schedule.kind')}>
            {t(`supervision.vocab.kind.${schedule.kind}`)}
          </InfoField>
          <InfoField label={t('supervision.client.schedule.place')}>{orDash(schedule.place)}</InfoField>
          <InfoField label={t('supervision.client.schedule.startsOn')}>
            {formatDate(schedule.startsOn)}
          </InfoField>
        </SimpleGrid>
      ) : (
        <Text size="sm">{t('supervision.client.schedule.none')}</Text>
      )}
      {editing && <ScheduleModal data={data} onClose={() => setEditing(false)} />}
    </SectionCard>
  );
}

interface ScheduleValues {
  kind: SupervisionKind;
  interval: SupervisionInterval;
  place: string;
  startsOn: string | null;
}

function ScheduleModal({ data, onClose }: { data: PersonSupervision; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSchedule(data.personId);
  const queryClient = useQueryClient();
  const schedule = data.schedule;
  const form = useForm<ScheduleValues>({
    initialValues: {
      kind: schedule?.kind ?? 'reporting_visit',
      interval: schedule?.interval ?? 'monthly',
      place: schedule?.place ?? '',
      startsOn: schedule?.startsOn ?? data.releasedOn,
    },
  });

  const submit = form.onSubmit((values) => {
    save.mutate(
      {
        kind: values.kind,
        interval: values.interval,
        place: values.place.trim() || null,
        startsOn: values.startsOn ?? undefined,
        version: schedule?.version ?? 0,
      },
      {
        onSuccess: () => {
          notifySuccess(t('supervision.client.schedule.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) {
            notifications.show({ color: 'red', message: t('supervision.client.stale') });
            void queryClient.invalidateQueries({ queryKey: supervisionKeys.person(data.personId) });
            onClose();
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('supervision.client.schedule.formTitle')} centered>
      <form onSubmit={submit} noValidate data-schedule-form>
        <Stack gap="sm">
          <Select
            label={t('supervision.client.schedule.kind')}
            data={optionsOf(SUPERVISION_KINDS, (code) => t(`supervision.vocab.kind.${code}`))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('supervision.client.schedule.interval')}
            data={optionsOf(SUPERVISION_INTERVALS, (code) => t(`supervision.vocab.interval.${code}`))}
            allowDeselect={false}
            {...form.getInputProps('interval')}
          />
          <TextInput
            label={t('supervision.client.schedule.place')}
            description={t('supervision.client.schedule.placeHint')}
            maxLength={200}
            {...form.getInputProps('place')}
          />
          <DateField
            label={t('supervision.client.schedule.startsOn')}
            description={t('supervision.client.schedule.startsOnHint')}
            {...form.getInputProps('startsOn')}
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
