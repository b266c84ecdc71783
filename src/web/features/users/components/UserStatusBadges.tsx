import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/users.ts';

// Status words are short: a badge must never be cut to "A…" in a narrow table column.
const NO_SHRINK = { flexShrink: 0 } as const;

type StatusFields = Pick<UserSummary, 'active' | 'locked' | 'mustChangePassword'>;

/** Active / inactive, plus locked and must-change-password when they apply. Shade 9 keeps the contrast. */
export function UserStatusBadges({ user }: { user: StatusFields }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.active ? (
        <Badge color="teal.9" radius="sm" tt="none" style={NO_SHRINK}>
          {t('users.active')}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" radius="sm" tt="none" style={NO_SHRINK}>
          {t('users.inactive')}
        </Badge>
      )}
      {user.locked && (
        <Badge color="red.9" radius="sm" tt="none" style={NO_SHRINK}>
          {t('users.locked')}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="grape" variant="light" radius="sm" tt="none" style={NO_SHRINK}>
          {t('users.mustChange')}
        </Badge>
      )}
    </Group>
  );
}
