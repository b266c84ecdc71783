import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/users.ts';

interface RoleMultiSelectProps extends Omit<MultiSelectProps, 'data'> {
  /** Only the roles allowed for the chosen organization's kind. */
  roles: readonly Role[];
}

export function RoleMultiSelect({ roles, ...props }: RoleMultiSelectProps) {
  const { i18n } = useTranslation();
  const data = roles.map((role) => ({
    value: role.code,
    label: i18n.language === 'en' ? role.nameEn : role.nameId,
  }));
  return <MultiSelect searchable hidePickedOptions {...props} data={data} />;
}
