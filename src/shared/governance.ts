import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  EFFECTIVE_AGREEMENT_STATUSES,
  type EffectiveAgreementStatus,
} from './agreements.ts';
import { CalendarDate, Language, PageQuery, pageOf } from './common.ts';
import { ACTION_ITEM_STATUSES } from './meetings.ts';

// Tata kelola (issue 8), the cross-cutting views: the overview (action items of the meetings the caller's
// organization sees, grouped by owner organization; agreements by effective status and the signed ones by
// expiry), the caller's own action items (home card), and activity reports.
// Nothing here is about a person of the program: action items and reports name officials, organizations and
// topics only.
//
// Who sees an action item: the caller's organization organized or attended its meeting (an attendee row of
// the organization), or owns the item (owner_organization_id). Agreements: the caller's organization is a
// party. Activity reports: the organization that made one (organization_id), nobody else.

/** The stored statuses of an action item (declared in meetings.ts, re-exported for the governance web). */
export type { ActionItemStatus } from './meetings.ts';

/**
 * The effective agreement statuses the overview counts: every one but `discarded` (a discarded draft is hidden
 * from the lists by default, so the overview leaves it out of its counts and total).
 */
export const GOVERNANCE_AGREEMENT_STATUSES = EFFECTIVE_AGREEMENT_STATUSES.filter(
  (status): status is Exclude<EffectiveAgreementStatus, 'discarded'> => status !== 'discarded',
);
export type GovernanceAgreementStatus = (typeof GOVERNANCE_AGREEMENT_STATUSES)[number];

/** The effective statuses of a signed agreement: before, within and after its term. */
export const SIGNED_AGREEMENT_STATUSES = ['signed', 'in_force', 'expired'] as const;

/**
 * The overview's status filter: a stored status (ACTION_ITEM_STATUSES of meetings.ts), `overdue` (open or in
 * progress, due before today) or `pending` (open or in progress, whatever the date).
 */
export const ACTION_ITEM_FILTERS = [...ACTION_ITEM_STATUSES, 'overdue', 'pending'] as const;
export type ActionItemFilter = (typeof ACTION_ITEM_FILTERS)[number];

/**
 * Where the program's documents are signed when the organization's address names no city or regency
 * ("…, Kota Semarang" → Semarang).
 */
export const PROGRAM_CITY = 'Semarang';

const Named = z.object({ id: z.uuid(), name: z.string() });

export const GovernanceActionItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    /** The meeting that decided it (link /tata-kelola/rapat/:id). */
    meeting: z.object({ id: z.uuid(), title: z.string(), heldOn: CalendarDate }),
    ownerOrganization: Named,
    /** The owner user's id when the owner is a user (null for an official named in words). */
    ownerUserId: z.uuid().nullable(),
    /** The owner user's full name, or the name typed for an official without an account. */
    ownerName: z.string(),
    dueOn: CalendarDate,
    status: z.enum(ACTION_ITEM_STATUSES),
    /** Open or in progress and due before today. */
    overdue: z.boolean(),
    /** Days past the due date when overdue, else null. */
    daysOverdue: z.number().int().nullable(),
    doneOn: CalendarDate.nullable(),
    progressNote: z.string().nullable(),
    /** What it is about: a topic in words, */
    topic: z.string().nullable(),
    /** an agreement (only when the caller's organization is a party; otherwise null), */
    agreement: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    /** or a work-plan activity (only when the caller sees its work plan; otherwise null). */
    activity: z.object({ id: z.uuid(), workPlanId: z.uuid(), title: z.string() }).nullable(),
    /**
     * The caller may update its status and progress (staff with manage:meeting of the owner organization or
     * of the meeting's organizer), through the meetings module's action-item endpoint.
     */
    canUpdate: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'GovernanceActionItem' });
export type GovernanceActionItem = z.infer<typeof GovernanceActionItem>;

// ── GET /api/governance/overview ──
export const GovernanceOverviewQuery = PageQuery.extend({
  /** Only the action items owned by this organization (the list; the groups always show every one). */
  organizationId: z.uuid().optional(),
  /** Only the action items of this status (the list; the groups always count every one). */
  status: z.enum(ACTION_ITEM_FILTERS).optional(),
}).strict();
/** Every key optional (page and pageSize default to 1 and 50). */
export type GovernanceOverviewQuery = Partial<z.output<typeof GovernanceOverviewQuery>>;

export const ActionItemCounts = z.object({
  /** Open or in progress (the overdue ones included). */
  open: z.number().int(),
  /** Open or in progress, due before today. */
  overdue: z.number().int(),
  done: z.number().int(),
});
export type ActionItemCounts = z.infer<typeof ActionItemCounts>;

export const AgreementExpiry = z
  .object({
    id: z.uuid(),
    kind: z.enum(AGREEMENT_KINDS),
    title: z.string(),
    /** signed (not yet valid), in_force or expired. */
    effectiveStatus: z.enum(SIGNED_AGREEMENT_STATUSES),
    validFrom: CalendarDate.nullable(),
    validUntil: CalendarDate.nullable(),
    /** valid_until − today in days (negative once expired); null without a valid_until. */
    daysLeft: z.number().int().nullable(),
    /** The parties' names in position order (PIHAK PERTAMA first). */
    parties: z.array(z.string()),
  })
  .meta({ id: 'AgreementExpiry' });
export type AgreementExpiry = z.infer<typeof AgreementExpiry>;

export const GovernanceOverview = z
  .object({
    actionItems: z.object({
      /**
       * Every owner organization of a visible action item that is open, overdue or done (cancelled ones are
       * not counted), most overdue first, then most open, then by name. Not affected by the filters.
       */
      byOrganization: z.array(ActionItemCounts.extend({ organization: Named })),
      /** The sums over byOrganization. */
      totals: ActionItemCounts,
      /** The filtered list, paged: overdue first, then by due date (earliest first), then title. */
      items: z.array(GovernanceActionItem),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
    agreements: z.object({
      /**
       * Every effective status in GOVERNANCE_AGREEMENT_STATUSES order (EFFECTIVE_AGREEMENT_STATUSES without
       * `discarded`), zeros included. Discarded agreements are not counted, here nor in `total`.
       */
      byStatus: z.array(z.object({ status: z.enum(GOVERNANCE_AGREEMENT_STATUSES), count: z.number().int() })),
      /** The agreements the caller's organization is party to, discarded ones left out. */
      total: z.number().int(),
      /**
       * The signed ones (stored status signed: effective signed, in_force or expired) by valid_until,
       * earliest first (expired ones first, with negative daysLeft); at most 50.
       */
      signed: z.array(AgreementExpiry),
    }),
  })
  .meta({ id: 'GovernanceOverview' });
export type GovernanceOverview = z.infer<typeof GovernanceOverview>;

// ── GET /api/governance/my-action-items ──
export const MyActionItemsQuery = PageQuery.strict();
export type MyActionItemsQuery = Partial<z.output<typeof MyActionItemsQuery>>;

/**
 * The caller's own open and in-progress action items (owner_user_id) that her organization owns
 * (owner_organization_id: an item she was given in an organization she has since left is not hers here):
 * overdue first, then by due date.
 */
export const MyActionItems = pageOf(GovernanceActionItem)
  .extend({ overdue: z.number().int() })
  .meta({ id: 'MyActionItems' });
export type MyActionItems = z.infer<typeof MyActionItems>;

// ── Activity reports ──

export const ACTIVITY_REPORT_STATUSES = ['draft', 'final'] as const;
export type ActivityReportStatus = (typeof ACTIVITY_REPORT_STATUSES)[number];
export const ACTIVITY_REPORT_SOURCES = ['meeting', 'activity'] as const;
export type ActivityReportSourceKind = (typeof ACTIVITY_REPORT_SOURCES)[number];

export const ActivityReportParams = z.strictObject({ reportId: z.uuid() });

export const ActivityReportSource = z.object({
  kind: z.enum(ACTIVITY_REPORT_SOURCES),
  /** The meeting id, or the work-plan activity id. */
  id: z.uuid(),
  title: z.string(),
  /** The activity's work plan (link /tata-kelola/program-teknis/:workPlanId); null for a meeting. */
  workPlanId: z.uuid().nullable(),
});
export type ActivityReportSource = z.infer<typeof ActivityReportSource>;

// ── POST /api/governance/activity-reports ──
/**
 * Exactly one of meetingId / activityId (field error `meetingId`: activity_report_source_required). A meeting
 * must be one the caller's organization organized or attended (field error `meetingId`:
 * activity_report_meeting_not_found; an organization that only owns one of its action items gets
 * activity_report_meeting_not_attended) and held (activity_report_meeting_cancelled,
 * activity_report_meeting_not_held). An activity must be one the caller sees through its work plan (field error
 * `activityId`: activity_report_activity_not_found) and in progress or done
 * (activity_report_activity_not_started).
 * The report is filled from templates in `language` (default: the caller's): title, date, place,
 * participants, summary and decisions (see ActivityReport).
 */
export const CreateActivityReportRequest = z.strictObject({
  meetingId: z.uuid().optional(),
  activityId: z.uuid().optional(),
  language: Language.optional(),
});
export type CreateActivityReportRequest = z.input<typeof CreateActivityReportRequest>;

export const ActivityReport = z
  .object({
    id: z.uuid(),
    organization: Named,
    /** Where it was made from; null when that record was removed. */
    source: ActivityReportSource.nullable(),
    title: z.string(),
    heldOn: CalendarDate,
    place: z.string().nullable(),
    /**
     * From a meeting: one line per attendee present, "n. Name — Job title, Organization". From an
     * activity: the responsible organization. Free text once edited.
     */
    participants: z.string().nullable(),
    /**
     * Templated, e.g. "Pada hari Senin, 27 April 2026, bertempat di Kantor Kecamatan Semarang Barat,
     * Lapas Perempuan Kelas IIA Semarang melaksanakan Rapat Koordinasi …. Kegiatan dihadiri oleh Kepala Lapas
     * (Lapas Perempuan Kelas IIA Semarang), …, dan Lurah (Kelurahan Krobokan)."
     */
    summary: z.string().nullable(),
    /** From a meeting: its decisions, one numbered line each ("1. …"). */
    decisions: z.string().nullable(),
    status: z.enum(ACTIVITY_REPORT_STATUSES),
    createdByName: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedByName: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
    /** The caller may edit and finalize it (a draft, and she manages meetings or work plans). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'ActivityReport' });
export type ActivityReport = z.infer<typeof ActivityReport>;

// ── GET /api/governance/activity-reports ──
export const ActivityReportListQuery = PageQuery.extend({
  status: z.enum(ACTIVITY_REPORT_STATUSES).optional(),
  /** Words of the title or place. */
  q: z.string().trim().max(100).optional(),
}).strict();
export type ActivityReportListQuery = Partial<z.output<typeof ActivityReportListQuery>>;

export const ActivityReportListItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: CalendarDate,
    place: z.string().nullable(),
    status: z.enum(ACTIVITY_REPORT_STATUSES),
    source: ActivityReportSource.nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedByName: z.string().nullable(),
  })
  .meta({ id: 'ActivityReportListItem' });
export type ActivityReportListItem = z.infer<typeof ActivityReportListItem>;

/** Newest held_on first. */
export const ActivityReportList = pageOf(ActivityReportListItem).meta({ id: 'ActivityReportList' });
export type ActivityReportList = z.infer<typeof ActivityReportList>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

// ── PUT /api/governance/activity-reports/:reportId ──
/** The whole editable report; a stale version → 409 VERSION_CONFLICT; a final one → 409 ACTIVITY_REPORT_FINAL. */
export const UpdateActivityReportRequest = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(300),
  heldOn: CalendarDate,
  place: optionalText(300),
  participants: optionalText(10_000),
  summary: optionalText(20_000),
  decisions: optionalText(20_000),
});
export type UpdateActivityReportRequest = z.input<typeof UpdateActivityReportRequest>;

// ── POST /api/governance/activity-reports/:reportId/finalize ──
export const FinalizeActivityReportRequest = z.strictObject({ version: z.number().int().min(1) });
export type FinalizeActivityReportRequest = z.input<typeof FinalizeActivityReportRequest>;
