import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PlacementStageValue } from '../../src/server/db/schema.ts';
import { LAPAS_ID } from '../../src/server/db/seed/reference.ts';

const unique = () => randomBytes(3).toString('hex');

/** The id of a seeded kelurahan by its Kemendagri code (e.g. '33.74.13.1013', Krobokan). */
export async function villageByCode(db: Kysely<Database>, code: string) {
  const row = await db
    .selectFrom('organization')
    .select('id')
    .where('code', '=', code)
    .where('kind', '=', 'village')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * An opportunity written straight to the database: open, 2 places, in garment, starting in a month ago by
 * default (so the placements module's tests need not go through the opportunities API).
 */
export async function insertOpportunity(
  db: Kysely<Database>,
  input: {
    partnerId: string;
    villageId: string;
    places?: number;
    status?: 'draft' | 'open' | 'filled' | 'closed';
    closesOn?: string | null;
    title?: string;
  },
) {
  return db
    .insertInto('opportunity')
    .values({
      partner_id: input.partnerId,
      village_id: input.villageId,
      kind: 'job_vacancy',
      title: input.title ?? `Penjahit Uji ${unique()}`,
      sector: 'garment',
      places: input.places ?? 2,
      start_on: '2026-01-05',
      closes_on: input.closesOn ?? null,
      status: input.status ?? 'open',
    })
    .returning(['id', 'title', 'partner_id', 'village_id', 'places'])
    .executeTakeFirstOrThrow();
}

/**
 * A placement written straight to the database at `stage`, with one step per stage up to it (all dated
 * `on`, 2026-01-10 by default), and the person's links to the partner a running placement implies.
 */
export async function insertPlacement(
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
  const order: PlacementStageValue[] = ['proposed', 'contacted', 'interview', 'offered', 'placed', 'ended'];
  const steps: PlacementStageValue[] =
    stage === 'unsuccessful' ? ['proposed', 'unsuccessful'] : order.slice(0, order.indexOf(stage) + 1);
  const placement = await db
    .insertInto('placement')
    .values({
      person_id: input.personId,
      opportunity_id: input.opportunityId,
      stage,
      proposer_organization_id: input.proposerOrganizationId ?? LAPAS_ID,
      placed_on: steps.includes('placed') ? on : null,
      ended_on: stage === 'ended' || stage === 'unsuccessful' ? on : null,
      outcome_reason: stage === 'unsuccessful' ? 'not_available' : null,
      outcome_note: stage === 'ended' ? 'Kontrak selesai' : null,
    })
    .returning(['id', 'person_id', 'opportunity_id', 'stage', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('placement_step')
    .values(
      steps.map((step) => ({
        placement_id: placement.id,
        stage: step,
        happened_on: on,
        reason: step === 'unsuccessful' ? 'not_available' : step === 'ended' ? 'Kontrak selesai' : null,
      })),
    )
    .execute();
  if (stage !== 'ended' && stage !== 'unsuccessful') {
    const opportunity = await db
      .selectFrom('opportunity')
      .select('partner_id')
      .where('id', '=', input.opportunityId)
      .executeTakeFirstOrThrow();
    const kinds = stage === 'placed' ? (['proposal', 'placement'] as const) : (['proposal'] as const);
    for (const kind of kinds)
      await db
        .insertInto('person_link')
        .values({ person_id: input.personId, organization_id: opportunity.partner_id, kind })
        .onConflict((oc) =>
          oc.columns(['person_id', 'organization_id', 'kind']).where('active', '=', true).doNothing(),
        )
        .execute();
  }
  return placement;
}
