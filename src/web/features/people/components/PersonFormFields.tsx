import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, MARITAL_STATUSES, SECTORS, SKILL_LEVELS } from '../../../../shared/people.ts';
import { DateField } from '../../../components/DateField.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { todayIso } from './dates.ts';
import { readNik } from './nik.ts';
import { newSkillRow, type PersonFormValues } from './personForm.ts';
import { SimilarPeopleAlert } from './SimilarPeopleAlert.tsx';
import { VillageSelect } from './VillageSelect.tsx';
import { LEGEND_STYLES, optionsOf } from './vocabulary.ts';

/** The create and edit form with its client checks (only what the officer can fix at once). */
export function usePersonForm(initialValues: PersonFormValues) {
  const { t } = useTranslation();
  return useForm<PersonFormValues>({
    initialValues,
    validate: {
      fullName: (value) => (value.trim().length >= 2 ? null : t('common.required')),
      skills: {
        name: (value) => (value.trim() === '' ? t('common.required') : null),
      },
    },
  });
}

// @mantine/form's type index does not resolve under nodenext: the type comes from the hook.
export type PersonForm = ReturnType<typeof usePersonForm>;

interface PersonFormFieldsProps {
  form: PersonForm;
  /** The person being edited: left out of the similar-name warning. */
  personId?: string;
  /** The saved domicile kelurahan's name, shown before any search. */
  domicileLabel?: string | null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section">
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function useNikHint(nik: string, birthDate: string | null): { text: string; problem: boolean } {
  const { t } = useTranslation();
  const hint = readNik(nik, birthDate);
  switch (hint.kind) {
    case 'empty':
      return { text: t('people.form.nikHint'), problem: false };
    case 'digitsOnly':
      return { text: t('people.form.nikDigitsOnly'), problem: true };
    case 'tooLong':
      return { text: t('people.form.nikTooLong'), problem: true };
    case 'count':
      return { text: t('people.form.nikCount', { count: hint.count }), problem: false };
    case 'badDate':
      return { text: t('people.form.nikBadDate', { digits: hint.digits }), problem: true };
    case 'decoded': {
      const decoded = t('people.form.nikDecoded', {
        region: hint.region,
        date: hint.date,
        sex: hint.female ? t('people.form.nikFemale') : t('people.form.nikMale'),
      });
      return hint.mismatch
        ? { text: `${decoded}. ${t('people.form.nikBirthMismatch', { date: hint.date })}`, problem: true }
        : { text: decoded, problem: false };
    }
  }
}

/** The sections of the create and edit forms; the pages own the submit and its errors. */
export function PersonFormFields({ form, personId, domicileLabel }: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const hostVillages = useOrganizations({ kind: 'village' });
  const values = form.getValues();
  const nikHint = useNikHint(values.nik, values.birthDate);
  const choose = t('people.form.choose');
  const sectorOptions = optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`));

  return (
    <Stack gap="md">
      <Section title={t('people.form.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('people.form.fullName')}
            required
            autoComplete="off"
            {...form.getInputProps('fullName')}
          />
          <TagsInput
            label={t('people.form.aliases')}
            description={t('people.form.aliasesHint')}
            {...form.getInputProps('aliases')}
          />
          <TextInput
            label={t('people.form.nik')}
            description={
              <Text component="span" size="xs" c={nikHint.problem ? 'red.9' : 'dimmed'} aria-live="polite">
                {nikHint.text}
              </Text>
            }
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            {...form.getInputProps('nik')}
          />
          <TextInput label={t('people.form.birthPlace')} {...form.getInputProps('birthPlace')} />
          <DateField
            label={t('people.form.birthDate')}
            maxDate={todayIso()}
            defaultLevel="decade"
            clearable
            {...form.getInputProps('birthDate')}
          />
          <Select
            label={t('people.form.education')}
            placeholder={choose}
            data={optionsOf(EDUCATION_LEVELS, (code) => t(`people.vocab.education.${code}`))}
            clearable
            {...form.getInputProps('educationLevel')}
          />
        </SimpleGrid>
        <SimilarPeopleAlert fullName={values.fullName} birthDate={values.birthDate} excludeId={personId} />
      </Section>

      <Section title={t('people.form.family')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('people.form.maritalStatus')}
            placeholder={choose}
            data={optionsOf(MARITAL_STATUSES, (code) => t(`people.vocab.marital.${code}`))}
            clearable
            {...form.getInputProps('maritalStatus')}
          />
          <NumberInput
            label={t('people.form.dependentChildren')}
            min={0}
            max={30}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('dependentChildren')}
          />
          <TextInput
            label={t('people.form.phone')}
            description={t('people.form.phoneHint')}
            type="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <Fieldset legend={t('people.form.guarantor')} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('people.form.guarantorName')} {...form.getInputProps('guarantor.name')} />
            <TextInput
              label={t('people.form.guarantorRelation')}
              description={t('people.form.guarantorRelationHint')}
              {...form.getInputProps('guarantor.relation')}
            />
            <TextInput
              label={t('people.form.guarantorAddress')}
              {...form.getInputProps('guarantor.address')}
            />
            <TextInput
              label={t('people.form.guarantorPhone')}
              type="tel"
              {...form.getInputProps('guarantor.phone')}
            />
          </SimpleGrid>
        </Fieldset>
      </Section>

      <Section title={t('people.form.domicile')}>
        <Textarea
          label={t('people.form.domicileAddress')}
          autosize
          minRows={2}
          {...form.getInputProps('domicileAddress')}
        />
        <VillageSelect
          label={t('people.form.domicileVillage')}
          description={t('people.form.domicileVillageHint')}
          initialLabel={domicileLabel}
          {...form.getInputProps('domicileVillageCode')}
        />
      </Section>

      <Section title={t('people.form.program')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('people.form.intendedVillage')}
            description={t('people.form.intendedVillageHint')}
            placeholder={choose}
            data={(hostVillages.data?.items ?? []).map((village) => ({
              value: village.id,
              label: village.name,
            }))}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
            {...form.getInputProps('intendedVillageId')}
          />
          <TextInput
            label={t('people.form.registrationNumber')}
            autoComplete="off"
            {...form.getInputProps('registrationNumber')}
          />
        </SimpleGrid>
        <Textarea
          label={t('people.form.interests')}
          description={t('people.form.interestsHint')}
          autosize
          minRows={2}
          {...form.getInputProps('interests')}
        />
        <MultiSelect
          label={t('people.form.preferredSectors')}
          placeholder={values.preferredSectors.length === 0 ? choose : undefined}
          data={sectorOptions}
          hidePickedOptions
          {...form.getInputProps('preferredSectors')}
        />
        <Fieldset legend={t('people.form.constraints')} variant="unstyled" styles={LEGEND_STYLES}>
          <Stack gap="xs">
            <Checkbox
              label={t('people.form.childcare')}
              {...form.getInputProps('constraints.childcare', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('people.form.partTimeOnly')}
              {...form.getInputProps('constraints.partTimeOnly', { type: 'checkbox' })}
            />
            <TextInput
              label={t('people.form.health')}
              description={t('people.form.healthHint')}
              {...form.getInputProps('constraints.health')}
            />
          </Stack>
        </Fieldset>
      </Section>

      <Section title={t('people.form.skills')}>
        <Text size="sm">{t('people.form.skillsIntro')}</Text>
        {values.skills.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('people.form.noSkills')}
          </Text>
        )}
        {values.skills.map((skill, index) => {
          const number = index + 1;
          return (
            <Fieldset key={skill.key} legend={t('people.form.skillNumber', { number })} p="sm">
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flexGrow: 1 }}>
                  <TextInput
                    label={t('people.form.skillName')}
                    {...form.getInputProps(`skills.${index}.name`)}
                  />
                  <Select
                    label={t('people.form.skillSector')}
                    placeholder={choose}
                    data={sectorOptions}
                    clearable
                    {...form.getInputProps(`skills.${index}.sector`)}
                  />
                  <Select
                    label={t('people.form.skillLevel')}
                    data={optionsOf(SKILL_LEVELS, (code) => t(`people.vocab.skillLevel.${code}`))}
                    allowDeselect={false}
                    {...form.getInputProps(`skills.${index}.level`)}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="lg"
                  mb={2}
                  aria-label={t('people.form.removeSkill', { number })}
                  onClick={() => form.removeListItem('skills', index)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
              <Badge variant="light" color="gray" radius="sm" tt="none" mt="xs">
                {t(`people.vocab.skillEvidence.${skill.evidence}`)}
              </Badge>
            </Fieldset>
          );
        })}
        <div>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('skills', newSkillRow())}
          >
            {t('people.form.addSkill')}
          </Button>
        </div>
      </Section>

      <Section title={t('people.form.sensitive')}>
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} role="note">
          <Text size="sm">{t('people.form.sensitiveNote')}</Text>
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('people.form.religion')} {...form.getInputProps('religion')} />
          <TextInput label={t('people.form.ethnicity')} {...form.getInputProps('ethnicity')} />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
