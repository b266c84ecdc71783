import { z } from 'zod';
import { ORGANIZATION_KINDS } from './permissions.ts';

export const OrganizationKind = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const Contact = z.object({
  name: z.string(),
  position: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export type Contact = z.infer<typeof Contact>;

export const OrganizationSummary = z
  .object({
    id: z.uuid(),
    kind: OrganizationKind,
    name: z.string(),
    shortName: z.string().nullable(),
    code: z.string().nullable(),
    parentId: z.uuid().nullable(),
    parentName: z.string().nullable(),
    address: z.string().nullable(),
  })
  .meta({ id: 'OrganizationSummary' });
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const Organization = OrganizationSummary.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contacts: z.array(Contact),
  children: z.array(OrganizationSummary),
  userCount: z.number().int(),
}).meta({ id: 'Organization' });
export type Organization = z.infer<typeof Organization>;

export const OrganizationListQuery = z.strictObject({
  kind: OrganizationKind.optional(),
  q: z.string().trim().max(100).optional(),
});
export const OrganizationList = z.object({ items: z.array(OrganizationSummary) });
export type OrganizationList = z.infer<typeof OrganizationList>;
