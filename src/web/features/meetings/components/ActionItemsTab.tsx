import { Anchor, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus, IconProgressCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionItem } from '../../../../shared/meetings.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { ActionItemModal, ProgressModal } from './ActionItemModal.tsx';
import { useActionItemLabels } from './actionItemLabels.ts';
import { ActionItemStatusBadge } from './badges.tsx';
import { FromMeeting } from './FromMeeting.tsx';
import { useMeetingPage } from './MeetingPageContext.tsx';
import { actionItemsInOrder } from './meetingText.ts';
import { agreementPath, workPlanPath } from './paths.ts';

/**
 * Tindak lanjut: the action items decided in the meeting (overdue first, highlighted), and those carried into
 * it from earlier meetings. The organizer's staff add and change items; the owner organization's staff (and
 * the organizer's) update an item's status and progress note.
 */
export function ActionItemsTab() {
  const { t } = useTranslation();
  const { meeting } = useMeetingPage();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ActionItem | null>(null);
  const [updating, setUpdating] = useState<ActionItem | null>(null);
  const canCreate = meeting.canManageActionItems && meeting.status !== 'cancelled';
  const handlers = { onEdit: setEditing, onProgress: setUpdating };

  return (
    <Stack gap="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4">
            {t('meetings.actions.title')}
          </Title>
          {canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('meetings.actions.add')}
            </Button>
          )}
        </Group>
        {meeting.actionItems.length === 0 ? (
          <Text size="sm">{t('meetings.actions.empty')}</Text>
        ) : (
          <ActionItemList items={meeting.actionItems} label={t('meetings.actions.title')} {...handlers} />
        )}
      </Stack>

      {meeting.carriedOver.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('meetings.actions.carriedTitle')}
          </Title>
          <ActionItemList
            items={meeting.carriedOver}
            label={t('meetings.actions.carriedTitle')}
            showMeeting
            {...handlers}
          />
        </Stack>
      )}

      <ActionItemModal opened={creating} onClose={() => setCreating(false)} />
      <ActionItemModal
        opened={editing !== null}
        item={editing ?? undefined}
        onClose={() => setEditing(null)}
      />
      <ProgressModal item={updating} onClose={() => setUpdating(null)} />
    </Stack>
  );
}

interface ListProps {
  items: ActionItem[];
  label: string;
  /** Carried items name the meeting that decided them. */
  showMeeting?: boolean;
  onEdit: (item: ActionItem) => void;
  onProgress: (item: ActionItem) => void;
}

function ActionItemList(props: ListProps) {
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const items = actionItemsInOrder(props.items);
  return wide ? <ActionItemTable {...props} items={items} /> : <ActionItemCards {...props} items={items} />;
}

/** What the item is about: the agreement or the work plan's activity (a link when she may open it), or the topic. */
function LinkLine({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const labels = useActionItemLabels();
  if (item.agreement) {
    const label = labels.agreement(item.agreement);
    return (
      <Text size="xs">
        {item.agreement.canOpen ? (
          <Anchor component={Link} to={agreementPath(item.agreement.id)} size="xs" c="blue.9">
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
    );
  }
  if (item.workPlanActivity) {
    const activity = item.workPlanActivity;
    const label = t('meetings.actions.activityOf', {
      activity: activity.title,
      plan: activity.workPlanTitle,
    });
    return (
      <Text size="xs">
        {activity.canOpen ? (
          <Anchor component={Link} to={workPlanPath(activity.workPlanId)} size="xs" c="blue.9">
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
    );
  }
  if (item.topic) return <Text size="xs">{t('meetings.actions.topicLine', { topic: item.topic })}</Text>;
  return null;
}

function TitleCell({ item, showMeeting }: { item: ActionItem; showMeeting?: boolean }) {
  return (
    <>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {item.title}
      </Text>
      {item.description && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.description}
        </Text>
      )}
      <LinkLine item={item} />
      {showMeeting && <FromMeeting meeting={item.meeting} />}
    </>
  );
}

function DueDate({ item }: { item: ActionItem }) {
  return (
    <Text
      size="sm"
      fw={item.overdue ? 700 : undefined}
      c={item.overdue ? 'red.9' : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {formatDate(item.dueOn)}
    </Text>
  );
}

function ProgressCell({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.status === 'done' && item.doneOn && (
        <Text size="xs">{t('meetings.actions.doneOnLine', { date: formatDate(item.doneOn) })}</Text>
      )}
      {item.progressNote && (
        <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.progressNote}
        </Text>
      )}
    </>
  );
}

function ItemButtons({
  item,
  onEdit,
  onProgress,
}: { item: ActionItem } & Pick<ListProps, 'onEdit' | 'onProgress'>) {
  const { t } = useTranslation();
  if (!item.canUpdateProgress && !item.canEdit) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {item.canUpdateProgress && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconProgressCheck size={14} aria-hidden />}
          onClick={() => onProgress(item)}
          aria-label={t('meetings.actions.updateProgressOf', { title: item.title })}
        >
          {t('meetings.actions.updateProgress')}
        </Button>
      )}
      {item.canEdit && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => onEdit(item)}
          aria-label={t('meetings.actions.editOf', { title: item.title })}
        >
          {t('meetings.actions.edit')}
        </Button>
      )}
    </Group>
  );
}

function ActionItemTable({ items, label, showMeeting, onEdit, onProgress }: ListProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={label} minWidth={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('meetings.actions.itemTitle')}</Table.Th>
          <Table.Th>{t('meetings.actions.owner')}</Table.Th>
          <Table.Th>{t('meetings.actions.dueOn')}</Table.Th>
          <Table.Th>{t('meetings.actions.status')}</Table.Th>
          <Table.Th>{t('meetings.actions.progressNote')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('meetings.actions.buttons')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr
            key={item.id}
            data-action-item-id={item.id}
            data-overdue={item.overdue || undefined}
            bg={item.overdue ? 'red.0' : undefined}
          >
            <Table.Td maw={320}>
              <TitleCell item={item} showMeeting={showMeeting} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.ownerName}</Text>
              <Text size="xs" c="dimmed">
                {item.ownerOrganization.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <DueDate item={item} />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <ActionItemStatusBadge status={item.status} overdue={item.overdue} />
              </Group>
            </Table.Td>
            <Table.Td maw={260}>
              <ProgressCell item={item} />
            </Table.Td>
            <Table.Td>
              <ItemButtons item={item} onEdit={onEdit} onProgress={onProgress} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone (and a narrow window) each item is a card with the same facts and buttons. */
function ActionItemCards({ items, label, showMeeting, onEdit, onProgress }: ListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((item) => (
        <Card
          key={item.id}
          component="li"
          withBorder
          padding="sm"
          data-action-item-id={item.id}
          data-overdue={item.overdue || undefined}
          bg={item.overdue ? 'red.0' : undefined}
          style={item.overdue ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
        >
          <Group gap={4} mb={4}>
            <ActionItemStatusBadge status={item.status} overdue={item.overdue} />
          </Group>
          <TitleCell item={item} showMeeting={showMeeting} />
          <Stack gap={2} mt={6}>
            <Text size="sm">
              {t('meetings.actions.ownerLine', {
                organization: item.ownerOrganization.name,
                name: item.ownerName,
              })}
            </Text>
            <Group gap={4}>
              <Text size="sm">{t('meetings.actions.dueOn')}:</Text>
              <DueDate item={item} />
            </Group>
            <ProgressCell item={item} />
          </Stack>
          <Group mt="sm">
            <ItemButtons item={item} onEdit={onEdit} onProgress={onProgress} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
