import type { RoleCode } from '../../../shared/permissions.ts';
import type { UserSummary } from '../../../shared/users.ts';
import type { UserRow } from './users.repository.ts';

export function presentUser(row: UserRow): UserSummary {
  const locked = row.locked_until !== null && row.locked_until.getTime() > Date.now();
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    position: row.position,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationKind: row.organization_kind,
    roles: row.roles as RoleCode[],
    active: row.active,
    locked,
    lockedUntil: locked && row.locked_until ? row.locked_until.toISOString() : null,
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    language: row.language,
    version: row.version,
  };
}
