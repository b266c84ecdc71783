import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCloudOff, IconDeviceFloppy, IconRestore, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { RecordSessionResponse } from '../../../../shared/supervision.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { WARNING_ALERT } from '../../people/components/vocabulary.ts';
import { useAfterSessionRecorded, usePersonSupervision } from '../api/supervision.ts';
import { useVisitDraft } from '../components/useVisitDraft.ts';
import { VisitFields, visitValidation } from '../components/VisitFields.tsx';
import type { VisitValues } from '../components/visitDraft.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /bimbingan/:personId/kunjungan: record a visit on a phone; kept on the device until the server has it. */
export function VisitFormPage() {
  const { personId = '' } = useParams();
  if (!UUID.test(personId)) return <StatusPage kind="notFound" />;
  // A new client is a new form (and a new draft): remount instead of carrying state over.
  return <VisitForm key={personId} personId={personId} />;
}

function VisitForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = usePersonSupervision(personId);
  const afterRecorded = useAfterSessionRecorded();
  const clientPath = `/bimbingan/${personId}`;
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  const accepted = (response: RecordSessionResponse) => {
    afterRecorded();
    notifySuccess(t(response.replayed ? 'supervision.visit.recordedAgain' : 'supervision.visit.recorded'));
    navigate(clientPath);
  };
  const me = useSession();
  const visit = useVisitDraft(
    { userId: me.user.id, personId },
    {
      onAccepted: accepted,
      onRefused: (error) => showServerErrors(form, error),
    },
  );
  const form = useForm<VisitValues>({
    initialValues: visit.draft.values,
    validate: visitValidation(t),
    onValuesChange: (values) => visit.update(values),
  });

  // A discarded draft gives way to a fresh one: the form follows it.
  const draftKey = visit.draft.clientKey;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the draft itself is replaced
  useEffect(() => {
    if (JSON.stringify(form.getValues()) !== JSON.stringify(visit.draft.values)) {
      form.setValues(visit.draft.values);
      form.clearErrors();
    }
  }, [draftKey]);

  const submit = form.onSubmit(async (values) => {
    const result = await visit.send(values);
    if (!result) return;
    if (result.kind === 'pending') {
      notifications.show({ color: 'yellow', message: t('supervision.visit.pendingTitle') });
    } else if (result.kind === 'refused') {
      if (!showServerErrors(form, result.error) && !isApiError(result.error)) notifyError(result.error);
    }
  });

  const data = client.data;
  // She is not a client the caller may record for (a 403/404 answer, not a lost connection).
  const outOfReach =
    (isApiError(client.error) && client.error.status >= 400 && client.error.status < 500) ||
    data?.state === 'not_client';
  const cannotRecord = data !== undefined && !data.canRecord;
  const draft = visit.draft;

  return (
    <Stack gap="md" maw={640}>
      <div>
        <BackButton to={clientPath}>{t('supervision.visit.back')}</BackButton>
      </div>
      <div>
        <PageHeader title={t('supervision.visit.title')} />
        {data && (
          <Text size="sm" mt={4}>
            {t('supervision.visit.for', { name: data.displayName })}
            {data.releasedOn &&
              ` · ${t('supervision.client.released', { date: formatDate(data.releasedOn) })}`}
          </Text>
        )}
      </div>

      {draft.pending && (
        <Alert
          {...WARNING_ALERT}
          icon={<IconCloudOff aria-hidden />}
          title={t('supervision.visit.pendingTitle')}
          role="status"
          data-visit-pending
        >
          <Stack gap="xs">
            <Text size="sm">{t('supervision.visit.pendingText')}</Text>
            {!visit.online && <Text size="sm">{t('supervision.visit.pendingOffline')}</Text>}
            {draft.failedAt && (
              <Text size="sm">
                {t('supervision.visit.failedAt', { time: formatDateTime(draft.failedAt) })}
              </Text>
            )}
            <Group gap="xs">
              <Button
                size="md"
                leftSection={<IconSend size={18} aria-hidden />}
                loading={visit.sending}
                onClick={() => void submit()}
              >
                {t('supervision.visit.resend')}
              </Button>
              <Button
                size="md"
                variant="default"
                disabled={visit.sending}
                onClick={() => setConfirmDiscard(true)}
              >
                {t('supervision.visit.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {!draft.pending && visit.restored && (
        <Alert color="blue" icon={<IconRestore aria-hidden />} data-visit-restored>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('supervision.visit.restored', { time: formatDateTime(draft.savedAt) })}</Text>
            <Button size="xs" variant="default" onClick={() => setConfirmDiscard(true)}>
              {t('supervision.visit.discard')}
            </Button>
          </Group>
        </Alert>
      )}
      {!visit.online && !draft.pending && (
        <Alert color="gray" icon={<IconCloudOff aria-hidden />} role="status">
          <Text size="sm">{t('supervision.visit.offline')}</Text>
        </Alert>
      )}

      {outOfReach ? (
        <Alert color="red" role="alert">
          <Text size="sm">{t('supervision.client.notClient')}</Text>
        </Alert>
      ) : cannotRecord && !draft.pending ? (
        <Alert color="gray">
          <Text size="sm">{t('supervision.visit.cannotRecord')}</Text>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate data-visit-form>
          <Stack gap="md">
            <VisitFields form={form} releasedOn={data?.releasedOn ?? null} size="md" />
            <Text size="xs" c={visit.storageOk ? 'dimmed' : 'red.8'} aria-live="polite">
              {visit.storageOk ? (
                <>
                  <IconDeviceFloppy size={14} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
                  {t('supervision.visit.autosaved')}
                </>
              ) : (
                t('supervision.visit.storageFailed')
              )}
            </Text>
            <Button
              type="submit"
              size="lg"
              fullWidth
              leftSection={<IconSend size={20} aria-hidden />}
              loading={visit.sending}
            >
              {t('supervision.visit.submit')}
            </Button>
          </Stack>
        </form>
      )}

      <ConfirmModal
        opened={confirmDiscard}
        title={t('supervision.visit.discardTitle')}
        confirmLabel={t('supervision.visit.discard')}
        confirmColor="red.9"
        onConfirm={() => {
          visit.discard();
          setConfirmDiscard(false);
          notifySuccess(t('supervision.visit.discarded'));
        }}
        onClose={() => setConfirmDiscard(false)}
      >
        {t('supervision.visit.discardText')}
      </ConfirmModal>
    </Stack>
  );
}
