import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ChartColumn, ChartPanel } from '../../../../components/ChartPanel.tsx';
import { ScrollTable } from '../../../../components/ScrollTable.tsx';
import { accessFor } from '../../../../lib/access.ts';
import { formatDate } from '../../../../lib/format.ts';
import { useSession } from '../../../auth/api/session.ts';
import { GOVERNANCE_PATH } from '../../../governance/components/governanceTabs.ts';
import { formatCount, formatNumber, formatPercent, progressValue } from '../../format.ts';
import { InsightGroup } from '../InsightGroup.tsx';
import { VISUALLY_HIDDEN } from '../visuallyHidden.ts';
import { type ActionItemRow, actionItemRows, barsHeight } from './dashboardRows.ts';
import { type SectionProps, useBarLayout } from './ProgramSections.tsx';

const agreementPath = (id: string) => `${GOVERNANCE_PATH}/kesepakatan/${encodeURIComponent(id)}`;
const workPlanPath = (id: string) => `${GOVERNANCE_PATH}/program-teknis/${encodeURIComponent(id)}`;

/** Governance: agreements expiring, work-plan targets against actuals, overdue action items by organization. */
export function GovernanceSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <InsightGroup
      title={t('insight.dashboard.governance.title')}
      intro={t('insight.dashboard.governance.intro', { date: formatDate(props.data.asOf) })}
      data-testid="governance-section"
    >
      <AgreementsCard {...props} />
      <WorkPlansCard {...props} />
      <ActionItemsPanel {...props} />
    </InsightGroup>
  );
}

function CardTitle({ id, children }: { id: string; children: string }) {
  return (
    <Title order={3} fz="h5" id={id} mb={4}>
      {children}
    </Title>
  );
}

function AgreementsCard({ data }: SectionProps) {
  const { t, i18n } = useTranslation();
  const access = accessFor(useSession().permissions);
  const titleId = useId();
  const governance = data.governance;
  const statuses = governance.byStatus.filter((row) => row.count > 0);
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={titleId}
      data-testid="agreements-card"
    >
      <CardTitle id={titleId}>{t('insight.dashboard.governance.agreementsTitle')}</CardTitle>
      {statuses.length > 0 && (
        <Group gap={6} mb="sm" aria-label={t('insight.dashboard.governance.byStatus')} role="list">
          {statuses.map((row) => (
            <Badge
              key={row.status}
              variant="light"
              color="gray"
              tt="none"
              fw={500}
              role="listitem"
              c="dark.8"
            >
              {t(`agreements.status.${row.status}`)}: {formatNumber(row.count, i18n.language)}
            </Badge>
          ))}
        </Group>
      )}
      {governance.expiring.length === 0 ? (
        <Text size="sm">{t('insight.dashboard.governance.noneExpiring')}</Text>
      ) : (
        <ScrollTable label={t('insight.dashboard.governance.expiringCaption')} minWidth={520}>
          <Table.Caption>{t('insight.dashboard.governance.expiringCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('insight.dashboard.governance.agreement')}</Table.Th>
              <Table.Th scope="col">{t('insight.dashboard.governance.kind')}</Table.Th>
              <Table.Th scope="col">{t('insight.dashboard.governance.validUntil')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('insight.dashboard.governance.daysLeft')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {governance.expiring.map((agreement) => (
              <Table.Tr key={agreement.id}>
                <Table.Th scope="row" fw={500}>
                  {agreement.title !== null && access.canReadAgreements ? (
                    <Anchor component={Link} to={agreementPath(agreement.id)} fz="sm">
                      {agreement.title}
                    </Anchor>
                  ) : (
                    <Text span fz="sm" c="gray.7" fs="italic">
                      {agreement.title ?? t('insight.common.cannotOpen')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{t(`agreements.kindShort.${agreement.kind}`)}</Table.Td>
                <Table.Td>{formatDate(agreement.validUntil)}</Table.Td>
                <Table.Td
                  ta="right"
                  c={agreement.daysLeft <= 30 ? 'red.9' : undefined}
                  fw={agreement.daysLeft <= 30 ? 700 : undefined}
                >
                  {t('insight.common.days', { count: agreement.daysLeft })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Paper>
  );
}

function WorkPlansCard({ data }: SectionProps) {
  const { t, i18n } = useTranslation();
  const access = accessFor(useSession().permissions);
  const titleId = useId();
  const plans = data.governance.workPlans;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={titleId}
      data-testid="workplans-card"
    >
      <CardTitle id={titleId}>{t('insight.dashboard.governance.workPlansTitle')}</CardTitle>
      {plans.length === 0 ? (
        <Text size="sm">{t('insight.dashboard.governance.noWorkPlans')}</Text>
      ) : (
        <Stack gap="md">
          {plans.map((plan) => {
            const name = plan.title ?? t('insight.dashboard.governance.workPlanHidden');
            const caption = t('insight.dashboard.governance.targetsCaption', {
              plan: name,
              from: formatDate(plan.periodStart),
              to: formatDate(plan.periodEnd),
            });
            return (
              <div key={plan.id}>
                <Group gap="xs" justify="space-between" wrap="wrap">
                  {plan.title !== null && access.canReadWorkPlans ? (
                    <Anchor component={Link} to={workPlanPath(plan.id)} fw={600} fz="sm">
                      {plan.title}
                    </Anchor>
                  ) : (
                    <Text fw={600} fz="sm" fs={plan.title === null ? 'italic' : undefined}>
                      {name}
                    </Text>
                  )}
                  <Text size="xs" c="gray.7">
                    {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
                  </Text>
                </Group>
                {plan.targets.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t('insight.dashboard.governance.noTargets')}
                  </Text>
                ) : (
                  <ScrollTable label={caption} minWidth={560}>
                    {/* For screen readers: the plan's name and period are shown just above the table. */}
                    <Table.Caption style={VISUALLY_HIDDEN}>{caption}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('insight.dashboard.governance.target')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('insight.dashboard.governance.targetValue')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('insight.dashboard.governance.actual')}
                        </Table.Th>
                        <Table.Th scope="col" w="34%">
                          {t('insight.dashboard.governance.progress')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plan.targets.map((target, index) => {
                        const percentText = formatPercent(target.percent, i18n.language);
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a plan's targets are listed in its own order
                          <Table.Tr key={index}>
                            <Table.Th scope="row" fw={500}>
                              {target.label}
                              <Text size="xs" c="gray.7">
                                {t(`workplans.metric.${target.metric}`)}
                              </Text>
                            </Table.Th>
                            <Table.Td ta="right">{formatNumber(target.targetValue, i18n.language)}</Table.Td>
                            <Table.Td ta="right">
                              {target.actual === null && !target.suppressed
                                ? '—'
                                : formatCount(target.actual, i18n.language)}
                            </Table.Td>
                            <Table.Td>
                              <Group gap="xs" wrap="nowrap">
                                <Progress
                                  value={progressValue(target.percent)}
                                  color={(target.percent ?? 0) >= 100 ? 'teal.8' : 'blue.8'}
                                  style={{ flex: 1, minWidth: 60 }}
                                  aria-hidden
                                />
                                <Text size="sm" w={56} ta="right">
                                  {percentText}
                                </Text>
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </ScrollTable>
                )}
              </div>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

function ActionItemsPanel({ data, csvName, onCsv }: SectionProps) {
  const { t, i18n } = useTranslation();
  const { labelWidth, perRow } = useBarLayout(170, 40);
  const governance = data.governance;
  const rows = actionItemRows(governance.actionItems);
  const columns: ChartColumn<ActionItemRow>[] = [
    { key: 'name', label: t('insight.dashboard.governance.organization') },
    { key: 'open', label: t('insight.dashboard.governance.open'), numeric: true },
    { key: 'overdue', label: t('insight.dashboard.governance.overdue'), numeric: true },
  ];
  return (
    <ChartPanel
      headingOrder={3}
      title={t('insight.dashboard.governance.actionItemsTitle')}
      description={t('insight.dashboard.governance.actionItemsDescription', {
        overdue: formatNumber(governance.overdueTotal, i18n.language),
        open: formatNumber(governance.openTotal, i18n.language),
      })}
      chart={
        <BarChart
          h={barsHeight(rows.length, perRow) + 20}
          data={rows}
          dataKey="name"
          type="stacked"
          orientation="vertical"
          series={[
            { name: 'overdue', label: t('insight.dashboard.governance.overdue'), color: 'red.8' },
            { name: 'onTime', label: t('insight.dashboard.governance.onTime'), color: 'blue.7' },
          ]}
          yAxisProps={{ width: labelWidth }}
          gridAxis="x"
          xAxisProps={{ allowDecimals: false }}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 40, itemSorter: null }}
          valueFormatter={(value) => formatNumber(value, i18n.language)}
          accessibilityLayer={false}
          textColor="gray.9"
          maxBarWidth={22}
        />
      }
      columns={columns}
      rows={rows}
      csvName={csvName('tindak-lanjut-rapat')}
      onCsvDownload={onCsv('action_items_by_organization')}
      emptyText={t('insight.dashboard.governance.noActionItems')}
      tableMinWidth={320}
      data-testid="action-items-panel"
    />
  );
}
