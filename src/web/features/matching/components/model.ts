import type { MatchFactor, MatchGate } from '../../../../shared/matching.ts';
import type {
  MatchFactorView,
  MatchReasonView,
  PersonRecommendations,
  Recommendation,
} from '../../../../shared/recommendations.ts';

// What the matching screens compute from the server's answers: no I/O, no React (tested in model.test.ts).

/** A score in words: the score is always shown as a number too, the band only says it in short. */
export type ScoreBand = 'strong' | 'good' | 'fair';

export function scoreBand(score: number): ScoreBand {
  if (score >= 75) return 'strong';
  if (score >= 55) return 'good';
  return 'fair';
}

/** A score or points with one decimal at most, in the language's own way (78,5 / 78.5). */
export function formatPoints(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(
    Math.round(value * 10) / 10,
  );
}

export interface FactorBar {
  factor: MatchFactor;
  points: number;
  /** The most this factor can add: its share of the weights, out of 100. */
  max: number;
  /** 0–1: how well she meets it (the bar's fill). */
  value: number;
}

/** Each factor's points against the most it could add (weights are relative: only their ratio counts). */
export function factorBars(factors: readonly MatchFactorView[]): FactorBar[] {
  const total = factors.reduce((sum, factor) => sum + Math.max(0, factor.weight), 0);
  return factors.map((factor) => ({
    factor: factor.factor,
    points: factor.points,
    max: total > 0 ? Math.round((Math.max(0, factor.weight) / total) * 1000) / 10 : 0,
    value: Math.min(1, Math.max(0, factor.value)),
  }));
}

/** A reason in the reader's language (the server sends both; switching language needs no new request). */
export function reasonText(reason: Pick<MatchReasonView, 'id' | 'en'>, language: string): string {
  return language === 'en' ? reason.en : reason.id;
}

/**
 * Whether her skills were kept from the caller (her consent did not give them): the server then says so in one
 * reason, 'skills_hidden', and sends empty lists of missing skills, which must not read as "none missing".
 */
export function skillsHidden(reasons: readonly Pick<MatchReasonView, 'code'>[]): boolean {
  return reasons.some((reason) => reason.code === 'skills_hidden');
}

/** The kinds of line that explain an empty (or short) list of recommendations, in the order shown. */
export type EmptyReason =
  | 'noneOpen'
  | 'belowMinScore'
  | 'inPipeline'
  | 'review'
  | 'dismissed'
  | `blocked.${MatchGate}`;

/** Gates in the order they explain an empty list (the most telling first). */
const GATE_ORDER: readonly MatchGate[] = [
  'consent',
  'availability',
  'places',
  'age',
  'restriction',
  'open',
  'dismissed',
];

/**
 * Why she has no (or few) recommendations, from the counts the server returns: no open opportunity at all,
 * or how many were held back by each gate, stayed below the minimum score, wait for review, were set aside
 * or are in her pipeline already. Only lines with a count are returned.
 */
export function emptyReasons(
  counts: PersonRecommendations['counts'],
): { reason: EmptyReason; count: number }[] {
  if (counts.evaluated === 0) return [{ reason: 'noneOpen', count: 0 }];
  const lines: { reason: EmptyReason; count: number }[] = [];
  for (const gate of GATE_ORDER) {
    // A set-aside pair is counted once, as dismissed, whichever way the server reports it.
    if (gate === 'dismissed') continue;
    const count = counts.blocked[gate] ?? 0;
    if (count > 0) lines.push({ reason: `blocked.${gate}`, count });
  }
  if (counts.belowMinScore > 0) lines.push({ reason: 'belowMinScore', count: counts.belowMinScore });
  if (counts.review > 0) lines.push({ reason: 'review', count: counts.review });
  const dismissed = Math.max(counts.dismissed, counts.blocked.dismissed ?? 0);
  if (dismissed > 0) lines.push({ reason: 'dismissed', count: dismissed });
  if (counts.inPipeline > 0) lines.push({ reason: 'inPipeline', count: counts.inPipeline });
  return lines;
}

/** The server's order of recommendations: score high to low, then the earliest start, then the id. */
export function compareRecommendations(a: Recommendation, b: Recommendation): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.opportunity.startOn !== b.opportunity.startOn) {
    return a.opportunity.startOn < b.opportunity.startOn ? -1 : 1;
  }
  return a.opportunity.id < b.opportunity.id ? -1 : a.opportunity.id > b.opportunity.id ? 1 : 0;
}

/**
 * The cards to show: the server's list, plus the ones proposed from this screen (the server no longer lists
 * a pair once she is in its pipeline, but the card stays to say so), in the server's order.
 */
export function withProposed<T extends { opportunity: { id: string } }>(
  items: readonly T[],
  proposed: ReadonlyMap<string, T>,
  compare: (a: T, b: T) => number,
): T[] {
  const listed = new Set(items.map((item) => item.opportunity.id));
  const kept = [...proposed.values()].filter((item) => !listed.has(item.opportunity.id));
  return kept.length === 0 ? [...items] : [...items, ...kept].sort(compare);
}

/** The two opportunities of the comparison in the address (`?bandingkan=a,b`), or null. */
export function parseCompareParam(value: string | null): [string, string] | null {
  if (!value) return null;
  const ids = value.split(',').filter(Boolean);
  if (ids.length !== 2 || ids[0] === ids[1]) return null;
  return [ids[0] as string, ids[1] as string];
}
