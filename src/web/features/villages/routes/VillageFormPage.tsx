import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  type NumberInputProps,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SECTORS } from '../../../../shared/people.ts';
import {
  VILLAGE_FACILITY_KINDS,
  VILLAGE_LIMITS,
  VILLAGE_NEED_KINDS,
  type VillageDetail,
} from '../../../../shared/villages.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSkillTaxonomy } from '../../training/api/skills.ts';
import { SkillSelect } from '../../training/components/SkillSelect.tsx';
import { useUpdateVillage, useVillage, villageKeys } from '../api/villages.ts';
import { RepeatableRows } from '../components/RepeatableRows.tsx';
import { type SkillCatalogue, skillCatalogue } from '../components/skillOptions.ts';
import {
  skillAfterSectorChange,
  type VillageFormValues,
  villageFormValues,
  villageRequest,
} from '../components/villageForm.ts';
import { monthOptions } from '../components/villageFormat.ts';

type Sector = (typeof SECTORS)[number];

/** /desa/:villageId/ubah: the whole profile in one form, saved once with its version. */
export function VillageFormPage() {
  const { villageId = '' } = useParams();
  const { t } = useTranslation();
  const query = useVillage(villageId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const village = query.data;
  if (!village.canEdit) {
    return (
      <Stack gap="sm" align="flex-start">
        <BackButton to={`/desa/${village.id}`}>{village.name}</BackButton>
        <PageHeader title={t('errors.forbiddenTitle')} />
        <Text>{t('villages.form.forbidden')}</Text>
      </Stack>
    );
  }
  // A newer version (after someone else saved and the officer reloaded) starts a fresh form.
  return <VillageForm key={`${village.id}-${village.version}`} village={village} />;
}

/** The form with its client checks: what the officer can fix before sending (the server checks again). */
function useVillageForm(initialValues: VillageFormValues) {
  const { t } = useTranslation();
  const required = t('villages.form.required');
  return useForm<VillageFormValues>({
    initialValues,
    validate: {
      contacts: { name: (value) => (value.trim() ? null : required) },
      potentials: {
        sector: (value) => (value ? null : required),
        description: (value) => (value.trim() ? null : required),
        strength: (value) => (value ? null : t('villages.form.strengthRequired')),
      },
      needs: {
        sector: (value) => (value ? null : required),
        kind: (value) => (value ? null : required),
        description: (value) => (value.trim() ? null : required),
      },
      facilities: {
        kind: (value) => (value ? null : required),
        name: (value) => (value.trim() ? null : required),
      },
    },
  });
}

type Form = ReturnType<typeof useVillageForm>;

/** Indonesian numbers: `12.345` and `0,75`; English: `12,345` and `0.75`. */
function useNumberFormat(): Pick<NumberInputProps, 'thousandSeparator' | 'decimalSeparator'> {
  const { i18n } = useTranslation();
  return i18n.language === 'en'
    ? { thousandSeparator: ',', decimalSeparator: '.' }
    : { thousandSeparator: '.', decimalSeparator: ',' };
}

function VillageForm({ village }: { village: VillageDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateVillage(village.id);
  const taxonomy = useSkillTaxonomy();
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const numbers = useNumberFormat();
  const back = `/desa/${village.id}`;
  const reloadButton = useRef<HTMLButtonElement>(null);

  // The conflict shows under the form, where she pressed save: its reload button takes the focus.
  useEffect(() => {
    if (stale) reloadButton.current?.focus();
  }, [stale]);

  const form = useVillageForm(villageFormValues(village));

  const chosen = [...village.potentials, ...village.needs].flatMap((row) =>
    row.skillId && row.skillName
      ? [
          {
            id: row.skillId,
            sector: row.sector,
            name: row.skillName,
            nameEn: row.skillNameEn ?? row.skillName,
          },
        ]
      : [],
  );
  const catalogue = skillCatalogue(taxonomy.data, chosen, i18n.language);

  const submit = form.onSubmit((values) => {
    update.mutate(villageRequest(values, village.version), {
      onSuccess: () => {
        notifySuccess(t('villages.form.saved'));
        void navigate(back);
      },
      onError: (error) => {
        if (isApiError(error) && isStaleVersion(error)) {
          setStale(true);
          return;
        }
        showServerErrors(form, error);
      },
    });
  }, focusFirstError);

  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: villageKeys.detail(village.id) });
      notifySuccess(t('villages.form.reloaded'));
    } finally {
      setReloading(false);
    }
  };

  const staleAlert = stale && (
    <Alert
      color="red"
      variant="filled"
      title={t('villages.form.staleTitle')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="stale-alert"
    >
      <Text size="sm">{t('villages.form.stale')}</Text>
      <Button
        mt="xs"
        size="xs"
        variant="white"
        color="dark"
        leftSection={<IconRefresh size={14} aria-hidden />}
        ref={reloadButton}
        loading={reloading}
        onClick={() => void reload()}
      >
        {t('villages.reload')}
      </Button>
    </Alert>
  );

  return (
    <Stack gap="md" maw={1040}>
      <div>
        <BackButton to={back}>{t('villages.form.back', { name: village.name })}</BackButton>
        <PageHeader title={t('villages.form.title', { name: village.name })} />
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SectionCard title={t('villages.form.general')} id="village-form-general">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('villages.form.lurahName')}
                maxLength={150}
                {...form.getInputProps('lurahName')}
              />
              <TextInput
                label={t('villages.form.lurahPhone')}
                type="tel"
                maxLength={30}
                {...form.getInputProps('lurahPhone')}
              />
              <NumberInput
                label={t('villages.form.population')}
                min={VILLAGE_LIMITS.population.min}
                max={VILLAGE_LIMITS.population.max}
                allowDecimal={false}
                allowNegative={false}
                {...numbers}
                {...form.getInputProps('population')}
              />
              <NumberInput
                label={t('villages.form.areaKm2')}
                min={VILLAGE_LIMITS.areaKm2.min}
                max={VILLAGE_LIMITS.areaKm2.max}
                decimalScale={2}
                allowNegative={false}
                {...numbers}
                {...form.getInputProps('areaKm2')}
              />
              <NumberInput
                label={t('villages.form.latitude')}
                description={t('villages.form.coordinatesHint')}
                min={-90}
                max={90}
                decimalScale={6}
                decimalSeparator={numbers.decimalSeparator}
                {...form.getInputProps('latitude')}
              />
              <NumberInput
                label={t('villages.form.longitude')}
                min={-180}
                max={180}
                decimalScale={6}
                decimalSeparator={numbers.decimalSeparator}
                {...form.getInputProps('longitude')}
              />
            </SimpleGrid>
            <Textarea
              label={t('villages.form.description')}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={5000}
              {...form.getInputProps('description')}
            />
          </SectionCard>

          <SectionCard title={t('villages.form.hostSection')} id="village-form-host">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateField
                label={t('villages.form.hostSince')}
                description={t('villages.form.hostSinceHint')}
                clearable
                {...form.getInputProps('hostSince')}
              />
              <TextInput
                label={t('villages.form.hostAgreement')}
                description={t('villages.form.hostAgreementHint')}
                maxLength={300}
                {...form.getInputProps('hostAgreement')}
              />
            </SimpleGrid>
          </SectionCard>

          <ContactsSection form={form} />
          <PotentialsSection form={form} catalogue={catalogue} />
          <NeedsSection form={form} catalogue={catalogue} numbers={numbers} />
          <FacilitiesSection form={form} numbers={numbers} />

          {staleAlert}
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={back} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={stale}>
              {t('villages.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function ContactsSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <RepeatableRows form={form} list="contacts">
      {(_row, index, number) => (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('villages.form.contactName', { number })}
            withAsterisk
            maxLength={150}
            {...form.getInputProps(`contacts.${index}.name`)}
          />
          <TextInput
            label={t('villages.form.contactPosition', { number })}
            maxLength={100}
            {...form.getInputProps(`contacts.${index}.position`)}
          />
          <TextInput
            label={t('villages.form.contactPhone', { number })}
            type="tel"
            maxLength={30}
            {...form.getInputProps(`contacts.${index}.phone`)}
          />
          <TextInput
            label={t('villages.form.contactEmail', { number })}
            type="email"
            maxLength={200}
            {...form.getInputProps(`contacts.${index}.email`)}
          />
        </SimpleGrid>
      )}
    </RepeatableRows>
  );
}

/**
 * The sector select of a row and the taxonomy's skills of that sector only (the shared picker, fed one
 * sector's group): choosing another sector drops a skill that belongs to the old one.
 */
function SectorSkillFields({
  form,
  list,
  index,
  catalogue,
  sectorLabel,
  skillLabel,
}: {
  form: Form;
  list: 'potentials' | 'needs';
  index: number;
  catalogue: SkillCatalogue;
  sectorLabel: string;
  skillLabel: string;
}) {
  const { t } = useTranslation();
  const sector = form.getValues()[list][index]?.sector ?? null;
  return (
    <>
      <Select
        label={sectorLabel}
        placeholder={t('villages.choose')}
        data={SECTORS.map((code) => ({ value: code, label: t(`people.vocab.sector.${code}`) }))}
        withAsterisk
        allowDeselect={false}
        {...form.getInputProps(`${list}.${index}.sector`)}
        onChange={(value) => {
          const next = (value as Sector | null) ?? null;
          const skillId = form.getValues()[list][index]?.skillId ?? null;
          form.setFieldValue(`${list}.${index}.sector`, next);
          form.setFieldValue(
            `${list}.${index}.skillId`,
            skillAfterSectorChange(skillId, next, catalogue.sectorOf),
          );
        }}
      />
      <SkillSelect
        label={skillLabel}
        placeholder={sector ? t('villages.form.noSkill') : t('villages.form.chooseSectorFirst')}
        options={
          sector ? [{ group: t(`people.vocab.sector.${sector}`), items: catalogue.optionsFor(sector) }] : []
        }
        disabled={!sector}
        clearable
        {...form.getInputProps(`${list}.${index}.skillId`)}
      />
    </>
  );
}

function PotentialsSection({ form, catalogue }: { form: Form; catalogue: SkillCatalogue }) {
  const { t } = useTranslation();
  const strengthOptions = ['1', '2', '3', '4', '5'].map((value) => ({
    value,
    label: `${value} – ${t(`villages.strength.${value as '1'}`)}`,
  }));
  return (
    <RepeatableRows form={form} list="potentials">
      {(_row, index, number) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <SectorSkillFields
              form={form}
              list="potentials"
              index={index}
              catalogue={catalogue}
              sectorLabel={t('villages.form.potentialSector', { number })}
              skillLabel={t('villages.form.potentialSkill', { number })}
            />
            <Select
              label={t('villages.form.potentialStrength', { number })}
              placeholder={t('villages.choose')}
              data={strengthOptions}
              withAsterisk
              allowDeselect={false}
              {...form.getInputProps(`potentials.${index}.strength`)}
            />
          </SimpleGrid>
          <Textarea
            label={t('villages.form.potentialDescription', { number })}
            withAsterisk
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...form.getInputProps(`potentials.${index}.description`)}
          />
          <TextInput
            label={t('villages.form.potentialSource', { number })}
            maxLength={300}
            {...form.getInputProps(`potentials.${index}.source`)}
          />
        </Stack>
      )}
    </RepeatableRows>
  );
}

type Numbers = Pick<NumberInputProps, 'thousandSeparator' | 'decimalSeparator'>;

function NeedsSection({
  form,
  catalogue,
  numbers,
}: {
  form: Form;
  catalogue: SkillCatalogue;
  numbers: Numbers;
}) {
  const { t, i18n } = useTranslation();
  const months = monthOptions(i18n.language);
  return (
    <RepeatableRows form={form} list="needs">
      {(row, index, number) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <SectorSkillFields
              form={form}
              list="needs"
              index={index}
              catalogue={catalogue}
              sectorLabel={t('villages.form.needSector', { number })}
              skillLabel={t('villages.form.needSkill', { number })}
            />
            <Select
              label={t('villages.form.needKind', { number })}
              placeholder={t('villages.choose')}
              data={VILLAGE_NEED_KINDS.map((kind) => ({
                value: kind,
                label: t(`villages.needKind.${kind}`),
              }))}
              withAsterisk
              allowDeselect={false}
              {...form.getInputProps(`needs.${index}.kind`)}
            />
          </SimpleGrid>
          <Textarea
            label={t('villages.form.needDescription', { number })}
            withAsterisk
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...form.getInputProps(`needs.${index}.description`)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t('villages.form.needSize', { number })}
              min={VILLAGE_LIMITS.size.min}
              max={VILLAGE_LIMITS.size.max}
              allowDecimal={false}
              allowNegative={false}
              {...numbers}
              {...form.getInputProps(`needs.${index}.size`)}
            />
            <MultiSelect
              label={t('villages.form.needSeason', { number })}
              placeholder={row.seasonMonths.length === 0 ? t('villages.form.allYear') : undefined}
              data={months}
              clearable
              {...form.getInputProps(`needs.${index}.seasonMonths`)}
            />
          </SimpleGrid>
        </Stack>
      )}
    </RepeatableRows>
  );
}

function FacilitiesSection({ form, numbers }: { form: Form; numbers: Numbers }) {
  const { t } = useTranslation();
  return (
    <RepeatableRows form={form} list="facilities">
      {(_row, index, number) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('villages.form.facilityKind', { number })}
              placeholder={t('villages.choose')}
              data={VILLAGE_FACILITY_KINDS.map((kind) => ({
                value: kind,
                label: t(`villages.facilityKind.${kind}`),
              }))}
              withAsterisk
              allowDeselect={false}
              {...form.getInputProps(`facilities.${index}.kind`)}
            />
            <TextInput
              label={t('villages.form.facilityName', { number })}
              withAsterisk
              maxLength={150}
              {...form.getInputProps(`facilities.${index}.name`)}
            />
            <NumberInput
              label={t('villages.form.facilityCapacity', { number })}
              min={VILLAGE_LIMITS.capacity.min}
              max={VILLAGE_LIMITS.capacity.max}
              allowDecimal={false}
              allowNegative={false}
              {...numbers}
              {...form.getInputProps(`facilities.${index}.capacity`)}
            />
          </SimpleGrid>
          <TextInput
            label={t('villages.form.facilityAddress', { number })}
            maxLength={300}
            {...form.getInputProps(`facilities.${index}.address`)}
          />
          <Textarea
            label={t('villages.form.facilityDescription', { number })}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...form.getInputProps(`facilities.${index}.description`)}
          />
        </Stack>
      )}
    </RepeatableRows>
  );
}
