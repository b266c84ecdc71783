import { Box, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CountText } from '../CountText.tsx';

export interface Stat {
  key: string;
  label: string;
  /** A count of people (null: hidden, "< 5") or of organizations, agreements, meetings (never null). */
  value: number | null;
  icon?: ReactNode;
}

/**
 * Figures as cards: a description list, each card a term (the label) and its value; the value is drawn
 * large above the label but read after it.
 */
export function StatGrid({ stats, label }: { stats: readonly Stat[]; label?: string }) {
  return (
    <SimpleGrid
      component="dl"
      aria-label={label}
      cols={{ base: 2, sm: 3, md: 4 }}
      spacing={{ base: 'xs', sm: 'md' }}
      m={0}
    >
      {stats.map((stat) => (
        <Paper
          key={stat.key}
          withBorder
          p={{ base: 'sm', sm: 'md' }}
          data-stat={stat.key}
          style={{ display: 'flex', flexDirection: 'column-reverse', justifyContent: 'flex-end', gap: 4 }}
        >
          <Text component="dt" size="sm" c="dark.7" lh={1.3}>
            {stat.label}
          </Text>
          <Box component="dd" m={0} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {stat.icon}
            <CountText value={stat.value} fz={{ base: 24, sm: 30 }} fw={700} c="blue.9" lh={1.1} />
          </Box>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
