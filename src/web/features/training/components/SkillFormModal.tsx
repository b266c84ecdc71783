import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS, SKILL_LEVELS } from '../../../../shared/people.ts';
import type { Skill } from '../../../../shared/skills.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useCreateSkill, useReloadSkills, useUpdateSkill } from '../api/skills.ts';
import {
  createSkillRequest,
  type SkillFormValues,
  skillFormValues,
  suggestedCode,
  updateSkillRequest,
} from './skillForm.ts';
import { optionsOf } from './vocabulary.ts';

interface SkillFormModalProps {
  /** The skill being edited, or null for a new one; undefined keeps the modal closed. */
  skill: Skill | null | undefined;
  /** The sector a new skill starts in (the accordion section it was added from). */
  sector?: Skill['sector'] | null;
  onClose: () => void;
}

/** Adds or edits one skill of the taxonomy; mounted per skill so each opening starts a fresh form. */
export function SkillFormModal({ skill, sector = null, onClose }: SkillFormModalProps) {
  const { t } = useTranslation();
  const opened = skill !== undefined;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={skill ? t('training.skills.editTitle', { name: skill.nameId }) : t('training.skills.addTitle')}
      size="lg"
      centered
    >
      {opened && <SkillForm key={skill?.id ?? 'new'} skill={skill} sector={sector} onClose={onClose} />}
    </Modal>
  );
}

function SkillForm({
  skill,
  sector,
  onClose,
}: {
  skill: Skill | null;
  sector: Skill['sector'] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSkill();
  const update = useUpdateSkill();
  const reload = useReloadSkills();
  const [stale, setStale] = useState(false);
  const form = useForm<SkillFormValues>({
    initialValues: skillFormValues(skill, sector),
    validate: {
      sector: (value) => (value ? null : t('common.required')),
      code: (value) => (value.trim() ? null : t('common.required')),
      nameId: (value) => (value.trim().length >= 2 ? null : t('common.required')),
      nameEn: (value) => (value.trim().length >= 2 ? null : t('common.required')),
    },
  });
  const pending = create.isPending || update.isPending;
  // A new skill's code is typed by the officer; the sector and English name suggest one as a placeholder.
  const suggestion = skill ? '' : suggestedCode(form.values.sector, form.values.nameEn);

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    showServerErrors(form, error);
  };

  const submit = form.onSubmit((values) => {
    if (skill) {
      update.mutate(
        { skillId: skill.id, ...updateSkillRequest(values, skill.version) },
        {
          onSuccess: (saved) => {
            notifySuccess(t('training.skills.saved', { name: saved.nameId }));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(createSkillRequest(values), {
        onSuccess: (saved) => {
          notifySuccess(t('training.skills.added', { name: saved.nameId }));
          onClose();
        },
        onError,
      });
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {stale && (
          <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Text size="sm">{t('training.skills.stale')}</Text>
            <Button
              mt="xs"
              size="xs"
              variant="white"
              color="dark"
              onClick={() => {
                void reload();
                onClose();
              }}
            >
              {t('training.reload')}
            </Button>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('training.skills.sector')}
            placeholder={t('training.choose')}
            data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('sector')}
          />
          <TextInput
            label={t('training.skills.code')}
            description={t('training.skills.codeHint')}
            withAsterisk
            maxLength={60}
            autoCapitalize="none"
            spellCheck={false}
            placeholder={suggestion ? t('training.skills.codeSuggestion', { code: suggestion }) : undefined}
            {...form.getInputProps('code')}
          />
          <TextInput
            label={t('training.skills.nameId')}
            withAsterisk
            maxLength={120}
            {...form.getInputProps('nameId')}
          />
          <TextInput
            label={t('training.skills.nameEn')}
            withAsterisk
            maxLength={120}
            {...form.getInputProps('nameEn')}
          />
        </SimpleGrid>
        <TextInput
          label={t('training.skills.skkni')}
          description={t('training.skills.skkniHint')}
          maxLength={120}
          {...form.getInputProps('skkniReference')}
        />
        <Textarea
          label={t('training.skills.description')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('description')}
        />
        <Fieldset legend={t('training.skills.levelDescriptions')} p="sm">
          <Stack gap="xs">
            {SKILL_LEVELS.map((level) => (
              <Textarea
                key={level}
                label={t(`training.level.${level}`)}
                autosize
                minRows={1}
                maxLength={500}
                {...form.getInputProps(`levelDescriptions.${level}`)}
              />
            ))}
          </Stack>
        </Fieldset>
        <TagsInput
          label={t('training.skills.aliases')}
          description={t('training.skills.aliasesHint')}
          maxTags={30}
          splitChars={[',']}
          clearable
          {...form.getInputProps('aliases')}
        />
        <Switch
          label={t('training.skills.active')}
          description={t('training.skills.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={stale}>
            {skill ? t('common.save') : t('training.skills.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
