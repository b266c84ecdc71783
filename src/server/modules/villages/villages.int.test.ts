import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { skillByCode } from '../../../../tests/factories/training.ts';
import { createPartner, createVillageProfile, villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type {
  UpdateVillageRequest,
  VillageDetail,
  VillageList,
  VillageRevisionList,
  VillageSectors,
} from '../../../shared/villages.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const skill: Record<string, string> = {};
let krobokan: string;
let ngemplak: string;
let tambakharjo: string;
let partnerId: string;
let otherPartnerId: string;

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  ngemplak = (await villageByCode(db, '33.74.13.1001')).id;
  tambakharjo = (await villageByCode(db, '33.74.13.1004')).id;
  partnerId = (await createPartner(db, { name: 'Konveksi Uji' })).id;
  otherPartnerId = (await createPartner(db, { name: 'Katering Lain' })).id;
  await user('prison', LAPAS_ID, ['prison_binadik']);
  await user('krobokan', krobokan, ['village_staff']);
  await user('ngemplak', ngemplak, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('partner', partnerId, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
  for (const code of ['garment.sewing', 'food.catering', 'batik.written'])
    skill[code] = (await skillByCode(db, code)).id;
});
afterAll(() => t.close());

const get = (session: Session, url: string) => session.request({ method: 'GET', url });
const put = (session: Session, villageId: string, payload: unknown) =>
  session.request({ method: 'PUT', url: `/api/villages/${villageId}`, payload: payload as object });

const emptyDocument = (version: number): UpdateVillageRequest => ({
  version,
  contacts: [],
  potentials: [],
  needs: [],
  facilities: [],
});

/** An opportunity of a partner in a kelurahan, with people placed (and one proposed) on it. */
async function opportunity(options: {
  partnerId: string;
  villageId: string;
  sector: string;
  places: number;
  status: 'draft' | 'open' | 'filled' | 'closed';
  placed: number;
  proposed?: number;
}) {
  const db = t.database.db;
  const row = await db
    .insertInto('opportunity')
    .values({
      partner_id: options.partnerId,
      village_id: options.villageId,
      kind: 'job_vacancy',
      title: `Lowongan ${options.sector}`,
      sector: options.sector,
      places: options.places,
      start_on: '2026-01-05',
      status: options.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stages = [
    ...Array.from({ length: options.placed }, () => 'placed' as const),
    ...Array.from({ length: options.proposed ?? 0 }, () => 'proposed' as const),
  ];
  for (const stage of stages) {
    const person = await createPerson(db);
    await db
      .insertInto('placement')
      .values({ person_id: person.id, opportunity_id: row.id, stage, proposer_organization_id: LAPAS_ID })
      .execute();
  }
  return row.id;
}

describe('the kelurahan list, counts and sectors', () => {
  beforeAll(async () => {
    const db = t.database.db;
    await createVillageProfile(db, tambakharjo, {
      hostSince: '2025-06-01',
      potentials: [
        { sector: 'food', strength: 4 },
        { sector: 'food', strength: 2 },
        { sector: 'hospitality', strength: 5 },
      ],
      needs: [
        { sector: 'food', size: 10 },
        { sector: 'food', size: null },
        { sector: 'retail', size: 4 },
      ],
      facilities: [{ kind: 'market_stall' }],
    });
    await createPartner(db, { villageId: tambakharjo });
    await db
      .updateTable('partner_profile')
      .set({ village_id: tambakharjo })
      .where('organization_id', 'in', [partnerId, otherPartnerId])
      .execute();
    // Open: 3 places, 1 placed, 1 proposed → 2 open places.
    await opportunity({
      partnerId,
      villageId: tambakharjo,
      sector: 'food',
      places: 3,
      status: 'open',
      placed: 1,
      proposed: 1,
    });
    // Open but over-filled: counts 0 open places, 2 placed.
    await opportunity({
      partnerId: otherPartnerId,
      villageId: tambakharjo,
      sector: 'hospitality',
      places: 1,
      status: 'open',
      placed: 2,
    });
    // A draft's places are not open; a closed one's placed people still count.
    await opportunity({
      partnerId,
      villageId: tambakharjo,
      sector: 'food',
      places: 5,
      status: 'draft',
      placed: 0,
    });
    await opportunity({
      partnerId: otherPartnerId,
      villageId: tambakharjo,
      sector: 'retail',
      places: 2,
      status: 'closed',
      placed: 1,
    });
    // Elsewhere: not Tambakharjo's.
    await opportunity({
      partnerId,
      villageId: ngemplak,
      sector: 'food',
      places: 4,
      status: 'open',
      placed: 0,
    });
  });

  it('lists all 16 kelurahan with host status and counts, to every signed-in role', async () => {
    for (const role of ['prison', 'krobokan', 'kecamatan', 'viewer', 'admin']) {
      const response = await get(as[role] as Session, '/api/villages');
      expect(response.statusCode, role).toBe(200);
      const list = response.json() as VillageList;
      expect(list.items, role).toHaveLength(16);
      const item = list.items.find((candidate) => candidate.id === tambakharjo);
      expect(item, role).toEqual({
        id: tambakharjo,
        code: '33.74.13.1004',
        name: 'Kelurahan Tambakharjo',
        shortName: 'Tambakharjo',
        kecamatanId: KECAMATAN_ID,
        kecamatanName: 'Kecamatan Semarang Barat',
        hostStatus: 'host',
        hostSince: '2025-06-01',
        counts: {
          potentials: 3,
          needs: 3,
          facilities: 1,
          partners: 3,
          openOpportunities: 2,
          openPlaces: 2,
          placed: 4,
        },
      });
      expect(list.items.find((candidate) => candidate.id === krobokan)?.hostStatus, role).toBe('none');
    }
    expect((await get(as.prison as Session, '/api/villages')).json().items[0].name).toBe(
      'Kelurahan Bojongsalaman',
    );
  });

  it('counts only her own organization’s partners and opportunities for a partner', async () => {
    const list = (await get(as.partner as Session, '/api/villages')).json() as VillageList;
    expect(list.items.find((item) => item.id === tambakharjo)?.counts).toEqual({
      potentials: 3,
      needs: 3,
      facilities: 1,
      partners: 1,
      openOpportunities: 1,
      openPlaces: 2,
      placed: 1,
    });
  });

  it('counts only her own organization’s opportunities on a kelurahan page and per sector for a partner', async () => {
    const partner = as.partner as Session;
    const page = (await get(partner, `/api/villages/${tambakharjo}`)).json() as VillageDetail;
    expect(page.counts).toEqual({
      potentials: 3,
      needs: 3,
      facilities: 1,
      partners: 1,
      openOpportunities: 1,
      openPlaces: 2,
      placed: 1,
    });
    const bySector = async (query: string) =>
      Object.fromEntries(
        ((await get(partner, `/api/villages/sectors${query}`)).json() as VillageSectors).items.map((row) => [
          row.sector,
          row,
        ]),
      );
    // Tambakharjo: her open food vacancy (1 placed, 2 places left); the other partner's open hospitality
    // vacancy (2 placed) and closed retail one (1 placed) count nothing for her. Potentials and needs do.
    const one = await bySector(`?villageId=${tambakharjo}`);
    expect(one.food).toMatchObject({
      potentials: 2,
      needs: 2,
      openOpportunities: 1,
      openPlaces: 2,
      placed: 1,
    });
    expect(one.hospitality).toMatchObject({ potentials: 1, openOpportunities: 0, openPlaces: 0, placed: 0 });
    expect(one.retail).toMatchObject({ needs: 1, openOpportunities: 0, openPlaces: 0, placed: 0 });
    // All kelurahan: her vacancies in Tambakharjo and Ngemplak (3 + 4 places, 1 placed); her draft is not open.
    const all = await bySector('');
    expect(all.food).toMatchObject({ openOpportunities: 2, openPlaces: 6, placed: 1 });
    expect(all.hospitality).toMatchObject({ openOpportunities: 0, openPlaces: 0, placed: 0 });
    expect(all.retail).toMatchObject({ openOpportunities: 0, openPlaces: 0, placed: 0 });
    // Prison staff see every partner's on the same page and chart.
    const everyone = (
      await get(as.prison as Session, `/api/villages/${tambakharjo}`)
    ).json() as VillageDetail;
    expect(everyone.counts).toMatchObject({ partners: 3, openOpportunities: 2, openPlaces: 2, placed: 4 });
    const chart = (
      await get(as.prison as Session, `/api/villages/sectors?villageId=${tambakharjo}`)
    ).json() as VillageSectors;
    expect(chart.items.find((row) => row.sector === 'hospitality')).toMatchObject({
      openOpportunities: 1,
      placed: 2,
    });
  });

  it('filters by part of the name or the code', async () => {
    const byName = (await get(as.prison as Session, '/api/villages?q=KROB')).json() as VillageList;
    expect(byName.items.map((item) => item.id)).toEqual([krobokan]);
    const byCode = (await get(as.prison as Session, '/api/villages?q=13.1004')).json() as VillageList;
    expect(byCode.items.map((item) => item.id)).toEqual([tambakharjo]);
    const none = (await get(as.prison as Session, '/api/villages?q=%25')).json() as VillageList;
    expect(none.items).toEqual([]);
  });

  it('gives per sector potentials, needs, open places and placed people, for one kelurahan or all', async () => {
    const response = await get(as.viewer as Session, `/api/villages/sectors?villageId=${tambakharjo}`);
    expect(response.statusCode).toBe(200);
    const sectors = response.json() as VillageSectors;
    expect(sectors.villageId).toBe(tambakharjo);
    expect(sectors.items).toHaveLength(11);
    const bySector = Object.fromEntries(sectors.items.map((row) => [row.sector, row]));
    expect(bySector.food).toEqual({
      sector: 'food',
      potentials: 2,
      potentialMaxStrength: 4,
      potentialAvgStrength: 3,
      needs: 2,
      needSize: 10,
      openOpportunities: 1,
      openPlaces: 2,
      placed: 1,
    });
    expect(bySector.hospitality).toMatchObject({
      potentials: 1,
      openOpportunities: 1,
      openPlaces: 0,
      placed: 2,
    });
    expect(bySector.retail).toMatchObject({ needs: 1, needSize: 4, openOpportunities: 0, placed: 1 });
    expect(bySector.batik).toEqual({
      sector: 'batik',
      potentials: 0,
      potentialMaxStrength: null,
      potentialAvgStrength: null,
      needs: 0,
      needSize: 0,
      openOpportunities: 0,
      openPlaces: 0,
      placed: 0,
    });

    const all = (await get(as.viewer as Session, '/api/villages/sectors')).json() as VillageSectors;
    expect(all.villageId).toBeNull();
    const food = all.items.find((row) => row.sector === 'food');
    expect(food?.openOpportunities).toBeGreaterThanOrEqual(2);
    expect(food?.openPlaces).toBeGreaterThanOrEqual(6);

    const notVillage = await get(as.viewer as Session, `/api/villages/sectors?villageId=${LAPAS_ID}`);
    expect(notVillage.statusCode).toBe(404);
    expect(notVillage.json().error.code).toBe('VILLAGE_PROFILE_NOT_FOUND');
  });
});

describe('a kelurahan page', () => {
  it('shows a never-saved profile as empty with version 0, and who may edit it', async () => {
    const response = await get(as.prison as Session, `/api/villages/${ngemplak}`);
    expect(response.statusCode).toBe(200);
    const village = response.json() as VillageDetail;
    expect(village).toMatchObject({
      id: ngemplak,
      code: '33.74.13.1001',
      name: 'Kelurahan Ngemplak Simongan',
      kecamatanName: 'Kecamatan Semarang Barat',
      hostStatus: 'none',
      contacts: [],
      profile: {
        lurahName: null,
        lurahPhone: null,
        population: null,
        areaKm2: null,
        latitude: null,
        longitude: null,
        description: null,
        hostSince: null,
        hostAgreement: null,
      },
      potentials: [],
      needs: [],
      facilities: [],
      updatedAt: null,
      updatedByName: null,
      canEdit: false,
      version: 0,
    });
    const canEdit = async (role: string, villageId: string) =>
      ((await get(as[role] as Session, `/api/villages/${villageId}`)).json() as VillageDetail).canEdit;
    expect(await canEdit('ngemplak', ngemplak)).toBe(true);
    expect(await canEdit('krobokan', ngemplak)).toBe(false);
    expect(await canEdit('kecamatan', ngemplak)).toBe(true);
    expect(await canEdit('partner', ngemplak)).toBe(false);
    expect(await canEdit('viewer', ngemplak)).toBe(false);
    expect(await canEdit('admin', ngemplak)).toBe(false);
  });

  it('answers 404 for an id that is not a kelurahan', async () => {
    for (const id of [LAPAS_ID, KECAMATAN_ID, partnerId, '00000000-0000-4000-8000-00000000dead']) {
      for (const url of [`/api/villages/${id}`, `/api/villages/${id}/revisions`]) {
        const response = await get(as.kecamatan as Session, url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error).toMatchObject({
          code: 'VILLAGE_PROFILE_NOT_FOUND',
          message: 'Kelurahan tidak ditemukan.',
        });
      }
      expect((await put(as.kecamatan as Session, id, emptyDocument(0))).statusCode).toBe(404);
    }
  });
});

describe('saving a profile', () => {
  it('creates the profile on the first save, versions each change with its diff and audits it', async () => {
    const officer = as.krobokan as Session;
    const first = await put(officer, krobokan, {
      version: 0,
      lurahName: '  Ibu Sri Wahyuni ',
      lurahPhone: '024-7601234',
      population: 24500,
      areaKm2: 1.234,
      latitude: -6.9712344,
      longitude: 110.3861,
      description: 'Kelurahan padat di tepi Banjir Kanal Barat.',
      hostSince: '2026-01-15',
      hostAgreement: 'PKS 12/2026 Desa Binaan',
      contacts: [
        { name: 'Pak Budi', position: 'Sekretaris Kelurahan', phone: '0812000111' },
        { name: 'Bu Ani', email: 'ani@krobokan.go.id' },
      ],
      potentials: [
        {
          sector: 'garment',
          skillId: skill['garment.sewing'],
          description: 'Konveksi rumahan',
          strength: 4,
          source: 'Survei 2025',
        },
        { sector: 'food', description: 'Kuliner pasar Krobokan', strength: 3 },
      ],
      needs: [
        {
          sector: 'food',
          skillId: skill['food.catering'],
          kind: 'labour_demand',
          description: 'Juru masak katering',
          size: 6,
          seasonMonths: [12, 3, 4],
        },
      ],
      facilities: [
        { kind: 'training_venue', name: 'Balai Kelurahan', address: 'Jl. Krobokan 1', capacity: 40 },
        { kind: 'market_stall', name: 'Kios pasar' },
      ],
    });
    expect(first.statusCode).toBe(200);
    const saved = first.json() as VillageDetail;
    expect(saved).toMatchObject({
      version: 1,
      hostStatus: 'host',
      hostSince: '2026-01-15',
      canEdit: true,
      updatedByName: 'Petugas krobokan',
      contacts: [
        { name: 'Pak Budi', position: 'Sekretaris Kelurahan', phone: '0812000111', email: null },
        { name: 'Bu Ani', position: null, phone: null, email: 'ani@krobokan.go.id' },
      ],
      profile: {
        lurahName: 'Ibu Sri Wahyuni',
        lurahPhone: '024-7601234',
        population: 24500,
        areaKm2: 1.23,
        latitude: -6.971234,
        longitude: 110.3861,
        hostAgreement: 'PKS 12/2026 Desa Binaan',
      },
      potentials: [
        {
          sector: 'garment',
          skillId: skill['garment.sewing'],
          skillName: 'Menjahit',
          skillNameEn: 'Sewing',
          description: 'Konveksi rumahan',
          strength: 4,
          source: 'Survei 2025',
          position: 1,
        },
        { sector: 'food', skillId: null, skillName: null, strength: 3, position: 2 },
      ],
      needs: [{ kind: 'labour_demand', size: 6, seasonMonths: [3, 4, 12], skillNameEn: 'Catering' }],
      facilities: [
        { kind: 'training_venue', name: 'Balai Kelurahan', capacity: 40, position: 1 },
        { kind: 'market_stall', name: 'Kios pasar', address: null, capacity: null, position: 2 },
      ],
      counts: { potentials: 2, needs: 1, facilities: 2 },
    });
    expect(saved.updatedAt).not.toBeNull();

    // Second save: a potential changed, one removed, a need added, a facility removed, a contact's phone.
    const [konveksi] = saved.potentials;
    const [need] = saved.needs;
    const [balai] = saved.facilities;
    // The profile as the second save leaves it (the population changes).
    const profile = {
      lurahName: 'Ibu Sri Wahyuni',
      lurahPhone: '024-7601234',
      population: 25000,
      areaKm2: 1.23,
      latitude: -6.971234,
      longitude: 110.3861,
      description: 'Kelurahan padat di tepi Banjir Kanal Barat.',
      hostSince: '2026-01-15',
      hostAgreement: 'PKS 12/2026 Desa Binaan',
    };
    const second = await put(officer, krobokan, {
      version: 1,
      ...profile,
      contacts: [
        { name: 'Pak Budi', position: 'Sekretaris Kelurahan', phone: '0812999888' },
        { name: 'Bu Ani', email: 'ani@krobokan.go.id' },
      ],
      potentials: [
        {
          id: konveksi?.id,
          sector: 'garment',
          skillId: skill['garment.sewing'],
          description: 'Konveksi rumahan',
          strength: 5,
          source: 'Survei 2025',
        },
      ],
      needs: [
        {
          id: need?.id,
          sector: 'food',
          skillId: skill['food.catering'],
          kind: 'labour_demand',
          description: 'Juru masak katering',
          size: 6,
          seasonMonths: [3, 4, 12],
        },
        { sector: 'batik', kind: 'market', description: 'Pembeli batik tulis', size: 0 },
      ],
      facilities: [
        {
          id: balai?.id,
          kind: 'training_venue',
          name: 'Balai Kelurahan',
          address: 'Jl. Krobokan 1',
          capacity: 40,
        },
      ],
    });
    expect(second.statusCode).toBe(200);
    const resaved = second.json() as VillageDetail;
    expect(resaved.version).toBe(2);
    expect(resaved.potentials).toMatchObject([{ id: konveksi?.id, strength: 5 }]);
    expect(resaved.needs.map((row) => [row.id === need?.id, row.description])).toEqual([
      [true, 'Juru masak katering'],
      [false, 'Pembeli batik tulis'],
    ]);
    expect(resaved.facilities.map((row) => row.id)).toEqual([balai?.id]);
    expect(resaved.profile.population).toBe(25000);

    // The same document again: no revision, no new version, no audit entry.
    const unchanged = await put(officer, krobokan, {
      version: 2,
      ...profile,
      contacts: resaved.contacts,
      potentials: resaved.potentials.map(({ id, sector, skillId, description, strength, source }) => ({
        id,
        sector,
        skillId,
        description,
        strength,
        source,
      })),
      needs: resaved.needs.map(({ id, sector, skillId, kind, description, size, seasonMonths }) => ({
        id,
        sector,
        skillId,
        kind,
        description,
        size,
        seasonMonths: [...seasonMonths].reverse(),
      })),
      facilities: resaved.facilities.map(({ id, kind, name, address, capacity, description }) => ({
        id,
        kind,
        name,
        address,
        capacity,
        description,
      })),
    });
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual(resaved);

    // A stale version is refused and changes nothing.
    const stale = await put(officer, krobokan, { ...emptyDocument(1), lurahName: 'Orang lain' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const never = await put(officer, krobokan, emptyDocument(0));
    expect(never.statusCode).toBe(409);
    expect(((await get(officer, `/api/villages/${krobokan}`)).json() as VillageDetail).version).toBe(2);

    // The history, newest first, with who and what.
    const history = await get(as.viewer as Session, `/api/villages/${krobokan}/revisions`);
    expect(history.statusCode).toBe(200);
    const revisions = history.json() as VillageRevisionList;
    expect(revisions).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(revisions.items.map((item) => item.version)).toEqual([2, 1]);
    const [latest, initial] = revisions.items;
    expect(latest?.changedBy).toEqual({
      id: ids.krobokan,
      name: 'Petugas krobokan',
      organizationName: 'Krobokan',
    });
    expect(latest?.changes).toEqual([
      { section: 'profile', action: 'updated', item: null, field: 'population', from: 24500, to: 25000 },
      {
        section: 'contact',
        action: 'updated',
        item: 'Pak Budi',
        field: 'phone',
        from: '0812000111',
        to: '0812999888',
      },
      {
        section: 'potential',
        action: 'updated',
        item: 'Konveksi rumahan',
        field: 'strength',
        from: 4,
        to: 5,
      },
      {
        section: 'potential',
        action: 'deleted',
        item: 'Kuliner pasar Krobokan',
        field: null,
        from: null,
        to: null,
      },
      { section: 'need', action: 'created', item: 'Pembeli batik tulis', field: null, from: null, to: null },
      { section: 'facility', action: 'deleted', item: 'Kios pasar', field: null, from: null, to: null },
    ]);
    expect(initial?.changes).toContainEqual({
      section: 'profile',
      action: 'updated',
      item: null,
      field: 'lurahName',
      from: null,
      to: 'Ibu Sri Wahyuni',
    });
    expect(initial?.changes).toContainEqual({
      section: 'potential',
      action: 'created',
      item: 'Konveksi rumahan',
      field: null,
      from: null,
      to: null,
    });
    const paged = (
      await get(as.viewer as Session, `/api/villages/${krobokan}/revisions?pageSize=1&page=2`)
    ).json();
    expect(paged.items.map((item: { version: number }) => item.version)).toEqual([1]);

    const db = t.database.db;
    const audits = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'village.updated')
      .where('subject_id', '=', krobokan)
      .orderBy('at')
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[1]).toEqual({
      actor_user_id: ids.krobokan,
      subject_type: 'village',
      subject_organization_id: krobokan,
      details: {
        version: 2,
        sections: ['profile', 'contact', 'potential', 'need', 'facility'],
        fields: [
          'profile.population',
          'contact.phone',
          'potential.strength',
          'potential.deleted',
          'need.created',
          'facility.deleted',
        ],
      },
    });
    expect(
      (await db.selectFrom('village_revision').select('version').where('village_id', '=', krobokan).execute())
        .length,
    ).toBe(2);
  });

  it('names skills in the history by id with their names', async () => {
    const kecamatan = as.kecamatan as Session;
    const first = (
      await put(kecamatan, tambakharjo, {
        ...emptyDocument(1),
        potentials: [
          { sector: 'batik', skillId: skill['batik.written'], description: 'Batik pesisir', strength: 2 },
        ],
      })
    ).json() as VillageDetail;
    const [batik] = first.potentials;
    await put(kecamatan, tambakharjo, {
      ...emptyDocument(2),
      potentials: [
        { id: batik?.id, sector: 'batik', skillId: null, description: 'Batik pesisir', strength: 2 },
      ],
    });
    const history = (
      await get(kecamatan, `/api/villages/${tambakharjo}/revisions`)
    ).json() as VillageRevisionList;
    expect(history.items[0]?.changes).toEqual([
      {
        section: 'potential',
        action: 'updated',
        item: 'Batik pesisir',
        field: 'skillId',
        from: skill['batik.written'],
        to: null,
      },
    ]);
    expect(history.skills).toEqual([
      { id: skill['batik.written'], name: 'Membatik tulis', nameEn: expect.any(String) },
    ]);
  });

  it('lets a kelurahan edit only her own, the kecamatan every one; others are refused', async () => {
    const document = { ...emptyDocument(0), description: 'Diubah oleh kecamatan' };
    const refused = [
      ['krobokan', ngemplak],
      ['prison', ngemplak],
      ['partner', ngemplak],
      ['viewer', ngemplak],
      ['admin', ngemplak],
    ] as const;
    for (const [role, villageId] of refused) {
      const response = await put(as[role] as Session, villageId, document);
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code, role).toBe('FORBIDDEN');
    }
    expect((await get(as.prison as Session, `/api/villages/${ngemplak}`)).json().version).toBe(0);
    const byKecamatan = await put(as.kecamatan as Session, ngemplak, document);
    expect(byKecamatan.statusCode).toBe(200);
    expect(byKecamatan.json()).toMatchObject({
      version: 1,
      profile: { description: 'Diubah oleh kecamatan' },
    });
    const byOwn = await put(as.ngemplak as Session, ngemplak, {
      ...document,
      version: 1,
      population: 9000,
      hostSince: '2100-01-01',
    });
    expect(byOwn.statusCode).toBe(200);
    expect(byOwn.json()).toMatchObject({ version: 2, hostStatus: 'planned', hostSince: '2100-01-01' });
  });

  it('names each bad field in Indonesian and saves nothing', async () => {
    const db = t.database.db;
    const retired = await db
      .insertInto('skill')
      .values({
        sector: 'craft',
        code: 'craft.retired_test',
        name_id: 'Keterampilan lama',
        name_en: 'Old skill',
        active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const elsewhere = await db
      .selectFrom('village_potential')
      .select('id')
      .where('village_id', '=', tambakharjo)
      .executeTakeFirstOrThrow();
    const officer = as.krobokan as Session;
    const current = (await get(officer, `/api/villages/${krobokan}`)).json() as VillageDetail;
    const bad = await put(officer, krobokan, {
      version: current.version,
      latitude: -6.98,
      contacts: [{ name: ' ', email: 'bukan-email' }],
      potentials: [
        {
          sector: 'garment',
          skillId: '00000000-0000-4000-8000-00000000abcd',
          description: 'Konveksi',
          strength: 3,
        },
        { sector: 'food', description: 'Kuliner', strength: 6 },
        { sector: 'craft', skillId: retired.id, description: 'Kerajinan', strength: 1 },
        { id: elsewhere.id, sector: 'batik', description: 'Diambil dari kelurahan lain', strength: 2 },
        { sector: 'mining', description: 'Tambang', strength: 2.5 },
      ],
      needs: [
        { sector: 'food', kind: 'labour_demand', description: 'Juru masak', size: -1, seasonMonths: [1, 13] },
      ],
      facilities: [{ kind: 'market_stall', name: 'Kios', capacity: -5 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.fields).toEqual({
      'contacts.0.name': 'Wajib diisi.',
      'contacts.0.email': 'Alamat email tidak valid.',
      'potentials.1.strength': 'Maksimal 5.',
      'potentials.4.sector': expect.stringContaining('Pilihan tidak valid.'),
      'potentials.4.strength': 'Jenis nilai tidak valid.',
      'needs.0.size': 'Minimal 0.',
      'needs.0.seasonMonths.1': 'Maksimal 12.',
      'facilities.0.capacity': 'Minimal 0.',
    });

    // Months twice: refused by the contract already.
    const months = await put(officer, krobokan, {
      ...emptyDocument(current.version),
      needs: [{ sector: 'food', kind: 'market', description: 'Pasar', seasonMonths: [3, 3] }],
    });
    expect(months.statusCode).toBe(400);
    expect(months.json().error.fields).toEqual({
      'needs.0.seasonMonths': 'Setiap bulan hanya boleh dipilih sekali.',
    });

    // The rules only the server knows come once the shape is right, together.
    const potentials = [
      {
        sector: 'garment',
        skillId: '00000000-0000-4000-8000-00000000abcd',
        description: 'Konveksi',
        strength: 3,
      },
      { sector: 'craft', skillId: retired.id, description: 'Kerajinan', strength: 1 },
      { id: elsewhere.id, sector: 'batik', description: 'Diambil dari kelurahan lain', strength: 2 },
    ];
    const rules = await put(officer, krobokan, {
      ...emptyDocument(current.version),
      latitude: -6.98,
      potentials,
    });
    expect(rules.statusCode).toBe(400);
    const skillUnknown = 'Keterampilan tidak dikenal atau tidak aktif lagi. Pilih dari daftar keterampilan.';
    expect(rules.json().error.fields).toEqual({
      longitude: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.',
      'potentials.0.skillId': skillUnknown,
      'potentials.1.skillId': skillUnknown,
      'potentials.2.id': 'Baris ini bukan milik kelurahan ini (mungkin sudah dihapus). Muat ulang halaman.',
    });
    const outside = await put(officer, krobokan, {
      ...emptyDocument(current.version),
      latitude: -7.5,
      longitude: 111,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual({
      latitude: 'Lintang harus di wilayah Kota Semarang (antara -7.3 dan -6.8).',
      longitude: 'Bujur harus di wilayah Kota Semarang (antara 110.1 dan 110.7).',
    });
    const onlyLongitude = await put(officer, krobokan, {
      ...emptyDocument(current.version),
      longitude: 110.4,
    });
    expect(onlyLongitude.json().error.fields).toEqual({
      latitude: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.',
    });
    const missing = await put(officer, krobokan, { version: current.version });
    expect(missing.json().error.fields).toMatchObject({
      contacts: 'Wajib diisi.',
      potentials: 'Wajib diisi.',
      needs: 'Wajib diisi.',
      facilities: 'Wajib diisi.',
    });

    const after = (await get(officer, `/api/villages/${krobokan}`)).json() as VillageDetail;
    expect(after).toEqual(current);
    const stillThere = await db
      .selectFrom('village_potential')
      .select('village_id')
      .where('id', '=', elsewhere.id)
      .executeTakeFirstOrThrow();
    expect(stillThere.village_id).toBe(tambakharjo);
  });

  it('lets only one of two simultaneous first saves through', async () => {
    const village = await villageByCode(t.database.db, '33.74.13.1010');
    const saves = await Promise.all(
      ['Versi A', 'Versi B'].map((description) =>
        put(as.kecamatan as Session, village.id, { ...emptyDocument(0), description }),
      ),
    );
    expect(saves.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const revisions = (await get(as.kecamatan as Session, `/api/villages/${village.id}/revisions`)).json();
    expect(revisions.total).toBe(1);
  });

  it('keeps an inactive skill a row already had', async () => {
    const db = t.database.db;
    const village = await villageByCode(db, '33.74.13.1008');
    const fading = await db
      .insertInto('skill')
      .values({
        sector: 'craft',
        code: 'craft.fading_test',
        name_id: 'Anyaman pandan',
        name_en: 'Pandan weaving',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const officer = as.kecamatan as Session;
    const saved = (
      await put(officer, village.id, {
        ...emptyDocument(0),
        potentials: [{ sector: 'craft', skillId: fading.id, description: 'Anyaman', strength: 2 }],
      })
    ).json() as VillageDetail;
    await db.updateTable('skill').set({ active: false }).where('id', '=', fading.id).execute();
    const [row] = saved.potentials;
    const kept = await put(officer, village.id, {
      ...emptyDocument(1),
      potentials: [
        { id: row?.id, sector: 'craft', skillId: fading.id, description: 'Anyaman pandan', strength: 3 },
      ],
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().potentials).toMatchObject([
      { skillId: fading.id, skillName: 'Anyaman pandan', strength: 3 },
    ]);
  });

  it('refuses anonymous callers; a kelurahan under no kecamatan is no one’s to edit', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/villages' });
    expect(response.statusCode).toBe(401);
    const other = await createOrganization(t.database.db, {
      kind: 'village',
      name: 'Kelurahan Lain',
      parentId: null,
    });
    const orphan = await get(as.kecamatan as Session, `/api/villages/${other.id}`);
    expect(orphan.json()).toMatchObject({ canEdit: false, kecamatanName: null });
    expect((await put(as.kecamatan as Session, other.id, emptyDocument(0))).statusCode).toBe(403);
  });
});
