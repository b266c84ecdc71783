import { Anchor, Button, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanItem } from '../../../../shared/placementPlans.ts';
import type { MatchReasonView } from '../../../../shared/recommendations.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { formatScore, unassignedReason } from './planText.ts';

/** How many of the engine's reasons a row shows (the strongest first). */
const TOP_REASONS = 3;

function PersonLink({ item }: { item: PlanItem }) {
  return (
    <div>
      <Anchor component={Link} to={`/warga/${item.person.id}`} fw={600} c="blue.9" size="sm">
        {item.person.displayName}
      </Anchor>
      {item.person.registrationNumber && (
        <Text size="xs" c="dimmed">
          {item.person.registrationNumber}
        </Text>
      )}
    </div>
  );
}

function OpportunityCell({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  const opportunity = item.opportunity;
  if (!opportunity) return null;
  return (
    <div>
      <Anchor
        component={Link}
        to={`/peluang/${opportunity.id}`}
        c="blue.9"
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
      >
        {opportunity.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {opportunity.partner.name} · {opportunity.village.name}
      </Text>
      <Text size="xs" c="dimmed">
        {t('planning.plan.startsOn', { date: formatDate(opportunity.startOn) })}
      </Text>
    </div>
  );
}

const TONE_ICON = {
  positive: <IconCheck size={14} color="var(--mantine-color-teal-9)" aria-hidden />,
  negative: <IconX size={14} color="var(--mantine-color-red-9)" aria-hidden />,
  neutral: <IconMinus size={14} color="var(--mantine-color-gray-7)" aria-hidden />,
} as const;

function Reasons({ reasons }: { reasons: MatchReasonView[] }) {
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0} m={0}>
      {reasons.slice(0, TOP_REASONS).map((reason) => (
        <List.Item key={`${reason.code}-${reason.text}`} icon={TONE_ICON[reason.tone]}>
          {reason.text}
        </List.Item>
      ))}
    </List>
  );
}

/** The engine's reading today (reasons, a gate that now blocks her), and what staff changed and why. */
function ItemNotes({ item }: { item: PlanItem }) {
  const { t, i18n } = useTranslation();
  const current = item.current;
  return (
    <Stack gap={4}>
      {current && current.status !== 'eligible' && (
        <Group gap={4} wrap="nowrap" align="flex-start">
          <IconAlertTriangle
            size={16}
            color="var(--mantine-color-red-9)"
            aria-hidden
            style={{ flexShrink: 0 }}
          />
          <Text size="sm" c="red.9" fw={600}>
            {current.status === 'review' || current.blockedBy === 'restriction'
              ? t('planning.plan.noLongerReview')
              : t('planning.plan.noLonger', {
                  gate: current.blockedBy ? t(`planning.gate.${current.blockedBy}`) : '—',
                })}
          </Text>
        </Group>
      )}
      {current && <Reasons reasons={current.reasons} />}
      {current && current.missingEssential.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('planning.plan.missing', {
            skills: current.missingEssential.map((skill) => skill.name).join(', '),
          })}
        </Text>
      )}
      {item.adjusted && item.solverChoice && (
        <Text size="xs" c="dimmed">
          {item.solverChoice.opportunity
            ? t('planning.plan.solverChose', {
                title: item.solverChoice.opportunity.title,
                score: formatScore(item.solverChoice.score, i18n.language),
              })
            : t('planning.plan.solverChoseNone')}
        </Text>
      )}
      {item.adjusted && item.adjustReason && (
        <Text size="xs" c="dimmed">
          {t('planning.plan.adjustedBy', { name: item.adjustedBy ?? '—', reason: item.adjustReason })}
        </Text>
      )}
    </Stack>
  );
}

/** Why she has no place, in words (the reason's code and figures from the server). */
export function UnassignedText({ item }: { item: PlanItem }) {
  const { t, i18n } = useTranslation();
  const reason = unassignedReason(item);
  if (!reason) return <Text size="sm">—</Text>;
  const params = { ...reason.params };
  if (typeof params.gate === 'string') params.gate = t(`planning.gate.${params.gate as 'open'}`);
  if (typeof params.best === 'number') params.best = formatScore(params.best, i18n.language);
  return <Text size="sm">{t(`planning.plan.unassigned.${reason.key}`, params)}</Text>;
}

interface ItemListProps {
  items: PlanItem[];
  canChange: boolean;
  onAdjust: (item: PlanItem) => void;
  /** Items the server refused on acceptance, with why (by item id). */
  problems: Record<string, string>;
}

function ChangeButton({ item, onAdjust }: { item: PlanItem; onAdjust: (item: PlanItem) => void }) {
  const { t } = useTranslation();
  const assigned = item.opportunity !== null;
  return (
    <Button
      size="xs"
      variant="default"
      onClick={() => onAdjust(item)}
      aria-label={
        assigned
          ? t('planning.plan.changeFor', { name: item.person.displayName })
          : t('planning.plan.placeFor', { name: item.person.displayName })
      }
    >
      {assigned ? t('planning.plan.change') : t('planning.plan.place')}
    </Button>
  );
}

function Problem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text size="sm" c="red.9" fw={600}>
      {message}
    </Text>
  );
}

/** Accepted: a proposal was made of this item. */
function Proposed() {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" mt={4}>
      <IconCircleCheck size={14} color="var(--mantine-color-teal-9)" aria-hidden />
      <Text size="xs" fw={600} c="teal.9">
        {t('planning.plan.proposed')}
      </Text>
    </Group>
  );
}

function Score({ item }: { item: PlanItem }) {
  const { i18n } = useTranslation();
  return (
    <Text fz="lg" fw={700} c="blue.9" lh={1.2}>
      {formatScore(item.score, i18n.language)}
    </Text>
  );
}

/** The women with a place: person, opportunity, score and the strongest reasons; "Ubah" on a draft. */
export function AssignedItems({ items, canChange, onAdjust, problems }: ItemListProps) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide) {
    return (
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('planning.plan.assignedTitle', { count: items.length })}
      >
        {items.map((item) => (
          <Card key={item.id} component="li" withBorder padding="sm" data-plan-item={item.id}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <PersonLink item={item} />
              <Score item={item} />
            </Group>
            <Stack gap={6} mt={6}>
              <OpportunityCell item={item} />
              <ItemNotes item={item} />
              <Problem message={problems[item.id]} />
              {item.placementId && <Proposed />}
              {canChange && (
                <Group>
                  <ChangeButton item={item} onAdjust={onAdjust} />
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable label={t('planning.plan.assignedTitle', { count: items.length })} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.plan.person')}</Table.Th>
          <Table.Th>{t('planning.plan.opportunity')}</Table.Th>
          <Table.Th>{t('planning.score')}</Table.Th>
          <Table.Th>{t('planning.plan.reasons')}</Table.Th>
          {canChange && <Table.Th>{t('planning.plan.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-plan-item={item.id}>
            <Table.Td miw={160} style={{ verticalAlign: 'top' }}>
              <PersonLink item={item} />
            </Table.Td>
            <Table.Td miw={200} maw={280} style={{ verticalAlign: 'top' }}>
              <OpportunityCell item={item} />
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Score item={item} />
              {item.placementId && <Proposed />}
            </Table.Td>
            <Table.Td miw={260} style={{ verticalAlign: 'top' }}>
              <Stack gap={4}>
                <ItemNotes item={item} />
                <Problem message={problems[item.id]} />
              </Stack>
            </Table.Td>
            {canChange && (
              <Table.Td style={{ verticalAlign: 'top' }}>
                <ChangeButton item={item} onAdjust={onAdjust} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** The women without a place and why; on a draft, "Beri tempat" gives one. */
export function UnassignedItems({ items, canChange, onAdjust }: Omit<ItemListProps, 'problems'>) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (!wide) {
    return (
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('planning.plan.unassignedTitle', { count: items.length })}
      >
        {items.map((item) => (
          <Card key={item.id} component="li" withBorder padding="sm" data-plan-item={item.id}>
            <PersonLink item={item} />
            <Stack gap={6} mt={6}>
              <UnassignedText item={item} />
              {item.adjusted && item.adjustReason && (
                <Text size="xs" c="dimmed">
                  {t('planning.plan.adjustedBy', { name: item.adjustedBy ?? '—', reason: item.adjustReason })}
                </Text>
              )}
              {canChange && (
                <Group>
                  <ChangeButton item={item} onAdjust={onAdjust} />
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable label={t('planning.plan.unassignedTitle', { count: items.length })} minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.plan.person')}</Table.Th>
          <Table.Th>{t('planning.plan.reason')}</Table.Th>
          {canChange && <Table.Th>{t('planning.plan.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-plan-item={item.id}>
            <Table.Td miw={160} style={{ verticalAlign: 'top' }}>
              <PersonLink item={item} />
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <UnassignedText item={item} />
              {item.adjusted && item.adjustReason && (
                <Text size="xs" c="dimmed">
                  {t('planning.plan.adjustedBy', { name: item.adjustedBy ?? '—', reason: item.adjustReason })}
                </Text>
              )}
            </Table.Td>
            {canChange && (
              <Table.Td style={{ verticalAlign: 'top' }}>
                <ChangeButton item={item} onAdjust={onAdjust} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
