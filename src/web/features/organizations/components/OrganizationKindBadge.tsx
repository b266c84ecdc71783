import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../../../shared/organizations.ts';

const KIND_COLORS: Record<OrganizationKind, string> = {
  prison: 'grape',
  probation: 'indigo',
  district: 'cyan',
  village: 'blue',
  partner: 'violet',
};

/** Light badges: the shade-9 text on shade-1 background stays readable for every colour here. */
export function OrganizationKindBadge({ kind }: { kind: OrganizationKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={KIND_COLORS[kind]} radius="sm" tt="none">
      {t(`orgKind.${kind}`)}
    </Badge>
  );
}
