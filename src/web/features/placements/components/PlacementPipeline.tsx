import { Group, Stack, Switch, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePlacements } from '../api/placements.ts';
import { type HeadingOrder, PipelineView } from './PipelineView.tsx';
import { boardStages, pipelineQuery } from './pipeline.ts';

export interface PlacementPipelineProps {
  /** The placements of one opportunity (its page). */
  opportunityId?: string;
  /** Of the opportunities of one kelurahan (its page). */
  villageId?: string;
  /** Of one partner's opportunities (its page). */
  partnerId?: string;
  /** Of one woman (her record). */
  personId?: string;
  /** Show ended and unsuccessful placements too; controlled when given (the board keeps it in the address). */
  includeClosed?: boolean;
  onIncludeClosedChange?: (value: boolean) => void;
  /** The level of the stage headings: 3 under a section's h2 (the default), 2 right under the page's h1. */
  headingOrder?: HeadingOrder;
  /** What to say when nothing matches (default: none yet, or none running when closed ones are hidden). */
  emptyText?: string;
}

/**
 * The placement pipeline of an opportunity, a kelurahan, a partner or a woman: a board with one column per
 * stage on a desktop, the stages one under the other on a phone. Each card's buttons record the next step
 * (when the server allows the caller) and open the dated steps.
 */
export function PlacementPipeline({
  opportunityId,
  villageId,
  partnerId,
  personId,
  includeClosed: controlled,
  onIncludeClosedChange,
  headingOrder = 3,
  emptyText,
}: PlacementPipelineProps) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [own, setOwn] = useState(false);
  const includeClosed = controlled ?? own;
  const setIncludeClosed = (value: boolean) => {
    if (controlled === undefined) setOwn(value);
    onIncludeClosedChange?.(value);
  };
  const query = usePlacements(
    pipelineQuery({ opportunityId, villageId, partnerId, personId, includeClosed }),
  );
  const stages = boardStages(includeClosed);
  const hide = {
    person: Boolean(personId),
    opportunity: Boolean(opportunityId),
    partner: Boolean(opportunityId || partnerId),
    village: Boolean(opportunityId || villageId),
  };

  return (
    <Stack gap="sm" data-placement-pipeline>
      <Group justify="space-between" gap="sm">
        <Switch
          label={t('placements.board.includeClosed')}
          checked={includeClosed}
          onChange={(event) => setIncludeClosed(event.currentTarget.checked)}
        />
        {query.data && query.data.total > query.data.items.length && (
          <Text size="sm" role="status">
            {t('placements.board.capped', { shown: query.data.items.length, total: query.data.total })}
          </Text>
        )}
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm">
          {emptyText ?? (includeClosed ? t('placements.board.empty') : t('placements.board.emptyRunning'))}
        </Text>
      ) : (
        <PipelineView
          items={query.data.items}
          stages={stages}
          counts={query.data.counts}
          layout={wide && !personId ? 'board' : 'list'}
          hide={hide}
          headingOrder={headingOrder}
          label={wide && !personId ? t('placements.board.label') : t('placements.board.list')}
        />
      )}
    </Stack>
  );
}
