import type { Me } from '../../../shared/auth.ts';
import type { Principal } from '../../platform/auth/principal.ts';

export function presentMe(principal: Principal, options: { idleMinutes: number; demo: boolean }): Me {
  return {
    user: {
      id: principal.userId,
      username: principal.username,
      fullName: principal.fullName,
      position: principal.position,
      language: principal.language,
      mustChangePassword: principal.mustChangePassword,
    },
    organization: {
      id: principal.organizationId,
      name: principal.organizationName,
      shortName: principal.organizationShortName,
      kind: principal.organizationKind,
      code: principal.organizationCode,
    },
    roles: principal.roles,
    permissions: principal.permissions,
    csrfToken: principal.csrfToken,
    session: { idleTimeoutMinutes: options.idleMinutes, expiresAt: principal.expiresAt.toISOString() },
    demo: options.demo,
  };
}
