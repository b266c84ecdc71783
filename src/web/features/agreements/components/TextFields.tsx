import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_TEMPLATES } from '../../../../shared/agreementTemplates.ts';
import { DateField } from '../../../components/DateField.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { clauseFromTemplate, newClauseRow, newObligationRow, type TextFormValues } from './agreementForm.ts';
import type { InputProps } from './formApi.ts';

/** What the text editor needs of a form holding the text (the new agreement's form or the Naskah tab's). */
export interface TextFormApi {
  getValues(): TextFormValues;
  getInputProps(path: string): InputProps;
  insertListItem(path: string, item: unknown): void;
  removeListItem(path: string, index: number): void;
  reorderListItem(path: string, payload: { from: number; to: number }): void;
}

export const MAX_CLAUSES = 100;
export const MAX_OBLIGATIONS = 200;

/** Title, considerations, purpose and scope. */
export function GeneralTextFields({ form, idPrefix }: { form: TextFormApi; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('agreements.editor.general')} id={`${idPrefix}-general`}>
      <TextInput
        label={t('agreements.editor.title')}
        description={t('agreements.editor.titleHint')}
        withAsterisk
        maxLength={300}
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t('agreements.editor.considerations')}
        description={t('agreements.editor.considerationsHint')}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={10000}
        {...form.getInputProps('considerations')}
      />
      <Textarea
        label={t('agreements.editor.purpose')}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={10000}
        {...form.getInputProps('purpose')}
      />
      <Textarea
        label={t('agreements.editor.scope')}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={10000}
        {...form.getInputProps('scope')}
      />
    </SectionCard>
  );
}

/**
 * The Pasal list: each article with its heading and body (ayat separated by blank lines), moved up or down
 * or removed; new articles empty or from a template of the usual articles, in the page's language.
 */
export function ClauseFields({ form, idPrefix }: { form: TextFormApi; idPrefix: string }) {
  const { t, i18n } = useTranslation();
  const clauses = form.getValues().clauses;
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const clausesError = form.getInputProps('clauses').error;
  return (
    <SectionCard
      title={t('agreements.editor.clauses')}
      id={`${idPrefix}-clauses`}
      hint={t('agreements.editor.clausesHint')}
    >
      {clauses.length === 0 && <Text size="sm">{t('agreements.editor.noClauses')}</Text>}
      {clausesError && (
        <Text size="sm" c="red.9" role="alert">
          {clausesError}
        </Text>
      )}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {clauses.map((clause, index) => {
          const number = index + 1;
          return (
            <Paper key={clause.key} withBorder p="sm" component="li" data-testid="clause-row">
              <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                <Title order={3} fz="sm">
                  {t('agreements.editor.clauseNumber', { number })}
                </Title>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    size="lg"
                    disabled={index === 0}
                    aria-label={t('agreements.editor.moveUp', { number })}
                    onClick={() => form.reorderListItem('clauses', { from: index, to: index - 1 })}
                  >
                    <IconArrowUp size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    size="lg"
                    disabled={index === clauses.length - 1}
                    aria-label={t('agreements.editor.moveDown', { number })}
                    onClick={() => form.reorderListItem('clauses', { from: index, to: index + 1 })}
                  >
                    <IconArrowDown size={18} aria-hidden />
                  </ActionIcon>
                  <RemoveRowButton
                    label={t('agreements.editor.removeClause', { number })}
                    onClick={() => form.removeListItem('clauses', index)}
                  />
                </Group>
              </Group>
              <Stack gap="sm">
                <TextInput
                  label={t('agreements.editor.clauseHeading', { number })}
                  withAsterisk
                  maxLength={200}
                  {...form.getInputProps(`clauses.${index}.heading`)}
                />
                <Textarea
                  label={t('agreements.editor.clauseBody', { number })}
                  description={t('agreements.editor.clauseBodyHint')}
                  withAsterisk
                  autosize
                  minRows={4}
                  maxRows={20}
                  maxLength={20000}
                  {...form.getInputProps(`clauses.${index}.body`)}
                />
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {clauses.length < MAX_CLAUSES && (
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('clauses', newClauseRow())}
          >
            {t('agreements.editor.addClause')}
          </Button>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconTemplate size={16} aria-hidden />}
                rightSection={<IconChevronDown size={16} aria-hidden />}
              >
                {t('agreements.editor.addFromTemplate')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {AGREEMENT_TEMPLATES.map((template) => (
                <Menu.Item
                  key={template.key}
                  onClick={() => form.insertListItem('clauses', clauseFromTemplate(template, i18n.language))}
                >
                  {template.heading[lang]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
    </SectionCard>
  );
}

/** The obligations of each party (part of the text): organization, what it does, an optional due date. */
export function ObligationFields({
  form,
  idPrefix,
  parties,
}: {
  form: TextFormApi;
  idPrefix: string;
  /** The parties to choose from (the form's or the agreement's), by position. */
  parties: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const obligations = form.getValues().obligations;
  const options = parties.map((party) => ({ value: party.id, label: party.name }));
  return (
    <SectionCard
      title={t('agreements.editor.obligations')}
      id={`${idPrefix}-obligations`}
      hint={t('agreements.editor.obligationsHint')}
    >
      {obligations.length === 0 && <Text size="sm">{t('agreements.editor.noObligations')}</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {obligations.map((obligation, index) => {
          const number = index + 1;
          return (
            <Paper key={obligation.key} withBorder p="sm" component="li" data-testid="obligation-row">
              <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                <Title order={3} fz="sm">
                  {t('agreements.editor.obligationNumber', { number })}
                </Title>
                <RemoveRowButton
                  label={t('agreements.editor.removeObligation', { number })}
                  onClick={() => form.removeListItem('obligations', index)}
                />
              </Group>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={t('agreements.editor.obligationParty', { number })}
                    placeholder={t('agreements.choose')}
                    data={options}
                    withAsterisk
                    allowDeselect={false}
                    {...form.getInputProps(`obligations.${index}.organizationId`)}
                  />
                  <DateField
                    label={t('agreements.editor.obligationDue', { number })}
                    clearable
                    {...form.getInputProps(`obligations.${index}.dueOn`)}
                  />
                </SimpleGrid>
                <Textarea
                  label={t('agreements.editor.obligationDescription', { number })}
                  withAsterisk
                  autosize
                  minRows={2}
                  maxRows={8}
                  maxLength={2000}
                  {...form.getInputProps(`obligations.${index}.description`)}
                />
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {obligations.length < MAX_OBLIGATIONS && (
        <AddRowButton onClick={() => form.insertListItem('obligations', newObligationRow())}>
          {t('agreements.editor.addObligation')}
        </AddRowButton>
      )}
    </SectionCard>
  );
}
