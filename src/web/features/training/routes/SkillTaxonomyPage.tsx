import { Accordion, Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_LEVELS } from '../../../../shared/people.ts';
import type { Skill } from '../../../../shared/skills.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { useSkillTaxonomy } from '../api/skills.ts';
import { SkillFormModal } from '../components/SkillFormModal.tsx';
import { matchesSkill } from '../components/skillSearch.ts';

type Editing = { skill: Skill | null; sector: Skill['sector'] | null } | null;

/** /admin/keterampilan: the skills taxonomy by sector; an administrator adds, edits and deactivates skills. */
export function SkillTaxonomyPage() {
  const { t } = useTranslation();
  const taxonomy = useSkillTaxonomy(true);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [opened, setOpened] = useState<string[] | null>(null);

  const sectors = (taxonomy.data?.sectors ?? [])
    .map((group) => ({ ...group, skills: group.skills.filter((skill) => matchesSkill(skill, search)) }))
    .filter((group) => group.skills.length > 0);
  // A search opens every sector that has a match; otherwise the officer's own choice (all at first).
  const openSectors = search.trim()
    ? sectors.map((group) => group.sector)
    : (opened ?? sectors.map((group) => group.sector));

  return (
    <Stack gap="md">
      <div>
        <PageHeader
          title={t('training.skills.title')}
          actions={
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing({ skill: null, sector: null })}
            >
              {t('training.skills.add')}
            </Button>
          }
        />
        <Text size="sm" mt="xs" maw={800}>
          {t('training.skills.intro')}
        </Text>
      </div>
      <TextInput
        label={t('training.skills.search')}
        placeholder={t('training.skills.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      {taxonomy.isPending ? (
        <PageLoader />
      ) : taxonomy.isError ? (
        <QueryError error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />
      ) : sectors.length === 0 ? (
        <Text>{search.trim() ? t('training.skills.noMatch') : t('training.skills.empty')}</Text>
      ) : (
        <Accordion
          multiple
          variant="separated"
          value={openSectors}
          onChange={(value) => setOpened(value)}
          chevronPosition="left"
          order={2}
        >
          {sectors.map((group) => {
            const inactive = group.skills.filter((skill) => !skill.active).length;
            return (
              <Accordion.Item key={group.sector} value={group.sector}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text fw={600} span>
                      {t(`people.vocab.sector.${group.sector}`)}
                    </Text>
                    <Badge variant="default" radius="sm" tt="none">
                      {t('training.skills.count', { count: group.skills.length })}
                    </Badge>
                    {inactive > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('training.skills.inactiveCount', { count: inactive })}
                      </Text>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {wide ? (
                      <SkillTable
                        label={t(`people.vocab.sector.${group.sector}`)}
                        skills={group.skills}
                        onEdit={(skill) => setEditing({ skill, sector: skill.sector })}
                      />
                    ) : (
                      <SkillCards
                        label={t(`people.vocab.sector.${group.sector}`)}
                        skills={group.skills}
                        onEdit={(skill) => setEditing({ skill, sector: skill.sector })}
                      />
                    )}
                    <div>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={<IconPlus size={14} aria-hidden />}
                        onClick={() => setEditing({ skill: null, sector: group.sector })}
                      >
                        {t('training.skills.addIn', { sector: t(`people.vocab.sector.${group.sector}`) })}
                      </Button>
                    </div>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
      <SkillFormModal
        skill={editing ? editing.skill : undefined}
        sector={editing?.sector ?? null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

interface SkillListProps {
  label: string;
  skills: Skill[];
  onEdit: (skill: Skill) => void;
}

function LevelDescriptions({ skill, hideEmpty = false }: { skill: Skill; hideEmpty?: boolean }) {
  const { t } = useTranslation();
  const levels = SKILL_LEVELS.filter((level) => skill.levelDescriptions[level]);
  if (levels.length === 0) return hideEmpty ? null : EMPTY;
  return (
    <Stack gap={2} component="dl" m={0}>
      {levels.map((level) => (
        <Text key={level} size="xs" component="div">
          <Text span fw={600} size="xs" component="dt" display="inline">
            {t(`training.level.${level}`)}:
          </Text>{' '}
          <Text span size="xs" component="dd" display="inline" m={0}>
            {skill.levelDescriptions[level]}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={active ? 'teal.9' : 'gray.8'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {active ? t('training.skills.activeYes') : t('training.skills.activeNo')}
    </Badge>
  );
}

function SkillTable({ label, skills, onEdit }: SkillListProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('training.skills.tableLabel', { sector: label })} minWidth={860}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('training.skills.code')}</Table.Th>
          <Table.Th>{t('training.skills.name')}</Table.Th>
          <Table.Th>{t('training.skills.skkni')}</Table.Th>
          <Table.Th>{t('training.skills.levelDescriptions')}</Table.Th>
          <Table.Th>{t('training.skills.aliases')}</Table.Th>
          <Table.Th>{t('training.skills.status')}</Table.Th>
          <Table.Th>
            <span className="mantine-visually-hidden">{t('training.actions')}</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {skills.map((skill) => (
          <Table.Tr key={skill.id}>
            <Table.Td>
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {skill.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {skill.nameId}
              </Text>
              <Text size="xs" c="dimmed" lang="en">
                {skill.nameEn}
              </Text>
            </Table.Td>
            <Table.Td>{skill.skkniReference ?? EMPTY}</Table.Td>
            <Table.Td maw={320}>
              <LevelDescriptions skill={skill} />
            </Table.Td>
            <Table.Td maw={220}>{skill.aliases.length > 0 ? skill.aliases.join(', ') : EMPTY}</Table.Td>
            <Table.Td>
              <ActiveBadge active={skill.active} />
            </Table.Td>
            <Table.Td>
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<IconPencil size={14} aria-hidden />}
                aria-label={t('training.skills.editNamed', { name: skill.nameId })}
                onClick={() => onEdit(skill)}
              >
                {t('training.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function SkillCards({ label, skills, onEdit }: SkillListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {skills.map((skill) => (
        <Card key={skill.id} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {skill.nameId}
              </Text>
              <Text size="xs" c="dimmed" lang="en">
                {skill.nameEn}
              </Text>
              <Text size="xs" ff="monospace">
                {skill.code}
              </Text>
            </div>
            <ActiveBadge active={skill.active} />
          </Group>
          <Stack gap={4} mt="xs">
            {skill.skkniReference && (
              <Text size="sm">
                {t('training.skills.skkni')}: {skill.skkniReference}
              </Text>
            )}
            <LevelDescriptions skill={skill} hideEmpty />
            {skill.aliases.length > 0 && (
              <Text size="sm">
                {t('training.skills.aliases')}: {skill.aliases.join(', ')}
              </Text>
            )}
          </Stack>
          <Group justify="flex-end" mt="xs">
            <Anchor component="button" type="button" size="sm" onClick={() => onEdit(skill)}>
              {t('training.skills.editNamed', { name: skill.nameId })}
            </Anchor>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
