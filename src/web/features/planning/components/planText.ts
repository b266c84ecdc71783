import { MATCH_GATES, type MatchGate } from '../../../../shared/matching.ts';
import { PLAN_WINDOW_MAX_DAYS, type PlanItem } from '../../../../shared/placementPlans.ts';

// Pure rules of the planning screens (no DOM, no i18n instance: unit-tested). Numbers in the caller's
// language: Indonesian `72,5` and `40%`, English `72.5` and `40%`.

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'id-ID');

/** A score or a total with one decimal: `72,5`. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(localeOf(language), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A whole number with the language's thousands separator: `1.250`. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(value);
}

/** A rate 0–1 as a percentage with at most one decimal: `42,5%`. */
export function formatRate(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    rate,
  );
}

/** The month of a 'yyyy-mm-dd' date in words: `Januari 2027` (`January 2027`); `—` without one. */
export function formatMonth(date: string | null | undefined, language: string): string {
  if (!date) return '—';
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeOf(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** A difference of two rates in percentage points, signed: `+4,0`, `−2,5`, `0,0`. */
export function formatRateGap(gap: number | null | undefined, language: string): string {
  if (gap === null || gap === undefined || Number.isNaN(gap)) return '—';
  const points = Math.round(gap * 1000) / 10;
  const text = formatScore(Math.abs(points), language);
  if (points > 0) return `+${text}`;
  if (points < 0) return `−${text}`;
  return text;
}

export interface ReasonText {
  /** The key under `planning.plan.unassigned`. */
  key:
    | 'no_eligible_opportunity'
    | 'no_eligible_opportunity_none'
    | 'below_min_score'
    | 'restriction_review'
    | 'places_taken'
    | 'removed_by_staff';
  /** Its params; `gate` is a gate code to be put in words (`planning.gate.<code>`), scores as numbers. */
  params: Record<string, string | number>;
}

const isGate = (value: unknown): value is MatchGate => MATCH_GATES.includes(value as MatchGate);
const numberOf = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : null;
};

/**
 * Why a woman has no place, as a message key and its params; null when she has a place (or the reason is
 * unknown to this version of the web).
 */
export function unassignedReason(
  item: Pick<PlanItem, 'unassignedReason' | 'unassignedParams'>,
): ReasonText | null {
  const params = item.unassignedParams;
  switch (item.unassignedReason) {
    case 'no_eligible_opportunity': {
      const gate = params.gate;
      const blocked = numberOf(params.blocked);
      const opportunities = numberOf(params.opportunities);
      if (!isGate(gate) || blocked === null || opportunities === null || opportunities === 0)
        return { key: 'no_eligible_opportunity_none', params: {} };
      return { key: 'no_eligible_opportunity', params: { gate, blocked, opportunities } };
    }
    case 'below_min_score':
      return {
        key: 'below_min_score',
        params: { best: numberOf(params.best) ?? 0, minScore: numberOf(params.minScore) ?? 0 },
      };
    case 'restriction_review':
      return { key: 'restriction_review', params: { options: numberOf(params.options) ?? 0 } };
    case 'places_taken':
      return { key: 'places_taken', params: { options: numberOf(params.options) ?? 0 } };
    case 'removed_by_staff':
      return { key: 'removed_by_staff', params: {} };
    default:
      return null;
  }
}

export type WindowError = 'required' | 'order' | 'tooLong';

const DAY_MS = 86_400_000;
const isoDay = (value: string) => Date.parse(`${value}T00:00:00Z`);

/** What is wrong with a release window (ISO dates; from and to included; at most PLAN_WINDOW_MAX_DAYS days). */
export function windowErrors(values: { windowFrom: string | null; windowTo: string | null }): {
  windowFrom?: WindowError;
  windowTo?: WindowError;
} {
  const errors: { windowFrom?: WindowError; windowTo?: WindowError } = {};
  if (!values.windowFrom) errors.windowFrom = 'required';
  if (!values.windowTo) errors.windowTo = 'required';
  if (values.windowFrom && values.windowTo) {
    const days = (isoDay(values.windowTo) - isoDay(values.windowFrom)) / DAY_MS + 1;
    if (days < 1) errors.windowTo = 'order';
    else if (days > PLAN_WINDOW_MAX_DAYS) errors.windowTo = 'tooLong';
  }
  return errors;
}

/** The ISO date `months` after `from` (the same day of the month, or the month's last day). */
export function addMonths(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

/** How many places of each opportunity the plan gives, leaving out one item (the one being changed). */
export function plannedPlaces(
  items: readonly Pick<PlanItem, 'id' | 'opportunity'>[],
  except: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.id === except || !item.opportunity) continue;
    counts.set(item.opportunity.id, (counts.get(item.opportunity.id) ?? 0) + 1);
  }
  return counts;
}
