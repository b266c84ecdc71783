import type { FairnessQuery } from '../../../../shared/planning.ts';
import type { TrainingGapQuery } from '../api/planning.ts';

// The planning reports' options in the address (Indonesian keys), so a reload or a shared link keeps them.

/** The horizons offered, in months; 12 by default (not written in the address). */
export const HORIZONS = [6, 12, 18, 24] as const;
export const DEFAULT_HORIZON = 12;
/** Address keys: `?bulan=18&kelurahan=<id>`. */
export const GAP_KEYS = { horizon: 'bulan', village: 'kelurahan' } as const;

/** The planner's query from the address: an unknown horizon falls back to 12 months. */
export function gapQueryOf(params: URLSearchParams): TrainingGapQuery {
  const months = Number(params.get(GAP_KEYS.horizon));
  const horizonMonths = (HORIZONS as readonly number[]).includes(months) ? months : DEFAULT_HORIZON;
  const villageId = params.get(GAP_KEYS.village) || undefined;
  return villageId ? { horizonMonths, villageId } : { horizonMonths };
}

/** Address keys: `?dari=2026-01-01&sampai=2026-12-31` (the server's default window without them). */
export const FAIRNESS_KEYS = { from: 'dari', to: 'sampai' } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The report's window from the address (a malformed date is left out). */
export function fairnessQueryOf(params: URLSearchParams): FairnessQuery {
  const query: FairnessQuery = {};
  const from = params.get(FAIRNESS_KEYS.from);
  const to = params.get(FAIRNESS_KEYS.to);
  if (from && ISO_DATE.test(from)) query.from = from;
  if (to && ISO_DATE.test(to)) query.to = to;
  return query;
}
