import {
  ActionIcon,
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SKILL_LEVELS } from '../../../../shared/people.ts';
import { CERTIFICATION_PATHS, PROGRAM_LIMITS, type Program } from '../../../../shared/programs.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import {
  programKeys,
  useCreateProgram,
  useInstructorOptions,
  useProgram,
  useUpdateProgram,
} from '../api/programs.ts';
import { useSkillTaxonomy } from '../api/skills.ts';
import {
  newInstructorRow,
  newSkillRow,
  newUnitRow,
  numberOrNull,
  type ProgramFormValues,
  programFieldRenames,
  programFormValues,
  programRequest,
  repeatedSkillRows,
  updateProgramRequest,
} from '../components/programForm.ts';
import { SkillSelect, useSkillOptions } from '../components/SkillSelect.tsx';
import { optionsOf } from '../components/vocabulary.ts';

/** /pelatihan/program/baru and /pelatihan/program/:programId/ubah. */
export function ProgramFormPage() {
  const { programId } = useParams();
  if (!programId) return <ProgramForm program={null} />;
  return <EditProgram programId={programId} />;
}

function EditProgram({ programId }: { programId: string }) {
  const query = useProgram(programId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data.canManage) return <StatusPage kind="forbidden" />;
  // A newer version (after someone else saved) starts a fresh form.
  return <ProgramForm key={query.data.version} program={query.data} />;
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** An error of a whole list (e.g. "at least one skill"), read out when it appears. */
function ListError({ error }: { error: ReactNode }) {
  if (!error) return null;
  return (
    <Text size="sm" c="red.9" role="alert">
      {error}
    </Text>
  );
}

function ProgramForm({ program }: { program: Program | null }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const [stale, setStale] = useState(false);
  const partners = useOrganizations({ kind: 'partner' });
  const taxonomy = useSkillTaxonomy();

  const required = t('common.required');
  const form = useForm<ProgramFormValues>({
    initialValues: programFormValues(program),
    validate: {
      name: (value) => (value.trim().length >= 3 ? null : t('training.programForm.nameTooShort')),
      partnerId: (value, values) => (values.providerKind === 'partner' && !value ? required : null),
      skills: {
        skillId: (value, values, path) => {
          if (!value) return required;
          const index = Number(path.split('.')[1]);
          return repeatedSkillRows(values.skills).includes(index)
            ? t('training.programForm.skillRepeated')
            : null;
        },
      },
      units: { title: (value) => (value.trim() ? null : required) },
      instructors: {
        name: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          return values.instructors[index]?.userId || value.trim()
            ? null
            : t('training.programForm.instructorMissing');
        },
      },
      sessionsCount: (value) => (numberOrNull(value) === null ? required : null),
      hoursTotal: (value) => (numberOrNull(value) === null ? required : null),
      defaultCapacity: (value) => (numberOrNull(value) === null ? required : null),
    },
  });
  const values = form.getValues();
  const providerId = values.providerKind === 'partner' ? values.partnerId : null;
  const instructorOptions = useInstructorOptions(providerId);

  const knownSkills = (program?.skills ?? []).map((skill) => ({
    id: skill.skillId,
    name: skill.name,
    sector: skill.sector,
  }));
  const skillOptions = useSkillOptions(taxonomy.data, knownSkills);
  const chosenSkills = values.skills
    .map((row) => row.skillId)
    .filter((id): id is string => id !== null)
    .flatMap((id) => skillOptions.flatMap((group) => group.items).filter((item) => item.value === id));

  // Instructors already on the program stay selectable even when they are no longer offered.
  const userOptions = (instructorOptions.data ?? []).map((option) => ({
    value: option.userId,
    label: `${option.fullName} (${option.organizationName})`,
  }));
  for (const instructor of program?.instructors ?? []) {
    if (instructor.userId && !userOptions.some((option) => option.value === instructor.userId)) {
      userOptions.push({ value: instructor.userId, label: instructor.name });
    }
  }

  const pending = create.isPending || update.isPending;
  const back = program ? `/pelatihan/program/${program.id}` : '/pelatihan';

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    showServerErrors(form, error, { renames: programFieldRenames(form.getValues()) });
  };

  const submit = form.onSubmit((submitted) => {
    const onSuccess = (saved: Program) => {
      notifySuccess(
        t(program ? 'training.programForm.saved' : 'training.programForm.created', { name: saved.name }),
      );
      navigate(`/pelatihan/program/${saved.id}`);
    };
    if (program) {
      update.mutate(updateProgramRequest(submitted, me.organization.id, program.version), {
        onSuccess,
        onError,
      });
    } else {
      create.mutate(programRequest(submitted, me.organization.id), { onSuccess, onError });
    }
  }, focusFirstError);

  const reload = () => {
    if (!program) return;
    void queryClient.invalidateQueries({ queryKey: programKeys.detail(program.id) });
  };

  return (
    <Stack gap="md" maw={980}>
      <div>
        <BackButton to={back}>{program ? t('training.program.back') : t('training.catalog.back')}</BackButton>
        <PageHeader
          title={
            program
              ? t('training.programForm.editTitle', { name: program.name })
              : t('training.programForm.newTitle')
          }
        />
      </div>
      {stale && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Text size="sm">{t('training.programForm.stale')}</Text>
          <Button mt="xs" size="xs" variant="white" color="dark" onClick={reload}>
            {t('training.reload')}
          </Button>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Section title={t('training.programForm.general')} id="program-general">
            <TextInput
              label={t('training.programForm.name')}
              withAsterisk
              maxLength={150}
              {...form.getInputProps('name')}
            />
            <Textarea
              label={t('training.programForm.description')}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={3000}
              {...form.getInputProps('description')}
            />
          </Section>

          <Section title={t('training.programForm.providerSection')} id="program-provider">
            <Radio.Group
              label={t('training.programForm.provider')}
              withAsterisk
              {...form.getInputProps('providerKind')}
            >
              <Stack gap="xs" mt={6}>
                <Radio
                  value="prison"
                  label={t('training.programForm.providerPrison', { name: me.organization.name })}
                />
                <Radio value="partner" label={t('training.programForm.providerPartner')} />
              </Stack>
            </Radio.Group>
            {values.providerKind === 'partner' && (
              <Select
                label={t('training.programForm.partner')}
                placeholder={t('training.choose')}
                data={(partners.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                searchable
                withAsterisk
                nothingFoundMessage={EMPTY}
                maw={520}
                {...form.getInputProps('partnerId')}
              />
            )}
            <Stack gap="sm" role="group" aria-labelledby="program-instructors-label" mt="xs">
              <div>
                <Text size="sm" fw={500} id="program-instructors-label">
                  {t('training.programForm.instructors')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('training.programForm.instructorsHint')}
                </Text>
              </div>
              {values.instructors.map((row, index) => {
                const number = index + 1;
                return (
                  <Paper key={row.key} withBorder p="sm">
                    <Group align="flex-end" gap="sm" wrap="nowrap">
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flexGrow: 1 }}>
                        <Select
                          label={t('training.programForm.instructorUser', { number })}
                          placeholder={t('training.programForm.instructorNoUser')}
                          data={userOptions}
                          searchable
                          clearable
                          nothingFoundMessage={EMPTY}
                          {...form.getInputProps(`instructors.${index}.userId`)}
                        />
                        {!row.userId && (
                          <TextInput
                            label={t('training.programForm.instructorName', { number })}
                            maxLength={150}
                            {...form.getInputProps(`instructors.${index}.name`)}
                          />
                        )}
                      </SimpleGrid>
                      <RemoveRowButton
                        mb={2}
                        label={t('training.programForm.removeInstructor', { number })}
                        onClick={() => form.removeListItem('instructors', index)}
                      />
                    </Group>
                  </Paper>
                );
              })}
              <AddRowButton onClick={() => form.insertListItem('instructors', newInstructorRow())}>
                {t('training.programForm.addInstructor')}
              </AddRowButton>
            </Stack>
          </Section>

          <Section title={t('training.programForm.skillsSection')} id="program-skills">
            <Text size="sm" c="dimmed">
              {t('training.programForm.skillsHint')}
            </Text>
            <ListError error={form.errors.skills} />
            {values.skills.map((row, index) => {
              const number = index + 1;
              return (
                <Paper key={row.key} withBorder p="sm">
                  <Group align="flex-end" gap="sm" wrap="nowrap">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flexGrow: 1 }}>
                      <SkillSelect
                        label={t('training.programForm.skill', { number })}
                        options={skillOptions}
                        withAsterisk
                        {...form.getInputProps(`skills.${index}.skillId`)}
                      />
                      <Select
                        label={t('training.programForm.level', { number })}
                        data={optionsOf(SKILL_LEVELS, (level) => t(`training.level.${level}`))}
                        allowDeselect={false}
                        {...form.getInputProps(`skills.${index}.level`)}
                      />
                    </SimpleGrid>
                    <RemoveRowButton
                      mb={2}
                      label={t('training.programForm.removeSkill', { number })}
                      onClick={() => form.removeListItem('skills', index)}
                    />
                  </Group>
                </Paper>
              );
            })}
            <AddRowButton onClick={() => form.insertListItem('skills', newSkillRow())}>
              {t('training.programForm.addSkill')}
            </AddRowButton>
          </Section>

          <Section title={t('training.programForm.unitsSection')} id="program-units">
            <Text size="sm" c="dimmed">
              {t('training.programForm.unitsHint')}
            </Text>
            <ListError error={form.errors.units} />
            {values.units.length === 0 && <Text size="sm">{t('training.programForm.noUnits')}</Text>}
            <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {values.units.map((row, index) => {
                const number = index + 1;
                return (
                  <Paper key={row.key} withBorder p="sm" component="li">
                    <Group justify="space-between" gap="xs" mb={4}>
                      <Text size="sm" fw={600}>
                        {t('training.programForm.unitNumber', { number })}
                      </Text>
                      <Group gap={4}>
                        <ActionIcon
                          variant="subtle"
                          color="dark"
                          size="lg"
                          disabled={index === 0}
                          aria-label={t('training.programForm.moveUnitUp', { number })}
                          onClick={() => form.reorderListItem('units', { from: index, to: index - 1 })}
                        >
                          <IconArrowUp size={18} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="dark"
                          size="lg"
                          disabled={index === values.units.length - 1}
                          aria-label={t('training.programForm.moveUnitDown', { number })}
                          onClick={() => form.reorderListItem('units', { from: index, to: index + 1 })}
                        >
                          <IconArrowDown size={18} aria-hidden />
                        </ActionIcon>
                        <RemoveRowButton
                          label={t('training.programForm.removeUnit', { number })}
                          onClick={() => form.removeListItem('units', index)}
                        />
                      </Group>
                    </Group>
                    <Grid gap="sm">
                      <Grid.Col span={{ base: 12, sm: 3 }}>
                        <TextInput
                          label={t('training.programForm.unitCode', { number })}
                          maxLength={40}
                          {...form.getInputProps(`units.${index}.code`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <TextInput
                          label={t('training.programForm.unitTitle', { number })}
                          withAsterisk
                          maxLength={300}
                          {...form.getInputProps(`units.${index}.title`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 3 }}>
                        <Select
                          label={t('training.programForm.unitSkill', { number })}
                          placeholder={t('training.programForm.unitNoSkill')}
                          data={chosenSkills}
                          clearable
                          nothingFoundMessage={t('training.programForm.chooseSkillsFirst')}
                          {...form.getInputProps(`units.${index}.skillId`)}
                        />
                      </Grid.Col>
                    </Grid>
                  </Paper>
                );
              })}
            </Stack>
            <AddRowButton onClick={() => form.insertListItem('units', newUnitRow())}>
              {t('training.programForm.addUnit')}
            </AddRowButton>
          </Section>

          <Section title={t('training.programForm.lengthSection')} id="program-length">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('training.programForm.sessionsCount')}
                withAsterisk
                min={PROGRAM_LIMITS.sessionsCount.min}
                max={PROGRAM_LIMITS.sessionsCount.max}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('sessionsCount')}
              />
              <NumberInput
                label={t('training.programForm.hoursTotal')}
                withAsterisk
                min={PROGRAM_LIMITS.hoursTotal.min}
                max={PROGRAM_LIMITS.hoursTotal.max}
                decimalScale={1}
                decimalSeparator=","
                allowNegative={false}
                {...form.getInputProps('hoursTotal')}
              />
              <NumberInput
                label={t('training.programForm.defaultCapacity')}
                description={t('training.programForm.defaultCapacityHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                withAsterisk
                min={PROGRAM_LIMITS.defaultCapacity.min}
                max={PROGRAM_LIMITS.defaultCapacity.max}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('defaultCapacity')}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('training.programForm.eligibilitySection')} id="program-eligibility">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumberInput
                label={t('training.programForm.minDaysLeftToServe')}
                description={t('training.programForm.minDaysLeftToServeHint')}
                min={PROGRAM_LIMITS.minDaysLeftToServe.min}
                max={PROGRAM_LIMITS.minDaysLeftToServe.max}
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t('training.days')}`}
                {...form.getInputProps('eligibility.minDaysLeftToServe')}
              />
              <NumberInput
                label={t('training.programForm.minBehaviourScore')}
                description={t('training.programForm.minBehaviourScoreHint')}
                min={PROGRAM_LIMITS.minBehaviourScore.min}
                max={PROGRAM_LIMITS.minBehaviourScore.max}
                decimalScale={2}
                decimalSeparator=","
                allowNegative={false}
                {...form.getInputProps('eligibility.minBehaviourScore')}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('training.programForm.certificationSection')} id="program-certification">
            <Radio.Group
              label={t('training.programForm.certification')}
              {...form.getInputProps('certification')}
            >
              <Stack gap="xs" mt={6}>
                {CERTIFICATION_PATHS.map((path) => (
                  <Radio
                    key={path}
                    value={path}
                    label={t(`training.certification.${path}`)}
                    description={t(`training.certificationHint.${path}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {values.certification !== 'none' && (
              <TextInput
                label={t('training.programForm.certificationBody')}
                description={t('training.programForm.certificationBodyHint')}
                maxLength={200}
                maw={520}
                {...form.getInputProps('certificationBody')}
              />
            )}
          </Section>

          {program && (
            <Section title={t('training.programForm.statusSection')} id="program-status">
              <Switch
                label={t('training.programForm.active')}
                description={t('training.programForm.activeHint')}
                {...form.getInputProps('active', { type: 'checkbox' })}
              />
            </Section>
          )}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => navigate(back)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={stale}>
              {program ? t('common.save') : t('training.programForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
