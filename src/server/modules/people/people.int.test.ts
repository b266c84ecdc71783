import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { journeyStatus } from '../../../shared/people.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

let t: TestApp;
let binadik: Session;
let krobokanId: string;
let manyaranId: string;

async function sessionFor(roles: RoleCode[], organizationId: string) {
  const user = await createUser(t.database.db, { roles, organizationId });
  return signIn(t.app, user.username, TEST_PASSWORD);
}

const villageId = async (code: string) =>
  (
    await t.database.db
      .selectFrom('organization')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  t = await createTestApp();
  binadik = await sessionFor(['prison_binadik'], LAPAS_ID);
  krobokanId = await villageId('33.74.13.1013');
  manyaranId = await villageId('33.74.13.1002');
});
afterAll(() => t.close());

/** A woman born 17/05/1990 in Semarang Barat: her NIK carries day 17 + 40 = 57. */
const siti = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Siti Nurhaliza',
  aliases: ['Nur'],
  nik: '3374135705900001',
  birthPlace: 'Semarang',
  birthDate: '1990-05-17',
  educationLevel: 'sma',
  maritalStatus: 'married',
  dependentChildren: 2,
  phone: '0812-3456-7890',
  guarantor: { name: 'Slamet Riyadi', relation: 'suami', address: 'Jl. Krobokan 12', phone: '081298765432' },
  domicileAddress: 'Jl. Krobokan 12 RT 03 RW 02',
  domicileVillageCode: '33.74.13.1013',
  intendedVillageId: krobokanId,
  registrationNumber: 'BI.0412/2025',
  interests: 'Menjahit dan berjualan daring',
  preferredSectors: ['garment', 'retail'],
  constraints: { childcare: true, partTimeOnly: false, health: null },
  religion: 'Islam',
  skills: [{ name: 'Menjahit', sector: 'garment', level: 'intermediate' }],
  ...overrides,
});

async function register(body: Record<string, unknown>) {
  const response = await binadik.request({ method: 'POST', url: '/api/people', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

describe('registering a person', () => {
  let sitiId: string;

  it('registers a woman with her whole profile, shows it back and audits every read', async () => {
    const created = await register(siti());
    sitiId = created.id;
    const person = (await binadik.request({ method: 'GET', url: `/api/people/${sitiId}` })).json();
    expect(person).toMatchObject({
      displayName: 'Siti Nurhaliza',
      nik: '3374135705900001',
      birthDate: '1990-05-17',
      domicileVillage: { code: '33.74.13.1013', name: 'Krobokan' },
      intendedVillage: { id: krobokanId, name: 'Kelurahan Krobokan' },
      registrationNumber: 'BI.0412/2025',
      guarantor: { name: 'Slamet Riyadi', relation: 'suami' },
      constraints: { childcare: true },
      religion: 'Islam',
      skills: [{ name: 'Menjahit', level: 'intermediate', evidence: 'self_reported' }],
      status: 'in_custody',
      corrections: true,
      canEdit: true,
      version: 1,
    });
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_organization_id'])
      .where('subject_id', '=', sitiId)
      .execute();
    expect(reads).toContainEqual({ action: 'person.created', subject_organization_id: LAPAS_ID });
    expect(reads).toContainEqual({ action: 'person.viewed', subject_organization_id: LAPAS_ID });
    const timeline = (await binadik.request({ method: 'GET', url: `/api/people/${sitiId}/timeline` })).json();
    expect(timeline.items.map((event: { kind: string }) => event.kind)).toEqual(['person.registered']);
  });

  it('refuses a second person with the same NIK', async () => {
    const response = await binadik.request({
      method: 'POST',
      url: '/api/people',
      payload: siti({ fullName: 'Sri Wahyuni', registrationNumber: 'BI.0001/2026' }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'PERSON_NIK_TAKEN',
      fields: { nik: 'NIK ini sudah terdaftar untuk orang lain.' },
    });
  });

  it('warns about a similar name with the same birth date, and saves once the officer confirms', async () => {
    const body = siti({ fullName: 'Siti Nur Haliza', nik: null, registrationNumber: 'BI.0500/2025' });
    const warned = await binadik.request({ method: 'POST', url: '/api/people', payload: body });
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.code).toBe('PERSON_SIMILAR_EXISTS');
    const similar = await binadik.request({
      method: 'GET',
      url: '/api/people/similar?fullName=Siti%20Nur%20Haliza&birthDate=1990-05-17',
    });
    expect(similar.json().items.map((item: { id: string }) => item.id)).toContain(sitiId);
    await register({ ...body, confirmSimilar: true });
  });

  it('names each bad field in Indonesian and stores nothing', async () => {
    const before = await t.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ nik: '12345' }, 'nik', /16 angka/],
      [{ nik: '3374134705900001' }, 'nik', /tanggal lahir/i],
      [{ nik: '9999135705900001' }, 'nik', /wilayah/i],
      [{ birthDate: '2090-01-01', nik: null }, 'birthDate', /masa depan/],
      [{ dependentChildren: -1 }, 'dependentChildren', /Minimal 0/],
      [{ domicileVillageCode: '33.74.13.9999' }, 'domicileVillageCode', /.+/],
      [{ intendedVillageId: LAPAS_ID }, 'intendedVillageId', /kelurahan/i],
      [{ fullName: '' }, 'fullName', /Wajib diisi|Minimal/],
    ];
    for (const [override, field, text] of cases) {
      const response = await binadik.request({
        method: 'POST',
        url: '/api/people',
        payload: siti({ nik: '3374135705900002', registrationNumber: 'BI.0999/2025', ...override }),
      });
      expect(response.statusCode, JSON.stringify(override)).toBe(400);
      expect(response.json().error.fields?.[field], JSON.stringify(response.json())).toMatch(text);
    }
    const after = await t.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses the second of two officers saving the same version, keeping the first one’s change', async () => {
    const { id, version } = await register(
      siti({
        fullName: 'Dewi Lestari',
        nik: null,
        birthDate: '1988-02-29',
        registrationNumber: 'BI.0600/2025',
      }),
    );
    const other = await sessionFor(['prison_binadik'], LAPAS_ID);
    const first = await binadik.request({
      method: 'PATCH',
      url: `/api/people/${id}`,
      payload: { phone: '081111111111', version },
    });
    expect(first.statusCode).toBe(200);
    const second = await other.request({
      method: 'PATCH',
      url: `/api/people/${id}`,
      payload: { phone: '082222222222', version },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('PERSON_CHANGED');
    const person = (await binadik.request({ method: 'GET', url: `/api/people/${id}` })).json();
    expect(person.phone).toBe('081111111111');
    expect(person.version).toBe(version + 1);
  });
});

describe('sentence and milestones', () => {
  it('records a sentence and a remission, moving the release date, and shows how each date was computed', async () => {
    const { id } = await register(
      siti({
        fullName: 'Rina Marlina',
        nik: null,
        birthDate: '1985-03-03',
        registrationNumber: 'BI.0700/2025',
      }),
    );
    const missing = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: { sentenceYears: -1, version: 0 },
    });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['sentenceYears']);

    const saved = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: {
        offenceCategory: 'fraud',
        courtDecisionNumber: '123/Pid.B/2025/PN Smg',
        courtDecisionDate: '2025-03-01',
        sentenceYears: 2,
        detentionStartDate: '2025-01-10',
        version: 0,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const view = saved.json();
    expect(view.milestones.releaseDate).toBe('2027-01-10');
    const release = view.milestones.items.find((item: { key: string }) => item.key === 'release');
    expect(release.formula.id).toContain('10/01/2025');
    expect(release.inputs.length).toBeGreaterThan(0);

    const remission = await binadik.request({
      method: 'POST',
      url: `/api/people/${id}/remissions`,
      payload: { kind: 'general', days: 30, decreeNumber: 'PAS-123.PK.01.05.01', decreeDate: '2026-08-17' },
    });
    expect(remission.statusCode, remission.body).toBe(200);
    expect(remission.json().milestones.releaseDate).toBe('2026-12-11');
    const person = (await binadik.request({ method: 'GET', url: `/api/people/${id}` })).json();
    expect(person.releaseDate).toBe('2026-12-11');

    const stale = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: { sentenceYears: 3, detentionStartDate: '2025-01-10', version: view.custody.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CUSTODY_CHANGED');

    const incomplete = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: {
        sentenceYears: 2,
        detentionStartDate: '2025-01-10',
        returnedOn: '2026-01-10',
        version: view.custody.version + 1,
      },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(Object.keys(incomplete.json().error.fields)).toEqual(['releasedOn']);
    const parole = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: {
        sentenceYears: 2,
        detentionStartDate: '2025-01-10',
        releaseKind: 'parole',
        releasedOn: '2026-01-10',
        version: view.custody.version + 1,
      },
    });
    expect(parole.statusCode).toBe(400);
    expect(Object.keys(parole.json().error.fields)).toEqual(['supervisionEndDate']);

    const backwards = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: {
        sentenceYears: 2,
        detentionStartDate: '2025-01-10',
        releasedOn: '2024-12-01',
        version: view.custody.version + 1,
      },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.releasedOn).toMatch(/sesudah/);
  });

  it('moves the stored release date when changed rules stop counting a remission', async () => {
    const { id } = await register(
      siti({
        fullName: 'Sari Rahmawati',
        nik: null,
        birthDate: '1986-06-06',
        registrationNumber: 'BI.0710/2025',
      }),
    );
    await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: { sentenceYears: 3, detentionStartDate: '2025-01-10', version: 0 },
    });
    // Granted 17/08/2025, after 7 months served: counted under the 6-month rule.
    await binadik.request({
      method: 'POST',
      url: `/api/people/${id}/remissions`,
      payload: { kind: 'general', days: 60, decreeDate: '2025-08-17' },
    });
    const releaseDate = async () =>
      (await binadik.request({ method: 'GET', url: `/api/people/${id}` })).json().releaseDate;
    // 10/01/2028 − 60 days = 11/11/2027.
    expect(await releaseDate()).toBe('2027-11-11');
    const admin = await sessionFor(['system_admin'], LAPAS_ID);
    const current = (await admin.request({ method: 'GET', url: '/api/rules/sentence' })).json();
    const save = (minimumServedMonths: number, version: number) =>
      admin.request({
        method: 'PUT',
        url: '/api/rules/sentence',
        payload: {
          rules: { ...current.rules, remission: { ...current.rules.remission, minimumServedMonths } },
          note: 'Uji aturan remisi',
          version,
        },
      });
    const stricter = await save(8, current.version);
    expect(stricter.statusCode, stricter.body).toBe(200);
    expect(await releaseDate()).toBe('2028-01-10');
    expect((await save(6, current.version + 1)).statusCode).toBe(200);
    expect(await releaseDate()).toBe('2027-11-11');
  });

  it('records a planned transfer, shows it back, and refuses one before the detention start', async () => {
    const { id } = await register(
      siti({
        fullName: 'Ratna Sulistyowati',
        nik: null,
        birthDate: '1988-08-08',
        registrationNumber: 'BI.0720/2025',
      }),
    );
    const put = (payload: Record<string, unknown>) =>
      binadik.request({ method: 'PUT', url: `/api/people/${id}/custody`, payload });
    const saved = await put({
      sentenceYears: 4,
      detentionStartDate: '2025-01-10',
      transferPlannedOn: '2027-03-15',
      transferDestination: '  Lapas Perempuan Kelas IIA Bandung ',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().custody).toMatchObject({
      transferPlannedOn: '2027-03-15',
      transferDestination: 'Lapas Perempuan Kelas IIA Bandung',
      version: 1,
    });
    const read = await binadik.request({ method: 'GET', url: `/api/people/${id}/custody` });
    expect(read.json().custody).toMatchObject({
      transferPlannedOn: '2027-03-15',
      transferDestination: 'Lapas Perempuan Kelas IIA Bandung',
    });

    const early = await put({
      sentenceYears: 4,
      detentionStartDate: '2025-01-10',
      transferPlannedOn: '2024-12-31',
      transferDestination: 'Lapas Perempuan Kelas IIA Bandung',
      version: 1,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({
      transferPlannedOn: 'Rencana pindah tidak boleh sebelum tanggal mulai ditahan.',
    });
    const long = await put({ sentenceYears: 4, transferDestination: 'x'.repeat(151), version: 1 });
    expect(Object.keys(long.json().error.fields)).toEqual(['transferDestination']);

    const cleared = await put({ sentenceYears: 4, detentionStartDate: '2025-01-10', version: 1 });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().custody).toMatchObject({
      transferPlannedOn: null,
      transferDestination: null,
      version: 2,
    });
  });

  it('derives the status from dates the same way in the list filter as on the record', async () => {
    const window = 90;
    const day = (offset: number) => {
      const date = new Date(`${today()}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + offset);
      return date.toISOString().slice(0, 10);
    };
    const cases = [
      { releaseDate: day(400), releasedOn: null, supervisionEndDate: null, returnedOn: null },
      { releaseDate: day(30), releasedOn: null, supervisionEndDate: null, returnedOn: null },
      { releaseDate: day(60), releasedOn: day(-10), supervisionEndDate: day(200), returnedOn: null },
      { releaseDate: day(-300), releasedOn: day(-300), supervisionEndDate: day(-20), returnedOn: null },
      { releaseDate: day(-300), releasedOn: day(-300), supervisionEndDate: day(100), returnedOn: day(-5) },
    ];
    const org = await createOrganization(t.database.db, { kind: 'prison' });
    const officer = await sessionFor(['prison_binadik'], org.id);
    const expected: Record<string, string> = {};
    for (const dates of cases) {
      const person = await createPerson(t.database.db, {
        organizationId: org.id,
        releaseDate: dates.releaseDate,
      });
      await t.database.db
        .updateTable('person')
        .set({
          released_on: dates.releasedOn,
          supervision_end_date: dates.supervisionEndDate,
          returned_on: dates.returnedOn,
        })
        .where('id', '=', person.id)
        .execute();
      expected[person.id] = journeyStatus(dates, window, today());
    }
    expect(new Set(Object.values(expected)).size).toBe(5);
    for (const [id, status] of Object.entries(expected)) {
      const list = (await officer.request({ method: 'GET', url: `/api/people?status=${status}` })).json();
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([id]);
      expect(list.items[0].status).toBe(status);
    }
  });
});

describe('search and lists', () => {
  let org: string;
  let officer: Session;
  beforeAll(async () => {
    org = (await createOrganization(t.database.db, { kind: 'prison' })).id;
    officer = await sessionFor(['prison_binadik'], org);
    for (const fullName of ['Siti Nurhaliza', 'Sri Wahyuni', 'Lim Mei Ling', 'Yuliana Kristanti'])
      await createPerson(t.database.db, { organizationId: org, fullName, skills: ['Menjahit'] });
  });

  const names = async (query: string) =>
    (await officer.request({ method: 'GET', url: `/api/people?${query}` }))
      .json()
      .items.map((item: { displayName: string }) => item.displayName);

  it('finds Siti Nurhaliza from “siti nur haliza” and from “Nurhalisa”', async () => {
    expect((await names('q=siti%20nur%20haliza'))[0]).toBe('Siti Nurhaliza');
    expect((await names('q=Nurhalisa'))[0]).toBe('Siti Nurhaliza');
    expect(await names('q=Wahyuni')).toEqual(['Sri Wahyuni']);
  });

  it('counts the matches of a name search up to 1,000 and says when there are more', async () => {
    expect((await officer.request({ method: 'GET', url: '/api/people?q=Wahyuni' })).json()).toMatchObject({
      total: 1,
      totalCapped: false,
    });
    const crowded = (await createOrganization(t.database.db, { kind: 'prison' })).id;
    await sql`insert into person (organization_id, full_name, search_name)
      select ${crowded}, 'Siti Aminah ' || n, 'siti aminah ' || n from generate_series(1, 1005) n`.execute(
      t.database.db,
    );
    const busy = await sessionFor(['prison_binadik'], crowded);
    const page = (
      await busy.request({ method: 'GET', url: '/api/people?q=siti%20aminah&pageSize=10' })
    ).json();
    expect(page).toMatchObject({ total: 1000, totalCapped: true });
    expect(page.items).toHaveLength(10);

    // Paging through the whole search shows each of them once: every page comes from the same order.
    const seen: string[] = [];
    for (let number = 1; number <= 6; number++) {
      const next = (
        await busy.request({ method: 'GET', url: `/api/people?q=siti%20aminah&pageSize=200&page=${number}` })
      ).json();
      seen.push(...next.items.map((item: { id: string }) => item.id));
    }
    expect(seen).toHaveLength(1005);
    expect(new Set(seen).size).toBe(1005);

    // A plain list is not a search: it counts everyone, and every page can be reached.
    const plain = (await busy.request({ method: 'GET', url: '/api/people?pageSize=200&page=6' })).json();
    expect(plain).toMatchObject({ total: 1005, totalCapped: false });
    expect(plain.items).toHaveLength(5);
  });

  it('ranks whole-word matches first, then near spellings, and pages through both without repeats', async () => {
    const mixed = (await createOrganization(t.database.db, { kind: 'prison' })).id;
    await sql`insert into person (organization_id, full_name, search_name)
      select ${mixed}, 'Wulandary Putri ' || n, 'wulandary putri ' || n from generate_series(1, 30) n`.execute(
      t.database.db,
    );
    await sql`insert into person (organization_id, full_name, search_name)
      select ${mixed}, 'Dewi Wulandari ' || n, 'dewi wulandari ' || n from generate_series(1, 30) n`.execute(
      t.database.db,
    );
    const clerk = await sessionFor(['prison_binadik'], mixed);
    const pages = [];
    for (let number = 1; number <= 3; number++)
      pages.push(
        (
          await clerk.request({ method: 'GET', url: `/api/people?q=wulandari&pageSize=20&page=${number}` })
        ).json().items as { id: string; displayName: string }[],
      );
    const shown = pages.flat();
    expect(shown).toHaveLength(60);
    expect(new Set(shown.map((item) => item.id)).size).toBe(60);
    // The 30 with the word typed come first (pages 1 and half of 2), the near spellings after them.
    expect(shown.slice(0, 30).every((item) => item.displayName.startsWith('Dewi Wulandari'))).toBe(true);
    expect(shown.slice(30).every((item) => item.displayName.startsWith('Wulandary Putri'))).toBe(true);
  });

  it('pages and sorts on the server and reports the total', async () => {
    const page = (
      await officer.request({ method: 'GET', url: '/api/people?pageSize=2&page=2&sort=name' })
    ).json();
    expect(page).toMatchObject({ total: 4, totalCapped: false, page: 2, pageSize: 2 });
    expect(page.items.map((item: { displayName: string }) => item.displayName)).toEqual([
      'Sri Wahyuni',
      'Yuliana Kristanti',
    ]);
  });

  it('filters by skill and rejects an unknown filter with the field named', async () => {
    expect((await names('skill=jahit')).length).toBe(4);
    const response = await officer.request({ method: 'GET', url: '/api/people?status=bebas' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['status']);
  });
});

describe('who sees what', () => {
  let consenting: string;
  let skillsOnly: string;
  let unconsented: string;
  let referred: string;
  let proposed: string;
  let partnerId: string;

  beforeAll(async () => {
    const db = t.database.db;
    const custody = { offenceCategory: 'narcotics' };
    consenting = (
      await createPerson(db, { fullName: 'Ani Setyowati', custody, intendedVillageId: krobokanId })
    ).id;
    await giveConsent(db, consenting, { organizationIds: [krobokanId] });
    skillsOnly = (await createPerson(db, { fullName: 'Budi Astuti', custody, skills: ['Membatik'] })).id;
    await giveConsent(db, skillsOnly, { kinds: ['village'], groups: ['skills_training'] });
    unconsented = (await createPerson(db, { fullName: 'Citra Handayani', custody })).id;
    await giveConsent(db, unconsented, { organizationIds: [manyaranId] });
    await giveConsent(db, unconsented, { organizationIds: [krobokanId], withdrawn: true });
    referred = (await createPerson(db, { fullName: 'Dian Puspita', custody })).id;
    await linkPerson(db, referred, BAPAS_ID, 'referral');
    partnerId = (await createOrganization(db, { kind: 'partner' })).id;
    proposed = (await createPerson(db, { fullName: 'Endah Susilowati', custody })).id;
    await linkPerson(db, proposed, partnerId, 'proposal');
    await giveConsent(db, proposed, { organizationIds: [partnerId] });
  });

  const get = (session: Session, id: string, suffix = '') =>
    session.request({ method: 'GET', url: `/api/people/${id}${suffix}` });

  it('lets a kelurahan see only who consented to it, only the consented groups, never sentence data', async () => {
    const village = await sessionFor(['village_staff'], krobokanId);
    const seen = await get(village, consenting);
    expect(seen.statusCode).toBe(200);
    const person = seen.json();
    expect(person).toMatchObject({ fullName: 'Ani Setyowati', corrections: false, registrationNumber: null });
    expect(person.visibleGroups).toEqual(['identity_contact', 'skills_training', 'availability_status']);
    expect(seen.body).not.toMatch(/narcotics|BI\.|offence|religion":"/);
    expect((await get(village, consenting, '/custody')).statusCode).toBe(403);

    const partial = (await get(village, skillsOnly)).json();
    expect(partial).toMatchObject({
      displayName: 'B. A.',
      fullName: null,
      nik: null,
      phone: null,
      status: null,
    });
    expect(partial.skills.map((skill: { name: string }) => skill.name)).toEqual(['Membatik']);

    expect((await get(village, unconsented)).statusCode).toBe(404);
    const list = (await village.request({ method: 'GET', url: '/api/people?pageSize=200' })).json();
    const ids = list.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(consenting);
    expect(ids).toContain(skillsOnly);
    expect(ids).not.toContain(unconsented);
    expect(ids).not.toContain(referred);
    expect(JSON.stringify(list)).not.toMatch(/BI\./);
  });

  it('does not let a filter or a sort reveal a field the consent hides', async () => {
    const db = t.database.db;
    const partner = (await createOrganization(db, { kind: 'partner' })).id;
    const officer = await sessionFor(['partner_staff'], partner);
    // She shared her skills only: no name, no release date, no home village.
    const hidden = (
      await createPerson(db, {
        fullName: 'Yuliana Kristanti',
        releaseDate: '2027-09-02',
        domicileVillageCode: '33.74.13.1005',
        intendedVillageId: krobokanId,
        skills: ['Menjahit'],
      })
    ).id;
    await linkPerson(db, hidden, partner, 'proposal');
    await giveConsent(db, hidden, { organizationIds: [partner], groups: ['skills_training'] });
    const ids = async (query: string) =>
      (await officer.request({ method: 'GET', url: `/api/people?${query}` }))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await ids('')).toEqual([hidden]);
    expect(await ids('skill=jahit')).toEqual([hidden]);
    for (const query of [
      'q=Yuliana%20Kristanti',
      'status=in_custody',
      'releaseWithinDays=3650',
      `villageId=${krobokanId}`,
      'domicileVillageCode=33.74.13.1005',
    ])
      expect(await ids(query), query).toEqual([]);
  });

  it('hides a release from the timeline of someone not given her availability', async () => {
    const db = t.database.db;
    const { id } = await register(
      siti({
        fullName: 'Indah Permatasari',
        nik: null,
        birthDate: '1991-01-21',
        registrationNumber: 'BI.1000/2025',
      }),
    );
    const saved = await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: {
        sentenceYears: 1,
        detentionStartDate: '2025-01-05',
        releaseKind: 'expiry',
        releasedOn: '2026-01-05',
        version: 0,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const skillsOnly = await sessionFor(['village_staff'], manyaranId);
    await giveConsent(db, id, { organizationIds: [manyaranId], groups: ['skills_training'] });
    const kinds = async (session: Session) =>
      (await get(session, id, '/timeline')).json().items.map((event: { kind: string }) => event.kind);
    expect(await kinds(skillsOnly)).toEqual(['person.registered']);
    const village = await sessionFor(['village_staff'], krobokanId);
    await giveConsent(db, id, { organizationIds: [krobokanId] });
    expect(await kinds(village)).toEqual(['person.released', 'person.registered']);
  });

  it('stops showing a person on the very next request after she withdraws her consent', async () => {
    const village = await sessionFor(['village_staff'], krobokanId);
    const id = (await createPerson(t.database.db, { fullName: 'Fitri Rahayu' })).id;
    const consent = await giveConsent(t.database.db, id, { organizationIds: [krobokanId] });
    expect((await get(village, id)).statusCode).toBe(200);
    await t.database.db
      .updateTable('consent')
      .set({ withdrawn_on: today() })
      .where('id', '=', consent.id)
      .execute();
    expect((await get(village, id)).statusCode).toBe(404);
  });

  it('lets Bapas see the people referred to it, with their sentence', async () => {
    const pk = await sessionFor(['probation_officer'], BAPAS_ID);
    expect((await get(pk, referred)).statusCode).toBe(200);
    expect((await get(pk, referred, '/custody')).statusCode).toBe(200);
    expect((await get(pk, consenting)).statusCode).toBe(404);
  });

  it('lets a partner see only people proposed to it who consented to it', async () => {
    const partner = await sessionFor(['partner_staff'], partnerId);
    expect((await get(partner, proposed)).statusCode).toBe(200);
    expect((await get(partner, proposed)).body).not.toMatch(/narcotics/);
    expect((await get(partner, consenting)).statusCode).toBe(404);
  });

  it('keeps other prisons, the kecamatan without consent, viewers and administrators out', async () => {
    const otherPrison = await sessionFor(
      ['prison_binadik'],
      (await createOrganization(t.database.db, { kind: 'prison' })).id,
    );
    expect((await get(otherPrison, consenting)).statusCode).toBe(404);
    const district = await sessionFor(['district_staff'], KECAMATAN_ID);
    expect((await get(district, consenting)).statusCode).toBe(404);
    const viewer = await sessionFor(['viewer'], KECAMATAN_ID);
    expect((await get(viewer, consenting)).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: '/api/people' })).statusCode).toBe(403);
    const admin = await sessionFor(['system_admin'], LAPAS_ID);
    expect((await get(admin, consenting)).statusCode).toBe(403);
  });

  it('refuses edits by anyone but corrections staff', async () => {
    const village = await sessionFor(['village_staff'], krobokanId);
    const response = await village.request({
      method: 'PATCH',
      url: `/api/people/${consenting}`,
      payload: { phone: '0800000000', version: 1 },
    });
    expect(response.statusCode).toBe(403);
  });

  it('shows a kelurahan only the shared events of the timeline', async () => {
    const village = await sessionFor(['village_staff'], krobokanId);
    const id = (
      await register(
        siti({
          fullName: 'Gita Permata',
          nik: null,
          birthDate: '1992-07-07',
          registrationNumber: 'BI.0800/2025',
        }),
      )
    ).id;
    await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: { sentenceYears: 1, detentionStartDate: '2026-01-05', offenceCategory: 'theft', version: 0 },
    });
    await giveConsent(t.database.db, id, { organizationIds: [krobokanId] });
    const events = (await get(village, id, '/timeline'))
      .json()
      .items.map((event: { kind: string }) => event.kind);
    expect(events).toEqual(['person.registered']);
    const all = (await get(binadik, id, '/timeline'))
      .json()
      .items.map((event: { kind: string }) => event.kind);
    expect(all).toEqual(['custody.changed', 'person.registered']);
  });
});

describe('referral to Bapas', () => {
  it('refers a person to Bapas, refuses a second referral and a non-probation organization', async () => {
    const { id } = await register(
      siti({
        fullName: 'Hana Kartika',
        nik: null,
        birthDate: '1995-11-30',
        registrationNumber: 'BI.0900/2025',
      }),
    );
    await binadik.request({
      method: 'PUT',
      url: `/api/people/${id}/custody`,
      payload: { sentenceYears: 1, detentionStartDate: '2026-01-05', version: 0 },
    });
    const referral = await binadik.request({
      method: 'POST',
      url: `/api/people/${id}/referrals`,
      payload: { organizationId: BAPAS_ID, note: 'Litmas asimilasi' },
    });
    expect(referral.statusCode, referral.body).toBe(200);
    expect(referral.json().links).toMatchObject([{ kind: 'referral', organizationId: BAPAS_ID }]);
    const again = await binadik.request({
      method: 'POST',
      url: `/api/people/${id}/referrals`,
      payload: { organizationId: BAPAS_ID },
    });
    expect(again.statusCode).toBe(409);
    const wrong = await binadik.request({
      method: 'POST',
      url: `/api/people/${id}/referrals`,
      payload: { organizationId: krobokanId },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.organizationId).toBe('Pilih sebuah Bapas.');
  });
});
