import { type OrganizationKind, ROLES, type RoleCode } from '../../../shared/permissions.ts';
import { AppError } from '../../platform/errors.ts';

/** Refuses roles that do not belong in the user's kind of organization (a PK must work at a Bapas). */
export function assertRolesFitOrganization(roles: readonly RoleCode[], kind: OrganizationKind) {
  for (const role of roles) {
    const kinds = ROLES[role].organizationKinds;
    if (kinds && !kinds.includes(kind)) {
      throw new AppError(400, 'ROLE_NOT_ALLOWED_FOR_ORGANIZATION', {
        params: { role },
        fields: { roles: { key: 'invalid' } },
      });
    }
  }
}
