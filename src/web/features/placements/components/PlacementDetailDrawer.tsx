import { Anchor, Button, Card, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Placement, PlacementStep } from '../../../../shared/placements.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY, formatDate, formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { usePlacement } from '../api/placements.ts';
import { OpportunityLink, PersonName } from './PlacementCard.tsx';
import { unsuccessfulReason } from './pipeline.ts';
import { StageBadge } from './StageBadge.tsx';

interface DetailDrawerProps {
  /** The placement whose details are open; null keeps the drawer closed. */
  placementId: string | null;
  onClose: () => void;
  /** Opens the step dialog for it (the drawer closes first). */
  onNext: (placement: Placement) => void;
}

/** A placement's details: who, for what, where, and every dated step with who recorded it. */
export function PlacementDetailDrawer({ placementId, onClose, onNext }: DetailDrawerProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Drawer
      opened={placementId !== null}
      onClose={onClose}
      title={t('placements.detail.title')}
      position="right"
      size={phone ? '100%' : 'lg'}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {placementId && <Detail placementId={placementId} onClose={onClose} onNext={onNext} />}
    </Drawer>
  );
}

function Detail({
  placementId,
  onClose,
  onNext,
}: {
  placementId: string;
  onClose: () => void;
  onNext: (placement: Placement) => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const query = usePlacement(placementId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Text size="sm">{query.error.message}</Text>;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const placement = query.data;
  const { opportunity } = placement;
  const canNext = placement.canAdvance && placement.nextStages.length > 0;

  return (
    <Stack gap="md" data-placement-detail={placement.id}>
      <Group justify="space-between" gap="sm" align="center">
        <StageBadge stage={placement.stage} />
        {canNext && (
          <Button
            size="sm"
            rightSection={<IconArrowRight size={16} aria-hidden />}
            onClick={() => {
              onClose();
              onNext(placement);
            }}
          >
            {t('placements.card.next')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <InfoField label={t('placements.detail.person')} size="sm">
          <PersonName placement={placement} />
          {placement.person?.registrationNumber && (
            <Text size="xs" c="dimmed">
              {placement.person.registrationNumber}
            </Text>
          )}
        </InfoField>
        <InfoField label={t('placements.detail.opportunity')} size="sm">
          <OpportunityLink placement={placement} />
        </InfoField>
        <InfoField label={t('placements.detail.partner')} size="sm">
          {access.canReadPartners ? (
            <Anchor component={Link} to={`/mitra/${opportunity.partner.id}`} c="blue.9">
              {opportunity.partner.name}
            </Anchor>
          ) : (
            opportunity.partner.name
          )}
        </InfoField>
        <InfoField label={t('placements.detail.village')} size="sm">
          <Anchor component={Link} to={`/desa/${opportunity.village.id}`} c="blue.9">
            {opportunity.village.name}
          </Anchor>
        </InfoField>
        <InfoField label={t('placements.detail.proposedBy')} size="sm">
          {placement.proposerOrganization.name}
        </InfoField>
        {placement.placedOn && (
          <InfoField label={t('placements.detail.placedOn')} size="sm">
            {formatDate(placement.placedOn)}
          </InfoField>
        )}
        {placement.endedOn && (
          <InfoField label={t('placements.detail.endedOn')} size="sm">
            {formatDate(placement.endedOn)}
          </InfoField>
        )}
        {(placement.outcomeReason || placement.outcomeNote) && (
          <InfoField label={t('placements.detail.outcome')} size="sm">
            {placement.outcomeReason
              ? t(`placements.outcomeReason.${placement.outcomeReason}`)
              : placement.outcomeNote}
            {placement.outcomeReason && placement.outcomeNote && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {placement.outcomeNote}
              </Text>
            )}
          </InfoField>
        )}
      </SimpleGrid>

      <section aria-labelledby="placement-steps-heading">
        <Title order={3} fz="h5" id="placement-steps-heading" mb="xs">
          {t('placements.detail.steps')}
        </Title>
        <Stack
          gap="xs"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('placements.detail.stepsLabel')}
        >
          {placement.steps.map((step) => (
            <StepItem key={step.id} step={step} />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

function StepItem({ step }: { step: PlacementStep }) {
  const { t } = useTranslation();
  const code = step.stage === 'unsuccessful' ? unsuccessfulReason(step.reason) : null;
  const reason = code ? t(`placements.outcomeReason.${code}`) : step.reason;
  const time = formatDateTime(step.recordedAt);
  return (
    <Card component="li" withBorder padding="sm" data-step-stage={step.stage}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <StageBadge stage={step.stage} />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(step.happenedOn)}
        </Text>
      </Group>
      {reason && (
        <Text size="sm" mt={6} style={{ overflowWrap: 'anywhere' }}>
          {t('placements.detail.reason', { reason })}
        </Text>
      )}
      {step.note && (
        <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          {t('placements.detail.note', { note: step.note })}
        </Text>
      )}
      <Text size="xs" mt={6}>
        {step.recordedBy
          ? t('placements.detail.recordedBy', {
              name: step.recordedBy,
              organization: step.recordedOrganization?.name ?? EMPTY,
              time,
            })
          : t('placements.detail.recordedByUnknown', { time })}
      </Text>
    </Card>
  );
}
