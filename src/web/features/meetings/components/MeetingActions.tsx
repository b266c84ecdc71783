import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarCheck, IconFileText, IconFileTypePdf, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LANGUAGES } from '../../../../shared/common.ts';
import type { MeetingStatus } from '../../../../shared/meetings.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { accessFor } from '../../../lib/access.ts';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { downloadFile } from '../../people/api/peopleData.ts';
import {
  daftarHadirPdfPath,
  notulenPdfPath,
  useCreateActivityReport,
  useUpdateMeeting,
} from '../api/meetings.ts';
import { useMeetingPage } from './MeetingPageContext.tsx';
import { type MeetingParticularsValues, particularsOf, updateMeetingRequest } from './meetingForm.ts';
import { ParticularsFields, useParticularsValidation } from './ParticularsFields.tsx';
import { activityReportPath } from './paths.ts';

type Dialog = 'edit' | 'held' | 'cancelled' | null;

/**
 * The organizer's staff change a planned meeting: "Ubah" (particulars), "Tandai terlaksana" and "Batalkan"
 * (neither can be undone). Nothing once held or cancelled but the particulars of a held one.
 */
export function MeetingActions() {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const update = useUpdateMeeting(meeting.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!meeting.canEdit) return null;
  const planned = meeting.status === 'planned';

  const changeStatus = (status: MeetingStatus) =>
    update.mutate(updateMeetingRequest(meeting, { status }), {
      onSuccess: () => {
        notifySuccess(t(status === 'held' ? 'meetings.page.markedHeld' : 'meetings.page.markedCancelled'));
        setDialog(null);
      },
      onError: (error) => {
        onError(error);
        setDialog(null);
      },
    });

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => setDialog('edit')}
      >
        {t('meetings.page.edit')}
      </Button>
      {planned && (
        <Button leftSection={<IconCalendarCheck size={16} aria-hidden />} onClick={() => setDialog('held')}>
          {t('meetings.page.markHeld')}
        </Button>
      )}
      {planned && (
        <Button
          variant="default"
          color="red.9"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => setDialog('cancelled')}
        >
          {t('meetings.page.cancel')}
        </Button>
      )}
      <ConfirmModal
        opened={dialog === 'held'}
        title={t('meetings.page.markHeldTitle')}
        confirmLabel={t('meetings.page.markHeld')}
        loading={update.isPending}
        onConfirm={() => changeStatus('held')}
        onClose={() => setDialog(null)}
      >
        {t('meetings.page.markHeldText')}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'cancelled'}
        title={t('meetings.page.cancelTitle')}
        confirmLabel={t('meetings.page.cancel')}
        confirmColor="red.9"
        loading={update.isPending}
        onConfirm={() => changeStatus('cancelled')}
        onClose={() => setDialog(null)}
      >
        {t('meetings.page.cancelText')}
      </ConfirmModal>
      <Modal
        opened={dialog === 'edit'}
        onClose={() => setDialog(null)}
        title={t('meetings.page.editTitle')}
        size="lg"
        centered
      >
        <EditParticularsForm onClose={() => setDialog(null)} />
      </Modal>
    </>
  );
}

function EditParticularsForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const update = useUpdateMeeting(meeting.id);
  const form = useForm<MeetingParticularsValues>({
    initialValues: particularsOf(meeting),
    validate: useParticularsValidation(),
  });
  const submit = form.onSubmit((particulars) => {
    update.mutate(updateMeetingRequest(meeting, { particulars }), {
      onSuccess: () => {
        notifySuccess(t('meetings.page.saved'));
        onClose();
      },
      onError: (error) => onError(error, form),
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ParticularsFields form={form} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The printable minutes and attendance list (PDF; fetched first, so a refusal shows the server's message),
 * and, once the meeting is held, "Buat laporan kegiatan": a draft report filled from it, opened right away.
 */
export function MeetingDocuments() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { meeting, onError } = useMeetingPage();
  const access = accessFor(useSession().permissions);
  const report = useCreateActivityReport();
  const [downloading, setDownloading] = useState<'notulen' | 'daftarHadir' | null>(null);

  const download = async (which: 'notulen' | 'daftarHadir') => {
    setDownloading(which);
    try {
      if (which === 'notulen') await downloadFile(notulenPdfPath(meeting.id), 'notulen.pdf');
      else await downloadFile(daftarHadirPdfPath(meeting.id), 'daftar-hadir.pdf');
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(null);
    }
  };

  const createReport = () => {
    const language = LANGUAGES.find((code) => code === i18n.language) ?? 'id';
    report.mutate(
      { meetingId: meeting.id, language },
      {
        onSuccess: (created) => {
          notifySuccess(t('meetings.page.reportCreated'));
          void navigate(activityReportPath(created.id));
        },
        onError: (error) => onError(error),
      },
    );
  };

  return (
    <Group gap="xs" component="section" aria-label={t('meetings.page.documents')}>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        loading={downloading === 'notulen'}
        onClick={() => void download('notulen')}
      >
        {t('meetings.page.downloadMinutes')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        loading={downloading === 'daftarHadir'}
        onClick={() => void download('daftarHadir')}
      >
        {t('meetings.page.downloadAttendance')}
      </Button>
      {access.canManageMeetings && meeting.status === 'held' && (
        <Button
          variant="default"
          leftSection={<IconFileText size={16} aria-hidden />}
          loading={report.isPending}
          onClick={createReport}
        >
          {t('meetings.page.createReport')}
        </Button>
      )}
    </Group>
  );
}
