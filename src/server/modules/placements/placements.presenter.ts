import type {
  Placement,
  PlacementDetail,
  PlacementStage,
  PlacementStep,
  UnsuccessfulReason,
} from '../../../shared/placements.ts';
import { initials } from '../people/people.presenter.ts';
import type { PlacementRow, StepRow } from './placements.repository.ts';
import { isFinal, nextStages } from './placements.stages.ts';

// What leaves the server about a placement. The woman appears only when the people module's rules let the
// caller see her (`person_visible`), by name only with `identity_contact` (else initials, as the person page
// shows her), with the registration number for corrections staff only; never offence or sentence. When she is
// hidden, so are the notes and reasons in words written about her.

export interface PresentOptions {
  corrections: boolean;
}

const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function presentPlacement(row: PlacementRow, options: PresentOptions): Placement {
  const visible = row.person_visible;
  const stage = row.stage as PlacementStage;
  const canAdvance = !isFinal(stage);
  return {
    id: row.id,
    stage,
    outcomeReason: row.outcome_reason as UnsuccessfulReason | null,
    outcomeNote: visible ? row.outcome_note : null,
    proposedOn: row.proposed_on,
    placedOn: row.placed_on,
    endedOn: row.ended_on,
    lastStepOn: row.last_step_on,
    opportunity: {
      id: row.opportunity_id,
      title: row.opportunity_title,
      kind: row.opportunity_kind,
      sector: row.opportunity_sector as Placement['opportunity']['sector'],
      places: row.opportunity_places,
      partner: { id: row.partner_id, name: row.partner_name },
      village: { id: row.village_id, name: row.village_name },
    },
    proposerOrganization: { id: row.proposer_organization_id, name: row.proposer_name },
    person: visible
      ? {
          id: row.person_id,
          displayName: row.identity ? row.full_name : initials(row.full_name),
          registrationNumber: options.corrections ? row.registration_number : null,
        }
      : null,
    personHidden: !visible,
    version: row.version,
    canAdvance,
    nextStages: canAdvance ? nextStages(stage) : [],
  };
}

export function presentStep(row: StepRow, personVisible: boolean): PlacementStep {
  const stage = row.stage as PlacementStage;
  // An unsuccessful step's reason is one of the fixed codes (no words about her): shown even when she is hidden.
  const reasonIsCode = stage === 'unsuccessful';
  return {
    id: row.id,
    stage,
    happenedOn: row.happened_on,
    reason: personVisible || reasonIsCode ? row.reason : null,
    note: personVisible ? row.note : null,
    recordedBy: row.recorded_by_name,
    recordedOrganization:
      row.recorded_organization_id && row.recorded_organization_name
        ? { id: row.recorded_organization_id, name: row.recorded_organization_name }
        : null,
    recordedAt: iso(row.recorded_at),
  };
}

export function presentDetail(row: PlacementRow, steps: StepRow[], options: PresentOptions): PlacementDetail {
  return {
    ...presentPlacement(row, options),
    steps: steps.map((step) => presentStep(step, row.person_visible)),
  };
}
