import { z } from 'zod';
import { CalendarDate, PageQuery } from './common.ts';
import { ReintegrationPlanSummary } from './reintegration.ts';

// Serah terima (issue 7): the prison sends a woman's case to a Bapas with a package (a snapshot, taken at
// send time, of her reintegration plan, skills, documents and consents). The Bapas head accepts it and
// assigns a PK (probation officer), or returns it with a reason; the prison may cancel it while it is sent
// and send again after a return. One live (sent or accepted) handover per person. Every step is an event.
// A return to custody ENDS her live handover (status `ended`); her next release needs a new handover.

export const HANDOVER_STATUSES = ['sent', 'accepted', 'returned', 'cancelled', 'ended'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
export const HANDOVER_ACTIONS = [
  'sent',
  'accepted',
  'returned',
  'cancelled',
  'officer_changed',
  'ended',
] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];
/**
 * Her handover state as the dashboard and person tab show it: the status of her latest handover, `none`
 * when she has none or the latest was cancelled or ended (by a return to custody: a new one is needed).
 */
export const HANDOVER_STATES = ['none', 'sent', 'accepted', 'returned'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];
/** The list: `sent` = handovers the caller's prison sent; `received` = sent to the caller's Bapas. */
export const HANDOVER_DIRECTIONS = ['sent', 'received'] as const;
export type HandoverDirection = (typeof HANDOVER_DIRECTIONS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const Named = z.object({ id: z.uuid(), name: z.string() });

export const HandoverParams = z.strictObject({ handoverId: z.uuid() });

// ── The package (snapshot at send time; plain data, shown read-only) ──

export const HandoverPackage = z
  .object({
    /** When the snapshot was taken (= sent at). */
    takenAt: z.iso.datetime({ offset: true }),
    /**
     * Her reintegration plan when sent (reintegration.ts ReintegrationPlanSummary: percent = completeness,
     * started/total pathways, the 8 pathway statuses, goals with steps, intended kelurahan, next review).
     */
    plan: ReintegrationPlanSummary.extend({ guaranteeAcknowledgedOn: z.iso.date().nullable() }),
    skills: z.array(
      z.object({
        name: z.string(),
        sector: z.string().nullable(),
        level: z.string(),
        evidence: z.string(),
        /** The certificate behind a certified skill (number, issuer, date). */
        certificate: z.object({ number: z.string(), issuer: z.string(), issuedOn: z.iso.date() }).nullable(),
      }),
    ),
    /** Her documents: titles, categories and dates only (never the files). */
    documents: z.array(z.object({ title: z.string(), category: z.string(), addedOn: z.iso.date() })),
    /** Her consents, current and withdrawn. */
    consents: z.array(
      z.object({
        purpose: z.string(),
        /** Recipient organizations by name, and recipient kinds (e.g. 'village'). */
        recipients: z.array(z.string()),
        recipientKinds: z.array(z.string()),
        fieldGroups: z.array(z.string()),
        givenOn: z.iso.date(),
        withdrawnOn: z.iso.date().nullable(),
      }),
    ),
  })
  .meta({ id: 'HandoverPackage' });
export type HandoverPackage = z.infer<typeof HandoverPackage>;

export const HandoverEvent = z
  .object({
    id: z.string(),
    action: z.enum(HANDOVER_ACTIONS),
    /** The note, the return reason, or for officer_changed the new PK's name. */
    note: z.string().nullable(),
    actorName: z.string(),
    organizationName: z.string(),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'HandoverEvent' });
export type HandoverEvent = z.infer<typeof HandoverEvent>;

export const Handover = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    status: z.enum(HANDOVER_STATUSES),
    from: Named,
    to: Named,
    note: z.string().nullable(),
    expectedReleaseDate: z.iso.date().nullable(),
    sentBy: z.string(),
    sentAt: z.iso.datetime({ offset: true }),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    returnReason: z.string().nullable(),
    /** The PK once accepted. */
    officer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    package: HandoverPackage,
    /** Oldest first. */
    events: z.array(HandoverEvent),
    version: z.number().int(),
    /** What the caller may do with it now. */
    canAccept: z.boolean(),
    canReturn: z.boolean(),
    canCancel: z.boolean(),
    canChangeOfficer: z.boolean(),
  })
  .meta({ id: 'Handover' });
export type Handover = z.infer<typeof Handover>;

// ── GET /api/people/:personId/handovers ──
export const PersonHandovers = z
  .object({
    /** Her handovers, newest first (all of them, with their events). */
    items: z.array(Handover),
    state: z.enum(HANDOVER_STATES),
    /** The caller may send one now: send:handover, her prison holds the record, no live handover. */
    canSend: z.boolean(),
    /** She has a reintegration plan (sending is refused without one: HANDOVER_PLAN_REQUIRED). */
    hasPlan: z.boolean(),
  })
  .meta({ id: 'PersonHandovers' });
export type PersonHandovers = z.infer<typeof PersonHandovers>;

// ── POST /api/people/:personId/handovers ──
export const SendHandoverRequest = z.strictObject({
  /** An organization of kind probation (field error `toOrganizationId`: handover_not_probation). */
  toOrganizationId: z.uuid(),
  note: optionalText(1000),
  /** Defaults to her stored release date. */
  expectedReleaseDate: CalendarDate.nullable().optional(),
});
export type SendHandoverRequest = z.input<typeof SendHandoverRequest>;

// ── POST /api/handovers/:handoverId/accept ──
export const AcceptHandoverRequest = z.strictObject({
  /** An active user of the Bapas with role probation_officer (field error `officerUserId`: handover_officer_invalid). */
  officerUserId: z.uuid(),
  version: z.number().int().min(1),
  /**
   * When her supervision schedule starts (monthly reporting by default). Omitted: her recorded release
   * (released_on, unless she is back in custody since), else the handover's expected release date, else her
   * release date; none of them: no schedule is made. An existing schedule is kept. Not more than 7 days
   * before that release (field error `scheduleStartsOn`: schedule_before_release).
   */
  scheduleStartsOn: CalendarDate.nullable().optional(),
  note: optionalText(1000),
});
export type AcceptHandoverRequest = z.input<typeof AcceptHandoverRequest>;

// ── POST /api/handovers/:handoverId/return ──
export const ReturnHandoverRequest = z.strictObject({
  /** Why (required). */
  reason: z.string().trim().min(1).max(1000),
  version: z.number().int().min(1),
});
export type ReturnHandoverRequest = z.input<typeof ReturnHandoverRequest>;

// ── POST /api/handovers/:handoverId/cancel ──
export const CancelHandoverRequest = z.strictObject({
  version: z.number().int().min(1),
  note: optionalText(1000),
});
export type CancelHandoverRequest = z.input<typeof CancelHandoverRequest>;

// ── POST /api/handovers/:handoverId/officer ──
export const ChangeOfficerRequest = z.strictObject({
  officerUserId: z.uuid(),
  version: z.number().int().min(1),
  note: optionalText(1000),
});
export type ChangeOfficerRequest = z.input<typeof ChangeOfficerRequest>;

// ── GET /api/handovers ──
export const HandoverListQuery = PageQuery.extend({
  status: z.enum(HANDOVER_STATUSES).optional(),
  /** Default: `sent` for a prison, `received` for a Bapas. A prison asking `received` gets none, and so on. */
  direction: z.enum(HANDOVER_DIRECTIONS).optional(),
  /** Her name or registration number. */
  q: z.string().trim().max(100).optional(),
}).strict();
export type HandoverListQuery = z.input<typeof HandoverListQuery>;

export const HandoverListItem = z
  .object({
    id: z.uuid(),
    person: z.object({ id: z.uuid(), displayName: z.string(), registrationNumber: z.string().nullable() }),
    status: z.enum(HANDOVER_STATUSES),
    from: Named,
    to: Named,
    sentBy: z.string(),
    sentAt: z.iso.datetime({ offset: true }),
    expectedReleaseDate: z.iso.date().nullable(),
    /** Her stored release date today (may have moved since sending). */
    releaseDate: z.iso.date().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    returnReason: z.string().nullable(),
    officer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    version: z.number().int(),
    /** What the caller may do with it now: the same flags, by the same rules, as on `Handover`. */
    canAccept: z.boolean(),
    canReturn: z.boolean(),
    canCancel: z.boolean(),
    canChangeOfficer: z.boolean(),
  })
  .meta({ id: 'HandoverListItem' });
export type HandoverListItem = z.infer<typeof HandoverListItem>;

export const HandoverList = z
  .object({
    items: z.array(HandoverListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    direction: z.enum(HANDOVER_DIRECTIONS),
  })
  .meta({ id: 'HandoverList' });
export type HandoverList = z.infer<typeof HandoverList>;

// ── GET /api/handovers/officers ──
export const HandoverOfficers = z
  .object({
    /** The active PKs (role probation_officer) of the caller's Bapas, by name, with their current caseload. */
    items: z.array(z.object({ id: z.uuid(), name: z.string(), caseload: z.number().int() })),
  })
  .meta({ id: 'HandoverOfficers' });
export type HandoverOfficers = z.infer<typeof HandoverOfficers>;
