import type { Kysely } from 'kysely';
import type { Database, PlacementStageValue } from '../../src/server/db/schema.ts';
import { LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { refreshOpportunityFill } from '../../src/server/modules/opportunities/opportunities.fill.ts';
import { syncPartnerLinks } from '../../src/server/modules/placements/placements.repository.ts';

const PIPELINE: PlacementStageValue[] = ['proposed', 'contacted', 'interview', 'offered', 'placed', 'ended'];

/**
 * A placement written straight to the database at `stage` (proposed by default), with one step per stage up
 * to it, all dated `on` (2026-01-10 by default) and recorded by the proposing organization (LPP Semarang by
 * default); an unsuccessful one is `not_available` after its proposal, an ended one ended "Kontrak selesai".
 * Then, as the pipeline does: her links to the partner follow her placements (`syncPartnerLinks`), and the
 * opportunity's open/filled status follows the people placed (`refreshOpportunityFill`).
 */
export async function createPlacement(
  db: Kysely<Database>,
  input: {
    personId: string;
    opportunityId: string;
    stage?: PlacementStageValue;
    on?: string;
    proposerOrganizationId?: string;
  },
) {
  const stage = input.stage ?? 'proposed';
  const on = input.on ?? '2026-01-10';
  const proposer = input.proposerOrganizationId ?? LAPAS_ID;
  const steps: PlacementStageValue[] =
    stage === 'unsuccessful' ? ['proposed', 'unsuccessful'] : PIPELINE.slice(0, PIPELINE.indexOf(stage) + 1);
  return db.transaction().execute(async (trx) => {
    const placement = await trx
      .insertInto('placement')
      .values({
        person_id: input.personId,
        opportunity_id: input.opportunityId,
        stage,
        proposer_organization_id: proposer,
        placed_on: steps.includes('placed') ? on : null,
        ended_on: stage === 'ended' || stage === 'unsuccessful' ? on : null,
        outcome_reason: stage === 'unsuccessful' ? 'not_available' : null,
        outcome_note: stage === 'ended' ? 'Kontrak selesai' : null,
      })
      .returning(['id', 'person_id', 'opportunity_id', 'stage', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('placement_step')
      .values(
        steps.map((step) => ({
          placement_id: placement.id,
          stage: step,
          happened_on: on,
          reason: step === 'unsuccessful' ? 'not_available' : step === 'ended' ? 'Kontrak selesai' : null,
          recorded_organization_id: proposer,
        })),
      )
      .execute();
    const { partner_id } = await trx
      .selectFrom('opportunity')
      .select('partner_id')
      .where('id', '=', input.opportunityId)
      .executeTakeFirstOrThrow();
    await syncPartnerLinks(trx, input.personId, partner_id, null);
    await refreshOpportunityFill(trx, input.opportunityId);
    return placement;
  });
}
