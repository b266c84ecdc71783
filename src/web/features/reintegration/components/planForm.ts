import { addMonths } from '../../../../shared/dates.ts';
import type { ReintegrationPlan, UpdateReintegrationPlanRequest } from '../../../../shared/reintegration.ts';

// Pure rules of the plan's forms (no DOM, no i18n: unit-tested).

/**
 * A goal's default target date, as the server computes it: her recorded release (or, before it, the
 * expected release date, or today) plus the horizon.
 */
export function defaultTargetDate(
  person: { releasedOn: string | null; releaseDate: string | null },
  horizonMonths: number,
  today: string,
): string {
  return addMonths(person.releasedOn ?? person.releaseDate ?? today, horizonMonths);
}

/** The fields of a PATCH: only those whose value changed (the server changes only what is sent). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) changed[key] = after[key];
  }
  return changed;
}

/** A text input's value for the API: trimmed, null when empty. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export interface DetailsValues {
  intendedVillageId: string | null;
  /** A placement id, or `opportunity:<id>` for an opportunity chosen without a placement. */
  choice: string | null;
  guaranteeLetterNumber: string;
  guaranteeAcknowledgedOn: string | null;
  guaranteeAcknowledgedBy: string;
  guaranteeDocumentId: string | null;
  summary: string;
}

export function detailsValues(plan: ReintegrationPlan): DetailsValues {
  return {
    intendedVillageId: plan.intendedVillage?.id ?? null,
    choice: plan.placement
      ? plan.placement.id
      : plan.opportunity
        ? `opportunity:${plan.opportunity.id}`
        : null,
    guaranteeLetterNumber: plan.guarantee.letterNumber ?? '',
    guaranteeAcknowledgedOn: plan.guarantee.acknowledgedOn,
    guaranteeAcknowledgedBy: plan.guarantee.acknowledgedBy ?? '',
    guaranteeDocumentId: plan.guarantee.document?.id ?? null,
    summary: plan.summary ?? '',
  };
}

/** Only what changed is sent (the server changes only what it receives). */
export function detailsRequest(
  before: DetailsValues,
  after: DetailsValues,
  version: number,
): UpdateReintegrationPlanRequest {
  const body: UpdateReintegrationPlanRequest = { version };
  const plain = changedFields(
    {
      intendedVillageId: before.intendedVillageId,
      guaranteeLetterNumber: textOrNull(before.guaranteeLetterNumber),
      guaranteeAcknowledgedOn: before.guaranteeAcknowledgedOn,
      guaranteeAcknowledgedBy: textOrNull(before.guaranteeAcknowledgedBy),
      guaranteeDocumentId: before.guaranteeDocumentId,
      summary: textOrNull(before.summary),
    },
    {
      intendedVillageId: after.intendedVillageId,
      guaranteeLetterNumber: textOrNull(after.guaranteeLetterNumber),
      guaranteeAcknowledgedOn: after.guaranteeAcknowledgedOn,
      guaranteeAcknowledgedBy: textOrNull(after.guaranteeAcknowledgedBy),
      guaranteeDocumentId: after.guaranteeDocumentId,
      summary: textOrNull(after.summary),
    },
  );
  Object.assign(body, plain);
  if (after.choice !== before.choice) {
    if (after.choice === null) Object.assign(body, { placementId: null, opportunityId: null });
    else if (!after.choice.startsWith('opportunity:')) body.placementId = after.choice;
  }
  return body;
}
