import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconUserCheck, IconUserCog, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverStatus } from '../../../../shared/handovers.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import {
  useAcceptHandover,
  useCancelHandover,
  useChangeOfficer,
  useHandoverOfficers,
  useReloadHandovers,
  useReturnHandover,
} from '../api/handovers.ts';

/** What the actions need of a handover: the full one (person tab) or a list item (the list page). */
export interface ActionableHandover {
  id: string;
  status: HandoverStatus;
  to: { id: string; name: string };
  expectedReleaseDate: string | null;
  officer: { id: string; name: string } | null;
  version: number;
  canAccept: boolean;
  canReturn: boolean;
  canCancel: boolean;
  canChangeOfficer: boolean;
}

type Dialog = 'accept' | 'return' | 'officer' | 'cancel' | null;

/**
 * Refusals that mean the handover is no longer what the dialog shows (someone else decided, cancelled or
 * changed it first): say so, reload and close rather than let the officer correct a form.
 */
function useOnRefused(onClose: () => void) {
  const { t } = useTranslation();
  const reload = useReloadHandovers();
  return (error: unknown): boolean => {
    if (!isApiError(error)) return false;
    const gone = ['HANDOVER_NOT_SENT', 'HANDOVER_NOT_ACCEPTED', 'HANDOVER_NOT_FOUND', 'HANDOVER_OWN'];
    if (!isStaleVersion(error) && !gone.includes(error.code)) return false;
    if (isStaleVersion(error)) notifications.show({ color: 'red', message: t('handovers.stale') });
    else notifyError(error);
    void reload();
    onClose();
    return true;
  };
}

/**
 * The buttons the caller may use on a handover now (the server says which: canAccept, …): Bapas head
 * "Terima & tetapkan PK", "Kembalikan", "Ganti PK"; the prison "Batalkan". Renders nothing when none.
 */
export function HandoverActions({
  handover,
  personName,
  defaultStartsOn,
  size = 'sm',
}: {
  handover: ActionableHandover;
  personName: string;
  /** Her release date, when the handover has no expected release date. */
  defaultStartsOn?: string | null;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const { canAccept, canReturn, canChangeOfficer, canCancel } = handover;
  if (!canAccept && !canReturn && !canChangeOfficer && !canCancel) return null;

  return (
    <>
      <Group gap="xs" data-handover-actions>
        {canAccept && (
          <Button
            size={size}
            leftSection={<IconUserCheck size={16} aria-hidden />}
            onClick={() => setDialog('accept')}
          >
            {t('handovers.accept.open')}
          </Button>
        )}
        {canReturn && (
          <Button
            size={size}
            variant="default"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            onClick={() => setDialog('return')}
          >
            {t('handovers.return.open')}
          </Button>
        )}
        {canChangeOfficer && (
          <Button
            size={size}
            variant="default"
            leftSection={<IconUserCog size={16} aria-hidden />}
            onClick={() => setDialog('officer')}
          >
            {t('handovers.officer.open')}
          </Button>
        )}
        {canCancel && (
          <Button
            size={size}
            variant="default"
            color="red.9"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => setDialog('cancel')}
          >
            {t('handovers.cancel.open')}
          </Button>
        )}
      </Group>
      <Modal
        opened={dialog === 'accept' || dialog === 'officer'}
        onClose={close}
        title={dialog === 'officer' ? t('handovers.officer.title') : t('handovers.accept.title')}
        centered
      >
        {dialog === 'accept' && (
          <AcceptForm
            handover={handover}
            personName={personName}
            defaultStartsOn={handover.expectedReleaseDate ?? defaultStartsOn ?? null}
            onClose={close}
          />
        )}
        {dialog === 'officer' && <OfficerForm handover={handover} onClose={close} />}
      </Modal>
      <Modal opened={dialog === 'return'} onClose={close} title={t('handovers.return.title')} centered>
        {dialog === 'return' && <ReturnForm handover={handover} onClose={close} />}
      </Modal>
      <CancelDialog handover={handover} opened={dialog === 'cancel'} onClose={close} />
    </>
  );
}

/** The PKs of her Bapas as choices, each with her current caseload. */
function useOfficerOptions() {
  const { t } = useTranslation();
  const officers = useHandoverOfficers(true);
  const options = (officers.data?.items ?? []).map((officer) => ({
    value: officer.id,
    label: `${officer.name} (${t('handovers.accept.clients', { count: officer.caseload })})`,
  }));
  return { officers, options };
}

interface AcceptValues {
  officerUserId: string | null;
  scheduleStartsOn: string | null;
  note: string;
}

function AcceptForm({
  handover,
  personName,
  defaultStartsOn,
  onClose,
}: {
  handover: ActionableHandover;
  personName: string;
  defaultStartsOn: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptHandover();
  const refused = useOnRefused(onClose);
  const { officers, options } = useOfficerOptions();
  const form = useForm<AcceptValues>({
    initialValues: { officerUserId: null, scheduleStartsOn: defaultStartsOn, note: '' },
    validate: { officerUserId: (value) => (value ? null : t('common.required')) },
  });

  const submit = form.onSubmit((values) => {
    if (!values.officerUserId) return;
    accept.mutate(
      {
        id: handover.id,
        officerUserId: values.officerUserId,
        version: handover.version,
        scheduleStartsOn: values.scheduleStartsOn || null,
        note: values.note.trim() || null,
      },
      {
        onSuccess: (answer) => {
          notifySuccess(t('handovers.accept.done', { officer: answer.officer?.name ?? EMPTY }));
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-handover-accept>
      <Stack gap="sm">
        <Text size="sm">{t('handovers.accept.intro', { name: personName })}</Text>
        <Select
          label={t('handovers.accept.officer')}
          placeholder={t('handovers.accept.officerPlaceholder')}
          data={options}
          withAsterisk
          searchable
          nothingFoundMessage={officers.isPending ? t('common.loading') : EMPTY}
          {...form.getInputProps('officerUserId')}
        />
        {officers.isSuccess && options.length === 0 && (
          <Text size="sm" c="red.9">
            {t('handovers.accept.noOfficers')}
          </Text>
        )}
        <DateField
          label={t('handovers.accept.scheduleStartsOn')}
          description={t('handovers.accept.scheduleHint')}
          clearable
          {...form.getInputProps('scheduleStartsOn')}
        />
        <Textarea
          label={t('handovers.accept.note')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={accept.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={accept.isPending}>
            {t('handovers.accept.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OfficerForm({ handover, onClose }: { handover: ActionableHandover; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeOfficer();
  const refused = useOnRefused(onClose);
  const { officers, options } = useOfficerOptions();
  const current = handover.officer?.id ?? null;
  const others = options.filter((option) => option.value !== current);
  const form = useForm<{ officerUserId: string | null; note: string }>({
    initialValues: { officerUserId: null, note: '' },
    validate: {
      officerUserId: (value) =>
        !value ? t('common.required') : value === current ? t('handovers.officer.same') : null,
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.officerUserId) return;
    change.mutate(
      {
        id: handover.id,
        officerUserId: values.officerUserId,
        version: handover.version,
        note: values.note.trim() || null,
      },
      {
        onSuccess: (answer) => {
          notifySuccess(t('handovers.officer.done', { officer: answer.officer?.name ?? EMPTY }));
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-handover-officer>
      <Stack gap="sm">
        {handover.officer && (
          <Text size="sm">{t('handovers.officer.current', { name: handover.officer.name })}</Text>
        )}
        <Select
          label={t('handovers.accept.officer')}
          placeholder={t('handovers.accept.officerPlaceholder')}
          data={others}
          withAsterisk
          searchable
          nothingFoundMessage={officers.isPending ? t('common.loading') : EMPTY}
          {...form.getInputProps('officerUserId')}
        />
        {officers.isSuccess && others.length === 0 && (
          <Text size="sm" c="red.9">
            {t('handovers.officer.noOther')}
          </Text>
        )}
        <Textarea
          label={t('handovers.officer.note')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('handovers.officer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReturnForm({ handover, onClose }: { handover: ActionableHandover; onClose: () => void }) {
  const { t } = useTranslation();
  const giveBack = useReturnHandover();
  const refused = useOnRefused(onClose);
  const form = useForm<{ reason: string }>({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('handovers.return.reasonRequired')) },
  });

  const submit = form.onSubmit((values) => {
    giveBack.mutate(
      { id: handover.id, reason: values.reason.trim(), version: handover.version },
      {
        onSuccess: () => {
          notifySuccess(t('handovers.return.done'));
          onClose();
        },
        onError: (error) => {
          if (!refused(error)) showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-handover-return>
      <Stack gap="sm">
        <Text size="sm">{t('handovers.return.intro')}</Text>
        <Textarea
          label={t('handovers.return.reason')}
          placeholder={t('handovers.return.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={1000}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={giveBack.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={giveBack.isPending}>
            {t('handovers.return.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelDialog({
  handover,
  opened,
  onClose,
}: {
  handover: ActionableHandover;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelHandover();
  const refused = useOnRefused(onClose);
  return (
    <ConfirmModal
      opened={opened}
      title={t('handovers.cancel.title')}
      confirmLabel={t('handovers.cancel.confirm')}
      confirmColor="red.9"
      loading={cancel.isPending}
      onClose={onClose}
      onConfirm={() =>
        cancel.mutate(
          { id: handover.id, version: handover.version },
          {
            onSuccess: () => {
              notifySuccess(t('handovers.cancel.done'));
              onClose();
            },
            onError: (error) => {
              if (!refused(error)) notifyError(error);
            },
          },
        )
      }
    >
      {t('handovers.cancel.body', { bapas: handover.to.name })}
    </ConfirmModal>
  );
}
