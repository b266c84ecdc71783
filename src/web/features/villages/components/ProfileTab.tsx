import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VillageDetail } from '../../../../shared/villages.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { EMPTY, formatDate, orDash } from '../../../lib/format.ts';
import { HostBadge } from './HostBadge.tsx';
import { SectorChart } from './SectorChart.tsx';
import { formatCoordinates, formatNumber, populationDensity, revisionTime } from './villageFormat.ts';

/** The Profil tab: the Lurah and contacts, population, area and density, centroid, description, host status. */
export function ProfileTab({ village }: { village: VillageDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const profile = village.profile;
  const density = populationDensity(profile.population, profile.areaKm2);
  const coordinates = formatCoordinates(profile.latitude, profile.longitude, language, {
    north: t('villages.profile.hemisphere.north'),
    south: t('villages.profile.hemisphere.south'),
    east: t('villages.profile.hemisphere.east'),
    west: t('villages.profile.hemisphere.west'),
  });

  return (
    <Stack gap="md">
      <SectionCard title={t('villages.profile.general')} id="village-general">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <InfoField label={t('villages.profile.lurah')}>
            {orDash(profile.lurahName)}
            {profile.lurahPhone && (
              <Text size="sm" fw={400}>
                {t('villages.profile.lurahPhone')}:{' '}
                <Anchor href={`tel:${profile.lurahPhone}`} c="blue.9" size="sm">
                  {profile.lurahPhone}
                </Anchor>
              </Text>
            )}
          </InfoField>
          <InfoField label={t('villages.profile.population')}>
            {profile.population === null
              ? EMPTY
              : t('villages.profile.populationValue', { value: formatNumber(profile.population, language) })}
          </InfoField>
          <InfoField label={t('villages.profile.area')}>
            {profile.areaKm2 === null
              ? EMPTY
              : t('villages.profile.areaValue', { value: formatNumber(profile.areaKm2, language, 2) })}
          </InfoField>
          <InfoField label={t('villages.profile.density')}>
            {density === null
              ? EMPTY
              : t('villages.profile.densityValue', { value: formatNumber(density, language) })}
            {density !== null && (
              <Text size="xs" c="dimmed" fw={400}>
                {t('villages.profile.densityHint')}
              </Text>
            )}
          </InfoField>
          <InfoField label={t('villages.profile.coordinates')}>{coordinates ?? EMPTY}</InfoField>
          <InfoField label={t('villages.profile.office')}>
            {orDash(village.address)}
            {(village.phone || village.email) && (
              <Text size="sm" fw={400}>
                {[village.phone, village.email].filter(Boolean).join(' · ')}
              </Text>
            )}
          </InfoField>
        </SimpleGrid>
        <InfoField label={t('villages.profile.description')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {profile.description ?? t('villages.profile.noDescription')}
          </Text>
        </InfoField>
        {village.updatedAt && (
          <Text size="xs" c="dimmed">
            {t('villages.profile.lastUpdated', {
              when: revisionTime(village.updatedAt, language),
              who: village.updatedByName ?? t('villages.revisions.system'),
              version: village.version,
            })}
          </Text>
        )}
      </SectionCard>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard title={t('villages.profile.hostStatus')} id="village-host">
          <div>
            <HostBadge status={village.hostStatus} since={village.hostSince} />
          </div>
          {village.hostStatus === 'none' ? (
            <Text size="sm">{t('villages.profile.notHost')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <InfoField label={t('villages.profile.hostSince')}>{formatDate(village.hostSince)}</InfoField>
              <InfoField label={t('villages.profile.hostAgreement')}>
                {orDash(profile.hostAgreement)}
              </InfoField>
            </SimpleGrid>
          )}
        </SectionCard>

        <SectionCard title={t('villages.profile.contacts')} id="village-contacts">
          {village.contacts.length === 0 ? (
            <Text size="sm">{t('villages.profile.noContacts')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {village.contacts.map((contact, index) => (
                // Contacts have no id; their order is what the kelurahan saved.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Card key={index} component="li" withBorder padding="xs">
                  <Text size="sm" fw={600}>
                    {contact.name}
                  </Text>
                  {contact.position && <Text size="sm">{contact.position}</Text>}
                  {contact.phone && (
                    <Text size="sm">
                      {t('villages.profile.contactPhone')}:{' '}
                      <Anchor href={`tel:${contact.phone}`} c="blue.9" size="sm">
                        {contact.phone}
                      </Anchor>
                    </Text>
                  )}
                  {contact.email && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {t('villages.profile.contactEmail')}:{' '}
                      <Anchor href={`mailto:${contact.email}`} c="blue.9" size="sm">
                        {contact.email}
                      </Anchor>
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          )}
        </SectionCard>
      </SimpleGrid>

      <SectorChart villageId={village.id} />
    </Stack>
  );
}
