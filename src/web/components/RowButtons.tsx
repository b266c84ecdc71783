import { ActionIcon, type ActionIconProps, Button } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The remove button of one row of a repeated form list (skills, units, schedule slots, ...). */
export function RemoveRowButton({
  label,
  onClick,
  ...layout
}: { label: string; onClick: () => void } & Pick<ActionIconProps, 'mt' | 'mb'>) {
  return (
    <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={label} onClick={onClick} {...layout}>
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}

/** The button under a repeated form list that adds a row. */
export function AddRowButton({
  children,
  onClick,
  variant = 'default',
}: {
  children: ReactNode;
  onClick: () => void;
  variant?: 'default' | 'light';
}) {
  return (
    <div>
      <Button variant={variant} leftSection={<IconPlus size={16} aria-hidden />} onClick={onClick}>
        {children}
      </Button>
    </div>
  );
}
