import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollTableProps {
  /** Accessible name of the scrollable region (it is focusable, so keyboard users can scroll it). */
  label: string;
  minWidth: number;
  children: ReactNode;
}

/** A table that scrolls sideways inside its own box on narrow screens instead of widening the page. */
export function ScrollTable({ label, minWidth, children }: ScrollTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
      // Positioned, so visually hidden (absolute) cells are clipped too instead of widening the page.
      style={{ position: 'relative' }}
    >
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
