import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only label and value pair. */
export function InfoField({
  label,
  children,
  size,
}: {
  label: string;
  children: ReactNode;
  size?: 'sm' | 'md';
}) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div" size={size ?? 'md'} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
