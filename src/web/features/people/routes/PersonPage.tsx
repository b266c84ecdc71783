import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Person } from '../../../../shared/people.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useSession } from '../../auth/api/session.ts';
import { PersonHandoverSection } from '../../handovers/components/PersonHandoverSection.tsx';
import { PersonMatchesTab } from '../../matching/components/PersonMatchesTab.tsx';
import { PersonPlacementsTab } from '../../placements/components/PersonPlacementsTab.tsx';
import { PersonReintegrationTab } from '../../reintegration/components/PersonReintegrationTab.tsx';
import { PersonOutcomesSection } from '../../supervision/components/PersonOutcomesSection.tsx';
import { PersonSupervisionSection } from '../../supervision/components/PersonSupervisionSection.tsx';
import { PersonTrainingTab } from '../../training/components/PersonTrainingTab.tsx';
import { usePerson } from '../api/people.ts';
import { ConsentTab } from '../components/ConsentTab.tsx';
import { CustodyTab } from '../components/CustodyTab.tsx';
import { DocumentsTab } from '../components/DocumentsTab.tsx';
import { daysFromToday } from '../components/dates.ts';
import { NotesTab } from '../components/NotesTab.tsx';
import { PersonDataExportMenu } from '../components/PersonDataExportMenu.tsx';
import { PersonStatusBadge } from '../components/PersonStatusBadge.tsx';
import { ProfileTab } from '../components/ProfileTab.tsx';
import { ReferralButton } from '../components/ReferralButton.tsx';
import { RelativeDays } from '../components/RelativeDays.tsx';
import { TimelineTab } from '../components/TimelineTab.tsx';

const TABS = [
  'profil',
  'pelatihan',
  'peluang',
  'penempatan',
  'rencana',
  'pembebasan',
  'pidana',
  'catatan',
  'dokumen',
  'persetujuan',
  'riwayat',
] as const;

export function PersonPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const query = usePerson(personId);
  const back = <BackButton to="/warga">{t('common.backToList')}</BackButton>;

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    // Someone she may not see is "not found": the page does not reveal that the record exists.
    if (isApiError(query.error, 'PERSON_NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <PersonView person={query.data} back={back} />;
}

function PersonView({ person, back }: { person: Person; back: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);

  // The sentence tab exists only for corrections staff; for anyone else it is not rendered at all.
  const showCustody = person.corrections && access.canReadCustody;
  // Placements: for those who follow or propose them (the server decides which she may see).
  const showPlacements = access.canManagePlacements || access.canProposePlacements;
  const showMatches = access.canReadMatches;
  // The reintegration plan: corrections staff, and a kelurahan the server lets see it (under consent).
  const showPlan = access.canReadReintegration;
  // Handover, supervision and outcome checks are corrections staff's work.
  const showRelease = showCustody;
  const tabs = TABS.filter(
    (tab) =>
      (tab !== 'pidana' || showCustody) &&
      (tab !== 'penempatan' || showPlacements) &&
      (tab !== 'peluang' || showMatches) &&
      (tab !== 'rencana' || showPlan) &&
      (tab !== 'pembebasan' || showRelease),
  );
  const { tab, selectTab, params, setParams } = useTabParam(tabs);
  const timelinePage = Math.max(1, Number(params.get('halaman')) || 1);

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={person.displayName}
          actions={
            <>
              {person.canEdit && (
                <Button
                  component={Link}
                  to={`/warga/${person.id}/ubah`}
                  leftSection={<IconPencil size={16} aria-hidden />}
                >
                  {t('people.person.edit')}
                </Button>
              )}
              {access.canManageCustody && person.corrections && !person.anonymized && (
                <ReferralButton person={person} />
              )}
              <PersonDataExportMenu person={person} />
            </>
          }
        />
        <Group gap="md" mt="xs">
          <PersonStatusBadge status={person.status} />
          {person.registrationNumber && (
            <Text size="sm">
              {t('people.person.registrationNumber')}: <strong>{person.registrationNumber}</strong>
            </Text>
          )}
          {person.releaseDate && (
            <Text size="sm">
              {t('people.person.releaseDate')}: <strong>{formatDate(person.releaseDate)}</strong>{' '}
              <RelativeDays days={daysFromToday(person.releaseDate)} />
            </Text>
          )}
        </Group>
      </div>

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('people.person.tabsLabel')}>
          {tabs.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {item === 'penempatan'
                ? t('placements.person.tab')
                : item === 'peluang'
                  ? t('matching.tab')
                  : t(`people.person.tabs.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profil" pt="md">
          <ProfileTab person={person} />
        </Tabs.Panel>
        <Tabs.Panel value="pelatihan" pt="md">
          <PersonTrainingTab person={person} />
        </Tabs.Panel>
        {showMatches && (
          <Tabs.Panel value="peluang" pt="md">
            <PersonMatchesTab person={person} />
          </Tabs.Panel>
        )}
        {showPlacements && (
          <Tabs.Panel value="penempatan" pt="md">
            <PersonPlacementsTab person={person} />
          </Tabs.Panel>
        )}
        {showPlan && (
          <Tabs.Panel value="rencana" pt="md">
            <PersonReintegrationTab person={person} />
          </Tabs.Panel>
        )}
        {showRelease && (
          <Tabs.Panel value="pembebasan" pt="md">
            <Stack gap="lg">
              <PersonHandoverSection person={person} />
              <PersonSupervisionSection person={person} />
              <PersonOutcomesSection person={person} />
            </Stack>
          </Tabs.Panel>
        )}
        {showCustody && (
          <Tabs.Panel value="pidana" pt="md">
            <CustodyTab person={person} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="catatan" pt="md">
          <NotesTab person={person} />
        </Tabs.Panel>
        <Tabs.Panel value="dokumen" pt="md">
          <DocumentsTab person={person} />
        </Tabs.Panel>
        <Tabs.Panel value="persetujuan" pt="md">
          <ConsentTab person={person} />
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="md">
          <TimelineTab
            person={person}
            page={timelinePage}
            onPage={(page) => setParams({ tab: 'riwayat', halaman: String(page) })}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
