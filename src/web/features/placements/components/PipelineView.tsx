import { Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement, PlacementStage } from '../../../../shared/placements.ts';
import { type HiddenFields, PlacementCard } from './PlacementCard.tsx';
import { PlacementDetailDrawer } from './PlacementDetailDrawer.tsx';
import { columnCount, groupByStage } from './pipeline.ts';
import { StepModal } from './StepModal.tsx';

export type HeadingOrder = 2 | 3 | 4;

interface PipelineViewProps {
  items: readonly Placement[];
  /** The columns (board) or groups (list) to show, in pipeline order. */
  stages: readonly PlacementStage[];
  /** The server's counts per stage (the list may be capped); else the cards are counted. */
  counts?: Partial<Record<PlacementStage, number>>;
  /** board: one column per stage side by side (desktop); list: the stages one under the other (phone). */
  layout: 'board' | 'list';
  hide: HiddenFields;
  headingOrder: HeadingOrder;
  /** The name of the board or list for assistive technology. */
  label: string;
}

/** The placements grouped by stage, with the step dialog and the details drawer their buttons open. */
export function PipelineView({
  items,
  stages,
  counts,
  layout,
  hide,
  headingOrder,
  label,
}: PipelineViewProps) {
  const [stepTarget, setStepTarget] = useState<Placement | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const idPrefix = useId();
  const groups = groupByStage(items);
  const cardProps = {
    hide,
    onNext: setStepTarget,
    onDetails: (placement: Placement) => setDetailId(placement.id),
  };

  return (
    <>
      {layout === 'board' ? (
        <Box
          role="region"
          aria-label={label}
          tabIndex={0}
          data-placement-board
          style={{ overflowX: 'auto', paddingBottom: 4 }}
        >
          <Box
            style={{
              display: 'grid',
              gridTemplateColumns: `repeat(${stages.length}, minmax(160px, 1fr))`,
              gap: 'var(--mantine-spacing-sm)',
              alignItems: 'start',
            }}
          >
            {stages.map((stage) => (
              <Column
                key={stage}
                stage={stage}
                items={groups[stage]}
                count={columnCount(stage, groups[stage].length, counts)}
                headingOrder={headingOrder}
                headingId={`${idPrefix}-${stage}`}
                cardProps={cardProps}
              />
            ))}
          </Box>
        </Box>
      ) : (
        <Stack gap="md" role="region" aria-label={label} data-placement-list>
          {stages
            .filter((stage) => groups[stage].length > 0)
            .map((stage) => (
              <StageGroup
                key={stage}
                stage={stage}
                items={groups[stage]}
                count={columnCount(stage, groups[stage].length, counts)}
                headingOrder={headingOrder}
                headingId={`${idPrefix}-${stage}`}
                cardProps={cardProps}
              />
            ))}
        </Stack>
      )}
      <StepModal placement={stepTarget} onClose={() => setStepTarget(null)} />
      <PlacementDetailDrawer
        placementId={detailId}
        onClose={() => setDetailId(null)}
        onNext={setStepTarget}
      />
    </>
  );
}

interface StageProps {
  stage: PlacementStage;
  items: Placement[];
  count: number;
  headingOrder: HeadingOrder;
  headingId: string;
  cardProps: {
    hide: HiddenFields;
    onNext: (placement: Placement) => void;
    onDetails: (placement: Placement) => void;
  };
}

function CardList({
  items,
  cardProps,
  label,
  grid = false,
}: {
  items: Placement[];
  cardProps: StageProps['cardProps'];
  label: string;
  /** Side by side where the width allows (the list under a stage's heading). */
  grid?: boolean;
}) {
  const cards = items.map((placement) => (
    <PlacementCard key={placement.id} placement={placement} {...cardProps} />
  ));
  const list = { component: 'ul', p: 0, m: 0, style: { listStyle: 'none' }, 'aria-label': label } as const;
  return grid ? (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" {...list}>
      {cards}
    </SimpleGrid>
  ) : (
    <Stack gap="xs" {...list}>
      {cards}
    </Stack>
  );
}

/** One column of the board: its heading with the count, then its cards (or a word saying it is empty). */
function Column({ stage, items, count, headingOrder, headingId, cardProps }: StageProps) {
  const { t } = useTranslation();
  const stageName = t(`placements.stage.${stage}`);
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      data-stage-column={stage}
      p="xs"
      bg="gray.0"
      style={{ borderRadius: 'var(--mantine-radius-md)', minWidth: 0 }}
    >
      <Title order={headingOrder} fz="sm" fw={700} mb="xs" px={4} id={headingId}>
        {t('placements.board.column', { stage: stageName, count })}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" px={4} pb={4}>
          {t('placements.board.columnEmpty')}
        </Text>
      ) : (
        <CardList items={items} cardProps={cardProps} label={stageName} />
      )}
    </Box>
  );
}

/** One stage of the list on a phone: its heading with the count, then its cards. */
function StageGroup({ stage, items, count, headingOrder, headingId, cardProps }: StageProps) {
  const { t } = useTranslation();
  const stageName = t(`placements.stage.${stage}`);
  return (
    <Box component="section" aria-labelledby={headingId} data-stage-group={stage}>
      <Title order={headingOrder} fz="md" mb="xs" id={headingId}>
        {t('placements.board.column', { stage: stageName, count })}
      </Title>
      <CardList items={items} cardProps={cardProps} label={stageName} grid />
    </Box>
  );
}
