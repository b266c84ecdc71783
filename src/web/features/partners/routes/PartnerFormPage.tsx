import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PARTNER_TYPES, PARTNER_WILLINGNESS, type PartnerDetail } from '../../../../shared/partners.ts';
import { SECTORS } from '../../../../shared/people.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useVillageOptions } from '../../opportunities/components/useVillageOptions.ts';
import { optionsOf } from '../../opportunities/components/vocabulary.ts';
import { partnerKeys, useCreatePartner, usePartner, useUpdatePartner } from '../api/partners.ts';
import {
  agreementEndsBeforeSigned,
  createPartnerRequest,
  looksLikeEmail,
  newContactRow,
  type PartnerFormValues,
  partnerFormValues,
  updatePartnerRequest,
} from '../components/partnerForm.ts';

/** /mitra/baru and /mitra/:partnerId/ubah. */
export function PartnerFormPage() {
  const { partnerId } = useParams();
  const me = useSession();
  const access = accessFor(me.permissions);
  if (!partnerId) {
    if (!access.canManagePartners) return <StatusPage kind="forbidden" />;
    return <PartnerForm partner={null} />;
  }
  return <EditPartner partnerId={partnerId} />;
}

function EditPartner({ partnerId }: { partnerId: string }) {
  const query = usePartner(partnerId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data.canEdit) return <StatusPage kind="forbidden" />;
  // A newer version (after someone else saved) starts a fresh form.
  return <PartnerForm key={query.data.version} partner={query.data} />;
}

function PartnerForm({ partner }: { partner: PartnerDetail | null }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreatePartner();
  const update = useUpdatePartner(partner?.id ?? '');
  const [stale, setStale] = useState(false);
  const villages = useVillageOptions();
  // Only kecamatan and kelurahan staff rename a partner; a partner's staff edit the rest of her profile.
  const canRename = !partner || accessFor(me.permissions).canManagePartners;

  const required = t('common.required');
  // A kelurahan officer adds partners of her own kelurahan first of all.
  const [initial] = useState(() =>
    partnerFormValues(partner, { villageId: me.organization.kind === 'village' ? me.organization.id : null }),
  );
  const form = useForm<PartnerFormValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('partners.form.nameTooShort')),
      type: (value) => (value ? null : required),
      email: (value) => (looksLikeEmail(value) ? null : t('partners.form.emailInvalid')),
      agreementExpiresOn: (_value, values) =>
        agreementEndsBeforeSigned(values) ? t('partners.form.expiresBeforeSigned') : null,
      contacts: {
        name: (value) => (value.trim() ? null : required),
        email: (value) => (looksLikeEmail(value) ? null : t('partners.form.emailInvalid')),
      },
    },
  });
  const values = form.getValues();
  const pending = create.isPending || update.isPending;
  const back = partner ? `/mitra/${partner.id}` : '/mitra';

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    showServerErrors(form, error, { codes: { PARTNER_NAME_TAKEN: 'name' } });
  };

  const submit = form.onSubmit((submitted) => {
    const onSuccess = (saved: PartnerDetail) => {
      notifySuccess(t(partner ? 'partners.form.saved' : 'partners.form.created', { name: saved.name }));
      navigate(`/mitra/${saved.id}`);
    };
    if (partner) {
      update.mutate(updatePartnerRequest(submitted, initial, partner.version), { onSuccess, onError });
    } else {
      create.mutate(createPartnerRequest(submitted), { onSuccess, onError });
    }
  }, focusFirstError);

  const reload = () => {
    if (!partner) return;
    void queryClient.invalidateQueries({ queryKey: partnerKeys.detail(partner.id) });
  };

  return (
    <Stack gap="md" maw={980}>
      <div>
        <BackButton to={back}>
          {partner ? t('partners.form.backToPartner') : t('partners.page.back')}
        </BackButton>
        <PageHeader
          title={partner ? t('partners.form.editTitle', { name: partner.name }) : t('partners.form.newTitle')}
        />
      </div>
      {stale && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Text size="sm">{t('partners.form.stale')}</Text>
          <Button mt="xs" size="xs" variant="white" color="dark" onClick={reload}>
            {t('partners.reload')}
          </Button>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SectionCard title={t('partners.form.general')} id="partner-general">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {canRename && (
                <TextInput
                  label={t('partners.form.name')}
                  withAsterisk
                  maxLength={200}
                  {...form.getInputProps('name')}
                />
              )}
              <TextInput
                label={t('partners.form.shortName')}
                maxLength={60}
                {...form.getInputProps('shortName')}
              />
              <Select
                label={t('partners.form.type')}
                placeholder={t('partners.choose')}
                data={optionsOf(PARTNER_TYPES, (code) => t(`partners.type.${code}`))}
                withAsterisk
                {...form.getInputProps('type')}
              />
              <MultiSelect
                searchable
                label={t('partners.form.sectors')}
                description={t('partners.form.sectorsHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
                clearable
                {...form.getInputProps('sectors')}
              />
            </SimpleGrid>
            <Textarea
              label={t('partners.form.description')}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={3000}
              {...form.getInputProps('description')}
            />
          </SectionCard>

          <SectionCard title={t('partners.form.location')} id="partner-location">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('partners.form.village')}
                description={t('partners.form.villageHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                placeholder={t('partners.choose')}
                data={villages.options}
                searchable
                clearable
                nothingFoundMessage={EMPTY}
                {...form.getInputProps('villageId')}
              />
              <TextInput
                label={t('partners.form.address')}
                maxLength={300}
                {...form.getInputProps('address')}
              />
              <TextInput
                label={t('partners.form.phone')}
                type="tel"
                maxLength={30}
                {...form.getInputProps('phone')}
              />
              <TextInput
                label={t('partners.form.email')}
                type="email"
                maxLength={200}
                {...form.getInputProps('email')}
              />
            </SimpleGrid>
          </SectionCard>

          <SectionCard
            title={t('partners.form.contacts')}
            id="partner-contacts"
            hint={t('partners.form.contactsHint')}
          >
            {values.contacts.length === 0 && <Text size="sm">{t('partners.form.noContacts')}</Text>}
            {values.contacts.map((row, index) => {
              const number = index + 1;
              return (
                <Paper key={row.key} withBorder p="sm">
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flexGrow: 1 }}>
                      <TextInput
                        label={t('partners.form.contactName', { number })}
                        withAsterisk
                        maxLength={150}
                        {...form.getInputProps(`contacts.${index}.name`)}
                      />
                      <TextInput
                        label={t('partners.form.contactPosition', { number })}
                        maxLength={100}
                        {...form.getInputProps(`contacts.${index}.position`)}
                      />
                      <TextInput
                        label={t('partners.form.contactPhone', { number })}
                        type="tel"
                        maxLength={30}
                        {...form.getInputProps(`contacts.${index}.phone`)}
                      />
                      <TextInput
                        label={t('partners.form.contactEmail', { number })}
                        type="email"
                        maxLength={200}
                        {...form.getInputProps(`contacts.${index}.email`)}
                      />
                    </SimpleGrid>
                    <RemoveRowButton
                      mt={24}
                      label={t('partners.form.removeContact', { number })}
                      onClick={() => form.removeListItem('contacts', index)}
                    />
                  </Group>
                </Paper>
              );
            })}
            <AddRowButton onClick={() => form.insertListItem('contacts', newContactRow())}>
              {t('partners.form.addContact')}
            </AddRowButton>
          </SectionCard>

          <SectionCard title={t('partners.form.willingnessSection')} id="partner-willingness">
            <Select
              label={t('partners.form.willingness')}
              data={optionsOf(PARTNER_WILLINGNESS, (code) => t(`partners.willing.${code}`))}
              allowDeselect={false}
              maw={420}
              {...form.getInputProps('willingToEmploy')}
            />
            <Textarea
              label={t('partners.form.willingnessNote')}
              description={t('partners.form.willingnessNoteHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={1000}
              {...form.getInputProps('willingnessNote')}
            />
          </SectionCard>

          <SectionCard
            title={t('partners.form.agreementSection')}
            id="partner-agreement"
            hint={t('partners.form.agreementHint')}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('partners.form.agreementNumber')}
                maxLength={100}
                {...form.getInputProps('agreementNumber')}
              />
              <DateField
                label={t('partners.form.agreementSignedOn')}
                clearable
                {...form.getInputProps('agreementSignedOn')}
              />
              <DateField
                label={t('partners.form.agreementExpiresOn')}
                clearable
                minDate={values.agreementSignedOn ?? undefined}
                {...form.getInputProps('agreementExpiresOn')}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              {t('partners.form.agreementDraftedInGovernance')}
            </Text>
          </SectionCard>

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => navigate(back)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={stale}>
              {partner ? t('common.save') : t('partners.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
