import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkPlanBudget } from '../../../../shared/workplans.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatRupiah } from '../../../lib/format.ts';
import { budgetRows } from './workPlanDisplay.ts';

/** The plan's budget by source of funds (APBN, APBD, partner, other), with the total and the unfunded count. */
export function BudgetSummary({ budget }: { budget: WorkPlanBudget }) {
  const { t } = useTranslation();
  const { rows, total, unfundedCount } = budgetRows(budget);
  return (
    <SectionCard title={t('workplans.budget.title')} id="work-plan-budget" hint={t('workplans.budget.hint')}>
      {rows.length === 0 ? (
        <Text size="sm">{t('workplans.budget.empty')}</Text>
      ) : (
        <ScrollTable label={t('workplans.budget.tableLabel')} minWidth={300}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('workplans.budget.source')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('workplans.budget.activityCount')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('workplans.budget.amount')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('workplans.budget.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.source}>
                <Table.Td>{t(`workplans.source.${row.source}`)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{row.activityCount}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {formatRupiah(row.amount)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{row.share}%</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('workplans.budget.total')}</Table.Th>
              <Table.Td />
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap', fontWeight: 700 }}>
                {formatRupiah(total)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </ScrollTable>
      )}
      {unfundedCount > 0 && <Text size="sm">{t('workplans.budget.unfunded', { count: unfundedCount })}</Text>}
    </SectionCard>
  );
}
