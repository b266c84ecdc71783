import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MEETING_LIMITS } from '../../../../shared/meetings.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCreateMeeting } from '../api/meetings.ts';
import { AttendeePicker } from '../components/AttendeePicker.tsx';
import { AttendeeRows } from '../components/AttendeeRows.tsx';
import {
  createMeetingRequest,
  emptyMeetingForm,
  type MeetingFormValues,
  newAgendaRow,
} from '../components/meetingForm.ts';
import { ParticularsFields, useParticularsValidation } from '../components/ParticularsFields.tsx';
import { MEETINGS_PATH, meetingPagePath } from '../components/paths.ts';

/**
 * /tata-kelola/rapat/baru: a new meeting organized by her organization: particulars, agenda and attendees.
 * The open action items of the previous meeting are carried into it by the server (the first agenda item).
 */
export function MeetingCreatePage() {
  const me = useSession();
  if (!accessFor(me.permissions).canManageMeetings) return <StatusPage kind="forbidden" />;
  return <MeetingCreateForm />;
}

function MeetingCreateForm() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const particulars = useParticularsValidation();
  const form = useForm<MeetingFormValues>({
    initialValues: emptyMeetingForm(),
    validate: {
      ...particulars,
      agenda: {
        // A row with a presenter needs its title; a row left empty is dropped.
        title: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          const row = values.agenda[index];
          return value.trim() || !row?.presenter.trim() ? null : t('common.required');
        },
      },
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((submitted) => {
    create.mutate(createMeetingRequest(submitted), {
      onSuccess: (meeting) => {
        notifySuccess(t('meetings.create.created'));
        void navigate(meetingPagePath(meeting.id));
      },
      onError: (error) => showServerErrors(form, error),
    });
  }, focusFirstError);

  const attendeeError = form.errors.attendees;

  return (
    <Stack gap="md" maw={1040}>
      <div>
        <BackButton to={MEETINGS_PATH}>{t('meetings.page.back')}</BackButton>
        <PageHeader title={t('meetings.create.title')} />
        <Text size="sm" c="dimmed">
          {t('meetings.create.organizer', { name: me.organization.name })}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SectionCard title={t('meetings.create.particulars')} id="meeting-form-particulars">
            <ParticularsFields form={form} />
          </SectionCard>

          <SectionCard title={t('meetings.agenda.title')} id="meeting-form-agenda">
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
              <Text size="sm" c="dark">
                {t('meetings.create.carryOverHint')}
              </Text>
            </Alert>
            <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {values.agenda.map((row, index) => {
                const number = index + 1;
                return (
                  <Paper key={row.key} withBorder p="sm" component="li" data-testid="agenda-row">
                    <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                      <Title order={3} fz="sm">
                        {t('meetings.agenda.itemNumber', { number })}
                      </Title>
                      <RemoveRowButton
                        label={t('meetings.agenda.remove', { number })}
                        onClick={() => form.removeListItem('agenda', index)}
                      />
                    </Group>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <TextInput
                        label={t('meetings.agenda.itemTitle', { number })}
                        maxLength={300}
                        {...form.getInputProps(`agenda.${index}.title`)}
                      />
                      <TextInput
                        label={t('meetings.agenda.presenter', { number })}
                        maxLength={200}
                        {...form.getInputProps(`agenda.${index}.presenter`)}
                      />
                    </SimpleGrid>
                  </Paper>
                );
              })}
            </Stack>
            {values.agenda.length < MEETING_LIMITS.agenda && (
              <AddRowButton onClick={() => form.insertListItem('agenda', newAgendaRow())}>
                {t('meetings.agenda.add')}
              </AddRowButton>
            )}
          </SectionCard>

          <SectionCard
            title={t('meetings.attendees.title')}
            id="meeting-form-attendees"
            hint={t('meetings.create.attendeesHint')}
          >
            {attendeeError && (
              <Text size="sm" c="red.8" role="alert">
                {String(attendeeError)}
              </Text>
            )}
            <AttendeeRows
              rows={values.attendees}
              errors={form.errors}
              onRemove={(index) => form.removeListItem('attendees', index)}
            />
            {values.attendees.length < MEETING_LIMITS.attendees && (
              <AttendeePicker
                rows={values.attendees}
                onAdd={(row) => {
                  form.insertListItem('attendees', row);
                  // A row added moves the positions: the errors of the old positions no longer fit.
                  form.clearErrors();
                }}
              />
            )}
          </SectionCard>

          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={MEETINGS_PATH} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('meetings.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
