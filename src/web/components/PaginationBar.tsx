import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  /** There are more than `total` (a search that stopped counting): "of more than 1,000". */
  totalCapped?: boolean;
  onChange: (page: number) => void;
}

/** "Showing 1–50 of 123" and the page buttons (hidden when everything fits on one page). */
export function PaginationBar({ page, pageSize, total, totalCapped, onChange }: PaginationBarProps) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const controlLabels = {
    first: t('pagination.first'),
    previous: t('pagination.previous'),
    next: t('pagination.next'),
    last: t('pagination.last'),
  } as const;

  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" aria-live="polite">
        {totalCapped
          ? t('pagination.summaryCapped', { from, to, total: total.toLocaleString(i18n.language) })
          : t('pagination.summary', { from, to, total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={t('pagination.label')}
          getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
        />
      )}
    </Group>
  );
}
