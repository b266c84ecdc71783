import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, Milestones } from '../../../../shared/people.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { RelativeDays } from './RelativeDays.tsx';
import { MILESTONE_STATUS_COLORS, WARNING_ALERT } from './vocabulary.ts';

type Text2 = { id: string; en: string };

/** The server sends formulas and reasons in both languages; show the one of the UI. */
function useLocalText() {
  const { i18n } = useTranslation();
  return (text: Text2) => (i18n.language === 'en' ? text.en : text.id);
}

function MilestoneCard({ milestone }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const title = t(`people.milestones.keys.${milestone.key}`);

  return (
    <Card withBorder padding="sm" component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Title order={3} fz="sm" fw={700}>
          {title}
        </Title>
        <Badge
          color={MILESTONE_STATUS_COLORS[milestone.status]}
          radius="sm"
          tt="none"
          style={{ flexShrink: 0 }}
        >
          {t(`people.milestones.statuses.${milestone.status}`)}
        </Badge>
      </Group>
      <Text fz="lg" fw={700} mt={4}>
        {milestone.date ? formatDate(milestone.date) : EMPTY}
      </Text>
      <RelativeDays days={milestone.daysFromToday} mode="left" />
      {milestone.reasons.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {milestone.reasons.map((reason) => (
            <List.Item key={reason.id}>{local(reason)}</List.Item>
          ))}
        </List>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        px={0}
        mt="xs"
        w="fit-content"
        aria-expanded={open}
        aria-controls={detailsId}
        rightSection={
          open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
        }
        onClick={() => setOpen((value) => !value)}
      >
        {t('people.milestones.howComputed')}
      </Button>
      <Collapse expanded={open} id={detailsId}>
        <Stack gap={6} mt="xs">
          <div>
            <Text size="xs" c="dimmed">
              {t('people.milestones.formula')}
            </Text>
            <Text size="sm" data-testid="milestone-formula">
              {local(milestone.formula)}
            </Text>
          </div>
          {milestone.inputs.length > 0 && (
            <Table fz="sm" verticalSpacing={2} withRowBorders={false}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('people.milestones.inputs')}
              </Table.Caption>
              <Table.Tbody>
                {milestone.inputs.map((input) => (
                  <Table.Tr key={input.label.id}>
                    <Table.Th scope="row" fw={400}>
                      {local(input.label)}
                    </Table.Th>
                    <Table.Td fw={500}>{input.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Collapse>
    </Card>
  );
}

/** The current stage and every computed date, each with how it was computed, in the current language. */
export function MilestonesPanel({ milestones }: { milestones: Milestones | null }) {
  const { t } = useTranslation();
  const local = useLocalText();
  if (!milestones) return <Text size="sm">{t('people.milestones.none')}</Text>;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text size="sm">{t('people.milestones.stage')}:</Text>
        {milestones.stage ? (
          <Badge variant="light" color="indigo" radius="sm" tt="none" size="lg">
            {t(`people.milestones.stages.${milestones.stage}`)}
          </Badge>
        ) : (
          <Text size="sm">{EMPTY}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t('people.milestones.rulesVersion', { version: milestones.rulesVersion })}
        </Text>
      </Group>
      {milestones.warnings.length > 0 && (
        <Alert
          {...WARNING_ALERT}
          title={t('people.milestones.warnings')}
          icon={<IconAlertTriangle aria-hidden />}
        >
          <List size="sm" spacing={2}>
            {milestones.warnings.map((warning) => (
              <List.Item key={warning.id}>{local(warning)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {milestones.items.map((milestone) => (
          <MilestoneCard key={milestone.key} milestone={milestone} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
