import { z } from 'zod';
import { HANDOVER_STATES } from './handovers.ts';
import { JOURNEY_STATUSES } from './people.ts';
import { PlanMissing } from './reintegration.ts';

// The pre-release dashboard (menjelang bebas, issue 7): the women the caller sees (corrections staff only)
// whose release date, or asimilasi / PB / CB / CMB date, falls between today and today + the window, with
// how ready they are: plan completeness, what is missing, the handover to Bapas and the tasks due.
// The milestone dates are those the sentence engine gives by the sentence alone (stored on person beside
// release_date); behaviour conditions do not remove a date here: whether she is eligible is on her record.

/** The milestones the dashboard looks at (sentence MilestoneKey names: `parole` is PB). */
export const PRERELEASE_MILESTONES = ['release', 'asimilasi', 'parole', 'cb', 'cmb'] as const;
export type PrereleaseMilestone = (typeof PRERELEASE_MILESTONES)[number];
export const PRERELEASE_WINDOWS = [30, 60, 90, 180] as const;
export const PRERELEASE_SORTS = ['date', 'name', 'completeness'] as const;

export const PrereleaseQuery = z
  .object({
    /** Days from today (1–366, default 90; the web offers 30/60/90/180). */
    windowDays: z.coerce.number().int().min(1).max(366).default(90),
    /** Which milestone must fall in the window (default any of them). */
    milestone: z.enum(['any', ...PRERELEASE_MILESTONES]).default('any'),
    /** Her journey status (in_custody, pre_release, …). */
    status: z.enum(JOURNEY_STATUSES).optional(),
    /** Her handover state. */
    handover: z.enum(HANDOVER_STATES).optional(),
    /** Name or registration number. */
    q: z.string().trim().max(100).optional(),
    /** date: her first milestone in the window; completeness: no plan counts as −1 (first ascending). */
    sort: z.enum(PRERELEASE_SORTS).default('date'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type PrereleaseQuery = z.input<typeof PrereleaseQuery>;

export const PrereleaseMilestoneItem = z.object({
  kind: z.enum(PRERELEASE_MILESTONES),
  date: z.iso.date(),
  /** Days from today (0 = today). */
  daysToGo: z.number().int(),
});
export type PrereleaseMilestoneItem = z.infer<typeof PrereleaseMilestoneItem>;

export const PrereleaseItem = z
  .object({
    person: z.object({ id: z.uuid(), displayName: z.string(), registrationNumber: z.string().nullable() }),
    releaseDate: z.iso.date().nullable(),
    /** Her milestones that fall in the window (all kinds, whatever the filter), earliest first; never empty. */
    milestones: z.array(PrereleaseMilestoneItem),
    journeyStatus: z.enum(JOURNEY_STATUSES),
    /** 0–100; null when she has no plan. */
    completeness: z.number().int().nullable(),
    /**
     * What is missing (reintegration.ts planMissing, one definition with the plan tab and the PDF):
     * no_plan, pathways_not_started (count), no_intended_village, guarantee_not_acknowledged, no_handover.
     */
    missing: z.array(PlanMissing),
    handover: z.object({
      state: z.enum(HANDOVER_STATES),
      /** The Bapas of her latest (non-cancelled) handover. */
      organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      /** The PK once accepted. */
      officerName: z.string().nullable(),
    }),
    /**
     * Her tasks due, counted as the tasks page counts them for prison staff: plan missing (release within
     * the sentence rules' pre-release window), plan review due (next review ≤ today + 7), handover not sent
     * (release ≤ 30 days) or returned.
     */
    tasksDue: z.number().int(),
  })
  .meta({ id: 'PrereleaseItem' });
export type PrereleaseItem = z.infer<typeof PrereleaseItem>;

export const PrereleaseList = z
  .object({
    items: z.array(PrereleaseItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    windowDays: z.number().int(),
    /** The server's today (yyyy-mm-dd, Asia/Jakarta) the days are counted from. */
    today: z.iso.date(),
  })
  .meta({ id: 'PrereleaseList' });
export type PrereleaseList = z.infer<typeof PrereleaseList>;
