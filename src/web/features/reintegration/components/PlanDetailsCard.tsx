import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import type { ReintegrationPlan } from '../../../../shared/reintegration.ts';
import { DateField } from '../../../components/DateField.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { documentContentUrl, useDocuments } from '../../people/api/records.ts';
import { todayIso } from '../../people/components/dates.ts';
import { usePersonPlacements } from '../../placements/api/placements.ts';
import { useUpdateReintegrationPlan } from '../api/reintegration.ts';
import { type DetailsValues, detailsRequest, detailsValues } from './planForm.ts';
import { StaleAlert } from './StaleAlert.tsx';

/** Where she goes (kelurahan, opportunity), her guarantor and the Lurah's acknowledgement, the summary. */
export function PlanDetailsCard({
  person,
  plan,
  canManage,
  restricted,
}: {
  person: Person;
  plan: ReintegrationPlan;
  canManage: boolean;
  restricted: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { guarantor, guarantee } = plan;
  const profileVillage = person.intendedVillage?.name ?? null;
  return (
    <SectionCard
      title={t('reintegration.details.title')}
      id="plan-details"
      actions={
        canManage && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('reintegration.details.edit')}
          </Button>
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <InfoField label={t('reintegration.details.intendedVillage')} size="sm">
          {plan.intendedVillage?.name ??
            (profileVillage
              ? t('reintegration.details.intendedVillageFromProfile', { name: profileVillage })
              : EMPTY)}
        </InfoField>
        <InfoField label={t('reintegration.details.opportunity')} size="sm">
          {plan.opportunity ? (
            <Group gap="xs" component="span">
              <span>
                {plan.opportunity.title} — {plan.opportunity.partnerName}
              </span>
              {plan.placement && (
                <Badge color="blue.9" radius="sm" tt="none">
                  {t(`placements.stage.${plan.placement.stage}`)}
                </Badge>
              )}
            </Group>
          ) : (
            EMPTY
          )}
        </InfoField>
        <InfoField label={t('reintegration.details.guarantor')} size="sm">
          {guarantor ? (
            <>
              {[guarantor.name, guarantor.relation].filter(Boolean).join(', ')}
              {(guarantor.phone || guarantor.address) && (
                <Text size="sm" c="dimmed" fw={400}>
                  {[guarantor.phone, guarantor.address].filter(Boolean).join(' · ')}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" fw={400}>
              {t('reintegration.details.noGuarantor')}
            </Text>
          )}
        </InfoField>
        <InfoField label={t('reintegration.details.guaranteeLetterNumber')} size="sm">
          {guarantee.letterNumber ?? EMPTY}
          <Text size="sm" fw={400} data-guarantee-acknowledged={guarantee.acknowledgedOn ? 'yes' : 'no'}>
            {!guarantee.acknowledgedOn
              ? t('reintegration.details.notAcknowledged')
              : guarantee.acknowledgedBy
                ? t('reintegration.details.acknowledged', {
                    date: formatDate(guarantee.acknowledgedOn),
                    name: guarantee.acknowledgedBy,
                  })
                : t('reintegration.details.acknowledgedNoName', {
                    date: formatDate(guarantee.acknowledgedOn),
                  })}
          </Text>
          {guarantee.document && (
            <Anchor href={documentContentUrl(person.id, guarantee.document.id)} size="sm" fw={400}>
              {guarantee.document.title}
            </Anchor>
          )}
        </InfoField>
      </SimpleGrid>
      {!restricted && (
        <InfoField label={t('reintegration.details.summary')} size="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-plan-summary>
            {plan.summary ?? EMPTY}
          </Text>
        </InfoField>
      )}
      {canManage && (
        <Modal
          opened={editing}
          onClose={() => setEditing(false)}
          title={t('reintegration.details.editTitle')}
          size="lg"
          centered
        >
          {editing && <PlanDetailsForm person={person} plan={plan} onClose={() => setEditing(false)} />}
        </Modal>
      )}
    </SectionCard>
  );
}

function PlanDetailsForm({
  person,
  plan,
  onClose,
}: {
  person: Person;
  plan: ReintegrationPlan;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateReintegrationPlan(person.id);
  const villages = useOrganizations({ kind: 'village' });
  const placements = usePersonPlacements(person.id);
  const documents = useDocuments(person.id);
  const [stale, setStale] = useState(false);
  const initial = detailsValues(plan);
  const form = useForm<DetailsValues>({ initialValues: initial });
  const today = todayIso();

  const villageOptions = (villages.data?.items ?? []).map((village) => ({
    value: village.id,
    label: village.name,
  }));
  if (plan.intendedVillage && !villageOptions.some((option) => option.value === plan.intendedVillage?.id))
    villageOptions.unshift({ value: plan.intendedVillage.id, label: plan.intendedVillage.name });

  const choiceOptions = (placements.data?.items ?? []).map((placement) => ({
    value: placement.id,
    label: `${placement.opportunity.title} — ${placement.opportunity.partner.name} (${t(`placements.stage.${placement.stage}`)})`,
  }));
  if (plan.opportunity && !plan.placement)
    choiceOptions.unshift({
      value: `opportunity:${plan.opportunity.id}`,
      label: `${plan.opportunity.title} — ${plan.opportunity.partnerName}`,
    });
  else if (plan.placement && !choiceOptions.some((option) => option.value === plan.placement?.id))
    choiceOptions.unshift({
      value: plan.placement.id,
      label: `${plan.placement.opportunityTitle} (${t(`placements.stage.${plan.placement.stage}`)})`,
    });

  const documentOptions = (documents.data?.items ?? []).map((document) => ({
    value: document.id,
    label: `${document.title} (${formatDate(document.createdAt)})`,
  }));
  if (plan.guarantee.document && !documentOptions.some((o) => o.value === plan.guarantee.document?.id))
    documentOptions.unshift({ value: plan.guarantee.document.id, label: plan.guarantee.document.title });

  const submit = form.onSubmit((values) => {
    const body = detailsRequest(initial, values, plan.version);
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('reintegration.details.saved'));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && isStaleVersion(error)) {
          setStale(true);
          return;
        }
        showServerErrors(form, error, { renames: { placementId: 'choice', opportunityId: 'choice' } });
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-plan-details-form>
      <Stack gap="sm">
        {stale && <StaleAlert personId={person.id} onReloaded={onClose} />}
        <Select
          label={t('reintegration.details.intendedVillage')}
          description={t('reintegration.details.intendedVillageHint', {
            name: person.intendedVillage?.name ?? EMPTY,
          })}
          placeholder={t('reintegration.choose')}
          data={villageOptions}
          searchable
          clearable
          nothingFoundMessage={EMPTY}
          {...form.getInputProps('intendedVillageId')}
        />
        <Select
          label={t('reintegration.details.opportunity')}
          description={
            choiceOptions.length === 0 && !placements.isPending
              ? t('reintegration.details.noPlacements')
              : t('reintegration.details.opportunityHint')
          }
          placeholder={t('reintegration.choose')}
          data={choiceOptions}
          clearable
          disabled={choiceOptions.length === 0}
          {...form.getInputProps('choice')}
        />
        <Text size="sm" c="dimmed">
          {t('reintegration.details.guarantorFromProfile')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('reintegration.details.guaranteeLetterNumber')}
            maxLength={100}
            autoComplete="off"
            {...form.getInputProps('guaranteeLetterNumber')}
          />
          <DateField
            label={t('reintegration.details.guaranteeAcknowledgedOn')}
            maxDate={today}
            clearable
            {...form.getInputProps('guaranteeAcknowledgedOn')}
          />
          <TextInput
            label={t('reintegration.details.guaranteeAcknowledgedBy')}
            maxLength={150}
            autoComplete="off"
            {...form.getInputProps('guaranteeAcknowledgedBy')}
          />
          <Select
            label={t('reintegration.details.guaranteeDocument')}
            description={t('reintegration.details.guaranteeDocumentHint')}
            placeholder={t('reintegration.details.noDocument')}
            data={documentOptions}
            clearable
            disabled={documentOptions.length === 0}
            {...form.getInputProps('guaranteeDocumentId')}
          />
        </SimpleGrid>
        <Textarea
          label={t('reintegration.details.summary')}
          description={t('reintegration.details.summaryHint')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('summary')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
