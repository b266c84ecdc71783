import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Placement } from '../../../../shared/placements.ts';
import { accessFor } from '../../../lib/access.ts';
import { formatDate } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { StageBadge } from './StageBadge.tsx';

/** What a card leaves out because the pipeline is already about it (her tab, the opportunity's page, ...). */
export interface HiddenFields {
  person?: boolean;
  opportunity?: boolean;
  partner?: boolean;
  village?: boolean;
}

/** Her name (or initials) as the server gives it, or the words saying her data is not shared. */
export function personName(placement: Placement, t: TFunction): string {
  return placement.person?.displayName ?? t('placements.card.hidden');
}

/** The way to her record, for whoever reads people; otherwise her name only; nothing when she is hidden. */
export function PersonName({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const me = useSession();
  const person = placement.person;
  if (!person) {
    return (
      <Group gap={4} wrap="nowrap" align="center" title={t('placements.card.hiddenHint')}>
        <IconLock size={14} aria-hidden />
        <Text size="sm" fs="italic" component="span">
          {t('placements.card.hidden')}
        </Text>
      </Group>
    );
  }
  if (!accessFor(me.permissions).canReadPeople) {
    return (
      <Text fw={600} size="sm" component="span" style={{ overflowWrap: 'anywhere' }}>
        {person.displayName}
      </Text>
    );
  }
  return (
    <Anchor
      component={Link}
      to={`/warga/${person.id}`}
      fw={600}
      size="sm"
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {person.displayName}
    </Anchor>
  );
}

export function OpportunityLink({ placement }: { placement: Placement }) {
  const me = useSession();
  const { opportunity } = placement;
  if (!accessFor(me.permissions).canReadOpportunities) return <>{opportunity.title}</>;
  return (
    <Anchor
      component={Link}
      to={`/peluang/${opportunity.id}`}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {opportunity.title}
    </Anchor>
  );
}

interface PlacementCardProps {
  placement: Placement;
  hide: HiddenFields;
  /** Shown in a stage-less list (her tab); a column's heading already says the stage. */
  showStage?: boolean;
  onNext: (placement: Placement) => void;
  onDetails: (placement: Placement) => void;
}

/** One placement on the board: who, for what, where, since when; and what the caller may do with it. */
export function PlacementCard({ placement, hide, showStage = false, onNext, onDetails }: PlacementCardProps) {
  const { t } = useTranslation();
  const me = useSession();
  // A partner's board holds only her own organization's opportunities: its name on every card says nothing.
  const ownPartnerOnly = !accessFor(me.permissions).canReadAllPartners;
  const name = personName(placement, t);
  const names = { name, opportunity: placement.opportunity.title };
  const canNext = placement.canAdvance && placement.nextStages.length > 0;
  const where = [
    hide.partner || ownPartnerOnly ? null : placement.opportunity.partner.name,
    hide.village ? null : placement.opportunity.village.name,
  ].filter(Boolean);

  return (
    <Card
      component="li"
      withBorder
      padding="xs"
      radius="md"
      data-placement-id={placement.id}
      data-stage={placement.stage}
    >
      <Stack gap={4}>
        {(!hide.person || showStage) && (
          <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
            {!hide.person && (
              <div style={{ minWidth: 0 }}>
                <PersonName placement={placement} />
                {placement.person?.registrationNumber && (
                  <Text size="xs" c="dimmed">
                    {placement.person.registrationNumber}
                  </Text>
                )}
              </div>
            )}
            {showStage && <StageBadge stage={placement.stage} />}
          </Group>
        )}
        {!hide.opportunity && (
          <Text size="sm" component="div" fw={hide.person ? 600 : 400}>
            <OpportunityLink placement={placement} />
          </Text>
        )}
        {where.length > 0 && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {where.join(' · ')}
          </Text>
        )}
        <Text size="xs">
          {t('placements.card.lastStep')}: {formatDate(placement.lastStepOn)}
        </Text>
        {placement.stage === 'unsuccessful' && placement.outcomeReason && (
          <Text size="xs">{t(`placements.outcomeReason.${placement.outcomeReason}`)}</Text>
        )}
        {placement.stage === 'ended' && placement.outcomeNote && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {placement.outcomeNote}
          </Text>
        )}
        <Group gap={6} mt={4} wrap="wrap">
          {canNext && (
            <Button
              size="compact-sm"
              onClick={() => onNext(placement)}
              aria-label={t('placements.card.nextNamed', names)}
            >
              {t('placements.card.next')}
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => onDetails(placement)}
            aria-label={t('placements.card.detailsNamed', names)}
          >
            {t('placements.card.details')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
