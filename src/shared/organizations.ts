import { z } from 'zod';
import { ORGANIZATION_KINDS } from './permissions.ts';

export const OrganizationKind = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

// Contact persons of an organization (`organization.contacts`): the same shape for agencies, kelurahan
// (saved with the village profile) and partners (saved with the partner profile).

/** Blank text is saved as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** A contact person as sent (PUT /api/villages/:villageId, POST and PATCH /api/partners). */
export const ContactInput = z.strictObject({
  name: z.string().trim().min(1).max(150),
  position: optionalText(100),
  phone: optionalText(30),
  email: z.email().max(200).nullable().optional(),
});
export type ContactInput = z.input<typeof ContactInput>;

/** A contact person as every response shows it (null where nothing was given). */
export const Contact = z
  .object({
    name: z.string(),
    position: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: 'Contact' });
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
