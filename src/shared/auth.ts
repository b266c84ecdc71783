import { z } from 'zod';
import { Language } from './common.ts';
import { ORGANIZATION_KINDS } from './permissions.ts';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      language: Language,
      mustChangePassword: z.boolean(),
    }),
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      shortName: z.string().nullable(),
      kind: z.enum(ORGANIZATION_KINDS),
      code: z.string().nullable(),
    }),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    /** Send back as the X-CSRF-Token header on every state-changing request. */
    csrfToken: z.string(),
    session: z.object({ idleTimeoutMinutes: z.number().int(), expiresAt: z.iso.datetime({ offset: true }) }),
    demo: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const PreferencesRequest = z.strictObject({ language: Language });
export type PreferencesRequest = z.infer<typeof PreferencesRequest>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  databaseKind: z.enum(['embedded', 'postgresql']),
  version: z.string(),
  demo: z.boolean(),
});
export type Health = z.infer<typeof Health>;
