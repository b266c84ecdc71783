import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A titled part of a page or form: a bordered section labelled by its h2 (under the page's h1), with an
 * optional hint under the title and optional actions on its right.
 */
export function SectionCard({
  title,
  id,
  hint,
  actions,
  children,
}: {
  title: string;
  id: string;
  hint?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" gap="xs" mb={hint ? 4 : 'sm'}>
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
