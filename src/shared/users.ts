import { z } from 'zod';
import { Language, PageQuery, pageOf } from './common.ts';
import { ORGANIZATION_KINDS, ROLE_CODES } from './permissions.ts';
import { USERNAME_PATTERN } from './vocabulary.ts';

export const RoleCode = z.enum(ROLE_CODES);

export const Role = z.object({
  code: RoleCode,
  nameId: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
  organizationKinds: z.array(z.enum(ORGANIZATION_KINDS)).nullable(),
});
export type Role = z.infer<typeof Role>;
export const RoleList = z.object({ items: z.array(Role) });

export const UserSummary = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    position: z.string().nullable(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationKind: z.enum(ORGANIZATION_KINDS),
    roles: z.array(RoleCode),
    active: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.iso.datetime({ offset: true }).nullable(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
    language: Language,
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: z.uuid().optional(),
  role: RoleCode.optional(),
  active: z.enum(['true', 'false']).optional(),
}).strict();
export type UserListQuery = z.infer<typeof UserListQuery>;
export const UserList = pageOf(UserSummary);
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z.strictObject({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
  fullName: z.string().trim().min(2).max(150),
  email: z.email().max(200).nullable().optional(),
  position: z.string().trim().max(150).nullable().optional(),
  organizationId: z.uuid(),
  roles: z.array(RoleCode).min(1).max(ROLE_CODES.length),
  /** Initial password; the user must change it at first sign-in. */
  password: z.string().min(1).max(200),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  fullName: z.string().trim().min(2).max(150).optional(),
  email: z.email().max(200).nullable().optional(),
  position: z.string().trim().max(150).nullable().optional(),
  organizationId: z.uuid().optional(),
  roles: z.array(RoleCode).min(1).max(ROLE_CODES.length).optional(),
  /** The version the editor read; a stale one is refused with 409 instead of overwriting. */
  version: z.number().int().min(1),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordResponse = z.object({ temporaryPassword: z.string() });
export type ResetPasswordResponse = z.infer<typeof ResetPasswordResponse>;
