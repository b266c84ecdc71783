import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/database.ts';
import { checkNik, nikRegionCode } from '../../../shared/nik.ts';
import { JOURNEY_STATUSES, journeyStatus } from '../../../shared/people.ts';
import { expectedReleaseDate } from '../../modules/sentence/milestones.ts';
import type { DatabaseHandle } from '../connect.ts';
import { DEMO_PARTNER_ID } from './demo.ts';
import {
  addDays,
  createRandom,
  DEMO_PEOPLE,
  drawPlan,
  generatePerson,
  programToday,
  Registry,
} from './demo-people.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from './reference.ts';

let database: DatabaseHandle;
const today = programToday();

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});
afterAll(() => database.close());

const districts = new Set(
  readFileSync(new URL('../../../../node_modules/idn-area-data/data/districts.csv', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.split(',')[0]),
);

// The program's history (demo-history.ts) adds anonymized women of years ago: these tests look at the
// demo's own women, those not anonymized.
const current = () => database.db.selectFrom('person').select('id').where('anonymized_at', 'is', null);

async function people() {
  return database.db
    .selectFrom('person')
    .selectAll()
    .where('anonymized_at', 'is', null)
    .orderBy('full_name')
    .execute();
}

describe('demo people', () => {
  it('seeds about sixty women held by LPP Semarang, each with a sentence, from 8 months to 8 years', async () => {
    const rows = await people();
    expect(rows).toHaveLength(DEMO_PEOPLE.total);
    expect(rows.every((row) => row.organization_id === LAPAS_ID)).toBe(true);
    expect(new Set(rows.map((row) => row.full_name)).size).toBe(rows.length);
    expect(rows.map((row) => row.full_name)).toEqual(
      expect.arrayContaining(['Siti Nurhaliza', 'Sri Wahyuni', 'Yuliana Kristanti', 'Lim Mei Ling']),
    );
    expect(rows.filter((row) => row.aliases.length > 0).length).toBeGreaterThanOrEqual(2);
    const custody = await database.db
      .selectFrom('custody')
      .selectAll()
      .where('person_id', 'in', current())
      .execute();
    expect(custody).toHaveLength(rows.length);
    for (const c of custody) {
      const months = c.sentence_years * 12 + c.sentence_months;
      expect(months).toBeGreaterThanOrEqual(8);
      expect(months).toBeLessThanOrEqual(96);
    }
    const offences = custody.map((c) => c.offence_category);
    const narcotics = offences.filter((o) => o === 'narcotics').length;
    for (const other of ['fraud', 'theft', 'embezzlement']) {
      expect(offences).toContain(other);
      expect(narcotics).toBeGreaterThan(offences.filter((o) => o === other).length);
    }
  });

  it('gives every woman a NIK that passes the check with her birth date, issued in a real district', async () => {
    for (const row of await people()) {
      expect(
        checkNik(row.nik as string, { birthDate: row.birth_date, sex: 'female' }),
        row.full_name,
      ).toEqual([]);
      expect(districts.has(nikRegionCode(row.nik as string)), row.nik as string).toBe(true);
      expect(row.birth_date && row.birth_date >= '1965-01-01' && row.birth_date <= '2004-12-31').toBe(true);
      expect(row.phone).toMatch(/^08\d{2}-\d{4}-\d{4}$/);
      expect(row.registration_number).toMatch(/^BI(Ia)?\.\d{4}\/\d{4}$/);
    }
  });

  it('covers all five journey statuses, with release dates from the sentence engine over the next 18 months', async () => {
    const rows = await people();
    const statuses = rows.map((row) =>
      journeyStatus(
        {
          releaseDate: row.release_date,
          releasedOn: row.released_on,
          supervisionEndDate: row.supervision_end_date,
          returnedOn: row.returned_on,
        },
        90,
        today,
      ),
    );
    expect(new Set(statuses)).toEqual(new Set(JOURNEY_STATUSES));
    expect(rows.filter((row) => row.released_on !== null)).toHaveLength(DEMO_PEOPLE.released);
    const waiting = rows.filter((row) => row.released_on === null).map((row) => row.release_date as string);
    expect(waiting.every((date) => date > today && date <= addDays(today, 600))).toBe(true);
    // Spread: some within three months, some more than a year away.
    expect(waiting.filter((date) => date <= addDays(today, 90)).length).toBeGreaterThanOrEqual(5);
    expect(waiting.filter((date) => date > addDays(today, 365)).length).toBeGreaterThanOrEqual(5);

    const custody = await database.db.selectFrom('custody').selectAll().execute();
    const remissions = await database.db.selectFrom('remission').selectAll().execute();
    expect(remissions.length).toBeGreaterThan(rows.length);
    for (const row of rows) {
      const c = custody.find((entry) => entry.person_id === row.id);
      if (!c) throw new Error(`no custody for ${row.full_name}`);
      const release = expectedReleaseDate({
        sentenceKind: c.sentence_kind,
        years: c.sentence_years,
        months: c.sentence_months,
        days: c.sentence_days,
        fineSubstituteMonths: c.fine_substitute_months,
        fineSubstituteDays: c.fine_substitute_days,
        finePaid: c.fine_paid,
        detentionStartDate: c.detention_start_date,
        remissions: remissions
          .filter((r) => r.person_id === row.id)
          .map((r) => ({ kind: r.kind, days: r.days, decreeDate: r.decree_date })),
        behaviourScores: [],
      });
      expect(row.release_date, row.full_name).toBe(release);
      expect([c.released_on, c.supervision_end_date, c.returned_on]).toEqual([
        row.released_on,
        row.supervision_end_date,
        row.returned_on,
      ]);
    }
  });

  it('shares some women with Kelurahan Krobokan, the kecamatan and the demo partner, and refers some to Bapas', async () => {
    const krobokan = await database.db
      .selectFrom('organization')
      .select('id')
      .where('code', '=', '33.74.13.1013')
      .executeTakeFirstOrThrow();
    const consents = await database.db.selectFrom('consent').selectAll().execute();
    const to = (organizationId: string) =>
      consents.filter(
        (c) => c.recipient_organization_ids.includes(organizationId) && c.withdrawn_on === null,
      );
    expect(to(krobokan.id)).toHaveLength(DEMO_PEOPLE.consentingToKrobokan);
    expect(
      to(krobokan.id).every((c) => c.field_groups.includes('identity_contact') && c.given_on <= today),
    ).toBe(true);
    expect(to(KECAMATAN_ID)).toHaveLength(DEMO_PEOPLE.consentingToKecamatan);
    expect(to(DEMO_PARTNER_ID)).toHaveLength(DEMO_PEOPLE.proposedToPartner);
    expect(consents.filter((c) => c.withdrawn_on !== null)).toHaveLength(DEMO_PEOPLE.withdrawn);

    // Women intended for Krobokan who never consented exist too: the kelurahan must not see them.
    const intended = await database.db
      .selectFrom('person')
      .select('id')
      .where('intended_village_id', '=', krobokan.id)
      .execute();
    const consenting = new Set(to(krobokan.id).map((c) => c.person_id));
    expect(intended.filter((p) => !consenting.has(p.id)).length).toBeGreaterThanOrEqual(3);

    const links = await database.db
      .selectFrom('person_link')
      .selectAll()
      .where('person_id', 'in', current())
      .execute();
    expect(links.filter((l) => l.kind === 'referral' && l.organization_id === BAPAS_ID)).toHaveLength(
      DEMO_PEOPLE.referredToBapas,
    );
    const proposals = links.filter((l) => l.kind === 'proposal' && l.organization_id === DEMO_PARTNER_ID);
    expect(new Set(proposals.map((l) => l.person_id))).toEqual(
      new Set(to(DEMO_PARTNER_ID).map((c) => c.person_id)),
    );
  });

  it('writes case notes of both visibilities and a timeline for every woman', async () => {
    const notes = await database.db.selectFrom('case_note').selectAll().execute();
    expect(new Set(notes.map((n) => n.visibility))).toEqual(new Set(['corrections', 'shared']));
    expect(notes.some((n) => n.corrects_note_id !== null)).toBe(true);
    const events = await database.db
      .selectFrom('person_event')
      .select(['person_id', 'kind'])
      .where('person_id', 'in', current())
      .execute();
    expect(new Set(events.filter((e) => e.kind === 'person.registered').map((e) => e.person_id)).size).toBe(
      DEMO_PEOPLE.total,
    );
    // The release seed writes its own (plans, handovers, supervision, outcomes: demo-release.int.test.ts).
    const release = /^(reintegration|handover|supervision|outcome)\./;
    expect(new Set(events.map((e) => e.kind).filter((kind) => !release.test(kind)))).toEqual(
      // The demo training adds completed trainings and certificates (demo-training.int.test.ts), the demo
      // pipelines their placement steps (demo-villages.int.test.ts).
      new Set([
        'person.registered',
        'custody.changed',
        'remission.added',
        'training.completed',
        'certificate.added',
        'placement.proposed',
        'placement.advanced',
      ]),
    );
    const scores = await database.db.selectFrom('behaviour_score').select('score').execute();
    expect(scores.length).toBeGreaterThan(DEMO_PEOPLE.total);
    expect(scores.every((s) => Number(s.score) >= 60 && Number(s.score) <= 95)).toBe(true);
  });

  it('generates the same people from the same seed and date, and never repeats a NIK', () => {
    const run = () => {
      const random = createRandom(42);
      const registry = new Registry({ nikBase: 1000, registrationBase: 0, registrationDigits: 6 });
      return Array.from({ length: 500 }, () =>
        generatePerson(random, { today: '2026-06-01', plan: drawPlan(random), registry }),
      );
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first.map((p) => p.nik)).size).toBe(first.length);
    expect(new Set(first.map((p) => p.registrationNumber)).size).toBe(first.length);
    expect(first.every((p) => checkNik(p.nik, { birthDate: p.birthDate, sex: 'female' }).length === 0)).toBe(
      true,
    );
  });
});
