import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CountText } from './CountText.tsx';

/**
 * One figure in a card: what it counts, the figure large (a hidden count "< 5", a percentage with one
 * decimal), and a line of detail under it.
 */
export function StatCard({
  label,
  value,
  percent = false,
  hint,
  'data-testid': testId,
}: {
  label: string;
  value: number | null;
  percent?: boolean;
  hint?: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm" c="gray.7" fw={500}>
        {label}
      </Text>
      <CountText value={value} percent={percent} fz={28} fw={700} lh={1.3} c="dark.9" />
      {hint && (
        <Text size="xs" c="gray.7" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
