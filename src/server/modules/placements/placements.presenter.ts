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
// hidden, so are the notes and reasons in words written about her. Words written by prison or Bapas officers
// (a proposal's note, a step's note, why it ended) are corrections staff's own: nobody else reads them, even
// when the woman is shown; words written by a partner or a kelurahan reach whoever sees her.

export interface PresentOptions {
  corrections: boolean;
}

/** Whether the caller reads words about her: she is visible, and corrections staff did not write them (or the caller is one). */
function readsWords(personVisible: boolean, writtenByCorrections: boolean, options: PresentOptions) {
  return personVisible && (options.corrections || !writtenByCorrections);
}

export function presentPlacement(row: PlacementRow, options: PresentOptions): Placement {
  const visible = row.person_visible;
  const stage = row.stage as PlacementStage;
  const canAdvance = !isFinal(stage);
  return {
    id: row.id,
    stage,
    outcomeReason: row.outcome_reason as UnsuccessfulReason | null,
    outcomeNote: readsWords(visible, row.outcome_by_corrections, options) ? row.outcome_note : null,
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

export function presentStep(row: StepRow, personVisible: boolean, options: PresentOptions): PlacementStep {
  const stage = row.stage as PlacementStage;
  const words = readsWords(personVisible, row.by_corrections, options);
  // An unsuccessful step's reason is one of the fixed codes (no words about her): shown even when she is hidden.
  const reasonIsCode = stage === 'unsuccessful';
  return {
    id: row.id,
    stage,
    happenedOn: row.happened_on,
    reason: words || reasonIsCode ? row.reason : null,
    note: words ? row.note : null,
    recordedBy: row.recorded_by_name,
    recordedOrganization:
      row.recorded_organization_id && row.recorded_organization_name
        ? { id: row.recorded_organization_id, name: row.recorded_organization_name }
        : null,
    recordedAt: row.recorded_at.toISOString(),
  };
}

export function presentDetail(row: PlacementRow, steps: StepRow[], options: PresentOptions): PlacementDetail {
  return {
    ...presentPlacement(row, options),
    steps: steps.map((step) => presentStep(step, row.person_visible, options)),
  };
}
