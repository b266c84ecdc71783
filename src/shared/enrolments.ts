import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';

// The waitlist and allocation: an enrolment is a request (by the woman herself, recorded by staff) or a
// staff referral for a PROGRAM, then its allocation to one of the program's cohorts, then its end.
// Labels of the vocabularies live in the web's i18n (cohorts.*).

/**
 * pending → approved / declined; pending|approved → allocated (to a cohort) → completed / deallocated;
 * pending|approved → withdrawn (by her). When a cohort is cancelled, its allocations end as deallocated
 * (cohort_cancelled) and each woman gets a fresh approved entry on the program's waitlist.
 */
export const ENROLMENT_STATUSES = [
  'pending',
  'approved',
  'declined',
  'allocated',
  'withdrawn',
  'completed',
  'deallocated',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** On the waitlist: waiting for a decision or for a place in a cohort. */
export const WAITLIST_STATUSES = ['pending', 'approved'] as const;
export const ENROLMENT_SOURCES = ['self_request', 'staff_referral'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];
/** Why an allocation ended when staff end it (`completed` is set when the cohort completes). */
export const DEALLOCATION_REASONS = ['withdrawn', 'released', 'transferred', 'health', 'discipline'] as const;
export type DeallocationReason = (typeof DEALLOCATION_REASONS)[number];
/**
 * Why an enrolment ended: `completed` when the cohort completes, a deallocation reason, or
 * `cohort_cancelled` when its cohort was cancelled (she then has a fresh approved entry on the waitlist).
 */
export const END_REASONS = ['completed', ...DEALLOCATION_REASONS, 'cohort_cancelled'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Suitability checks shown before allocating. */
export const SUITABILITY_CHECKS = [
  'release_before_end',
  'transfer_before_end',
  'time_left',
  'behaviour',
  'schedule_clash',
  'capacity',
  'not_approved',
] as const;
export type SuitabilityCheck = (typeof SUITABILITY_CHECKS)[number];
/** Checks staff may override with a reason; capacity and not_approved always block. */
export const OVERRIDABLE_CHECKS = [
  'release_before_end',
  'transfer_before_end',
  'time_left',
  'behaviour',
  'schedule_clash',
] as const;
export type OverridableCheck = (typeof OVERRIDABLE_CHECKS)[number];
export const CHECK_STATUSES = ['ok', 'warning', 'blocked'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

const isoDate = CalendarDate;
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const EnrolmentParams = z.strictObject({ enrolmentId: z.uuid() });

// ── GET /api/training/enrolments ──
export const EnrolmentListQuery = PageQuery.extend({
  programId: z.uuid().optional(),
  cohortId: z.uuid().optional(),
  /** One status or several, comma-separated: `status=pending,approved` is the waitlist. */
  status: z
    .string()
    .trim()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(ENROLMENT_STATUSES)))
    .optional(),
  /** Part of her name or registration number. */
  q: z.string().trim().max(100).optional(),
}).strict();
/** What the web sends (every filter optional; `status` comma-separated). */
export type EnrolmentListQuery = Partial<Omit<z.infer<typeof EnrolmentListQuery>, 'status'>> & {
  status?: string;
};

export const Override = z.object({ check: z.enum(OVERRIDABLE_CHECKS), reason: z.string() });
export type Override = z.infer<typeof Override>;

export const Enrolment = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    fullName: z.string(),
    registrationNumber: z.string().nullable(),
    /** Her expected release date, when known. */
    releaseDate: isoDate.nullable(),
    programId: z.uuid(),
    programName: z.string(),
    cohortId: z.uuid().nullable(),
    cohortName: z.string().nullable(),
    source: z.enum(ENROLMENT_SOURCES),
    status: z.enum(ENROLMENT_STATUSES),
    note: z.string().nullable(),
    /** Why it was declined (or the note given with an approval). */
    decisionReason: z.string().nullable(),
    /**
     * Why it ended: completed, a deallocation reason, or cohort_cancelled; `withdrawn` also when she
     * withdrew her request.
     */
    endReason: z.enum(END_REASONS).nullable(),
    /** The note of a deallocation, or her reason for withdrawing. */
    endNote: z.string().nullable(),
    requestedOn: isoDate,
    allocatedAt: z.iso.datetime({ offset: true }).nullable(),
    endedOn: isoDate.nullable(),
    /** Suitability warnings staff overrode when allocating. */
    overrides: z.array(Override),
    version: z.number().int(),
  })
  .meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof Enrolment>;
export const EnrolmentList = pageOf(Enrolment);
export type EnrolmentList = z.infer<typeof EnrolmentList>;

// ── POST /api/training/enrolments ──
export const CreateEnrolmentRequest = z.strictObject({
  personId: z.uuid(),
  programId: z.uuid(),
  source: z.enum(ENROLMENT_SOURCES),
  note: optionalText(1000),
  /** Defaults to today; not in the future. */
  requestedOn: isoDate.optional(),
});
export type CreateEnrolmentRequest = z.input<typeof CreateEnrolmentRequest>;

// ── POST /api/training/enrolments/:enrolmentId/decision ──
export const EnrolmentDecisionRequest = z.strictObject({
  decision: z.enum(['approve', 'decline']),
  /** Required to decline. */
  reason: optionalText(500),
  version: z.number().int().min(1),
});
export type EnrolmentDecisionRequest = z.input<typeof EnrolmentDecisionRequest>;

// ── POST /api/training/enrolments/:enrolmentId/withdraw ──
export const WithdrawEnrolmentRequest = z.strictObject({
  reason: text(500),
  version: z.number().int().min(1),
});
export type WithdrawEnrolmentRequest = z.input<typeof WithdrawEnrolmentRequest>;

// ── POST /api/training/enrolments/:enrolmentId/deallocate ──
export const DeallocateRequest = z.strictObject({
  reason: z.enum(DEALLOCATION_REASONS),
  note: optionalText(500),
  version: z.number().int().min(1),
});
export type DeallocateRequest = z.input<typeof DeallocateRequest>;

// ── POST /api/training/cohorts/:cohortId/suitability ──
const enrolmentIds = z.array(z.uuid()).min(1).max(200);
export const SuitabilityRequest = z.strictObject({ enrolmentIds });
export type SuitabilityRequest = z.input<typeof SuitabilityRequest>;

export const CheckResult = z.object({
  check: z.enum(SUITABILITY_CHECKS),
  status: z.enum(CHECK_STATUSES),
  /**
   * What the check found, for the message: release_before_end { releaseDate, endDate };
   * transfer_before_end { transferDate, endDate, destination };
   * time_left { releaseDate, daysLeft, minDays }; behaviour { score, minScore, month };
   * schedule_clash { cohortId, cohortName, weekday, start, end }; capacity { capacity, allocated, position };
   * not_approved { status }.
   */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const Suitability = z
  .object({
    enrolmentId: z.uuid(),
    personId: z.uuid(),
    fullName: z.string(),
    checks: z.array(CheckResult),
  })
  .meta({ id: 'Suitability' });
export type Suitability = z.infer<typeof Suitability>;
export const SuitabilityList = z.array(Suitability);
export type SuitabilityList = z.infer<typeof SuitabilityList>;

// ── POST /api/training/cohorts/:cohortId/allocations ──
export const AllocationRequest = z.strictObject({
  enrolmentIds,
  /** Warnings staff accept for one enrolment, each with a reason. */
  overrides: z
    .array(
      z.strictObject({
        enrolmentId: z.uuid(),
        check: z.enum(OVERRIDABLE_CHECKS),
        reason: text(500),
      }),
    )
    .max(800)
    .default([]),
});
export type AllocationRequest = z.input<typeof AllocationRequest>;

export const AllocationResult = z.object({
  results: z.array(
    z.object({
      enrolmentId: z.uuid(),
      outcome: z.enum(['allocated', 'refused']),
      /** The checks that refused it (blocked ones, and warnings without an override). */
      reasons: z.array(z.enum(SUITABILITY_CHECKS)),
    }),
  ),
  allocated: z.number().int(),
});
export type AllocationResult = z.infer<typeof AllocationResult>;
