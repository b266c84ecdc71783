import { z } from 'zod';
import { AGREEMENT_KINDS, EFFECTIVE_AGREEMENT_STATUSES } from './agreements.ts';
import { MEETING_STATUSES } from './meetings.ts';
import { OrganizationKind } from './organizations.ts';
import { SECTORS } from './people.ts';
import { WORK_PLAN_ACTIVITY_KINDS, WORK_PLAN_ACTIVITY_STATUSES } from './workplans.ts';

// Monthly report (laporan bulanan, issue 9): one organization, one calendar month. Every figure comes from
// facts dated on or before the month's last day (`periodEnd`), never from today, so the same data always
// gives the same figures; facts dated after the month never change a past month's report. The current month
// may be asked for: it is marked `provisional` ("sementara"). A future month is a field error on `month`.
//
// People figures count the people in the organization's scope (the insight scope: prison, its people;
// probation, the people handed over or referred to it; kelurahan, the people intended for it or placed in
// it; kecamatan, the same over its kelurahan; partner, the people placed with it). Training figures count
// the organization's own cohorts (prison: the cohorts it runs; partner: the cohorts of the programs it
// provides). Counts of people are `number | null`: null = hidden (shown "< 5") for callers outside
// corrections, with complementary suppression where a total and its members are shown together. Governance
// figures are not about people and are never hidden.
//
// Access: `read:insight:organization` (staff): her own organization only (another organizationId → 403
// INSIGHT_SCOPE_FORBIDDEN); `read:insight:all` (heads, viewers): any organization of kind prison, probation,
// district, village or partner. Administrators hold neither (403). JSON reads are audited
// `insight.report_viewed`, the files `insight.report_exported` with `format`.

/** 'YYYY-MM', years 2000–2100 (field month: insight_month_invalid). */
export const ReportMonth = z.string().refine((value) => /^(20\d\d|2100)-(0[1-9]|1[0-2])$/.test(value), {
  params: { key: 'insight_month_invalid' },
});

// ── GET /api/insight/reports/monthly (also monthly.pdf, monthly.xlsx) ──
export const MonthlyReportQuery = z.strictObject({
  /** Default: the caller's own organization. */
  organizationId: z.uuid().optional(),
  /** A month after the current one (Asia/Jakarta) → 400, field month: insight_report_month_future. */
  month: ReportMonth,
});
export type MonthlyReportQuery = z.input<typeof MonthlyReportQuery>;

/**
 * The summary rows, in print order. Meaning (all "in the month" = dated from periodStart to periodEnd):
 * - people_entered: people in scope whose entry (custody detention start, else the day the record was
 *   created, Asia/Jakarta) is in the month;
 * - enrolments_started: enrolments allocated to the organization's cohorts that started in the month
 *   (the day she joined, else the cohort's start date);
 * - trainings_completed: enrolments in the organization's cohorts completed (ended_on) in the month;
 * - sessions_held: training sessions of the organization's cohorts dated in the month, not cancelled, with
 *   attendance recorded (not about people: never hidden);
 * - attendance_rate: present ÷ attendance marks of those sessions, percent with one decimal (null when a
 *   side is hidden or there is no mark);
 * - certificates_issued: certificates issued in the month for the organization's cohorts (prison: those it
 *   recorded; partner: of its cohorts);
 * - handovers_sent: handovers of people in scope sent in the month;
 * - handovers_accepted: handovers of people in scope accepted in the month (the acceptance event);
 * - placements_made: placements that reached `placed` in the month (placed_on) — for a kelurahan/kecamatan
 *   into its opportunities, for a partner with it, for prison/probation of people in scope;
 * - supervision_attended / supervision_missed: supervision sessions of people in scope held in the month
 *   with that outcome (probation);
 * - outcome_checks_recorded: outcome checks of people in scope recorded (checked_on) in the month;
 * - outcome_working: of those, work status employed or self_employed;
 * - returns_to_custody: people in scope whose return to custody is dated in the month.
 */
export const REPORT_SUMMARY_KEYS = [
  'people_entered',
  'enrolments_started',
  'trainings_completed',
  'sessions_held',
  'attendance_rate',
  'certificates_issued',
  'handovers_sent',
  'handovers_accepted',
  'placements_made',
  'supervision_attended',
  'supervision_missed',
  'outcome_checks_recorded',
  'outcome_working',
  'returns_to_custody',
] as const;
export type ReportSummaryKey = (typeof REPORT_SUMMARY_KEYS)[number];

/** Which summary rows fit each kind of organization (the report shows only these, in this order). */
export const REPORT_ROWS_BY_KIND: Record<z.infer<typeof OrganizationKind>, readonly ReportSummaryKey[]> = {
  prison: [
    'people_entered',
    'enrolments_started',
    'trainings_completed',
    'sessions_held',
    'attendance_rate',
    'certificates_issued',
    'handovers_sent',
    'handovers_accepted',
    'placements_made',
    'outcome_checks_recorded',
    'outcome_working',
    'returns_to_custody',
  ],
  probation: [
    'handovers_sent',
    'handovers_accepted',
    'supervision_attended',
    'supervision_missed',
    'placements_made',
    'outcome_checks_recorded',
    'outcome_working',
    'returns_to_custody',
  ],
  district: ['handovers_accepted', 'placements_made', 'outcome_checks_recorded', 'outcome_working'],
  village: ['handovers_accepted', 'placements_made', 'outcome_checks_recorded', 'outcome_working'],
  partner: [
    'enrolments_started',
    'trainings_completed',
    'sessions_held',
    'attendance_rate',
    'certificates_issued',
    'placements_made',
  ],
};

/** Kinds that run training cohorts (the `training` section is null for the others). */
export const REPORT_TRAINING_KINDS = ['prison', 'partner'] as const;

/**
 * The month's flow chart (registered → trained → certified → handed over → placed): each stage is the
 * figure of its summary row, present only when that row fits the organization's kind.
 */
export const REPORT_FLOW_STAGES = [
  { stage: 'registered', key: 'people_entered' },
  { stage: 'trained', key: 'trainings_completed' },
  { stage: 'certified', key: 'certificates_issued' },
  { stage: 'handed_over', key: 'handovers_accepted' },
  { stage: 'placed', key: 'placements_made' },
] as const;
export type ReportFlowStage = (typeof REPORT_FLOW_STAGES)[number]['stage'];

/** A count of people: null when hidden (shown "< 5"). */
const Count = z.number().int().nonnegative().nullable();
/** A percentage with one decimal; null when a side is hidden or the denominator is 0. */
const Percent = z.number().nullable();

const Named = z.object({ id: z.uuid(), name: z.string() });

export const ReportOrganization = z.object({
  id: z.uuid(),
  kind: OrganizationKind,
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ReportOrganization = z.infer<typeof ReportOrganization>;

export const ReportSummaryRow = z.object({
  key: z.enum(REPORT_SUMMARY_KEYS),
  /** attendance_rate: a percentage; every other row: a count (sessions_held is never hidden). */
  unit: z.enum(['count', 'percent']),
  value: z.number().nullable(),
});
export type ReportSummaryRow = z.infer<typeof ReportSummaryRow>;

export const ReportCohort = z.object({
  id: z.uuid(),
  name: z.string(),
  programName: z.string(),
  /** The training provider (the partner, or the prison itself). */
  providerName: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  /**
   * Enrolments allocated to the cohort by periodEnd and not removed (deallocated) from it; withdrawn ones
   * stay counted. Group: enrolled = completed + not completed, enrolled = certified + not certified.
   */
  enrolled: Count,
  /** Sessions held in the month (not about people: never hidden). */
  sessionsHeld: z.number().int(),
  /** present ÷ marks of the month's sessions. */
  attendanceRate: Percent,
  /** Enrolments completed on or before periodEnd. */
  completed: Count,
  /** Enrolments of the cohort with a certificate issued on or before periodEnd. */
  certified: Count,
});
export type ReportCohort = z.infer<typeof ReportCohort>;

export const ReportPlacementVillage = z.object({
  villageId: z.uuid(),
  villageName: z.string(),
  count: Count,
});
export const ReportPlacementSector = z.object({ sector: z.enum(SECTORS), count: Count });

export const ReportOutcomeRow = z.object({
  windowMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
  /** Checks of this window recorded in the month. */
  checks: Count,
  /** Of those, employed or self-employed. */
  working: Count,
  workingRate: Percent,
});
export type ReportOutcomeRow = z.infer<typeof ReportOutcomeRow>;

export const ReportMeeting = z.object({
  id: z.uuid(),
  /** Null when the caller's own organization may not open this meeting (the report's organization may). */
  title: z.string().nullable(),
  heldOn: z.iso.date(),
  organizer: Named,
  status: z.enum(MEETING_STATUSES),
});

export const ReportActionItemRow = z.object({
  /** The owner organization of the action items. */
  organization: Named,
  /** Created in the month. */
  opened: z.number().int(),
  /** Done in the month (done_on). */
  done: z.number().int(),
  /** Due before periodEnd and, at periodEnd, not done (done_on null or later) and not cancelled. */
  overdue: z.number().int(),
});

export const ReportActivity = z.object({
  id: z.uuid(),
  /** Null when the caller's organization may not open the work plan. */
  title: z.string().nullable(),
  workPlanTitle: z.string().nullable(),
  kind: z.enum(WORK_PLAN_ACTIVITY_KINDS),
  responsible: Named,
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  /** The activity's recorded status (as it stands: statuses carry no date). */
  status: z.enum(WORK_PLAN_ACTIVITY_STATUSES),
});

export const ReportAgreement = z.object({
  id: z.uuid(),
  kind: z.enum(AGREEMENT_KINDS),
  /** Null when the caller's organization is not a party. */
  title: z.string().nullable(),
  /** signed: signed_on in the month; expiring: valid_until in the month (an agreement can be both). */
  events: z.array(z.enum(['signed', 'expiring'])),
  signedOn: z.iso.date().nullable(),
  validUntil: z.iso.date().nullable(),
  /** The effective status at periodEnd. */
  status: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
  parties: z.array(z.string()),
});

export const MonthlyReport = z
  .object({
    organization: ReportOrganization,
    /** 'YYYY-MM'. */
    month: z.string(),
    periodStart: z.iso.date(),
    /** The month's last day: every figure is as of this day. Also the PDF's creation date. */
    periodEnd: z.iso.date(),
    /** The current month: figures may still change ("sementara"). */
    provisional: z.boolean(),
    /** Counts 1–4 are hidden (null) in this answer (callers outside corrections). */
    smallCountsHidden: z.boolean(),
    minCell: z.number().int(),
    /** Only the rows that fit the organization's kind (REPORT_ROWS_BY_KIND), in that order. */
    summary: z.array(ReportSummaryRow),
    /** The flow chart: REPORT_FLOW_STAGES present in the summary, same values. */
    flow: z.array(
      z.object({
        stage: z.enum(['registered', 'trained', 'certified', 'handed_over', 'placed']),
        count: Count,
      }),
    ),
    /** Null for kinds that run no training (probation, district, village). */
    training: z.object({ cohorts: z.array(ReportCohort) }).nullable(),
    /** Placements made in the month (placed_on in the month); total = Σ byVillage = Σ bySector. */
    placements: z.object({
      total: Count,
      /** Kelurahan of the opportunity, by name. Only kelurahan with a placement. */
      byVillage: z.array(ReportPlacementVillage),
      /** Sectors of the opportunity, SECTORS order. Only sectors with a placement. */
      bySector: z.array(ReportPlacementSector),
    }),
    /** Outcome checks recorded in the month, by window (1, 3, 6, 12: always four rows) and in total. */
    outcomes: z.object({
      rows: z.array(ReportOutcomeRow),
      total: ReportOutcomeRow.omit({ windowMonths: true }),
    }),
    governance: z.object({
      /** Meetings the organization may open, held in the month (status held, held_on in the month). */
      meetings: z.array(ReportMeeting),
      /** Action items the organization may open, by owner organization (rows with all zeros left out). */
      actionItems: z.array(ReportActionItemRow),
      actionItemTotals: ReportActionItemRow.omit({ organization: true }),
      /** Work-plan activities the organization may open, overlapping the month, by start date. */
      activities: z.array(ReportActivity),
      /** Agreements the organization is party to, signed or expiring in the month. */
      agreements: z.array(ReportAgreement),
    }),
  })
  .meta({ id: 'MonthlyReport' });
export type MonthlyReport = z.infer<typeof MonthlyReport>;

// ── GET /api/insight/reports/organizations ──
export const ReportOrganizationsResponse = z
  .object({
    /** Sorted by kind (prison, probation, district, village, partner), then name. */
    items: z.array(
      z.object({ id: z.uuid(), kind: OrganizationKind, name: z.string(), shortName: z.string().nullable() }),
    ),
    /** The caller's own organization when it is in the list, else the first. */
    defaultOrganizationId: z.uuid().nullable(),
  })
  .meta({ id: 'ReportOrganizationsResponse' });
export type ReportOrganizationsResponse = z.infer<typeof ReportOrganizationsResponse>;

/** The printed file name, e.g. laporan-bulanan-lpp-semarang-2026-10.pdf. */
export function reportFileName(
  organization: { name: string; shortName: string | null },
  month: string,
  ext: 'pdf' | 'xlsx',
) {
  const slug = (organization.shortName ?? organization.name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `laporan-bulanan-${slug || 'organisasi'}-${month}.${ext}`;
}
