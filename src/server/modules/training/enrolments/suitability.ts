import type { CheckResult } from '../../../../shared/enrolments.ts';
import { daysBetween, findClash, laterDate, type Slot } from '../cohorts/schedule.ts';

// The suitability checks shown before allocating a woman to a cohort, without I/O. Warnings staff may
// override with a reason; `blocked` never allocates. No offence, religion or ethnicity is an input here.

export interface CohortFacts {
  id: string;
  programId: string;
  organizationId: string;
  startDate: string;
  endDate: string;
  schedule: readonly Slot[];
}

export interface CandidateFacts {
  status: string;
  programId: string;
  personOrganizationId: string;
  anonymized: boolean;
  releaseDate: string | null;
  /** A planned transfer to another facility (custody record), if one is known. */
  transfer: { plannedOn: string; destination: string | null } | null;
  /** Her latest monthly behaviour score, if any. */
  behaviour: { month: string; score: number } | null;
  /** The other open cohorts she is allocated to. */
  otherCohorts: { id: string; name: string; startDate: string; endDate: string; schedule: readonly Slot[] }[];
}

export interface Eligibility {
  minDaysLeftToServe?: number | null;
  minBehaviourScore?: number | null;
}

/** Every check but capacity (which depends on the others being allocated), in the order they are shown. */
export function personalChecks(
  cohort: CohortFacts,
  candidate: CandidateFacts,
  eligibility: Eligibility,
  today: string,
): CheckResult[] {
  const checks: CheckResult[] = [];
  const release = candidate.releaseDate;

  checks.push({
    check: 'release_before_end',
    status: release && release < cohort.endDate ? 'warning' : 'ok',
    params: { releaseDate: release, endDate: cohort.endDate },
  });

  // A transfer already past is stale data (she is still here), so only one still ahead warns.
  const transfer = candidate.transfer;
  checks.push({
    check: 'transfer_before_end',
    status:
      transfer && transfer.plannedOn >= today && transfer.plannedOn <= cohort.endDate ? 'warning' : 'ok',
    params: {
      transferDate: transfer?.plannedOn ?? null,
      endDate: cohort.endDate,
      destination: transfer?.destination ?? null,
    },
  });

  // Time left to serve when she would join: from the cohort's start, or from today once it has started.
  const minDays = eligibility.minDaysLeftToServe ?? daysBetween(cohort.startDate, cohort.endDate) + 1;
  const from = laterDate(today, cohort.startDate);
  const daysLeft = release ? daysBetween(from, release) : null;
  checks.push({
    check: 'time_left',
    status: daysLeft !== null && daysLeft < minDays ? 'warning' : 'ok',
    params: { releaseDate: release, daysLeft, minDays },
  });

  const minScore = eligibility.minBehaviourScore ?? null;
  const score = candidate.behaviour?.score ?? null;
  checks.push({
    check: 'behaviour',
    // No score recorded while the program asks for one: staff must look and decide.
    status: minScore !== null && (score === null || score < minScore) ? 'warning' : 'ok',
    params: { score, minScore, month: candidate.behaviour?.month ?? null },
  });

  const clash = candidate.otherCohorts
    .map((other) => ({ other, slot: findClash(cohort, other) }))
    .find((found) => found.slot !== null);
  checks.push({
    check: 'schedule_clash',
    status: clash ? 'warning' : 'ok',
    params: clash?.slot
      ? {
          cohortId: clash.other.id,
          cohortName: clash.other.name,
          weekday: clash.slot.weekday,
          start: clash.slot.start,
          end: clash.slot.end,
        }
      : {},
  });

  let cause: string | null = null;
  if (candidate.programId !== cohort.programId) cause = 'program';
  else if (candidate.status !== 'pending' && candidate.status !== 'approved') cause = 'status';
  else if (candidate.anonymized || candidate.personOrganizationId !== cohort.organizationId) cause = 'person';
  checks.push({
    check: 'not_approved',
    status: cause ? 'blocked' : 'ok',
    params: { status: candidate.status, cause },
  });
  return checks;
}

/** The capacity check for the `position`-th person placed now (1-based) on top of those already allocated. */
export function capacityCheck(capacity: number, allocated: number, position: number): CheckResult {
  return {
    check: 'capacity',
    status: allocated + position > capacity ? 'blocked' : 'ok',
    params: { capacity, allocated, position },
  };
}

/** Checks in the order they are shown: the personal ones with capacity before not_approved. */
export function ordered(personal: CheckResult[], capacity: CheckResult): CheckResult[] {
  const notApproved = personal.filter((check) => check.check === 'not_approved');
  return [...personal.filter((check) => check.check !== 'not_approved'), capacity, ...notApproved];
}
