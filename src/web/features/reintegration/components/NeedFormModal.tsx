import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NEED_RESPONSIBLE_KINDS,
  NEED_STATUSES,
  type NeedResponsibleKind,
  type NeedStatus,
  type Pathway,
  type PlanNeed,
  type UpdateNeedRequest,
} from '../../../../shared/reintegration.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { useCreateNeed, useUpdateNeed } from '../api/reintegration.ts';
import { changedFields, textOrNull } from './planForm.ts';
import { StaleAlert } from './StaleAlert.tsx';

export interface NeedTarget {
  pathway: Pathway;
  /** The need being edited, or null for a new one. */
  need: PlanNeed | null;
}

/** Adds or edits one need of a pathway; mounted per need so each opening starts a fresh form. */
export function NeedFormModal({
  personId,
  target,
  onClose,
}: {
  personId: string;
  target: NeedTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pathway = target ? t(`reintegration.pathway.${target.pathway}`) : '';
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        target?.need
          ? t('reintegration.needs.editTitle', { pathway })
          : t('reintegration.needs.addTitle', { pathway })
      }
      size="lg"
      centered
    >
      {target && (
        <NeedForm
          key={target.need?.id ?? target.pathway}
          personId={personId}
          target={target}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

interface NeedValues {
  description: string;
  responsibleKind: NeedResponsibleKind | null;
  responsibleOrganizationId: string | null;
  status: NeedStatus;
  dueOn: string | null;
  note: string;
}

function NeedForm({
  personId,
  target,
  onClose,
}: {
  personId: string;
  target: NeedTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { need, pathway } = target;
  const create = useCreateNeed(personId);
  const update = useUpdateNeed(personId);
  const [stale, setStale] = useState(false);
  const initial: NeedValues = {
    description: need?.description ?? '',
    responsibleKind: need?.responsibleKind ?? null,
    responsibleOrganizationId: need?.responsibleOrganization?.id ?? null,
    status: need?.status ?? 'open',
    dueOn: need?.dueOn ?? null,
    note: '',
  };
  const form = useForm<NeedValues>({
    initialValues: initial,
    validate: {
      description: (value) => (value.trim() ? null : t('common.required')),
      responsibleKind: (value) => (value ? null : t('common.required')),
    },
  });
  const kind = form.values.responsibleKind;
  const organizations = useOrganizations(kind ? { kind } : {});
  const organizationOptions = kind
    ? (organizations.data?.items ?? [])
        .filter((organization) => organization.kind === kind)
        .map((organization) => ({ value: organization.id, label: organization.name }))
    : [];
  const saved = need?.responsibleOrganization;
  if (saved && kind === need?.responsibleKind && !organizationOptions.some((o) => o.value === saved.id))
    organizationOptions.unshift({ value: saved.id, label: saved.name });
  const pending = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    showServerErrors(form, error);
  };

  const submit = form.onSubmit((values) => {
    if (!values.responsibleKind) return;
    const fields = {
      description: values.description.trim(),
      responsibleKind: values.responsibleKind,
      responsibleOrganizationId: values.responsibleOrganizationId,
      status: values.status,
      dueOn: values.dueOn || null,
    };
    if (!need) {
      create.mutate(
        { pathway, ...fields },
        {
          onSuccess: () => {
            notifySuccess(t('reintegration.needs.added'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const changed = changedFields(
      {
        description: need.description,
        responsibleKind: need.responsibleKind,
        responsibleOrganizationId: need.responsibleOrganization?.id ?? null,
        status: need.status,
        dueOn: need.dueOn,
      },
      fields,
    );
    if (Object.keys(changed).length === 0) {
      onClose();
      return;
    }
    const body: UpdateNeedRequest = { ...changed, version: need.version };
    if (changed.status !== undefined) body.note = textOrNull(values.note);
    update.mutate(
      { needId: need.id, ...body },
      {
        onSuccess: () => {
          notifySuccess(t('reintegration.needs.saved'));
          onClose();
        },
        onError,
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-need-form>
      <Stack gap="sm">
        {stale && <StaleAlert personId={personId} onReloaded={onClose} />}
        <Textarea
          label={t('reintegration.needs.description')}
          description={t('reintegration.needs.descriptionHint')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('reintegration.needs.responsibleKind')}
            placeholder={t('reintegration.choose')}
            data={optionsOf(NEED_RESPONSIBLE_KINDS, (code) => t(`reintegration.responsibleKind.${code}`))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('responsibleKind')}
            onChange={(value) => {
              form.setFieldValue('responsibleKind', value as NeedResponsibleKind | null);
              form.setFieldValue('responsibleOrganizationId', null);
            }}
          />
          <Select
            label={t('reintegration.needs.responsibleOrganization')}
            description={t('reintegration.needs.responsibleOrganizationHint')}
            placeholder={t('reintegration.choose')}
            data={organizationOptions}
            searchable
            clearable
            disabled={!kind}
            nothingFoundMessage={EMPTY}
            {...form.getInputProps('responsibleOrganizationId')}
          />
          <Select
            label={t('reintegration.needs.status')}
            data={optionsOf(NEED_STATUSES, (code) => t(`reintegration.needStatus.${code}`))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <DateField label={t('reintegration.needs.dueOn')} clearable {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        {need && form.values.status !== need.status && (
          <Textarea
            label={t('reintegration.needs.statusNote')}
            description={t('reintegration.needs.statusNoteHint')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('note')}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={stale}>
            {need ? t('common.save') : t('reintegration.needs.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
