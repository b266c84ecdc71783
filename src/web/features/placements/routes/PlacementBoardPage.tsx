import { Button, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { useOpportunityOptions } from '../api/placements.ts';
import { PlacementPipeline } from '../components/PlacementPipeline.tsx';
import { BOARD_PARAMS, type BoardFilters, boardFilters, withBoardFilter } from '../components/pipeline.ts';

/** /penempatan: every placement the caller may follow, by stage; the filters live in the address. */
export function PlacementBoardPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const [params, setParams] = useSearchParams();
  const filters = boardFilters(params);
  const update = (key: keyof BoardFilters, value: string | boolean | null) =>
    setParams(withBoardFilter(params, key, value), { replace: true });

  const villages = useOrganizations({ kind: 'village' });
  const opportunities = useOpportunityOptions({
    sort: 'title',
    pageSize: 200,
    ...(filters.villageId ? { villageId: filters.villageId } : {}),
    ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
  });
  const villageOptions = (villages.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
  const opportunityOptions = (opportunities.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.title} — ${item.partner.name}`,
  }));
  const hasFilters = Boolean(filters.villageId || filters.partnerId || filters.opportunityId);

  return (
    <Stack gap="md">
      <div>
        <PageHeader title={t('placements.board.title')} />
        <Text size="sm" mt="xs" maw={800}>
          {t('placements.board.intro')}
        </Text>
      </div>

      <section aria-label={t('placements.board.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Select
            label={t('placements.board.village')}
            placeholder={t('placements.board.allVillages')}
            data={villageOptions}
            value={filters.villageId ?? null}
            onChange={(value) => update('villageId', value)}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
          {/* A partner follows only her own organization's pipelines: choosing a partner is for the others. */}
          {access.canReadAllPartners && (
            <PartnerFilter value={filters.partnerId} onChange={(value) => update('partnerId', value)} />
          )}
          <Select
            label={t('placements.board.opportunity')}
            placeholder={t('placements.board.allOpportunities')}
            data={opportunityOptions}
            value={filters.opportunityId ?? null}
            onChange={(value) => update('opportunityId', value)}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button
            variant="subtle"
            px={0}
            mt="xs"
            onClick={() => {
              const next = new URLSearchParams();
              if (filters.includeClosed) next.set(BOARD_PARAMS.includeClosed, '1');
              setParams(next, { replace: true });
            }}
          >
            {t('placements.board.clearFilters')}
          </Button>
        )}
      </section>

      <PlacementPipeline
        villageId={filters.villageId}
        partnerId={filters.partnerId}
        opportunityId={filters.opportunityId}
        includeClosed={filters.includeClosed}
        onIncludeClosedChange={(value) => update('includeClosed', value)}
        headingOrder={2}
        emptyText={hasFilters ? t('placements.board.noMatch') : undefined}
      />
    </Stack>
  );
}

function PartnerFilter({ value, onChange }: { value?: string; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const partners = useOrganizations({ kind: 'partner' });
  return (
    <Select
      label={t('placements.board.partner')}
      placeholder={t('placements.board.allPartners')}
      data={(partners.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
      value={value ?? null}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={EMPTY}
    />
  );
}
