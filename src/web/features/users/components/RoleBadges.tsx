import { Badge, Group } from '@mantine/core';
import { useRoleName } from '../api/roles.ts';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const roleName = useRoleName();
  return (
    <Group gap={4}>
      {roles.map((code) => (
        <Badge key={code} variant="light" color="indigo" radius="sm" tt="none">
          {roleName(code)}
        </Badge>
      ))}
    </Group>
  );
}
