import type { FastifyRequest } from 'fastify';
import { type Permission, type Scope, scopeFor } from '../../shared/permissions.ts';
import type { Principal } from './auth/principal.ts';
import { AppError, forbidden } from './errors.ts';

/** What a service needs to know about the request it serves: who, and how to trace it. */
export interface RequestContext {
  principal: Principal;
  correlationId: string;
  ip: string;
}

/**
 * The signed-in caller of a route, or 401. Until a user has changed a temporary password only the
 * routes marked `allowPasswordChange` answer.
 */
export function contextOf(
  request: FastifyRequest,
  options: { allowPasswordChange?: boolean } = {},
): RequestContext {
  const principal = request.principal;
  if (!principal) throw new AppError(401, 'AUTH_REQUIRED');
  if (principal.mustChangePassword && !options.allowPasswordChange)
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
  return { principal, correlationId: request.id, ip: request.ip };
}

/** What a scope lets the caller see, as filters for list queries: nothing (all), her organization, or herself. */
export interface ScopeFilter {
  organizationId?: string;
  userId?: string;
}

export function scopeFilter(ctx: RequestContext, scope: Scope): ScopeFilter {
  if (scope === 'all') return {};
  if (scope === 'organization') return { organizationId: ctx.principal.organizationId };
  return { userId: ctx.principal.userId };
}

type ActionEntity<P extends string> = P extends `${infer A}:${infer E}:${string}` ? `${A}:${E}` : never;

/** The widest scope the caller holds for `action:entity`; 403 when none. Every service call starts here. */
export function requirePermission(ctx: RequestContext, actionEntity: ActionEntity<Permission>): Scope {
  const [action, entity] = actionEntity.split(':') as [string, string];
  const scope = scopeFor(ctx.principal.permissions, action, entity);
  if (!scope) throw forbidden();
  return scope;
}
