import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  VillageDetail,
  VillageFacility,
  VillageNeed,
  VillagePotential,
} from '../../../../shared/villages.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { EMPTY, orDash } from '../../../lib/format.ts';
import { StrengthRating } from './StrengthRating.tsx';
import { formatNumber, seasonText } from './villageFormat.ts';

const byPosition = <T extends { position: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.position - b.position);

function useWide() {
  return useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
}

function useSkillName() {
  const { i18n } = useTranslation();
  return (row: { skillName: string | null; skillNameEn: string | null }) =>
    (i18n.language === 'en' ? row.skillNameEn : row.skillName) ?? row.skillName ?? null;
}

/** A label and its value inside a card (phones). */
function CardLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span size="sm" c="dimmed">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

function CardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

function SectorCell({ sector, skill }: { sector: VillagePotential['sector']; skill: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={500}>
        {t(`people.vocab.sector.${sector}`)}
      </Text>
      {skill && (
        <Text size="xs" c="dimmed">
          {skill}
        </Text>
      )}
    </>
  );
}

/** The Potensi tab: what the kelurahan is strong in, with a labelled strength. */
export function PotentialsTab({ village }: { village: VillageDetail }) {
  const { t } = useTranslation();
  const wide = useWide();
  const skillName = useSkillName();
  const rows: VillagePotential[] = byPosition(village.potentials);
  const title = t('villages.potentials.title');
  const tableLabel = t('villages.potentials.tableLabel');
  return (
    <SectionCard title={title} id="village-potentials">
      {rows.length === 0 ? (
        <Text size="sm">{t('villages.potentials.empty')}</Text>
      ) : wide ? (
        <ScrollTable label={tableLabel} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('villages.potentials.sector')}</Table.Th>
              <Table.Th scope="col">{t('villages.potentials.description')}</Table.Th>
              <Table.Th scope="col">{t('villages.potentials.strength')}</Table.Th>
              <Table.Th scope="col">{t('villages.potentials.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="potential-row">
                <Table.Td>
                  <SectorCell sector={row.sector} skill={skillName(row)} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{row.description}</Table.Td>
                <Table.Td>
                  <StrengthRating value={row.strength} />
                </Table.Td>
                <Table.Td>{orDash(row.source)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <CardList label={title}>
          {rows.map((row) => (
            <Card key={row.id} component="li" withBorder padding="sm" data-testid="potential-row">
              <SectorCell sector={row.sector} skill={skillName(row)} />
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {row.description}
              </Text>
              <Stack gap={4} mt={6}>
                <StrengthRating value={row.strength} />
                {row.source && <CardLine label={t('villages.potentials.source')}>{row.source}</CardLine>}
              </Stack>
            </Card>
          ))}
        </CardList>
      )}
    </SectionCard>
  );
}

function NeedKindBadge({ need }: { need: VillageNeed }) {
  const { t } = useTranslation();
  return (
    <Badge variant="default" radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
      {t(`villages.needKind.${need.kind}`)}
    </Badge>
  );
}

/** The Kebutuhan tab: what the community needs, how much a year, and in which months. */
export function NeedsTab({ village }: { village: VillageDetail }) {
  const { t, i18n } = useTranslation();
  const wide = useWide();
  const skillName = useSkillName();
  const rows: VillageNeed[] = byPosition(village.needs);
  const title = t('villages.needs.title');
  const tableLabel = t('villages.needs.tableLabel');
  const season = (need: VillageNeed) => seasonText(need.seasonMonths, i18n.language) ?? t('villages.allYear');
  const size = (need: VillageNeed) =>
    need.size === null ? t('villages.needs.sizeUnknown') : formatNumber(need.size, i18n.language);
  return (
    <SectionCard title={title} id="village-needs">
      {rows.length === 0 ? (
        <Text size="sm">{t('villages.needs.empty')}</Text>
      ) : wide ? (
        <ScrollTable label={tableLabel} minWidth={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('villages.needs.sector')}</Table.Th>
              <Table.Th scope="col">{t('villages.needs.kind')}</Table.Th>
              <Table.Th scope="col">{t('villages.needs.description')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('villages.needs.size')}
              </Table.Th>
              <Table.Th scope="col">{t('villages.needs.season')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="need-row">
                <Table.Td>
                  <SectorCell sector={row.sector} skill={skillName(row)} />
                </Table.Td>
                <Table.Td>
                  <NeedKindBadge need={row} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{row.description}</Table.Td>
                <Table.Td ta="right">{size(row)}</Table.Td>
                <Table.Td>{season(row)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <CardList label={title}>
          {rows.map((row) => (
            <Card key={row.id} component="li" withBorder padding="sm" data-testid="need-row">
              <Group justify="space-between" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <SectorCell sector={row.sector} skill={skillName(row)} />
                </div>
                <NeedKindBadge need={row} />
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {row.description}
              </Text>
              <Stack gap={2} mt={6}>
                <CardLine label={t('villages.needs.size')}>{size(row)}</CardLine>
                <CardLine label={t('villages.needs.season')}>{season(row)}</CardLine>
              </Stack>
            </Card>
          ))}
        </CardList>
      )}
    </SectionCard>
  );
}

/** The Fasilitas tab: training venues, market stalls, community hubs. */
export function FacilitiesTab({ village }: { village: VillageDetail }) {
  const { t, i18n } = useTranslation();
  const wide = useWide();
  const rows: VillageFacility[] = byPosition(village.facilities);
  const title = t('villages.facilities.title');
  const tableLabel = t('villages.facilities.tableLabel');
  const capacity = (row: VillageFacility) =>
    row.capacity === null
      ? EMPTY
      : t('villages.facilities.capacityValue', { value: formatNumber(row.capacity, i18n.language) });
  return (
    <SectionCard title={title} id="village-facilities">
      {rows.length === 0 ? (
        <Text size="sm">{t('villages.facilities.empty')}</Text>
      ) : wide ? (
        <ScrollTable label={tableLabel} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('villages.facilities.name')}</Table.Th>
              <Table.Th scope="col">{t('villages.facilities.kind')}</Table.Th>
              <Table.Th scope="col">{t('villages.facilities.address')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('villages.facilities.capacity')}
              </Table.Th>
              <Table.Th scope="col">{t('villages.facilities.description')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="facility-row">
                <Table.Td fw={500}>{row.name}</Table.Td>
                <Table.Td>{t(`villages.facilityKind.${row.kind}`)}</Table.Td>
                <Table.Td>{orDash(row.address)}</Table.Td>
                <Table.Td ta="right">{capacity(row)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{orDash(row.description)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <CardList label={title}>
          {rows.map((row) => (
            <Card key={row.id} component="li" withBorder padding="sm" data-testid="facility-row">
              <Text size="sm" fw={600}>
                {row.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`villages.facilityKind.${row.kind}`)}
              </Text>
              <Stack gap={2} mt={6}>
                {row.address && <CardLine label={t('villages.facilities.address')}>{row.address}</CardLine>}
                <CardLine label={t('villages.facilities.capacity')}>{capacity(row)}</CardLine>
                {row.description && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {row.description}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
        </CardList>
      )}
    </SectionCard>
  );
}
