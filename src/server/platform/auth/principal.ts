import type { Language } from '../../../shared/common.ts';
import type { OrganizationKind } from '../../../shared/permissions.ts';

/** Who is making the request: loaded once per request from the session. */
export interface Principal {
  sessionId: string;
  userId: string;
  username: string;
  fullName: string;
  position: string | null;
  organizationId: string;
  organizationName: string;
  organizationShortName: string | null;
  organizationKind: OrganizationKind;
  organizationCode: string | null;
  roles: string[];
  permissions: string[];
  language: Language;
  mustChangePassword: boolean;
  csrfToken: string;
  expiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
