import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { OPPORTUNITY_KINDS } from '../../../shared/opportunities.ts';
import { SECTORS } from '../../../shared/people.ts';
import type { PlacementStage, StepStage } from '../../../shared/placements.ts';
import { DEMO_PASSWORD } from '../../../shared/vocabulary.ts';
import { checkStep } from '../../modules/placements/placements.stages.ts';
import type { Database } from '../schema.ts';
import { DEMO_PARTNER_ID } from './demo.ts';
import { DEMO_HISTORY_OPPORTUNITY_IDS } from './demo-history.ts';
import { addDays, programToday } from './demo-people.ts';
import { DEMO_BLK_ID } from './demo-training.ts';
import { DEMO_CATERING_ID, DEMO_OPPORTUNITIES, DEMO_UMK } from './demo-villages.ts';
import { KECAMATAN_ID } from './reference.ts';

let t: TestApp;
let db: Kysely<Database>;
const today = programToday();
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  db = t.database.db;
});
afterAll(() => t.close());

const RUNNING = ['proposed', 'contacted', 'interview', 'offered', 'placed'];
// The program's history (demo-history.ts) adds opportunities closed years ago and the placements in them, of
// women anonymized since: these tests look at the demo's own.
const HISTORY_OPPORTUNITIES = Object.values(DEMO_HISTORY_OPPORTUNITY_IDS);

async function villagesByCode() {
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'code', 'short_name', 'contacts'])
    .where('kind', '=', 'village')
    .where('parent_id', '=', KECAMATAN_ID)
    .execute();
  return new Map(rows.map((row) => [row.code as string, row]));
}

async function placedCounts() {
  const rows = await db
    .selectFrom('placement')
    .select(['opportunity_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('stage', '=', 'placed')
    .groupBy('opportunity_id')
    .execute();
  return new Map(rows.map((row) => [row.opportunity_id, Number(row.n)]));
}

describe('demo host villages', () => {
  it('profiles all 16 kelurahan of Semarang Barat: about 154,000 people on 21.68 km², Krobokan densest, Tambakharjo least dense', async () => {
    const villages = await villagesByCode();
    const profiles = await db.selectFrom('village_profile').selectAll().execute();
    expect(profiles).toHaveLength(16);
    expect(new Set(profiles.map((p) => p.organization_id))).toEqual(
      new Set([...villages.values()].map((v) => v.id)),
    );
    const population = profiles.reduce((sum, p) => sum + (p.population ?? 0), 0);
    expect(population).toBeGreaterThanOrEqual(150_000);
    expect(population).toBeLessThanOrEqual(158_000);
    const area = profiles.reduce((sum, p) => sum + Number(p.area_km2), 0);
    expect(area).toBeCloseTo(21.68, 2);

    const density = (code: string) => {
      const profile = profiles.find((p) => p.organization_id === villages.get(code)?.id);
      return (profile?.population ?? 0) / Number(profile?.area_km2);
    };
    const densities = [...villages.keys()].map((code) => [code, density(code)] as const);
    const ranked = [...densities].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('33.74.13.1013'); // Krobokan
    expect(ranked.at(-1)?.[0]).toBe('33.74.13.1004'); // Tambakharjo

    for (const profile of profiles) {
      expect(profile.lurah_name).toBeTruthy();
      expect(profile.lurah_phone).toMatch(/^08\d{2}-\d{4}-\d{4}$/);
      expect(profile.description?.length).toBeGreaterThan(40);
      const latitude = Number(profile.latitude);
      const longitude = Number(profile.longitude);
      expect(latitude).toBeGreaterThanOrEqual(-7.0);
      expect(latitude).toBeLessThanOrEqual(-6.955);
      expect(longitude).toBeGreaterThanOrEqual(110.36);
      expect(longitude).toBeLessThanOrEqual(110.41);
      expect(profile.version).toBe(1);
    }
    // Tambakharjo lies to the north-west, by the coast.
    const tambakharjo = profiles.find((p) => p.organization_id === villages.get('33.74.13.1004')?.id);
    expect(Number(tambakharjo?.latitude)).toBe(Math.max(...profiles.map((p) => Number(p.latitude))));
    expect(Number(tambakharjo?.longitude)).toBe(Math.min(...profiles.map((p) => Number(p.longitude))));

    // Every kelurahan has its contact persons, Krobokan's secretary is the demo account's holder.
    for (const village of villages.values()) {
      expect(village.contacts.map((c) => c.position)).toEqual([
        'Sekretaris Kelurahan',
        'Kasi Ekonomi dan Pembangunan',
        'Ketua TP PKK Kelurahan',
      ]);
    }
    expect(villages.get('33.74.13.1013')?.contacts[0]?.name).toBe('Tri Rahayu Ningsih');
  });

  it('makes six kelurahan host villages since mid-2026 under the MoU, the others none', async () => {
    const villages = await villagesByCode();
    const profiles = await db.selectFrom('village_profile').selectAll().execute();
    const hosts = profiles.filter((p) => p.host_since !== null);
    const codeOf = (id: string) => [...villages.values()].find((v) => v.id === id)?.code;
    expect(new Set(hosts.map((p) => codeOf(p.organization_id)))).toEqual(
      new Set([
        '33.74.13.1013', // Krobokan
        '33.74.13.1001', // Ngemplak Simongan
        '33.74.13.1008', // Bongsari
        '33.74.13.1004', // Tambakharjo
        '33.74.13.1002', // Manyaran
        '33.74.13.1016', // Kembangarum
      ]),
    );
    for (const host of hosts) {
      expect(host.host_since && host.host_since >= '2026-06-01' && host.host_since <= today).toBe(true);
      expect(host.host_agreement).toMatch(/^Nota Kesepahaman LPP Semarang – Kecamatan Semarang Barat No\. /);
    }
    expect(profiles.filter((p) => p.host_since === null).every((p) => p.host_agreement === null)).toBe(true);
  });

  it('records 2–4 potentials and needs and 1–3 facilities per kelurahan, tied to the skills taxonomy, with one revision each', async () => {
    const villages = await villagesByCode();
    const skills = await db.selectFrom('skill').select(['id', 'code', 'sector']).execute();
    const skillOf = (id: string | null) => skills.find((s) => s.id === id);
    const potentials = await db.selectFrom('village_potential').selectAll().execute();
    const needs = await db.selectFrom('village_need').selectAll().execute();
    const facilities = await db.selectFrom('village_facility').selectAll().execute();
    const revisions = await db.selectFrom('village_revision').selectAll().execute();
    const kecamatan = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'kecamatan')
      .executeTakeFirstOrThrow();
    for (const village of villages.values()) {
      const mine = <T extends { village_id: string; position: number }>(rows: T[]) =>
        rows.filter((row) => row.village_id === village.id);
      const counts = [mine(potentials).length, mine(needs).length, mine(facilities).length];
      expect(counts[0], village.short_name as string).toBeGreaterThanOrEqual(2);
      expect(counts[0]).toBeLessThanOrEqual(4);
      expect(counts[1], village.short_name as string).toBeGreaterThanOrEqual(2);
      expect(counts[1]).toBeLessThanOrEqual(4);
      expect(counts[2], village.short_name as string).toBeGreaterThanOrEqual(1);
      expect(counts[2]).toBeLessThanOrEqual(3);
      expect(
        mine(potentials)
          .map((p) => p.position)
          .sort(),
      ).toEqual(range(counts[0] as number));
      const revision = revisions.filter((r) => r.village_id === village.id);
      expect(revision).toHaveLength(1);
      expect(revision[0]).toMatchObject({ version: 1, changed_by: kecamatan.id });
      expect(revision[0]?.changes[0]).toMatchObject({ section: 'profile', action: 'created' });
      expect(revision[0]?.changes.every((change) => change.action === 'created')).toBe(true);
      expect(revision[0]?.changes.filter((change) => change.section === 'potential')).toHaveLength(
        counts[0] as number,
      );
    }
    for (const row of [...potentials, ...needs]) {
      expect(SECTORS).toContain(row.sector);
      // A skill belongs to the sector it is recorded under.
      if (row.skill_id) expect(skillOf(row.skill_id)?.sector).toBe(row.sector);
    }
    expect(potentials.every((p) => p.strength >= 1 && p.strength <= 5 && p.source)).toBe(true);
    expect(new Set(potentials.map((p) => p.source))).toEqual(
      new Set(['Musrenbang 2026', 'Profil kelurahan 2025', 'Survei kader PKK']),
    );
    expect(new Set(needs.map((n) => n.kind))).toEqual(new Set(['labour_demand', 'service_needed', 'market']));
    expect(needs.every((n) => n.season_months.every((m) => m >= 1 && m <= 12))).toBe(true);
    expect(needs.some((n) => n.season_months.length === 0)).toBe(true);
    expect(needs.some((n) => n.season_months.includes(6) && n.season_months.includes(7))).toBe(true);

    // The known facts: the Simongan strip, Sam Poo Kong, the beaches, the furniture cluster.
    const textOf = (code: string) =>
      potentials
        .filter((p) => p.village_id === villages.get(code)?.id)
        .map((p) => p.description)
        .join(' ');
    expect(textOf('33.74.13.1001')).toMatch(/Simongan/);
    expect(textOf('33.74.13.1008')).toMatch(/Sam Poo Kong/);
    expect(textOf('33.74.13.1004')).toMatch(/Maerokoco.*Marina–Maron/);
    expect(textOf('33.74.13.1016')).toMatch(/mebel/);
    const simongan = potentials.find(
      (p) =>
        p.village_id === villages.get('33.74.13.1001')?.id && skillOf(p.skill_id)?.code === 'garment.sewing',
    );
    expect(simongan?.strength).toBe(5);
  });
});

describe('demo partners', () => {
  it('profiles about 25 partners of every type, the demo partner and the BLK included', async () => {
    const partners = await db
      .selectFrom('organization')
      .leftJoin('partner_profile', 'partner_profile.organization_id', 'organization.id')
      .select([
        'organization.id',
        'organization.name',
        'organization.phone',
        'partner_profile.partner_type',
        'partner_profile.sectors',
        'partner_profile.willing_to_employ',
        'partner_profile.agreement_number',
        'partner_profile.agreement_signed_on',
        'partner_profile.agreement_expires_on',
        'partner_profile.village_id',
      ])
      .where('organization.kind', '=', 'partner')
      .execute();
    expect(partners.length).toBeGreaterThanOrEqual(25);
    expect(partners.every((p) => p.partner_type !== null)).toBe(true);
    expect(new Set(partners.map((p) => p.partner_type))).toEqual(
      new Set([
        'umkm',
        'company',
        'cooperative',
        'training_provider',
        'ngo',
        'pokmas_lipas',
        'government_office',
      ]),
    );
    expect(
      partners.every(
        (p) => (p.sectors ?? []).length > 0 && p.sectors?.every((s) => SECTORS.includes(s as never)),
      ),
    ).toBe(true);
    const willing = partners.filter(
      (p) => p.willing_to_employ === 'yes' || p.willing_to_employ === 'case_by_case',
    );
    expect(willing.length / partners.length).toBeGreaterThan(0.7);
    const withPks = partners.filter((p) => p.agreement_number !== null);
    expect(withPks.length).toBeGreaterThanOrEqual(5);
    for (const p of withPks) {
      expect(p.agreement_number).toMatch(/^PKS\.\d{3}\/LPP-SMG\/[IVX]+\/\d{4}$/);
      expect(p.agreement_signed_on && p.agreement_signed_on <= today).toBe(true);
      expect(p.agreement_expires_on && p.agreement_expires_on > (p.agreement_signed_on as string)).toBe(true);
    }
    expect(partners.filter((p) => p.phone?.startsWith('024-76')).length).toBeGreaterThanOrEqual(5);

    const krobokan = (await villagesByCode()).get('33.74.13.1013');
    expect(partners.find((p) => p.id === DEMO_PARTNER_ID)).toMatchObject({
      partner_type: 'umkm',
      sectors: ['garment'],
      village_id: krobokan?.id,
      willing_to_employ: 'yes',
    });
    expect(partners.find((p) => p.id === DEMO_PARTNER_ID)?.agreement_number).toBeTruthy();
    expect(partners.find((p) => p.id === DEMO_BLK_ID)?.partner_type).toBe('training_provider');
    expect(partners.find((p) => p.id === DEMO_CATERING_ID)).toMatchObject({
      partner_type: 'umkm',
      sectors: ['food'],
    });
    expect(partners.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'PT Simongan Garmindo Jaya',
        'Dinas Tenaga Kerja Kota Semarang',
        'Pokmas Lipas Kembang Arum Mandiri',
      ]),
    );
  });

  it('gives the second demo partner an account of its own: mitra.katering signs in to Katering Sekar Rasa', async () => {
    const session = await signIn(t.app, 'mitra.katering', DEMO_PASSWORD);
    const me = (await session.request({ method: 'GET', url: '/api/me' })).json();
    expect(me.roles).toEqual(['partner_staff']);
    expect(me.organization).toMatchObject({ id: DEMO_CATERING_ID, kind: 'partner' });
    expect(me.organization.id).not.toBe(DEMO_PARTNER_ID);
    const own = await db
      .selectFrom('opportunity')
      .select(['status', 'created_by'])
      .where('partner_id', '=', DEMO_CATERING_ID)
      .execute();
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own.filter((o) => o.status === 'draft' && o.created_by === me.user.id)).toHaveLength(1);
    expect(own.some((o) => o.status === 'open')).toBe(true);
  });
});

describe('demo opportunities', () => {
  it('has about 40 opportunities of every kind over the kelurahan, dated from two months ago to five months ahead', async () => {
    const villages = await villagesByCode();
    const villageIds = new Set([...villages.values()].map((v) => v.id));
    const rows = await db
      .selectFrom('opportunity')
      .selectAll()
      .where('id', 'not in', HISTORY_OPPORTUNITIES)
      .execute();
    expect(rows.length).toBe(DEMO_OPPORTUNITIES.length);
    expect(rows.length).toBeGreaterThanOrEqual(38);
    expect(rows.length).toBeLessThanOrEqual(45);
    expect(new Set(rows.map((o) => o.kind))).toEqual(new Set(OPPORTUNITY_KINDS));
    expect(new Set(rows.map((o) => o.village_id)).size).toBeGreaterThanOrEqual(12);
    const partnerKinds = await db
      .selectFrom('organization')
      .select(['id', 'kind'])
      .where('id', 'in', [...new Set(rows.map((o) => o.partner_id))])
      .execute();
    expect(partnerKinds.every((p) => p.kind === 'partner')).toBe(true);
    for (const o of rows) {
      expect(villageIds.has(o.village_id), o.title).toBe(true);
      expect(o.places).toBeGreaterThanOrEqual(1);
      expect(o.places).toBeLessThanOrEqual(10);
      expect(o.start_on >= addDays(today, -62) && o.start_on <= addDays(today, 153), o.title).toBe(true);
      if (o.closes_on) expect(o.closes_on >= o.start_on, o.title).toBe(true);
      if (o.pay_min !== null && o.pay_max !== null)
        expect(Number(o.pay_max)).toBeGreaterThanOrEqual(Number(o.pay_min));
      if (o.pay_min !== null) expect(o.pay_period).not.toBeNull();
      if (o.status === 'open') {
        // Open: not past its closing date, opened by kelurahan or kecamatan staff.
        expect(o.closes_on === null || o.closes_on >= today, o.title).toBe(true);
        expect(o.opened_by && o.opened_at).toBeTruthy();
      }
      if (o.status === 'draft') expect(o.opened_by).toBeNull();
      if (o.status === 'closed') expect(o.status_reason).toBeTruthy();
    }
    // Job vacancies and apprenticeships name the skills they need (else they could not be opened).
    const skills = await db.selectFrom('opportunity_skill').selectAll().execute();
    for (const o of rows.filter((o) => o.kind === 'job_vacancy' || o.kind === 'apprenticeship'))
      expect(
        skills.some((s) => s.opportunity_id === o.id && s.essential),
        o.title,
      ).toBe(true);
    expect(new Set(skills.map((s) => s.min_level))).toEqual(new Set(['basic', 'intermediate', 'competent']));
    expect(skills.some((s) => !s.essential)).toBe(true);

    const statuses = rows.map((o) => o.status);
    expect(statuses.filter((s) => s === 'filled')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'closed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'open').length).toBeGreaterThan(rows.length / 2);
    const mitra = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'mitra')
      .executeTakeFirstOrThrow();
    const drafts = rows.filter((o) => o.status === 'draft');
    expect(
      drafts.filter((o) => o.created_by === mitra.id && o.partner_id === DEMO_PARTNER_ID).length,
    ).toBeGreaterThanOrEqual(2);

    // Working patterns that suit mothers, pay around the UMK or by the day or piece, some open to asimilasi.
    expect(rows.some((o) => o.part_time)).toBe(true);
    expect(rows.some((o) => o.flexible)).toBe(true);
    expect(rows.some((o) => o.shift_work)).toBe(true);
    expect(rows.filter((o) => o.open_to_asimilasi).length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((o) => o.pay_period).filter(Boolean))).toEqual(
      new Set(['month', 'day', 'piece', 'one_off']),
    );
    const monthly = rows.filter((o) => o.pay_period === 'month' && o.kind === 'job_vacancy');
    expect(monthly.some((o) => Number(o.pay_min) === DEMO_UMK)).toBe(true);
    expect(monthly.every((o) => Number(o.pay_max) <= 4_000_000 && Number(o.pay_min) >= 2_000_000)).toBe(true);
  });

  it('keeps restrictions on a few opportunities, one reviewed by the Kasi Binadik', async () => {
    const restricted = await db
      .selectFrom('opportunity')
      .selectAll()
      .where('restricted_offences', '!=', JSON.stringify([]) as never)
      .execute();
    expect(restricted.length).toBeGreaterThanOrEqual(2);
    const binadik = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'lapas.binadik')
      .executeTakeFirstOrThrow();
    const reviewed = restricted.filter((o) => o.restrictions_reviewed_by !== null);
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]).toMatchObject({
      restricted_offences: ['narcotics'],
      restriction_note: 'Lingkungan kerja dekat sekolah.',
      restrictions_reviewed_by: binadik.id,
    });
    expect(reviewed[0]?.restrictions_reviewed_at).not.toBeNull();
    // Nobody is in a pipeline for a restricted opportunity.
    const onRestricted = await db
      .selectFrom('placement')
      .select('id')
      .where(
        'opportunity_id',
        'in',
        restricted.map((o) => o.id),
      )
      .execute();
    expect(onRestricted).toEqual([]);
  });
});

describe('demo pipelines', () => {
  it('runs about ten placements through every stage, never beyond the places, a full opportunity filled', async () => {
    const placements = await db
      .selectFrom('placement')
      .selectAll()
      .where('opportunity_id', 'not in', HISTORY_OPPORTUNITIES)
      .execute();
    expect(placements.length).toBeGreaterThanOrEqual(8);
    expect(placements.length).toBeLessThanOrEqual(12);
    expect(new Set(placements.map((p) => p.stage))).toEqual(
      new Set(['proposed', 'contacted', 'interview', 'offered', 'placed', 'ended', 'unsuccessful']),
    );
    const unsuccessful = placements.find((p) => p.stage === 'unsuccessful');
    expect(unsuccessful).toMatchObject({ outcome_reason: 'declined_by_partner' });
    expect(unsuccessful?.outcome_note).toBeTruthy();
    expect(unsuccessful?.ended_on).not.toBeNull();
    const ended = placements.find((p) => p.stage === 'ended');
    expect(ended?.placed_on && ended.ended_on && ended.placed_on < ended.ended_on).toBe(true);
    expect(
      placements.filter((p) => p.stage === 'placed').every((p) => p.placed_on && p.placed_on <= today),
    ).toBe(true);

    const opportunities = await db.selectFrom('opportunity').selectAll().execute();
    const placed = await placedCounts();
    for (const o of opportunities) {
      const n = placed.get(o.id) ?? 0;
      expect(n, o.title).toBeLessThanOrEqual(o.places);
      expect(o.status === 'filled', o.title).toBe(n === o.places);
    }
    // Pipelines run on opportunities that were opened.
    const open = new Set(
      opportunities.filter((o) => o.status === 'open' || o.status === 'filled').map((o) => o.id),
    );
    expect(placements.every((p) => open.has(p.opportunity_id))).toBe(true);
    // The demo partner has women at interview, offered, placed and turned down.
    const demoOpportunities = new Set(
      opportunities.filter((o) => o.partner_id === DEMO_PARTNER_ID).map((o) => o.id),
    );
    expect(
      new Set(placements.filter((p) => demoOpportunities.has(p.opportunity_id)).map((p) => p.stage)),
    ).toEqual(new Set(['interview', 'offered', 'placed', 'unsuccessful']));
    // Each opportunity holds at most one running placement per woman.
    const running = placements.filter((p) => RUNNING.includes(p.stage));
    expect(new Set(running.map((p) => `${p.person_id}|${p.opportunity_id}`)).size).toBe(running.length);
  });

  it('dates and signs every step: proposed by corrections staff, then in order, up to the placement’s stage', async () => {
    const placements = await db
      .selectFrom('placement')
      .selectAll()
      .where('opportunity_id', 'not in', HISTORY_OPPORTUNITIES)
      .execute();
    const steps = await db.selectFrom('placement_step').selectAll().orderBy('recorded_at').execute();
    const users = await db.selectFrom('app_user').select(['id', 'username', 'organization_id']).execute();
    const username = (id: string | null) => users.find((u) => u.id === id)?.username;
    for (const placement of placements) {
      const mine = steps.filter((s) => s.placement_id === placement.id);
      expect(mine[0]?.stage).toBe('proposed');
      expect(mine.at(-1)?.stage).toBe(placement.stage);
      expect(mine).toHaveLength(placement.version);
      expect(['lapas.binadik', 'lapas.giatja', 'pk']).toContain(username(placement.proposed_by));
      expect(mine[0]?.recorded_by).toBe(placement.proposed_by);
      for (const [index, step] of mine.entries()) {
        expect(step.happened_on <= today).toBe(true);
        expect(step.recorded_organization_id).toBe(
          users.find((u) => u.id === step.recorded_by)?.organization_id,
        );
        const previous = mine[index - 1];
        if (!previous) continue;
        // Each step is one the placements module would accept after the one before.
        expect(
          checkStep({
            from: previous.stage as PlacementStage,
            to: step.stage as StepStage,
            happenedOn: step.happened_on,
            previousOn: previous.happened_on,
            today,
            reason: step.reason,
            note: step.note,
          }),
          `${previous.stage} → ${step.stage}`,
        ).toEqual([]);
      }
      const placedStep = mine.find((s) => s.stage === 'placed');
      expect(placement.placed_on).toBe(placedStep?.happened_on ?? null);
      // Her timeline tells corrections staff each step.
      const events = await db
        .selectFrom('person_event')
        .select(['kind', 'visibility', 'details', 'actor_user_id'])
        .where('person_id', '=', placement.person_id)
        .where('kind', 'in', ['placement.proposed', 'placement.advanced'])
        .orderBy('at')
        .execute();
      const hers = events.filter((e) => e.details.placementId === placement.id);
      expect(hers.map((e) => e.details.stage)).toEqual(mine.map((s) => s.stage));
      expect(hers.map((e) => e.kind)).toEqual(
        mine.map((_, index) => (index === 0 ? 'placement.proposed' : 'placement.advanced')),
      );
      expect(hers.every((e) => e.visibility === 'corrections')).toBe(true);
    }
    // Partners with accounts record their own interviews, offers and placements.
    const byPartnerStaff = steps.filter((s) =>
      ['mitra', 'mitra.katering', 'instruktur'].includes(username(s.recorded_by) ?? ''),
    );
    expect(new Set(byPartnerStaff.map((s) => username(s.recorded_by)))).toEqual(
      new Set(['mitra', 'mitra.katering', 'instruktur']),
    );
    expect(byPartnerStaff.every((s) => s.stage !== 'proposed')).toBe(true);
  });

  it('places only women with a current consent naming the partner or every partner, given before the proposal', async () => {
    const rows = await db
      .selectFrom('placement')
      .innerJoin('opportunity', 'opportunity.id', 'placement.opportunity_id')
      .select(['placement.person_id', 'placement.created_at', 'opportunity.partner_id'])
      .execute();
    const consents = await db.selectFrom('consent').selectAll().where('withdrawn_on', 'is', null).execute();
    for (const row of rows) {
      const proposedOn = new Date(row.created_at).toISOString().slice(0, 10);
      const covering = consents.filter(
        (c) =>
          c.person_id === row.person_id &&
          c.given_on <= proposedOn &&
          (c.recipient_organization_ids.includes(row.partner_id) || c.recipient_kinds.includes('partner')),
      );
      expect(covering.length, row.person_id).toBeGreaterThan(0);
    }
    // Both ways of consenting appear: to a named partner and to every partner.
    expect(consents.some((c) => c.recipient_kinds.includes('partner'))).toBe(true);
    // Kelurahan Krobokan follows up fresh proposals in Krobokan of women who consented to it.
    const krobokan = (await villagesByCode()).get('33.74.13.1013')?.id as string;
    const inKrobokan = await db
      .selectFrom('placement')
      .innerJoin('opportunity', 'opportunity.id', 'placement.opportunity_id')
      .select('placement.person_id')
      .where('opportunity.village_id', '=', krobokan)
      .where('placement.stage', 'in', ['proposed', 'contacted'])
      .execute();
    expect(inKrobokan.length).toBeGreaterThanOrEqual(2);
    for (const row of inKrobokan)
      expect(
        consents.some(
          (c) => c.person_id === row.person_id && c.recipient_organization_ids.includes(krobokan),
        ),
      ).toBe(true);
    const people = await db.selectFrom('person').select(['id', 'released_on', 'returned_on']).execute();
    const placedPeople = await db
      .selectFrom('placement')
      .select('person_id')
      .where('placed_on', 'is not', null)
      .execute();
    // Placed outside the demo partner's asimilasi apprenticeship: released, not returned.
    expect(
      placedPeople.filter((p) => people.find((x) => x.id === p.person_id)?.released_on).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('keeps the links a partner sees people by consistent: a proposal while something runs, a placement while placed', async () => {
    const placements = await db
      .selectFrom('placement')
      .innerJoin('opportunity', 'opportunity.id', 'placement.opportunity_id')
      .select(['placement.person_id', 'placement.stage', 'opportunity.partner_id'])
      .execute();
    const links = await db
      .selectFrom('person_link')
      .selectAll()
      .where('kind', 'in', ['proposal', 'placement'])
      .execute();
    const pairs = new Set(placements.map((p) => `${p.person_id}|${p.partner_id}`));
    for (const pair of pairs) {
      const [personId, partnerId] = pair.split('|');
      const mine = placements.filter((p) => p.person_id === personId && p.partner_id === partnerId);
      const active = (kind: string) =>
        links.filter(
          (l) => l.person_id === personId && l.organization_id === partnerId && l.kind === kind && l.active,
        );
      const running = mine.some((p) => RUNNING.includes(p.stage));
      expect(active('proposal'), pair).toHaveLength(running ? 1 : 0);
      expect(active('placement'), pair).toHaveLength(mine.some((p) => p.stage === 'placed') ? 1 : 0);
      if (!running) {
        const ended = links.filter((l) => l.person_id === personId && l.organization_id === partnerId);
        expect(ended.length).toBeGreaterThan(0);
        expect(ended.every((l) => !l.active && l.ended_at !== null)).toBe(true);
      }
    }
    // Every active proposal or placement link to a partner is backed by a pipeline.
    for (const link of links.filter((l) => l.active))
      expect(pairs.has(`${link.person_id}|${link.organization_id}`), link.id).toBe(true);
  });
});

function range(n: number) {
  return Array.from({ length: n }, (_, index) => index + 1);
}
