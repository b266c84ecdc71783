import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  OPPORTUNITY_KINDS,
  OPPORTUNITY_LIMITS,
  type Opportunity,
  PAY_PERIODS,
} from '../../../../shared/opportunities.ts';
import { OFFENCE_CATEGORIES, SECTORS, SKILL_LEVELS } from '../../../../shared/people.ts';
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
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { usePartner } from '../../partners/api/partners.ts';
import { useSkillTaxonomy } from '../../training/api/skills.ts';
import { SkillSelect, useSkillOptions } from '../../training/components/SkillSelect.tsx';
import {
  opportunityKeys,
  useCreateOpportunity,
  useOpportunity,
  useUpdateOpportunity,
} from '../api/opportunities.ts';
import { uuidOrUndefined } from '../components/addressQuery.ts';
import {
  createOpportunityRequest,
  newSkillRow,
  type OpportunityFormMode,
  type OpportunityFormValues,
  opportunityChecks,
  opportunityFormValues,
  repeatedSkillRows,
  updateOpportunityRequest,
} from '../components/opportunityForm.ts';
import { useVillageOptions } from '../components/useVillageOptions.ts';
import { optionsOf } from '../components/vocabulary.ts';

/** /peluang/baru (staff; a partner drafts) and /peluang/:opportunityId/ubah. */
export function OpportunityFormPage() {
  const { opportunityId } = useParams();
  const me = useSession();
  const access = accessFor(me.permissions);
  const mode: OpportunityFormMode | null = access.canManageOpportunities
    ? 'staff'
    : access.canDraftOpportunities
      ? 'partner'
      : null;
  if (!mode) return <StatusPage kind="forbidden" />;
  if (!opportunityId) return <NewOpportunity mode={mode} />;
  return <EditOpportunity opportunityId={opportunityId} mode={mode} />;
}

function NewOpportunity({ mode }: { mode: OpportunityFormMode }) {
  const me = useSession();
  const [params] = useSearchParams();
  // A partner's opportunity is in her own kelurahan unless she says otherwise.
  const ownProfile = usePartner(me.organization.id, mode === 'partner');
  if (mode === 'partner' && ownProfile.isPending) return <PageLoader />;
  const defaults =
    mode === 'partner'
      ? { partnerId: me.organization.id, villageId: ownProfile.data?.villageId ?? null }
      : {
          partnerId: uuidOrUndefined(params.get('mitra')) ?? null,
          villageId:
            me.organization.kind === 'village'
              ? me.organization.id
              : (uuidOrUndefined(params.get('kelurahan')) ?? null),
        };
  return <OpportunityForm opportunity={null} mode={mode} defaults={defaults} />;
}

function EditOpportunity({ opportunityId, mode }: { opportunityId: string; mode: OpportunityFormMode }) {
  const query = useOpportunity(opportunityId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data.permissions.canEdit) return <StatusPage kind="forbidden" />;
  // A newer version (after someone else saved) starts a fresh form.
  return <OpportunityForm key={query.data.version} opportunity={query.data} mode={mode} />;
}

/** An error of a whole list (e.g. "at least one skill to open a vacancy"), read out when it appears. */
function ListError({ error }: { error: ReactNode }) {
  if (!error) return null;
  return (
    <Text size="sm" c="red.9" role="alert">
      {error}
    </Text>
  );
}

const RUPIAH_INPUT = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  allowNegative: false,
  min: OPPORTUNITY_LIMITS.pay.min,
  max: OPPORTUNITY_LIMITS.pay.max,
  leftSection: (
    <Text size="sm" c="dark.6" aria-hidden>
      Rp
    </Text>
  ),
} as const;

function OpportunityForm({
  opportunity,
  mode,
  defaults = {},
}: {
  opportunity: Opportunity | null;
  mode: OpportunityFormMode;
  defaults?: { partnerId?: string | null; villageId?: string | null };
}) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity(opportunity?.id ?? '');
  const [stale, setStale] = useState(false);
  const openOnSave = useRef(false);
  const staff = mode === 'staff';
  const partners = useOrganizations({ kind: 'partner' });
  const villages = useVillageOptions(staff ? me : undefined);
  const taxonomy = useSkillTaxonomy();

  const [initial] = useState(() => opportunityFormValues(opportunity, defaults));
  const required = t('common.required');
  const checkMessage = (field: keyof ReturnType<typeof opportunityChecks>, values: OpportunityFormValues) => {
    const check = opportunityChecks(values)[field];
    return check ? t(`opportunities.form.${check}`) : null;
  };
  const form = useForm<OpportunityFormValues>({
    initialValues: initial,
    validate: {
      partnerId: (value) => (staff && !value ? required : null),
      villageId: (value) => (value ? null : required),
      kind: (value) => (value ? null : required),
      title: (value, values) => (value.trim() ? checkMessage('title', values) : required),
      sector: (value) => (value ? null : required),
      places: (value, values) => (value === '' ? required : checkMessage('places', values)),
      startOn: (value) => (value ? null : required),
      closesOn: (_value, values) => checkMessage('closesOn', values),
      payMax: (_value, values) => checkMessage('payMax', values),
      payPeriod: (_value, values) => checkMessage('payPeriod', values),
      skills: {
        skillId: (value, values, path) => {
          if (!value) return required;
          const index = Number(path.split('.')[1]);
          return repeatedSkillRows(values.skills).includes(index)
            ? t('opportunities.form.skillRepeated')
            : null;
        },
      },
    },
  });
  const values = form.getValues();

  const knownSkills = (opportunity?.skills ?? []).map((skill) => ({
    id: skill.skillId,
    name: skill.nameId,
    sector: skill.sector,
  }));
  const skillOptions = useSkillOptions(taxonomy.data, knownSkills);

  // The partner already chosen stays selectable even when the directory does not offer it.
  const partnerOptions = (partners.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
  if (opportunity && !partnerOptions.some((option) => option.value === opportunity.partner.id)) {
    partnerOptions.push({ value: opportunity.partner.id, label: opportunity.partner.name });
  }
  const villageOptions = [...villages.options];
  if (opportunity && !villageOptions.some((option) => option.value === opportunity.village.id)) {
    villageOptions.push({ value: opportunity.village.id, label: opportunity.village.name });
  }

  // A kelurahan officer has only her own kelurahan: it is chosen for her.
  useEffect(() => {
    if (!opportunity && !form.getValues().villageId && villages.options.length === 1) {
      form.setFieldValue('villageId', villages.options[0]?.value ?? null);
    }
  }, [opportunity, villages.options, form]);

  const pending = create.isPending || update.isPending;
  const back = opportunity ? `/peluang/${opportunity.id}` : '/peluang';

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    showServerErrors(form, error);
  };

  const submit = form.onSubmit((submitted) => {
    const open = openOnSave.current;
    openOnSave.current = false;
    const onSuccess = (saved: Opportunity) => {
      notifySuccess(
        t(opportunity ? 'opportunities.form.saved' : 'opportunities.form.created', { title: saved.title }),
      );
      navigate(`/peluang/${saved.id}`);
    };
    if (opportunity) {
      update.mutate(updateOpportunityRequest(submitted, initial, mode, opportunity.version), {
        onSuccess,
        onError,
      });
    } else {
      create.mutate(createOpportunityRequest(submitted, mode, open), { onSuccess, onError });
    }
  }, focusFirstError);

  const reload = () => {
    if (!opportunity) return;
    void queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(opportunity.id) });
  };

  const title = opportunity
    ? t('opportunities.form.editTitle', { title: opportunity.title })
    : staff
      ? t('opportunities.form.newTitle')
      : t('opportunities.form.draftTitle');

  return (
    <Stack gap="md" maw={980}>
      <div>
        <BackButton to={back}>
          {opportunity ? t('opportunities.form.backToOpportunity') : t('opportunities.page.back')}
        </BackButton>
        <PageHeader title={title} />
      </div>
      {!staff && !opportunity && (
        <Alert color="blue.9" variant="filled" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('opportunities.form.draftHint')}</Text>
        </Alert>
      )}
      {stale && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Text size="sm">{t('opportunities.form.stale')}</Text>
          <Button mt="xs" size="xs" variant="white" color="dark" onClick={reload}>
            {t('opportunities.reload')}
          </Button>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SectionCard title={t('opportunities.form.general')} id="opportunity-general">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {staff ? (
                <Select
                  label={t('opportunities.form.partner')}
                  placeholder={t('opportunities.choose')}
                  data={partnerOptions}
                  searchable
                  withAsterisk
                  nothingFoundMessage={EMPTY}
                  {...form.getInputProps('partnerId')}
                />
              ) : (
                <TextInput
                  label={t('opportunities.form.partner')}
                  value={opportunity?.partner.name ?? me.organization.name}
                  readOnly
                />
              )}
              <Select
                label={t('opportunities.form.village')}
                placeholder={t('opportunities.choose')}
                data={villageOptions}
                searchable
                withAsterisk
                nothingFoundMessage={EMPTY}
                {...form.getInputProps('villageId')}
              />
              <Select
                label={t('opportunities.form.kind')}
                placeholder={t('opportunities.choose')}
                data={optionsOf(OPPORTUNITY_KINDS, (code) => t(`opportunities.kind.${code}`))}
                withAsterisk
                {...form.getInputProps('kind')}
              />
              <Select
                label={t('opportunities.form.sector')}
                placeholder={t('opportunities.choose')}
                data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
                withAsterisk
                {...form.getInputProps('sector')}
              />
            </SimpleGrid>
            <TextInput
              label={t('opportunities.form.title')}
              placeholder={t('opportunities.form.titlePlaceholder')}
              withAsterisk
              maxLength={200}
              {...form.getInputProps('title')}
            />
            <Textarea
              label={t('opportunities.form.description')}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={5000}
              {...form.getInputProps('description')}
            />
            <TextInput
              label={t('opportunities.form.location')}
              placeholder={t('opportunities.form.locationPlaceholder')}
              maxLength={300}
              {...form.getInputProps('location')}
            />
          </SectionCard>

          <SectionCard title={t('opportunities.form.datesSection')} id="opportunity-dates">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('opportunities.form.places')}
                withAsterisk
                min={OPPORTUNITY_LIMITS.places.min}
                max={OPPORTUNITY_LIMITS.places.max}
                allowDecimal={false}
                {...form.getInputProps('places')}
              />
              <DateField
                label={t('opportunities.form.startOn')}
                withAsterisk
                {...form.getInputProps('startOn')}
              />
              <DateField
                label={t('opportunities.form.closesOn')}
                clearable
                minDate={values.startOn ?? undefined}
                {...form.getInputProps('closesOn')}
              />
            </SimpleGrid>
          </SectionCard>

          <SectionCard
            title={t('opportunities.form.patternSection')}
            id="opportunity-pattern"
            hint={t('opportunities.form.patternHint')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumberInput
                label={t('opportunities.form.hoursPerWeek')}
                min={OPPORTUNITY_LIMITS.hoursPerWeek.min}
                max={OPPORTUNITY_LIMITS.hoursPerWeek.max}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('hoursPerWeek')}
              />
              <TextInput
                label={t('opportunities.form.workHours')}
                placeholder={t('opportunities.form.workHoursPlaceholder')}
                maxLength={200}
                {...form.getInputProps('workHours')}
              />
            </SimpleGrid>
            <Group gap="lg">
              <Switch
                label={t('opportunities.form.partTime')}
                {...form.getInputProps('partTime', { type: 'checkbox' })}
              />
              <Switch
                label={t('opportunities.form.flexible')}
                {...form.getInputProps('flexible', { type: 'checkbox' })}
              />
              <Switch
                label={t('opportunities.form.shift')}
                {...form.getInputProps('shiftWork', { type: 'checkbox' })}
              />
            </Group>
            <Switch
              label={t('opportunities.form.openToAsimilasi')}
              {...form.getInputProps('openToAsimilasi', { type: 'checkbox' })}
            />
          </SectionCard>

          <SectionCard title={t('opportunities.form.paySection')} id="opportunity-pay">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('opportunities.form.payMin')}
                {...RUPIAH_INPUT}
                {...form.getInputProps('payMin')}
              />
              <NumberInput
                label={t('opportunities.form.payMax')}
                {...RUPIAH_INPUT}
                {...form.getInputProps('payMax')}
              />
              <Select
                label={t('opportunities.form.payPeriod')}
                placeholder={t('opportunities.choose')}
                data={optionsOf(PAY_PERIODS, (code) => t(`opportunities.payPeriodOption.${code}`))}
                clearable
                {...form.getInputProps('payPeriod')}
              />
            </SimpleGrid>
          </SectionCard>

          <SectionCard
            title={t('opportunities.form.skillsSection')}
            id="opportunity-skills"
            hint={t('opportunities.form.skillsHint')}
          >
            <ListError error={form.errors.skills} />
            {values.skills.length === 0 && <Text size="sm">{t('opportunities.form.noSkills')}</Text>}
            {values.skills.map((row, index) => {
              const number = index + 1;
              return (
                <Paper key={row.key} withBorder p="sm" data-skill-row={index}>
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flexGrow: 1 }}>
                      <SkillSelect
                        label={t('opportunities.form.skill', { number })}
                        options={skillOptions}
                        withAsterisk
                        {...form.getInputProps(`skills.${index}.skillId`)}
                      />
                      <Select
                        label={t('opportunities.form.minLevel', { number })}
                        data={optionsOf(SKILL_LEVELS, (level) => t(`training.level.${level}`))}
                        allowDeselect={false}
                        {...form.getInputProps(`skills.${index}.minLevel`)}
                      />
                      <Select
                        label={t('opportunities.form.essential', { number })}
                        data={[
                          { value: 'yes', label: t('opportunities.essential') },
                          { value: 'no', label: t('opportunities.optional') },
                        ]}
                        allowDeselect={false}
                        value={row.essential ? 'yes' : 'no'}
                        onChange={(value) => form.setFieldValue(`skills.${index}.essential`, value === 'yes')}
                      />
                    </SimpleGrid>
                    <RemoveRowButton
                      mt={24}
                      label={t('opportunities.form.removeSkill', { number })}
                      onClick={() => form.removeListItem('skills', index)}
                    />
                  </Group>
                </Paper>
              );
            })}
            {values.skills.length < OPPORTUNITY_LIMITS.skills && (
              <AddRowButton onClick={() => form.insertListItem('skills', newSkillRow())}>
                {t('opportunities.form.addSkill')}
              </AddRowButton>
            )}
          </SectionCard>

          {staff && (
            <SectionCard
              title={t('opportunities.form.restrictionsSection')}
              id="opportunity-restrictions"
              hint={t('opportunities.form.restrictionsHint')}
            >
              <MultiSelect
                searchable
                label={t('opportunities.form.restrictedOffences')}
                data={optionsOf(OFFENCE_CATEGORIES, (code) => t(`people.vocab.offence.${code}`))}
                clearable
                {...form.getInputProps('restrictedOffences')}
              />
              <Textarea
                label={t('opportunities.form.restrictionNote')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2000}
                {...form.getInputProps('restrictionNote')}
              />
            </SectionCard>
          )}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => navigate(back)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            {opportunity ? (
              <Button type="submit" loading={pending} disabled={stale}>
                {t('common.save')}
              </Button>
            ) : (
              <>
                <Button
                  type="submit"
                  variant={staff ? 'default' : 'filled'}
                  loading={pending}
                  onClick={() => {
                    openOnSave.current = false;
                  }}
                  data-submit="draft"
                >
                  {t('opportunities.form.createDraft')}
                </Button>
                {staff && (
                  <Button
                    type="submit"
                    loading={pending}
                    onClick={() => {
                      openOnSave.current = true;
                    }}
                    data-submit="open"
                  >
                    {t('opportunities.form.createOpen')}
                  </Button>
                )}
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
