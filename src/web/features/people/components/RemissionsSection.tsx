import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMISSION_KINDS, type Remission } from '../../../../shared/people.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useAddRemission, useDeleteRemission } from '../api/people.ts';
import { todayIso } from './dates.ts';
import { optionsOf } from './vocabulary.ts';

interface RemissionValues {
  kind: (typeof REMISSION_KINDS)[number] | null;
  days: number | string;
  decreeNumber: string;
  decreeDate: string | null;
}

function AddRemissionModal({
  personId,
  opened,
  onClose,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddRemission(personId);
  const form = useForm<RemissionValues>({
    initialValues: { kind: null, days: '', decreeNumber: '', decreeDate: null },
    validate: {
      kind: (value) => (value ? null : t('common.required')),
      days: (value) => (value === '' ? t('common.required') : null),
      decreeDate: (value) => (value ? null : t('common.required')),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    if (!values.kind || !values.decreeDate) return;
    add.mutate(
      {
        kind: values.kind,
        days: Number(values.days),
        decreeNumber: values.decreeNumber.trim() || null,
        decreeDate: values.decreeDate,
      },
      {
        onSuccess: () => {
          notifySuccess(t('people.custody.remissionAdded'));
          close();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <Modal opened={opened} onClose={close} title={t('people.custody.addRemission')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('people.custody.remissionKind')}
            placeholder={t('people.form.choose')}
            data={optionsOf(REMISSION_KINDS, (code) => t(`people.vocab.remissionKind.${code}`))}
            required
            {...form.getInputProps('kind')}
          />
          <NumberInput
            label={t('people.custody.remissionDays')}
            min={1}
            max={366}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps('days')}
          />
          <TextInput label={t('people.custody.decreeNumber')} {...form.getInputProps('decreeNumber')} />
          <DateField
            label={t('people.custody.decreeDate')}
            maxDate={todayIso()}
            required
            {...form.getInputProps('decreeDate')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={add.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Remissions granted: each shortens the release date; deleting one puts the days back. */
export function RemissionsSection({
  personId,
  remissions,
  canManage,
}: {
  personId: string;
  remissions: Remission[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Remission | null>(null);
  const remove = useDeleteRemission(personId);

  return (
    <Stack gap="sm">
      {remissions.length === 0 ? (
        <Text size="sm">{t('people.custody.noRemissions')}</Text>
      ) : (
        <ScrollTable label={t('people.custody.remissions')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.custody.remissionKind')}</Table.Th>
              <Table.Th>{t('people.custody.remissionDays')}</Table.Th>
              <Table.Th>{t('people.custody.decreeNumber')}</Table.Th>
              <Table.Th>{t('people.custody.decreeDate')}</Table.Th>
              {canManage && (
                <Table.Th>
                  <VisuallyHidden>{t('people.custody.deleteRemission')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {remissions.map((remission) => (
              <Table.Tr key={remission.id}>
                <Table.Td>{t(`people.vocab.remissionKind.${remission.kind}`)}</Table.Td>
                <Table.Td>{t('people.custody.daysValue', { count: remission.days })}</Table.Td>
                <Table.Td>{remission.decreeNumber ?? EMPTY}</Table.Td>
                <Table.Td>{formatDate(remission.decreeDate)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('people.custody.deleteRemissionLabel', {
                        days: remission.days,
                        date: formatDate(remission.decreeDate),
                      })}
                      onClick={() => setDeleting(remission)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
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
            {t('people.custody.addRemission')}
          </Button>
        </div>
      )}
      {canManage && (
        <AddRemissionModal personId={personId} opened={adding} onClose={() => setAdding(false)} />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('people.custody.deleteRemission')}
        confirmLabel={t('people.custody.deleteRemission')}
        confirmColor="red"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              notifySuccess(t('people.custody.remissionDeleted'));
            },
            onError: (error) => {
              setDeleting(null);
              notifyError(error);
            },
          });
        }}
      >
        {deleting &&
          t('people.custody.deleteRemissionText', {
            days: deleting.days,
            date: formatDate(deleting.decreeDate),
          })}
      </ConfirmModal>
    </Stack>
  );
}
