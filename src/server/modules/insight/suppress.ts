import { COHORT_MIN_CELL } from '../../../shared/outcomes.ts';
import type { RequestContext } from '../../platform/access.ts';
import { isCorrections } from '../people/people.access.ts';

// Small-count suppression for aggregate figures (issue 9, ADR 015). A count of 1–4 people could point at a
// woman, so it is hidden (null, shown "< 5") wherever it leaves the corrections agencies, and always on the
// public page. Hiding one cell is not enough when a total and its other members are published in the same
// answer: the cell is the total minus the rest. So in every such group (total = sum of members) the hidden
// cells must be none or at least two, and when the total is shown the hidden members must add up to at
// least MIN_CELL (two hidden cells summing to 2 are one person each). The complement chosen is the smallest
// shown member that is not zero, else the smallest shown member, else the total. Zeros are shown: a zero
// points at nobody.

/** Counts from 1 to MIN_CELL − 1 are hidden: the same threshold as the outcome cohorts. */
export const MIN_CELL = COHORT_MIN_CELL;

/** A linear relation published in the same answer: `total` = the sum of `members`. */
export interface SuppressionGroup<K extends string> {
  total: K;
  members: readonly K[];
}

/**
 * Counts 1..MIN_CELL−1 become null, then complementary suppression until, in every group, the hidden cells
 * (its total included) are none or at least two, and hidden members under a shown total add up to at least
 * MIN_CELL. `hide` false returns the counts unchanged.
 */
export function suppress<K extends string>(
  counts: Record<K, number>,
  groups: readonly SuppressionGroup<K>[],
  hide: boolean,
): Record<K, number | null> {
  const keys = Object.keys(counts) as K[];
  const hidden = new Set<K>();
  if (hide) {
    for (const key of keys) if (isSmall(counts[key])) hidden.add(key);
    // Each pass hides at least one more cell or stops: it ends within keys.length passes.
    let changed = true;
    while (changed) {
      changed = false;
      for (const group of groups) {
        if (!exposed(group, counts, hidden)) continue;
        const complement = chooseComplement(group, counts, hidden);
        if (complement !== null) {
          hidden.add(complement);
          changed = true;
        }
      }
    }
  }
  const result = {} as Record<K, number | null>;
  for (const key of keys) result[key] = hidden.has(key) ? null : counts[key];
  return result;
}

/**
 * A group gives a hidden cell away when it is the only hidden cell (total minus the rest), or when the total
 * is shown and the hidden members add up to less than MIN_CELL: 12 = 10 + hidden + hidden tells that the two
 * hidden cells hold 2 people, so one each.
 */
function exposed<K extends string>(
  group: SuppressionGroup<K>,
  counts: Record<K, number>,
  hidden: ReadonlySet<K>,
): boolean {
  const hiddenMembers = group.members.filter((key) => hidden.has(key));
  const hiddenCells = hiddenMembers.length + (hidden.has(group.total) ? 1 : 0);
  if (hiddenCells === 0) return false;
  if (hiddenCells === 1) return true;
  if (hidden.has(group.total)) return false;
  const hiddenSum = hiddenMembers.reduce((sum, key) => sum + counts[key], 0);
  return hiddenSum < MIN_CELL;
}

function chooseComplement<K extends string>(
  group: SuppressionGroup<K>,
  counts: Record<K, number>,
  hidden: ReadonlySet<K>,
): K | null {
  const shown = group.members.filter((key) => !hidden.has(key));
  const bySize = (a: K, b: K) => counts[a] - counts[b];
  const nonZero = shown.filter((key) => counts[key] > 0).sort(bySize);
  if (nonZero[0] !== undefined) return nonZero[0];
  const any = [...shown].sort(bySize);
  if (any[0] !== undefined) return any[0];
  return hidden.has(group.total) ? null : group.total;
}

const isSmall = (count: number) => count > 0 && count < MIN_CELL;

/**
 * Rows of one breakdown published with their total (placements by kelurahan, by sector…): the rows and the
 * total form one group. Rows keep their order and other fields.
 */
export function suppressRows<T extends { count: number }>(
  rows: readonly T[],
  total: number,
  hide: boolean,
): { rows: (Omit<T, 'count'> & { count: number | null })[]; total: number | null } {
  const counts: Record<string, number> = { total };
  rows.forEach((row, index) => {
    counts[`r${index}`] = row.count;
  });
  const shown = suppress(counts, [{ total: 'total', members: rows.map((_, index) => `r${index}`) }], hide);
  return {
    rows: rows.map((row, index) => ({ ...row, count: shown[`r${index}`] ?? null })),
    total: shown.total ?? null,
  };
}

/** A percentage with one decimal; null when either side is hidden or the denominator is 0. */
export function percent(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/**
 * Callers outside corrections see counts 1–4 hidden (the rule of the outcome cohorts): prison and probation
 * staff who read custody see them exactly; a viewer placed in a prison does not.
 */
export function hidesSmallCounts(ctx: RequestContext): boolean {
  return !(isCorrections(ctx) && ctx.principal.permissions.includes('read:custody:organization'));
}
