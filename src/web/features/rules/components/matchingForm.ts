import { MATCH_FACTORS, type MatchFactor, type MatchingRules } from '../../../../shared/matching.ts';

// Pure rules of the matching weights form (no DOM: unit-tested). The credits are stored as shares 0–1 and
// edited as percentages 0–100; the weights are points whose shares of the total are shown as percentages.

/** The credits stored as shares 0–1, by their path under `rules.`. */
export const SHARE_PATHS = [
  'evidence.certified',
  'evidence.assessed',
  'evidence.trained',
  'evidence.self_reported',
  'levelShortfall.oneLevel',
  'levelShortfall.twoLevels',
  'location.sameVillage',
  'location.sameKecamatan',
  'location.sameCity',
  'location.elsewhere',
] as const;

/** Every number of the form with its bounds, by path under `rules.` (percent for the credits). */
export const MATCHING_BOUNDS: Record<string, { min: number; max: number; whole: boolean }> = {
  ...Object.fromEntries(
    MATCH_FACTORS.map((factor) => [`weights.${factor}`, { min: 0, max: 100, whole: true }]),
  ),
  ...Object.fromEntries(SHARE_PATHS.map((path) => [path, { min: 0, max: 100, whole: false }])),
  'location.maxDistanceKm': { min: 1, max: 200, whole: false },
  'timing.fullDays': { min: 0, max: 365, whole: true },
  'timing.zeroDays': { min: 1, max: 1095, whole: true },
  minScore: { min: 0, max: 100, whole: true },
  topN: { min: 1, max: 50, whole: true },
};

type Path = readonly string[];

function read(rules: unknown, path: string): unknown {
  let value: unknown = rules;
  for (const key of path.split('.') as Path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function mapShares(rules: MatchingRules, convert: (value: number) => number): MatchingRules {
  const copy = structuredClone(rules) as unknown as Record<string, Record<string, unknown>>;
  for (const path of SHARE_PATHS) {
    const [group, key] = path.split('.') as [string, string];
    const value = copy[group]?.[key];
    if (typeof value === 'number' && copy[group]) copy[group][key] = convert(value);
  }
  return copy as unknown as MatchingRules;
}

/** The stored rules as the form shows them: each credit as a percentage (one decimal). */
export function matchingToForm(rules: MatchingRules): MatchingRules {
  return mapShares(rules, (share) => Math.round(share * 1000) / 10);
}

/** The form's values as stored: each percentage back to a share 0–1 (blanks stay blank for the server). */
export function matchingFromForm(values: MatchingRules): MatchingRules {
  return mapShares(values, (percent) => Math.round(percent * 10) / 1000);
}

/** Each factor's share of all the points, as a whole percentage; null while the points are not all numbers. */
export function weightShares(weights: Record<MatchFactor, unknown>): Record<MatchFactor, number> | null {
  const values = MATCH_FACTORS.map((factor) => weights[factor]);
  if (!values.every((value): value is number => typeof value === 'number' && value >= 0)) return null;
  const total = values.reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(
    MATCH_FACTORS.map((factor, index) => [
      factor,
      total > 0 ? Math.round(((values[index] ?? 0) / total) * 100) : 0,
    ]),
  ) as Record<MatchFactor, number>;
}

export type MatchingError =
  | { kind: 'required' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'whole' }
  | { kind: 'allZero' }
  | { kind: 'timingOrder' };

/** What is wrong with the form's values, by path under `rules.` (nothing when they can be saved). */
export function matchingErrors(values: MatchingRules): Record<string, MatchingError> {
  const errors: Record<string, MatchingError> = {};
  for (const [path, bounds] of Object.entries(MATCHING_BOUNDS)) {
    const value = read(values, path);
    if (typeof value !== 'number' || Number.isNaN(value)) errors[path] = { kind: 'required' };
    else if (value < bounds.min || value > bounds.max)
      errors[path] = { kind: 'range', min: bounds.min, max: bounds.max };
    else if (bounds.whole && !Number.isInteger(value)) errors[path] = { kind: 'whole' };
  }
  const weights = MATCH_FACTORS.map((factor) => read(values, `weights.${factor}`));
  if (weights.every((value) => value === 0)) errors['weights.essentialSkills'] = { kind: 'allZero' };
  const fullDays = read(values, 'timing.fullDays');
  const zeroDays = read(values, 'timing.zeroDays');
  if (
    typeof fullDays === 'number' &&
    typeof zeroDays === 'number' &&
    !errors['timing.zeroDays'] &&
    zeroDays <= fullDays
  )
    errors['timing.zeroDays'] = { kind: 'timingOrder' };
  return errors;
}
