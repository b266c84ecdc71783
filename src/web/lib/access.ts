import { scopeFor } from '../../shared/permissions.ts';

/** What the UI may show; the server checks every call again (hiding is a convenience, never security). */
export interface Access {
  canReadUsers: boolean;
  canReadAllUsers: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
}

export function accessFor(permissions: readonly string[]): Access {
  const canManageUsers = permissions.includes('manage:user:all');
  const userScope = scopeFor(permissions, 'read', 'user');
  return {
    canReadUsers: canManageUsers || userScope !== null,
    canReadAllUsers: canManageUsers || userScope === 'all',
    canManageUsers,
    canReadAudit: scopeFor(permissions, 'read', 'audit') !== null,
  };
}
