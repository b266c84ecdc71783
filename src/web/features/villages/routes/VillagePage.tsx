import { Button, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { VillageDetail } from '../../../../shared/villages.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY } from '../../../lib/format.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useSession } from '../../auth/api/session.ts';
import { OpportunityList } from '../../opportunities/components/OpportunityList.tsx';
import { PartnerList } from '../../partners/components/PartnerList.tsx';
import { PlacementPipeline } from '../../placements/components/PlacementPipeline.tsx';
import { useVillage } from '../api/villages.ts';
import { HostBadge } from '../components/HostBadge.tsx';
import { ProfileTab } from '../components/ProfileTab.tsx';
import { RevisionsTab } from '../components/RevisionsTab.tsx';
import { FacilitiesTab, NeedsTab, PotentialsTab } from '../components/RowTabs.tsx';
import { formatNumber } from '../components/villageFormat.ts';
import { villageTabs } from '../components/villageTabs.ts';

/** /desa/:villageId: the kelurahan's header and its tabs (`?tab=`). */
export function VillagePage() {
  const { villageId = '' } = useParams();
  const { t } = useTranslation();
  const query = useVillage(villageId);
  const back = <BackButton to="/desa">{t('villages.page.back')}</BackButton>;
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <VillageView village={query.data} back={back} />;
}

const COUNTS = ['potentials', 'needs', 'partners', 'openPlaces', 'placed'] as const;

function VillageView({ village, back }: { village: VillageDetail; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const tabs = villageTabs(accessFor(me.permissions));
  const { tab, selectTab, params, setParams } = useTabParam(tabs);
  const revisionsPage = Math.max(1, Number(params.get('halaman')) || 1);

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={village.name}
          actions={
            village.canEdit && (
              <Button
                component={Link}
                to={`/desa/${village.id}/ubah`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('villages.page.edit')}
              </Button>
            )
          }
        />
        <Group gap="md" mt="xs" wrap="wrap">
          <HostBadge status={village.hostStatus} since={village.hostSince} />
          <Text size="sm">
            {t('villages.page.code')}: <strong>{village.code ?? EMPTY}</strong>
          </Text>
          <Text size="sm">
            {t('villages.page.district')}: <strong>{village.kecamatanName ?? EMPTY}</strong>
          </Text>
        </Group>
        <SimpleGrid
          component="dl"
          cols={{ base: 3, sm: 5 }}
          spacing="md"
          verticalSpacing="xs"
          mt="sm"
          mb={0}
          maw={640}
        >
          {COUNTS.map((count) => (
            <div key={count}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`villages.list.${count}`)}
              </Text>
              <Text component="dd" size="lg" fw={700} m={0} data-count={count}>
                {formatNumber(village.counts[count], i18n.language)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </div>

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('villages.page.tabsLabel')}>
          {tabs.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {t(`villages.page.tabs.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profil" pt="md">
          <ProfileTab village={village} />
        </Tabs.Panel>
        <Tabs.Panel value="potensi" pt="md">
          <PotentialsTab village={village} />
        </Tabs.Panel>
        <Tabs.Panel value="kebutuhan" pt="md">
          <NeedsTab village={village} />
        </Tabs.Panel>
        <Tabs.Panel value="fasilitas" pt="md">
          <FacilitiesTab village={village} />
        </Tabs.Panel>
        {tabs.includes('mitra') && (
          <Tabs.Panel value="mitra" pt="md">
            <SectionCard title={t('villages.page.partnersTitle')} id="village-partners">
              <PartnerList villageId={village.id} />
            </SectionCard>
          </Tabs.Panel>
        )}
        {tabs.includes('peluang') && (
          <Tabs.Panel value="peluang" pt="md">
            <SectionCard title={t('villages.page.opportunitiesTitle')} id="village-opportunities">
              <OpportunityList villageId={village.id} />
            </SectionCard>
          </Tabs.Panel>
        )}
        {tabs.includes('penempatan') && (
          <Tabs.Panel value="penempatan" pt="md">
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {t('villages.page.placementsTitle')}
              </Title>
              <PlacementPipeline villageId={village.id} headingOrder={3} />
            </Stack>
          </Tabs.Panel>
        )}
        <Tabs.Panel value="riwayat" pt="md">
          <RevisionsTab
            villageId={village.id}
            page={revisionsPage}
            onPageChange={(page) => {
              const next = new URLSearchParams(params);
              next.set('halaman', String(page));
              setParams(next);
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
