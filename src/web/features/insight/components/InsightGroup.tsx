import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/**
 * A group of the dashboard: its h2 and a line of explanation, then its cards and charts (whose own headings
 * are h3). A section named by its heading, so it is a landmark a screen reader can jump to.
 */
export function InsightGroup({
  title,
  intro,
  children,
  'data-testid': testId,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm" data-testid={testId}>
      <div>
        <Title order={2} fz="h3" id={id}>
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="gray.7" mt={2}>
            {intro}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}
