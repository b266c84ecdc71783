import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPartner, villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { CreatePartnerRequest, PartnerDetail, PartnerList } from '../../../shared/partners.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
let krobokan: string;
let ngemplak: string;
let ownId: string;
let otherId: string;

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** A date `days` from today (Asia/Jakarta), 'yyyy-mm-dd'. */
function shifted(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  ngemplak = (await villageByCode(db, '33.74.13.1001')).id;
  ownId = (await createPartner(db, { name: 'Konveksi Maju Uji', type: 'umkm', villageId: krobokan })).id;
  otherId = (
    await createPartner(db, {
      name: 'Katering Sehat Uji',
      type: 'company',
      sectors: ['food'],
      villageId: ngemplak,
      willingToEmploy: 'yes',
    })
  ).id;
  await user('prison', LAPAS_ID, ['prison_binadik']);
  await user('krobokan', krobokan, ['village_staff']);
  await user('krobokan2', krobokan, ['village_staff']);
  await user('ngemplak', ngemplak, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('partner', ownId, ['partner_staff']);
  await user('otherPartner', otherId, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
});
afterAll(() => t.close());

const url = '/api/partners';
const get = (session: Session, path = '') => session.request({ method: 'GET', url: `${url}${path}` });
const post = (session: Session, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url, payload });
const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  session.request({ method: 'PATCH', url: `${url}/${id}`, payload });

let serial = 0;
function partner(overrides: Partial<CreatePartnerRequest> = {}): Record<string, unknown> {
  serial += 1;
  return { name: `Mitra Baru ${serial}`, type: 'umkm', ...overrides };
}

describe('adding a partner', () => {
  it('lets a kelurahan add a partner with its profile in one step; audited', async () => {
    const response = await post(as.krobokan as Session, {
      name: '  Koperasi Wanita Sejahtera ',
      shortName: 'KWS',
      address: 'Jl. Jenderal Sudirman 10, Krobokan',
      phone: '024-7600000',
      email: 'kws@example.id',
      contacts: [{ name: 'Ibu Ratna', position: 'Ketua', phone: '0812345' }],
      type: 'cooperative',
      sectors: ['food', 'retail'],
      villageId: krobokan,
      description: 'Koperasi simpan pinjam dan warung bersama',
      willingToEmploy: 'case_by_case',
      willingnessNote: 'Setelah wawancara',
      agreementNumber: 'PKS/01/2026',
      agreementSignedOn: shifted(-30),
      agreementExpiresOn: shifted(335),
    });
    expect(response.statusCode).toBe(201);
    const created = response.json() as PartnerDetail;
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Koperasi Wanita Sejahtera',
      shortName: 'KWS',
      type: 'cooperative',
      sectors: ['food', 'retail'],
      villageId: krobokan,
      villageName: 'Krobokan',
      address: 'Jl. Jenderal Sudirman 10, Krobokan',
      willingToEmploy: 'case_by_case',
      agreementNumber: 'PKS/01/2026',
      agreementExpiresOn: shifted(335),
      agreementCurrent: true,
      openOpportunities: 0,
      hasProfile: true,
      phone: '024-7600000',
      email: 'kws@example.id',
      contacts: [{ name: 'Ibu Ratna', position: 'Ketua', phone: '0812345', email: null }],
      description: 'Koperasi simpan pinjam dan warung bersama',
      willingnessNote: 'Setelah wawancara',
      agreementSignedOn: shifted(-30),
      updatedAt: expect.any(String),
      canEdit: true,
      version: 1,
      agreements: [],
    });
    const db = t.database.db;
    const organization = await db
      .selectFrom('organization')
      .select(['kind', 'name'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(organization).toEqual({ kind: 'partner', name: 'Koperasi Wanita Sejahtera' });
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'partner.created')
      .where('subject_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      actor_user_id: ids.krobokan,
      subject_type: 'organization',
      subject_organization_id: created.id,
      details: { name: 'Koperasi Wanita Sejahtera', type: 'cooperative', villageId: krobokan },
    });
  });

  it('refuses a name another partner has (case-insensitive) with 409 on the name field', async () => {
    const taken = await post(as.kecamatan as Session, partner({ name: 'konveksi MAJU uji' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'PARTNER_NAME_TAKEN',
      message: 'Sudah ada mitra bernama "konveksi MAJU uji".',
      fields: { name: 'Sudah ada mitra bernama "konveksi MAJU uji".' },
    });
    // A kelurahan's own name is no partner's name.
    expect((await post(as.kecamatan as Session, partner({ name: 'Kelurahan Krobokan' }))).statusCode).toBe(
      201,
    );
  });

  it('adds only one of two partners of the same name sent at once', async () => {
    const responses = await Promise.all([
      post(as.kecamatan as Session, partner({ name: 'Laundry Kembar' })),
      post(as.krobokan as Session, partner({ name: 'LAUNDRY KEMBAR' })),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('is for kecamatan and kelurahan staff only', async () => {
    for (const role of ['prison', 'partner', 'viewer', 'admin']) {
      const response = await post(as[role] as Session, partner());
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code, role).toBe('FORBIDDEN');
    }
    expect((await post(as.kecamatan as Session, partner())).statusCode).toBe(201);
  });

  it('names each bad field in Indonesian', async () => {
    const kecamatan = as.kecamatan as Session;
    const shape = await post(kecamatan, {
      name: 'X',
      type: 'bank',
      sectors: ['food', 'mining'],
      email: 'bukan-email',
      contacts: [{ name: '' }],
      agreementSignedOn: '2026-02-30',
      willingToEmploy: 'maybe',
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields).toEqual({
      name: 'Minimal 2 karakter.',
      type: expect.stringContaining('Pilihan tidak valid.'),
      'sectors.1': expect.stringContaining('Pilihan tidak valid.'),
      email: 'Alamat email tidak valid.',
      'contacts.0.name': 'Wajib diisi.',
      agreementSignedOn: 'Tanggal tidak valid (format yyyy-mm-dd).',
      willingToEmploy: expect.stringContaining('Pilihan tidak valid.'),
    });
    const twice = await post(kecamatan, partner({ sectors: ['food', 'food'] }));
    expect(twice.json().error.fields).toEqual({ sectors: 'Setiap sektor hanya boleh dipilih sekali.' });
    const rules = await post(
      kecamatan,
      partner({ villageId: LAPAS_ID, agreementSignedOn: '2026-03-01', agreementExpiresOn: '2026-02-28' }),
    );
    expect(rules.statusCode).toBe(400);
    expect(rules.json().error.fields).toEqual({
      villageId: 'Pilih kelurahan (organisasi jenis kelurahan).',
      agreementExpiresOn: 'Tanggal berakhir PKS tidak boleh sebelum tanggal penandatanganan.',
    });
    const missing = await post(kecamatan, {});
    expect(missing.json().error.fields).toEqual({
      name: 'Wajib diisi.',
      type: 'Wajib diisi.',
    });
  });
});

describe('the partner directory', () => {
  let expired: string;
  let future: string;
  beforeAll(async () => {
    const db = t.database.db;
    expired = (
      await createPartner(db, {
        name: 'Penjahit Lama Direktori',
        type: 'umkm',
        sectors: ['garment'],
        agreementNumber: 'PKS/LAMA',
        agreementSignedOn: shifted(-400),
        agreementExpiresOn: shifted(-1),
      })
    ).id;
    future = (
      await createPartner(db, {
        name: 'Penjahit Baru Direktori',
        type: 'training_provider',
        sectors: ['garment', 'beauty'],
        villageId: ngemplak,
        willingToEmploy: 'no',
        agreementNumber: 'PKS/BARU',
        agreementSignedOn: shifted(1),
      })
    ).id;
    for (const [status, partnerId] of [
      ['open', future],
      ['open', future],
      ['draft', future],
      ['closed', future],
      ['open', expired],
    ] as const)
      await db
        .insertInto('opportunity')
        .values({
          partner_id: partnerId,
          village_id: ngemplak,
          kind: 'job_vacancy',
          title: 'Penjahit',
          sector: 'garment',
          places: 2,
          start_on: '2026-01-05',
          status,
        })
        .execute();
  });

  it('lists partners by name with type, sectors, kelurahan, willingness, agreement and open opportunities', async () => {
    const response = await get(as.prison as Session, '?q=direktori');
    expect(response.statusCode).toBe(200);
    const list = response.json() as PartnerList;
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(list.items).toEqual([
      {
        id: future,
        name: 'Penjahit Baru Direktori',
        shortName: null,
        type: 'training_provider',
        sectors: ['garment', 'beauty'],
        villageId: ngemplak,
        villageName: 'Ngemplak Simongan',
        address: null,
        willingToEmploy: 'no',
        agreementNumber: 'PKS/BARU',
        agreementExpiresOn: null,
        agreementCurrent: false,
        openOpportunities: 2,
        hasProfile: true,
      },
      expect.objectContaining({
        id: expired,
        type: 'umkm',
        villageId: null,
        villageName: null,
        agreementCurrent: false,
        openOpportunities: 1,
      }),
    ]);
  });

  it('filters by type, sector, kelurahan and willingness, and pages', async () => {
    const prison = as.prison as Session;
    const names = async (query: string) =>
      ((await get(prison, query)).json() as PartnerList).items.map((item) => item.name);
    expect(await names('?type=training_provider')).toEqual(['Penjahit Baru Direktori']);
    expect(await names('?sector=beauty')).toEqual(['Penjahit Baru Direktori']);
    expect(await names(`?villageId=${ngemplak}`)).toEqual(['Katering Sehat Uji', 'Penjahit Baru Direktori']);
    expect(await names('?willing=yes')).toEqual(['Katering Sehat Uji']);
    expect(await names('?sector=garment&q=lama')).toEqual(['Penjahit Lama Direktori']);
    const paged = (await get(prison, '?pageSize=2&page=2')).json() as PartnerList;
    expect(paged).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThanOrEqual(6);
    expect((await get(prison, '?type=bank')).statusCode).toBe(400);
  });

  it('shows a partner’s staff only her own organization, and 404 for another’s page', async () => {
    const own = as.partner as Session;
    const list = (await get(own)).json() as PartnerList;
    expect(list.total).toBe(1);
    expect(list.items.map((item) => item.id)).toEqual([ownId]);
    expect(((await get(own, '?q=katering')).json() as PartnerList).items).toEqual([]);
    const page = await get(own, `/${ownId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ id: ownId, canEdit: true });
    for (const id of [otherId, future, '00000000-0000-4000-8000-00000000dead']) {
      const response = await get(own, `/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toEqual({
        code: 'PARTNER_NOT_FOUND',
        message: 'Mitra tidak ditemukan atau tidak boleh Anda lihat.',
      });
    }
  });

  it('is closed to a viewer and an administrator; an id that is not a partner is not found', async () => {
    for (const role of ['viewer', 'admin']) {
      expect((await get(as[role] as Session)).statusCode, role).toBe(403);
      expect((await get(as[role] as Session, `/${ownId}`)).statusCode, role).toBe(403);
    }
    const notPartner = await get(as.kecamatan as Session, `/${krobokan}`);
    expect(notPartner.statusCode).toBe(404);
    expect(notPartner.json().error.code).toBe('PARTNER_NOT_FOUND');
  });
});

describe('editing a partner', () => {
  it('lets a kelurahan edit the partners of her kelurahan and those her office added, not others', async () => {
    const db = t.database.db;
    const officer = as.krobokan as Session;
    // Of her kelurahan.
    const own = (await get(officer, `/${ownId}`)).json() as PartnerDetail;
    expect(own.canEdit).toBe(true);
    const edited = await patch(officer, ownId, {
      version: own.version,
      willingToEmploy: 'yes',
      contacts: [{ name: 'Pak Joko', phone: '0813' }],
      phone: '024-1',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      willingToEmploy: 'yes',
      phone: '024-1',
      contacts: [{ name: 'Pak Joko', phone: '0813', position: null, email: null }],
      version: own.version + 1,
    });
    // Of another kelurahan: read, not edited.
    const other = (await get(officer, `/${otherId}`)).json() as PartnerDetail;
    expect(other.canEdit).toBe(false);
    const refused = await patch(officer, otherId, { version: other.version, phone: '1' });
    expect(refused.statusCode).toBe(403);
    // Added by a colleague of her kelurahan, though it lies in Ngemplak.
    const added = (
      await post(as.krobokan2 as Session, partner({ name: 'Mitra dari Krobokan', villageId: ngemplak }))
    ).json() as PartnerDetail;
    expect(added.canEdit).toBe(true);
    const moved = await patch(officer, added.id, { version: 1, description: 'Usaha laundry' });
    expect(moved.statusCode).toBe(200);
    // Ngemplak's officer edits it too: it lies in her kelurahan.
    expect((await patch(as.ngemplak as Session, added.id, { version: 2, shortName: 'MdK' })).statusCode).toBe(
      200,
    );
    const audits = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'partner.updated')
      .where('subject_id', '=', ownId)
      .execute();
    expect(audits).toEqual([
      {
        actor_user_id: ids.krobokan,
        details: {
          name: 'Konveksi Maju Uji',
          fields: ['phone', 'contacts', 'willingToEmploy'],
          version: own.version + 1,
        },
      },
    ]);
  });

  it('lets the kecamatan edit any partner; prison staff are refused; a stale version is a conflict', async () => {
    const current = (await get(as.kecamatan as Session, `/${otherId}`)).json() as PartnerDetail;
    expect(current.canEdit).toBe(true);
    expect(((await get(as.prison as Session, `/${otherId}`)).json() as PartnerDetail).canEdit).toBe(false);
    expect(
      (await patch(as.prison as Session, otherId, { version: current.version, phone: '1' })).statusCode,
    ).toBe(403);
    const renamed = await patch(as.kecamatan as Session, otherId, {
      version: current.version,
      name: 'Katering Sehat Bersama',
      sectors: ['food', 'hospitality'],
      agreementNumber: 'PKS/9/2026',
      agreementSignedOn: shifted(-1),
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Katering Sehat Bersama',
      sectors: ['food', 'hospitality'],
      agreementCurrent: true,
      version: current.version + 1,
    });
    const stale = await patch(as.kecamatan as Session, otherId, { version: current.version, phone: '2' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const taken = await patch(as.kecamatan as Session, otherId, {
      version: current.version + 1,
      name: 'KONVEKSI MAJU UJI',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual({ name: 'Sudah ada mitra bernama "KONVEKSI MAJU UJI".' });
    // The refused rename changed nothing, not even the version.
    expect((await get(as.kecamatan as Session, `/${otherId}`)).json()).toMatchObject({
      name: 'Katering Sehat Bersama',
      version: current.version + 1,
    });
  });

  it('lets a partner edit her own profile, every field but the name, but never another partner (404)', async () => {
    const own = as.partner as Session;
    const current = (await get(own, `/${ownId}`)).json() as PartnerDetail;
    const edited = await patch(own, ownId, {
      version: current.version,
      description: 'Konveksi seragam sekolah',
      type: 'company',
      villageId: ngemplak,
      sectors: ['garment'],
      email: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      type: 'company',
      villageId: ngemplak,
      villageName: 'Ngemplak Simongan',
      description: 'Konveksi seragam sekolah',
      canEdit: true,
    });
    const other = await patch(own, otherId, { version: 1, description: 'Diambil alih' });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('PARTNER_NOT_FOUND');
    const foreignKey = await patch(own, ownId, { version: current.version + 1, id: otherId });
    expect(foreignKey.statusCode).toBe(400);
    expect(foreignKey.json().error.code).toBe('UNKNOWN_FIELDS');
  });

  it('does not let a partner rename her organization, whether the name is free or taken', async () => {
    const db = t.database.db;
    const own = as.partner as Session;
    await createPartner(db, { name: 'Bengkel Las Tetangga' });
    const current = (await get(own, `/${ownId}`)).json() as PartnerDetail;
    const errors = [];
    for (const name of ['Bengkel Las Tetangga', 'Nama Baru Konveksi', current.name]) {
      const response = await patch(own, ownId, {
        version: current.version,
        name,
        description: 'Tidak tersimpan',
      });
      expect(response.statusCode, name).toBe(400);
      errors.push(response.json().error);
    }
    // One answer for a taken name, a free one and her own: nothing tells her which names other partners bear.
    expect(errors).toEqual([errors[0], errors[0], errors[0]]);
    expect(errors[0]).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { name: 'Nama mitra hanya dapat diubah oleh petugas kecamatan atau kelurahan.' },
    });
    // Nothing was saved, not even the description sent with it.
    expect((await get(own, `/${ownId}`)).json()).toMatchObject({
      name: current.name,
      description: current.description,
      version: current.version,
    });
    // The kecamatan renames it; the partner sees the new name.
    const renamed = await patch(as.kecamatan as Session, ownId, {
      version: current.version,
      name: 'Konveksi Maju Uji Jaya',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await get(own, `/${ownId}`)).json()).toMatchObject({
      name: 'Konveksi Maju Uji Jaya',
      version: current.version + 1,
    });
  });

  it('checks agreement dates against what is stored, and the kelurahan', async () => {
    const kecamatan = as.kecamatan as Session;
    const created = (
      await post(kecamatan, partner({ agreementNumber: 'PKS/7', agreementSignedOn: '2026-03-01' }))
    ).json() as PartnerDetail;
    const early = await patch(kecamatan, created.id, { version: 1, agreementExpiresOn: '2026-02-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({
      agreementExpiresOn: 'Tanggal berakhir PKS tidak boleh sebelum tanggal penandatanganan.',
    });
    const village = await patch(kecamatan, created.id, { version: 1, villageId: KECAMATAN_ID });
    expect(village.json().error.fields).toEqual({
      villageId: 'Pilih kelurahan (organisasi jenis kelurahan).',
    });
    const both = await patch(kecamatan, created.id, {
      version: 1,
      agreementSignedOn: '2026-01-01',
      agreementExpiresOn: '2026-02-01',
    });
    expect(both.statusCode).toBe(200);
  });
});

describe('a partner without a profile', () => {
  it('is listed with an unknown type until its first change creates the profile', async () => {
    const db = t.database.db;
    const bare = await createPartner(db, { name: 'BLK Tanpa Profil', profile: false });
    const kecamatan = as.kecamatan as Session;
    const listed = ((await get(kecamatan, '?q=tanpa%20profil')).json() as PartnerList).items;
    expect(listed).toEqual([
      expect.objectContaining({
        id: bare.id,
        type: null,
        sectors: [],
        willingToEmploy: 'unknown',
        agreementCurrent: false,
        hasProfile: false,
      }),
    ]);
    expect(((await get(kecamatan, '?q=tanpa%20profil&willing=unknown')).json() as PartnerList).total).toBe(1);
    expect(((await get(kecamatan, '?q=tanpa%20profil&type=umkm')).json() as PartnerList).total).toBe(0);
    const page = (await get(kecamatan, `/${bare.id}`)).json() as PartnerDetail;
    expect(page).toMatchObject({ version: 0, updatedAt: null, canEdit: true, hasProfile: false });
    // A kelurahan cannot edit it: it is not hers.
    expect((await get(as.krobokan as Session, `/${bare.id}`)).json().canEdit).toBe(false);

    const untyped = await patch(kecamatan, bare.id, { version: 0, sectors: ['administration'] });
    expect(untyped.statusCode).toBe(400);
    expect(untyped.json().error.fields).toEqual({ type: 'Wajib diisi.' });
    const typed = await patch(kecamatan, bare.id, {
      version: 0,
      type: 'training_provider',
      sectors: ['administration'],
      address: 'Jl. Brigjen Sudiarto',
    });
    expect(typed.statusCode).toBe(200);
    expect(typed.json()).toMatchObject({
      type: 'training_provider',
      sectors: ['administration'],
      willingToEmploy: 'unknown',
      address: 'Jl. Brigjen Sudiarto',
      hasProfile: true,
      version: 1,
    });
    const again = await patch(kecamatan, bare.id, { version: 0, type: 'ngo' });
    expect(again.statusCode).toBe(409);
  });
});

describe('the agreements on a partner’s page', () => {
  it('lists the MoU and PKS both the partner and the caller’s organization are party to, never others', async () => {
    const db = t.database.db;
    const partnerId = (await createPartner(db, { name: 'Salon Cantik Uji', type: 'umkm' })).id;
    // A signed PKS of the kecamatan and the partner (its MoU of the same parties is made with it).
    const shared = await createAgreement(db, {
      organizationId: KECAMATAN_ID,
      partyIds: [partnerId],
      kind: 'pks',
      status: 'signed',
      title: 'PKS Pelatihan Tata Rias',
    });
    // The prison's PKS with the partner: the kecamatan is not a party.
    const prisons = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      kind: 'pks',
      status: 'in_review',
      title: 'PKS Magang Lapas',
    });
    // A discarded draft of the kecamatan and the partner.
    await createAgreement(db, {
      organizationId: KECAMATAN_ID,
      partyIds: [partnerId],
      kind: 'pks',
      parentId: shared.parentId,
      status: 'discarded',
      title: 'PKS Dibatalkan',
    });
    // An agreement of the kecamatan without the partner.
    await createAgreement(db, { organizationId: KECAMATAN_ID, status: 'signed', title: 'MoU Lain' });

    const kecamatan = await get(as.kecamatan as Session, `/${partnerId}`);
    expect(kecamatan.statusCode).toBe(200);
    const seen = (kecamatan.json() as PartnerDetail).agreements;
    expect(seen.map((agreement) => agreement.title).sort()).toEqual([
      'Nota Kesepahaman Induk',
      'PKS Pelatihan Tata Rias',
    ]);
    const stored = await db
      .selectFrom('agreement')
      .select(['valid_from', 'valid_until'])
      .where('id', '=', shared.id)
      .executeTakeFirstOrThrow();
    expect(seen.find((agreement) => agreement.id === shared.id)).toEqual({
      id: shared.id,
      kind: 'pks',
      title: 'PKS Pelatihan Tata Rias',
      status: 'in_force',
      validFrom: stored.valid_from,
      validUntil: stored.valid_until,
    });
    expect(seen.find((agreement) => agreement.id === shared.parentId)).toMatchObject({ kind: 'mou' });

    // The prison sees its own PKS with the partner (and its MoU), not the kecamatan's.
    const prison = (await get(as.prison as Session, `/${partnerId}`)).json() as PartnerDetail;
    expect(prison.agreements.map((agreement) => agreement.id).sort()).toEqual(
      [prisons.id, prisons.parentId].sort(),
    );
    expect(prison.agreements.find((agreement) => agreement.id === prisons.id)).toMatchObject({
      status: 'in_review',
      validFrom: null,
      validUntil: null,
    });

    // The same list comes back after a change.
    const changed = await patch(as.kecamatan as Session, partnerId, {
      version: (kecamatan.json() as PartnerDetail).version,
      phone: '024-123',
    });
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as PartnerDetail).agreements).toHaveLength(2);
  });
});
