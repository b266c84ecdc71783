import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconFileUpload,
  IconMessageCircle,
  IconRefresh,
  IconSend,
  IconSignature,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AGREEMENT_SCAN_MAX_BYTES, type AgreementDetail } from '../../../../shared/agreements.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { todayIso } from '../../training/components/today.ts';
import { useAgreementStep, useReloadAgreement, useSignAgreement } from '../api/agreements.ts';
import { untilBeforeFrom } from './agreementForm.ts';
import { agreementPagePath } from './paths.ts';

type Dialog = 'submit' | 'agree' | 'changes' | 'sign' | 'terminate' | 'renew' | 'discard' | null;

/** Refusals meaning the agreement is no longer what the dialog shows: say so, reload and close. */
const GONE = [
  'AGREEMENT_NOT_FOUND',
  'AGREEMENT_LOCKED',
  'AGREEMENT_NOT_DRAFT',
  'AGREEMENT_NOT_IN_REVIEW',
  'AGREEMENT_ALREADY_AGREED',
  'AGREEMENT_NOT_AGREED',
  'AGREEMENT_NOT_SIGNED',
  'AGREEMENT_RENEWAL_EXISTS',
  'AGREEMENT_PARENT_INVALID',
  'AGREEMENT_NOT_DISCARDABLE',
  'AGREEMENT_DRAFTER_ONLY',
  'AGREEMENT_ACT_FORBIDDEN',
  'FORBIDDEN',
];

function useOnRefused(agreementId: string, onClose: () => void) {
  const { t } = useTranslation();
  const reload = useReloadAgreement(agreementId);
  return (error: unknown): boolean => {
    if (!isApiError(error)) return false;
    if (!isStaleVersion(error) && !GONE.includes(error.code)) return false;
    if (isStaleVersion(error))
      notifications.show({ color: 'red', message: t('agreements.stale'), autoClose: 10_000 });
    else notifyError(error);
    void reload();
    onClose();
    return true;
  };
}

/**
 * The workflow buttons the server allows now (`actions`): Ajukan untuk ditelaah, Setujui (for the caller's
 * own party, as its head or delegate), Minta perubahan, Catat penandatanganan, Akhiri, Perpanjang.
 */
export function WorkflowActions({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const { actions } = agreement;
  // The party the caller may agree for (her own organization's), still to agree the current text.
  const myParty = agreement.parties.find((party) => party.canAct && !party.agreedCurrent) ?? null;
  const any =
    actions.submit ||
    actions.agree ||
    actions.requestChanges ||
    actions.sign ||
    actions.terminate ||
    actions.renew ||
    actions.discard;
  if (!any) return null;

  return (
    <>
      <Group gap="xs" data-agreement-actions>
        {actions.submit && (
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setDialog('submit')}>
            {t('agreements.workflow.submit')}
          </Button>
        )}
        {actions.agree && (
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={() => setDialog('agree')}
            // The organization's name is long: the label wraps on a phone instead of being cut.
            h="auto"
            mih={36}
            py={6}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            {myParty
              ? t('agreements.workflow.agreeAs', { organization: myParty.organization.name })
              : t('agreements.workflow.agree')}
          </Button>
        )}
        {actions.requestChanges && (
          <Button
            variant="default"
            leftSection={<IconMessageCircle size={16} aria-hidden />}
            onClick={() => setDialog('changes')}
          >
            {t('agreements.workflow.requestChanges')}
          </Button>
        )}
        {actions.sign && (
          <Button leftSection={<IconSignature size={16} aria-hidden />} onClick={() => setDialog('sign')}>
            {t('agreements.workflow.sign')}
          </Button>
        )}
        {actions.renew && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => setDialog('renew')}
          >
            {t('agreements.workflow.renew')}
          </Button>
        )}
        {actions.terminate && (
          <Button
            variant="default"
            color="red.9"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => setDialog('terminate')}
          >
            {t('agreements.workflow.terminate')}
          </Button>
        )}
        {actions.discard && (
          <Button
            variant="default"
            color="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setDialog('discard')}
          >
            {t('agreements.workflow.discard')}
          </Button>
        )}
      </Group>
      <DiscardDialog agreement={agreement} opened={dialog === 'discard'} onClose={close} />
      <SubmitDialog agreement={agreement} opened={dialog === 'submit'} onClose={close} />
      <Modal opened={dialog === 'agree'} onClose={close} title={t('agreements.agree.title')} centered>
        {dialog === 'agree' && (
          <AgreeForm
            agreement={agreement}
            organization={myParty?.organization.name ?? null}
            onClose={close}
          />
        )}
      </Modal>
      <Modal opened={dialog === 'changes'} onClose={close} title={t('agreements.changes.title')} centered>
        {dialog === 'changes' && <ChangesForm agreement={agreement} onClose={close} />}
      </Modal>
      <Modal
        opened={dialog === 'sign'}
        onClose={close}
        title={t('agreements.sign.title')}
        size="lg"
        closeOnClickOutside={false}
      >
        {dialog === 'sign' && <SignForm agreement={agreement} onClose={close} />}
      </Modal>
      <Modal opened={dialog === 'terminate'} onClose={close} title={t('agreements.terminate.title')} centered>
        {dialog === 'terminate' && <TerminateForm agreement={agreement} onClose={close} />}
      </Modal>
      <RenewDialog agreement={agreement} opened={dialog === 'renew'} onClose={close} />
    </>
  );
}

/** Submitting may be refused with what is missing (parties, Pasal, signatories): listed in the dialog. */
function SubmitDialog({
  agreement,
  opened,
  onClose,
}: {
  agreement: AgreementDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const submit = useAgreementStep(agreement.id, 'submit');
  const refused = useOnRefused(agreement.id, onClose);
  const [missing, setMissing] = useState<string[]>([]);
  const close = () => {
    setMissing([]);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('agreements.submitDialog.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('agreements.submitDialog.body', { version: agreement.textVersion })}</Text>
        {missing.length > 0 && (
          <Alert color="red" title={t('agreements.submitDialog.missing')} role="alert">
            <List size="sm" spacing={2}>
              {missing.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={submit.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(
                { version: agreement.version },
                {
                  onSuccess: () => {
                    notifySuccess(t('agreements.submitDialog.done'));
                    close();
                  },
                  onError: (error) => {
                    if (refused(error)) return;
                    if (isApiError(error) && error.fields && Object.keys(error.fields).length > 0) {
                      setMissing([...new Set(Object.values(error.fields))]);
                    } else notifyError(error);
                  },
                },
              )
            }
          >
            {t('agreements.submitDialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AgreeForm({
  agreement,
  organization,
  onClose,
}: {
  agreement: AgreementDetail;
  organization: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const agree = useAgreementStep(agreement.id, 'agree');
  const refused = useOnRefused(agreement.id, onClose);
  const form = useForm<{ note: string }>({ initialValues: { note: '' } });
  const submit = form.onSubmit((values) => {
    agree.mutate(
      { version: agreement.version, note: values.note.trim() || null },
      {
        onSuccess: (answer) => {
          notifySuccess(
            answer.status === 'agreed'
              ? t('agreements.agree.doneAll')
              : t('agreements.agree.done', { version: agreement.textVersion }),
          );
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-agreement-agree>
      <Stack gap="sm">
        <Text size="sm">
          {t('agreements.agree.body', {
            version: agreement.textVersion,
            organization: organization ?? '',
          })}
        </Text>
        <Textarea
          label={t('agreements.agree.note')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={agree.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={agree.isPending}>
            {t('agreements.agree.submit', { version: agreement.textVersion })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangesForm({ agreement, onClose }: { agreement: AgreementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const request = useAgreementStep(agreement.id, 'request-changes');
  const refused = useOnRefused(agreement.id, onClose);
  const form = useForm<{ note: string }>({
    initialValues: { note: '' },
    validate: { note: (value) => (value.trim() ? null : t('agreements.changes.noteRequired')) },
  });
  const submit = form.onSubmit((values) => {
    request.mutate(
      { version: agreement.version, note: values.note.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('agreements.changes.done'));
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate data-agreement-changes>
      <Stack gap="sm">
        <Text size="sm">{t('agreements.changes.body')}</Text>
        <Textarea
          label={t('agreements.changes.note')}
          placeholder={t('agreements.changes.notePlaceholder')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={request.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={request.isPending}>
            {t('agreements.changes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface SignValues {
  signedOn: string | null;
  signedPlace: string;
  validFrom: string | null;
  validUntil: string | null;
  file: File | null;
}

const SCAN_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const SCAN_MAX_MB = AGREEMENT_SCAN_MAX_BYTES / (1024 * 1024);

/** Catat penandatanganan: the date and place, the term agreed, and the signed scan (PDF, JPEG or PNG). */
function SignForm({ agreement, onClose }: { agreement: AgreementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const sign = useSignAgreement(agreement.id);
  const refused = useOnRefused(agreement.id, onClose);
  const today = todayIso();
  const required = t('common.required');
  const form = useForm<SignValues>({
    initialValues: {
      signedOn: today,
      signedPlace: '',
      validFrom: agreement.validFrom,
      validUntil: agreement.validUntil,
      file: null,
    },
    validate: {
      signedOn: (value) => (!value ? required : value > today ? t('agreements.sign.signedInFuture') : null),
      signedPlace: (value) => (value.trim() ? null : required),
      validFrom: (value) => (value ? null : required),
      validUntil: (value, values) =>
        !value
          ? required
          : untilBeforeFrom(values.validFrom, value)
            ? t('agreements.validity.untilBeforeFrom')
            : null,
      file: (value) =>
        !value
          ? t('agreements.sign.fileRequired')
          : value.size > AGREEMENT_SCAN_MAX_BYTES
            ? t('agreements.sign.fileTooLarge', { maxMb: SCAN_MAX_MB })
            : null,
    },
  });
  const submit = form.onSubmit((values) => {
    if (!values.signedOn || !values.validFrom || !values.validUntil || !values.file) return;
    sign.mutate(
      {
        signedOn: values.signedOn,
        signedPlace: values.signedPlace.trim(),
        validFrom: values.validFrom,
        validUntil: values.validUntil,
        version: agreement.version,
        scan: values.file,
        csrfToken: me.csrfToken,
      },
      {
        onSuccess: () => {
          notifySuccess(t('agreements.sign.done'));
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error, { codes: { DOCUMENT_TOO_LARGE: 'file' } });
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate data-agreement-sign>
      <Stack gap="sm">
        <Text size="sm">{t('agreements.sign.body', { version: agreement.textVersion })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('agreements.sign.signedOn')}
            maxDate={today}
            withAsterisk
            {...form.getInputProps('signedOn')}
          />
          <TextInput
            label={t('agreements.sign.signedPlace')}
            placeholder={t('agreements.sign.signedPlacePlaceholder')}
            withAsterisk
            maxLength={200}
            {...form.getInputProps('signedPlace')}
          />
          <DateField
            label={t('agreements.validity.from')}
            withAsterisk
            {...form.getInputProps('validFrom')}
          />
          <DateField
            label={t('agreements.validity.until')}
            withAsterisk
            minDate={form.getValues().validFrom ?? undefined}
            {...form.getInputProps('validUntil')}
          />
        </SimpleGrid>
        <FileInput
          label={t('agreements.sign.file')}
          placeholder={t('agreements.sign.filePlaceholder')}
          description={t('agreements.sign.fileHint', { maxMb: SCAN_MAX_MB })}
          accept={SCAN_ACCEPT}
          withAsterisk
          clearable
          clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          {...form.getInputProps('file')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={sign.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={sign.isPending}>
            {t('agreements.sign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TerminateForm({ agreement, onClose }: { agreement: AgreementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const terminate = useAgreementStep(agreement.id, 'terminate');
  const refused = useOnRefused(agreement.id, onClose);
  const today = todayIso();
  const form = useForm<{ terminatedOn: string | null; reason: string }>({
    initialValues: { terminatedOn: today, reason: '' },
    validate: {
      terminatedOn: (value) =>
        !value ? t('common.required') : value > today ? t('agreements.terminate.inFuture') : null,
      reason: (value) => (value.trim() ? null : t('agreements.terminate.reasonRequired')),
    },
  });
  const submit = form.onSubmit((values) => {
    if (!values.terminatedOn) return;
    terminate.mutate(
      { terminatedOn: values.terminatedOn, reason: values.reason.trim(), version: agreement.version },
      {
        onSuccess: () => {
          notifySuccess(t('agreements.terminate.done'));
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate data-agreement-terminate>
      <Stack gap="sm">
        <Text size="sm">{t('agreements.terminate.body')}</Text>
        <DateField
          label={t('agreements.terminate.date')}
          maxDate={today}
          minDate={agreement.signedOn ?? undefined}
          withAsterisk
          {...form.getInputProps('terminatedOn')}
        />
        <Textarea
          label={t('agreements.terminate.reason')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={terminate.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={terminate.isPending}>
            {t('agreements.terminate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Perpanjang: a new draft copying the parties, Pasal and obligations; the page moves to it. */
function RenewDialog({
  agreement,
  opened,
  onClose,
}: {
  agreement: AgreementDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const renew = useAgreementStep(agreement.id, 'renew');
  const refused = useOnRefused(agreement.id, onClose);
  return (
    <ConfirmModal
      opened={opened}
      title={t('agreements.renew.title')}
      confirmLabel={t('agreements.renew.confirm')}
      loading={renew.isPending}
      onClose={onClose}
      onConfirm={() =>
        renew.mutate(
          { version: agreement.version },
          {
            onSuccess: (draft) => {
              notifySuccess(t('agreements.renew.done'));
              onClose();
              void navigate(agreementPagePath(draft.id));
            },
            onError: (error) => {
              if (!refused(error)) notifyError(error);
            },
          },
        )
      }
    >
      {t('agreements.renew.body')}
    </ConfirmModal>
  );
}

/** Buang draf: a draft or in-review agreement given up by its drafter stays, read-only, out of the lists. */
function DiscardDialog({
  agreement,
  opened,
  onClose,
}: {
  agreement: AgreementDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const discard = useAgreementStep(agreement.id, 'discard');
  const refused = useOnRefused(agreement.id, onClose);
  return (
    <ConfirmModal
      opened={opened}
      title={t('agreements.discard.title')}
      confirmLabel={t('agreements.discard.confirm')}
      confirmColor="red.9"
      loading={discard.isPending}
      onClose={onClose}
      onConfirm={() =>
        discard.mutate(
          { version: agreement.version },
          {
            onSuccess: () => {
              notifySuccess(t('agreements.discard.done'));
              onClose();
            },
            onError: (error) => {
              if (!refused(error)) notifyError(error);
            },
          },
        )
      }
    >
      {t('agreements.discard.body')}
    </ConfirmModal>
  );
}
