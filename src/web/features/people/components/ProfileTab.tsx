import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldGroup, Person } from '../../../../shared/people.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { EMPTY, formatDate, formatDateTime, orDash } from '../../../lib/format.ts';
import { daysFromToday } from './dates.ts';
import { PersonStatusBadge } from './PersonStatusBadge.tsx';
import { RelativeDays } from './RelativeDays.tsx';

function Section({ title, children, icon }: { title: string; children: ReactNode; icon?: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Group gap="xs" mb="sm">
        {icon}
        <Title order={2} fz="h4">
          {title}
        </Title>
      </Group>
      {children}
    </Paper>
  );
}

/**
 * Her record grouped as consent shares it. A group the caller may not see is not rendered at all (the
 * server sends its fields as null anyway); corrections-only fields only for prison and probation staff.
 */
export function ProfileTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const visible = (group: FieldGroup) => person.visibleGroups.includes(group);
  const groupNames = person.visibleGroups.map((group) => t(`people.groups.${group}`)).join(', ');

  const identity = visible('identity_contact');
  const skills = visible('skills_training');
  const availability = visible('availability_status');
  const plan = visible('plan');
  const guarantor = person.guarantor;
  const constraints = [
    person.constraints?.childcare ? t('people.form.childcare') : null,
    person.constraints?.partTimeOnly ? t('people.form.partTimeOnly') : null,
    person.constraints?.health ? `${t('people.form.health')}: ${person.constraints.health}` : null,
  ].filter((item): item is string => item !== null);
  const village = person.domicileVillage;

  return (
    <Stack gap="md">
      {person.anonymized && (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} role="note">
          <Text size="sm">{t('people.person.anonymized')}</Text>
        </Alert>
      )}
      {!person.corrections && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} role="note">
          <Text size="sm">
            {person.visibleGroups.length > 0
              ? t('people.person.sharedNotice', { groups: groupNames })
              : t('people.person.nothingShared')}
          </Text>
        </Alert>
      )}

      {identity && (
        <Section title={t('people.groups.identity_contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <InfoField label={t('people.form.fullName')}>{orDash(person.fullName)}</InfoField>
            <InfoField label={t('people.person.aliases')}>
              {person.aliases && person.aliases.length > 0 ? person.aliases.join(', ') : EMPTY}
            </InfoField>
            <InfoField label={t('people.person.nik')}>{orDash(person.nik)}</InfoField>
            <InfoField label={t('people.person.birth')}>
              {[person.birthPlace, person.birthDate ? formatDate(person.birthDate) : null]
                .filter(Boolean)
                .join(', ') || EMPTY}
            </InfoField>
            <InfoField label={t('people.person.maritalStatus')}>
              {person.maritalStatus ? t(`people.vocab.marital.${person.maritalStatus}`) : EMPTY}
            </InfoField>
            <InfoField label={t('people.person.dependentChildren')}>
              {person.dependentChildren ?? EMPTY}
            </InfoField>
            <InfoField label={t('people.person.phone')}>{orDash(person.phone)}</InfoField>
            <InfoField label={t('people.person.guarantor')}>
              {guarantor ? (
                <>
                  {guarantor.name}
                  {guarantor.relation && ` (${guarantor.relation})`}
                  {guarantor.phone && (
                    <Text size="sm" fw={400}>
                      {guarantor.phone}
                    </Text>
                  )}
                  {guarantor.address && (
                    <Text size="sm" fw={400}>
                      {guarantor.address}
                    </Text>
                  )}
                </>
              ) : (
                EMPTY
              )}
            </InfoField>
            <InfoField label={t('people.person.domicile')}>
              {person.domicileAddress || village ? (
                <>
                  {person.domicileAddress && <div>{person.domicileAddress}</div>}
                  {village && (
                    <Text size="sm" fw={400}>
                      {village.name ? `${village.name} (${village.code})` : village.code}
                    </Text>
                  )}
                </>
              ) : (
                EMPTY
              )}
            </InfoField>
          </SimpleGrid>
        </Section>
      )}

      {skills && (
        <Section title={t('people.groups.skills_training')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <InfoField label={t('people.person.education')}>
              {person.educationLevel ? t(`people.vocab.education.${person.educationLevel}`) : EMPTY}
            </InfoField>
            <InfoField label={t('people.person.interests')}>{orDash(person.interests)}</InfoField>
            <InfoField label={t('people.person.preferredSectors')}>
              {person.preferredSectors && person.preferredSectors.length > 0
                ? person.preferredSectors.map((code) => t(`people.vocab.sector.${code}`)).join(', ')
                : EMPTY}
            </InfoField>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="md">
            {t('people.person.skills')}
          </Text>
          {person.skills && person.skills.length > 0 ? (
            <Stack gap={6} mt={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {person.skills.map((skill) => (
                <Group key={skill.id} component="li" gap="xs">
                  <Text fw={500}>{skill.name}</Text>
                  {skill.sector && (
                    <Text size="sm" c="dimmed">
                      {t(`people.vocab.sector.${skill.sector}`)}
                    </Text>
                  )}
                  <Badge variant="light" color="indigo" radius="sm" tt="none">
                    {t(`people.vocab.skillLevel.${skill.level}`)}
                  </Badge>
                  <Badge variant="light" color="gray" radius="sm" tt="none">
                    {t(`people.vocab.skillEvidence.${skill.evidence}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text fw={500}>{EMPTY}</Text>
          )}
        </Section>
      )}

      {availability && (
        <Section title={t('people.groups.availability_status')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <InfoField label={t('people.person.status')}>
              {person.status ? <PersonStatusBadge status={person.status} /> : EMPTY}
            </InfoField>
            <InfoField label={t('people.person.releaseDate')}>
              {person.releaseDate ? (
                <>
                  {formatDate(person.releaseDate)} <RelativeDays days={daysFromToday(person.releaseDate)} />
                </>
              ) : (
                EMPTY
              )}
            </InfoField>
            <InfoField label={t('people.person.intendedVillage')}>
              {person.intendedVillage?.name ?? EMPTY}
            </InfoField>
            <InfoField label={t('people.person.constraints')}>
              {constraints.length > 0 ? constraints.join('; ') : t('people.person.noConstraints')}
            </InfoField>
          </SimpleGrid>
        </Section>
      )}

      {plan && (
        <Section title={t('people.groups.plan')}>
          <Text size="sm">{t('people.person.planLater')}</Text>
        </Section>
      )}

      {person.corrections && (
        <Section title={t('people.person.correctionsOnly')} icon={<IconLock size={18} aria-hidden />}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <InfoField label={t('people.person.registrationNumber')}>
              {orDash(person.registrationNumber)}
            </InfoField>
            <InfoField label={t('people.person.organization')}>{person.organization.name}</InfoField>
            <InfoField label={t('people.person.religion')}>{orDash(person.religion)}</InfoField>
            <InfoField label={t('people.person.ethnicity')}>{orDash(person.ethnicity)}</InfoField>
          </SimpleGrid>
          {person.links.length > 0 && (
            <>
              <Text size="sm" c="dimmed" mt="md">
                {t('people.person.links')}
              </Text>
              <Stack gap={4} mt={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {person.links.map((link) => (
                  <Text key={link.id} component="li" size="sm">
                    {t(`people.person.linkKind.${link.kind}`)}: {link.organizationName} ·{' '}
                    {formatDateTime(link.createdAt)}
                  </Text>
                ))}
              </Stack>
            </>
          )}
        </Section>
      )}
    </Stack>
  );
}
