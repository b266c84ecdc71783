import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { VillageInsightResponse } from '../../../../shared/insight.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { useInsightVillages } from '../api/dashboard.ts';
import { auditCsvDownload } from '../api/exports.ts';
import { useVillageInsight } from '../api/village.ts';
import { SmallCountsNote } from '../components/SmallCountsNote.tsx';
import { VillagePicker } from '../components/village/VillagePicker.tsx';
import {
  VillageOpportunitiesSection,
  VillagePeopleSection,
  VillageSectorsSection,
} from '../components/village/VillageSections.tsx';
import { MONTHS_PARAM, monthsFromParam, VILLAGE_MONTH_CHOICES } from '../components/village/villageRows.ts';

/**
 * /dasbor/kelurahan: the kelurahan the caller may open (her own opens at once);
 * /dasbor/kelurahan/:villageId: one kelurahan's figures, with the horizon of upcoming releases in `?bulan=`.
 */
export function VillageInsightPage() {
  const { villageId } = useParams();
  return villageId ? <VillageView villageId={villageId} /> : <VillagePicker />;
}

function VillageView({ villageId }: { villageId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const months = monthsFromParam(params.get(MONTHS_PARAM));
  const query = useVillageInsight(villageId, months);
  // The way back to the list only when there is a choice (a kelurahan's own staff have one kelurahan).
  const villages = useInsightVillages(useSession().organization.kind !== 'partner');
  const back =
    (villages.data?.items.length ?? 0) > 1 ? (
      <BackButton to="/dasbor/kelurahan">{t('insight.village.back')}</BackButton>
    ) : null;

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    const error = query.error;
    if (isApiError(error) && (error.status === 404 || error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    if (isApiError(error) && error.status === 403) return <StatusPage kind="forbidden" />;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const setMonths = (value: string) => {
    const next = new URLSearchParams(params);
    next.set(MONTHS_PARAM, value);
    setParams(next, { replace: true });
  };
  return (
    <VillageFigures
      data={query.data}
      back={back}
      onMonths={setMonths}
      busy={query.isFetching}
      months={months}
    />
  );
}

function VillageFigures({
  data,
  back,
  months,
  onMonths,
  busy,
}: {
  data: VillageInsightResponse;
  back: ReactNode;
  months: number;
  onMonths: (value: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const access = accessFor(useSession().permissions);
  const horizonId = useId();
  const village = data.village;
  const filters = { villageId: village.id, months: String(data.months) };
  const csvName = (section: string) => `kelurahan-${village.name}-${section}`;
  const onCsv = (section: string) => () => auditCsvDownload({ view: 'village', section, filters });
  const sections = { data, csvName, onCsv };

  return (
    <Stack gap="lg" aria-busy={busy} data-testid="village-insight">
      <div>
        {back}
        <PageHeader title={village.name} />
        <Group gap="md" mt={4} wrap="wrap">
          {village.district && (
            <Text size="sm">
              {t('insight.village.district')}: <strong>{village.district.name}</strong>
            </Text>
          )}
          {village.code && (
            <Text size="sm">
              {t('insight.village.code')}: <strong>{village.code}</strong>
            </Text>
          )}
          <Text size="sm">{t('insight.village.scope', { scope: data.scopeLabel })}</Text>
        </Group>
        <Text size="sm" c="gray.7" mt={2}>
          {t('insight.village.asOf', { date: formatDate(data.asOf) })}
        </Text>
      </div>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={horizonId}>
          {t('insight.village.horizon.label')}
        </Text>
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            aria-labelledby={horizonId}
            value={String(months)}
            onChange={onMonths}
            data={VILLAGE_MONTH_CHOICES.map((count) => ({
              value: String(count),
              label: t('insight.village.horizon.option', { count }),
            }))}
          />
          <Text size="sm" c="gray.7">
            {t('insight.village.horizon.until', { date: formatDate(data.horizonEnd) })}
          </Text>
        </Group>
      </Stack>
      {data.smallCountsHidden && <SmallCountsNote />}
      <VillagePeopleSection {...sections} />
      <VillageOpportunitiesSection data={data} canOpenOpportunities={access.canReadOpportunities} />
      <VillageSectorsSection {...sections} />
    </Stack>
  );
}
