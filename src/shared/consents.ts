import { z } from 'zod';
import { FIELD_GROUPS } from './people.ts';

/** Kinds of organization a consent can name as a whole (every kelurahan, every partner, ...). */
export const RECIPIENT_KINDS = ['village', 'district', 'partner'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

const isoDate = z.iso.date();

export const CreateConsentRequest = z.strictObject({
  purpose: z.string().trim().min(3).max(500),
  recipientOrganizationIds: z.array(z.uuid()).max(50).default([]),
  recipientKinds: z.array(z.enum(RECIPIENT_KINDS)).max(RECIPIENT_KINDS.length).default([]),
  fieldGroups: z.array(z.enum(FIELD_GROUPS)).min(1).max(FIELD_GROUPS.length),
  /** Not in the future. */
  givenOn: isoDate,
  /** A document of the same person (the signed form). */
  evidenceDocumentId: z.uuid().nullable().optional(),
});
export type CreateConsentRequest = z.input<typeof CreateConsentRequest>;

export const WithdrawConsentRequest = z.strictObject({
  /** Today when not given; not in the future and not before the consent was given. */
  withdrawnOn: isoDate.optional(),
  reason: z.string().trim().min(1).max(500),
});
export type WithdrawConsentRequest = z.input<typeof WithdrawConsentRequest>;

export const ConsentParams = z.strictObject({ personId: z.uuid(), consentId: z.uuid() });

export const Consent = z
  .object({
    id: z.uuid(),
    purpose: z.string(),
    recipientOrganizations: z.array(z.object({ id: z.uuid(), name: z.string() })),
    recipientKinds: z.array(z.enum(RECIPIENT_KINDS)),
    fieldGroups: z.array(z.enum(FIELD_GROUPS)),
    givenOn: z.string(),
    /** The evidence document, when the caller may see it. */
    evidenceDocument: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    withdrawnOn: z.string().nullable(),
    withdrawnReason: z.string().nullable(),
    active: z.boolean(),
    recordedByName: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof Consent>;

export const ConsentList = z.object({ items: z.array(Consent) });
export type ConsentList = z.infer<typeof ConsentList>;
