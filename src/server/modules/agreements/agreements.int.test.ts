import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, nameDelegate } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import {
  AGREEMENT_STATUSES,
  type AgreementDetail,
  type AgreementDiff,
  type AgreementList,
  type AgreementsMe,
  type AgreementText,
  type CreateAgreementRequest,
  effectiveAgreementStatus,
} from '../../../shared/agreements.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';
import { AGREEMENTS_MESSAGES } from '../../platform/messages/agreements.ts';
import { effectiveStatusSql } from './agreements.repository.ts';

// Kesepakatan through the API: drafting (MoU, PKS under an MoU), the versioned text and its diff, the
// workflow (submit, agree per party by heads or delegates, request changes, sign with the scan, terminate,
// renew), obligations, the list with the effective status, and access (parties only; 404 for others).

let t: TestApp;
let dir: string;
let partnerId: string;
let outsiderId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** yyyy-mm-dd, `days` after today. */
function day(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sinergi-agreements-'));
  t = await createTestApp({ env: { DOCUMENTS_DIR: dir } });
  const db = t.database.db;
  partnerId = (await createOrganization(db, { kind: 'partner', name: 'Yayasan Mitra Karya' })).id;
  outsiderId = (await createOrganization(db, { kind: 'partner', name: 'Mitra Luar' })).id;
  await user('lapasHead', LAPAS_ID, ['prison_head']);
  await user('lapasStaff', LAPAS_ID, ['prison_binadik']);
  await user('lapasDelegate', LAPAS_ID, ['prison_giatja']);
  await user('lapasRevoked', LAPAS_ID, ['prison_binadik']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
  await user('partnerHead', partnerId, ['partner_head']);
  await user('partnerStaff', partnerId, ['partner_staff']);
  await user('bapasHead', BAPAS_ID, ['probation_head']);
  await user('outsiderHead', outsiderId, ['partner_head']);
  await nameDelegate(db, {
    organizationId: LAPAS_ID,
    userId: ids.lapasDelegate as string,
    namedBy: ids.lapasHead as string,
  });
  await nameDelegate(db, {
    organizationId: LAPAS_ID,
    userId: ids.lapasRevoked as string,
    namedBy: ids.lapasHead as string,
    revoked: true,
  });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const session = (name: string) => as[name] as Session;
const call = (name: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });

const draft = (overrides: Partial<CreateAgreementRequest> = {}): CreateAgreementRequest => ({
  kind: 'mou',
  title: 'Nota Kesepahaman Pelatihan Menjahit',
  purpose: 'Kerja sama pelatihan keterampilan menjahit.',
  scope: 'Pelatihan dan penyaluran kerja.',
  considerations: 'a. bahwa pembinaan memerlukan kerja sama;',
  parties: [
    { organizationId: LAPAS_ID, signatoryName: 'Kepala Lapas', signatoryPosition: 'Kepala' },
    { organizationId: partnerId, signatoryName: 'Ketua Yayasan', signatoryPosition: 'Ketua' },
  ],
  clauses: [
    { heading: 'Maksud dan Tujuan', body: 'Maksud kesepakatan ini adalah pelatihan.', template: 'purpose' },
    { heading: 'Jangka Waktu', body: 'Berlaku 3 (tiga) tahun.' },
  ],
  obligations: [
    { organizationId: LAPAS_ID, description: 'Menyiapkan peserta pelatihan' },
    { organizationId: partnerId, description: 'Menyediakan pelatih menjahit', dueOn: day(60) },
  ],
  ...overrides,
});

async function create(body: CreateAgreementRequest = draft(), by = 'lapasStaff') {
  const response = await call(by, 'POST', '/api/agreements', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as AgreementDetail;
}

async function detail(id: string, by = 'lapasStaff') {
  const response = await call(by, 'GET', `/api/agreements/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AgreementDetail;
}

function textOf(agreement: AgreementDetail) {
  return {
    title: agreement.title,
    purpose: agreement.purpose,
    scope: agreement.scope,
    considerations: agreement.considerations,
    clauses: agreement.clauses.map((clause) => ({
      heading: clause.heading,
      body: clause.body,
      template: clause.template,
    })),
    obligations: agreement.obligations.map((obligation) => ({
      id: obligation.id,
      organizationId: obligation.organization.id,
      description: obligation.description,
      dueOn: obligation.dueOn,
    })),
    version: agreement.version,
  };
}

async function expectOk(name: string, method: 'POST' | 'PUT', url: string, payload: object) {
  const response = await call(name, method, url, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AgreementDetail;
}

const submit = (a: AgreementDetail, by = 'lapasStaff') =>
  expectOk(by, 'POST', `/api/agreements/${a.id}/submit`, { version: a.version });
const agree = (a: AgreementDetail, by: string) =>
  expectOk(by, 'POST', `/api/agreements/${a.id}/agree`, { version: a.version });

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0x41)]);

async function form(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (file) data.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

async function sign(
  a: AgreementDetail,
  by: string,
  fields: Record<string, string> = {},
  file: { name: string; type: string; data: Buffer } | null = {
    name: 'mou-ttd.pdf',
    type: 'application/pdf',
    data: PDF,
  },
) {
  const body = await form(
    {
      signedOn: today(),
      signedPlace: 'Semarang',
      validFrom: day(-1),
      validUntil: day(364),
      version: String(a.version),
      ...fields,
    },
    file ?? undefined,
  );
  return session(by).request({ method: 'POST', url: `/api/agreements/${a.id}/sign`, ...body });
}

/** An MoU taken to `agreed` by both heads. */
async function agreedMou(overrides: Partial<CreateAgreementRequest> = {}) {
  let a = await submit(await create(draft(overrides)));
  a = await agree(a, 'lapasHead');
  return agree(a, 'partnerHead');
}

const auditRows = (action: string, subjectId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .execute();

const notificationsOf = (userId: string, kind: string) =>
  t.database.db
    .selectFrom('notification')
    .select(['kind', 'params', 'link'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind as never)
    .execute();

describe('drafting', () => {
  it('creates an MoU with parties by position, clauses, obligations, text version 1, an event and the audit', async () => {
    const a = await create();
    expect(a).toMatchObject({
      kind: 'mou',
      parent: null,
      organization: { id: LAPAS_ID },
      status: 'draft',
      effectiveStatus: 'draft',
      textVersion: 1,
      version: 1,
      partiesMissing: [expect.any(String), 'Yayasan Mitra Karya'],
    });
    expect(a.parties.map((party) => [party.position, party.organization.id, party.agreedCurrent])).toEqual([
      [1, LAPAS_ID, false],
      [2, partnerId, false],
    ]);
    expect(a.clauses.map((clause) => [clause.position, clause.heading, clause.template])).toEqual([
      [1, 'Maksud dan Tujuan', 'purpose'],
      [2, 'Jangka Waktu', null],
    ]);
    expect(
      a.obligations.map((obligation) => [
        obligation.organization.id,
        obligation.status,
        obligation.canUpdate,
      ]),
    ).toEqual([
      [LAPAS_ID, 'open', true],
      [partnerId, 'open', false],
    ]);
    expect(a.versions.map((version) => version.number)).toEqual([1]);
    expect(a.events.map((event) => event.kind)).toEqual(['created']);
    expect(a.actions).toMatchObject({ editText: true, submit: true, agree: false, sign: false });
    const version = await call('lapasStaff', 'GET', `/api/agreements/${a.id}/versions/1`);
    expect(version.json()).toMatchObject({
      number: 1,
      title: a.title,
      clauses: [{ position: 1 }, { position: 2 }],
    });
    expect(await auditRows('agreement.created', a.id)).toHaveLength(1);
  });

  it('refuses bad input with field errors in Indonesian', async () => {
    const cases: [Partial<CreateAgreementRequest>, string, string][] = [
      [{ kind: 'pks' }, 'parentId', 'PKS harus berinduk pada MoU'],
      [{ parentId: LAPAS_ID }, 'parentId', 'MoU tidak berinduk'],
      [
        { validFrom: '2026-06-01', validUntil: '2026-05-31' },
        'validUntil',
        'Tanggal berakhir tidak boleh sebelum tanggal mulai',
      ],
      [{ parties: [{ organizationId: LAPAS_ID }] }, 'parties', 'paling sedikit 2'],
      [
        { parties: [{ organizationId: LAPAS_ID }, { organizationId: LAPAS_ID }] },
        'parties',
        'hanya boleh menjadi satu pihak',
      ],
      [
        { parties: [{ organizationId: partnerId }, { organizationId: BAPAS_ID }], obligations: [] },
        'parties',
        'Instansi Anda harus menjadi salah satu pihak',
      ],
      [
        {
          parties: [{ organizationId: LAPAS_ID }, { organizationId: '00000000-0000-4000-8000-00000000dead' }],
          obligations: [],
        },
        'parties.1.organizationId',
        'Instansi pihak tidak dikenal',
      ],
      [
        { obligations: [{ organizationId: BAPAS_ID, description: 'Bukan pihak' }] },
        'obligations.0.organizationId',
        'harus salah satu pihak',
      ],
      [{ title: '  ' }, 'title', 'Wajib diisi'],
    ];
    for (const [overrides, field, text] of cases) {
      const response = await call('lapasStaff', 'POST', '/api/agreements', draft(overrides));
      expect(response.statusCode, `${field} ${response.body}`).toBe(400);
      expect(response.json().error.fields[field], response.body).toContain(text);
    }
  });

  it('hangs a PKS under an MoU the caller sees (not another kind, not a terminated or unseen one)', async () => {
    const mou = await create();
    const pks = await create(
      draft({ kind: 'pks', parentId: mou.id, title: 'PKS Pelatihan Menjahit Angkatan 1' }),
    );
    expect(pks.parent).toEqual({ id: mou.id, title: mou.title });
    expect((await detail(mou.id)).children.map((child) => child.id)).toEqual([pks.id]);
    const db = t.database.db;
    const unseen = await createAgreement(db, { organizationId: BAPAS_ID, partyIds: [outsiderId] });
    const terminated = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      status: 'terminated',
    });
    for (const parentId of [pks.id, unseen.id, terminated.id]) {
      const response = await call('lapasStaff', 'POST', '/api/agreements', draft({ kind: 'pks', parentId }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.parentId).toContain('MoU induk tidak ditemukan');
    }
  });
});

describe('access', () => {
  it('shows an agreement to its parties only: others get 404, viewers and admins 403', async () => {
    const a = await create();
    await detail(a.id, 'partnerStaff');
    for (const name of ['outsiderHead', 'bapasHead']) {
      for (const [method, url, payload] of [
        ['GET', `/api/agreements/${a.id}`, undefined],
        ['GET', `/api/agreements/${a.id}/versions/1`, undefined],
        ['PUT', `/api/agreements/${a.id}/text`, textOf(a)],
        ['PUT', `/api/agreements/${a.id}/parties`, { parties: draft().parties, version: a.version }],
        ['POST', `/api/agreements/${a.id}/submit`, { version: a.version }],
        ['POST', `/api/agreements/${a.id}/agree`, { version: a.version }],
        ['POST', `/api/agreements/${a.id}/request-changes`, { version: a.version, note: 'Ubah' }],
        [
          'POST',
          `/api/agreements/${a.id}/terminate`,
          { terminatedOn: today(), reason: 'Berhenti', version: a.version },
        ],
        ['POST', `/api/agreements/${a.id}/renew`, { version: a.version }],
        ['POST', `/api/agreements/${a.id}/discard`, { version: a.version }],
        ['GET', `/api/agreements/${a.id}/diff?from=1&to=1`, undefined],
        ['GET', `/api/agreements/${a.id}/scan`, undefined],
      ] as const) {
        const response = await call(name, method, url, payload);
        expect(response.statusCode, `${name} ${url} ${response.body}`).toBe(404);
        expect(response.json().error.code).toBe('AGREEMENT_NOT_FOUND');
      }
      const signing = await sign(a, name);
      expect(signing.statusCode, `${name} sign`).toBe(404);
      expect(signing.json().error.code).toBe('AGREEMENT_NOT_FOUND');
      const list = (await call(name, 'GET', '/api/agreements?pageSize=200')).json() as AgreementList;
      expect(list.items.some((item) => item.id === a.id)).toBe(false);
    }
    for (const name of ['viewer', 'admin']) {
      expect((await call(name, 'GET', `/api/agreements/${a.id}`)).statusCode).toBe(403);
      expect((await call(name, 'GET', '/api/agreements')).statusCode).toBe(403);
    }
  });

  it('audits every view: the detail, a text version and a diff, under the drafting organization', async () => {
    const a = await create();
    await detail(a.id, 'partnerStaff');
    expect((await call('partnerStaff', 'GET', `/api/agreements/${a.id}/versions/1`)).statusCode).toBe(200);
    expect((await call('partnerStaff', 'GET', `/api/agreements/${a.id}/diff?from=1&to=1`)).statusCode).toBe(
      200,
    );
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_organization_id', 'details'])
      .where('action', '=', 'agreement.viewed')
      .where('subject_id', '=', a.id)
      .orderBy('at')
      .execute();
    expect(rows.map((row) => [row.actor_user_id, row.subject_organization_id, row.details])).toEqual([
      [ids.partnerStaff, LAPAS_ID, {}],
      [ids.partnerStaff, LAPAS_ID, { textVersion: 1 }],
      [ids.partnerStaff, LAPAS_ID, { diff: [1, 1] }],
    ]);
  });

  it('tells the caller whether she may act for her organization', async () => {
    const me = async (name: string) => (await call(name, 'GET', '/api/agreements/me')).json() as AgreementsMe;
    expect(await me('lapasHead')).toMatchObject({ isHead: true, canAct: true, canManage: true });
    expect(await me('lapasDelegate')).toMatchObject({ isHead: false, isDelegate: true, canAct: true });
    expect(await me('lapasRevoked')).toMatchObject({ isDelegate: false, canAct: false });
    expect(await me('lapasStaff')).toMatchObject({
      canAct: false,
      canManage: true,
      organization: { id: LAPAS_ID },
    });
  });
});

describe('the text', () => {
  it('writes nothing for an identical text', async () => {
    const a = await create();
    const saved = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, textOf(a));
    expect(saved).toMatchObject({ version: a.version, textVersion: 1 });
    expect(saved.versions).toHaveLength(1);
    expect(saved.events.map((event) => event.kind)).toEqual(['created']);
    expect(await auditRows('agreement.text_saved', a.id)).toHaveLength(0);
  });

  it('saves a different text as a new version, keeps obligation tracking by id, and diffs the versions', async () => {
    const a = await create();
    const text = textOf(a);
    const saved = await expectOk('partnerStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...text,
      title: 'Nota Kesepahaman Pelatihan Menjahit dan Tata Boga',
      clauses: [
        text.clauses[0],
        { heading: 'Ruang Lingkup', body: 'Pelatihan, sertifikasi, dan penyaluran kerja.' },
        text.clauses[1],
      ],
      obligations: [text.obligations[0]],
    });
    expect(saved).toMatchObject({ textVersion: 2, version: 2 });
    expect(saved.clauses.map((clause) => clause.heading)).toEqual([
      'Maksud dan Tujuan',
      'Ruang Lingkup',
      'Jangka Waktu',
    ]);
    expect(saved.obligations.map((obligation) => obligation.id)).toEqual([a.obligations[0]?.id]);
    expect(saved.events.map((event) => event.kind)).toEqual(['created', 'text_changed']);
    const old = (
      await call('lapasStaff', 'GET', `/api/agreements/${a.id}/versions/1`)
    ).json() as AgreementText;
    expect(old.title).toBe('Nota Kesepahaman Pelatihan Menjahit');
    const response = await call('lapasStaff', 'GET', `/api/agreements/${a.id}/diff?from=1&to=2`);
    expect(response.statusCode, response.body).toBe(200);
    const diff = response.json() as AgreementDiff;
    expect(diff.changed).toBe(true);
    expect(diff.sections.map((section) => [section.kind, section.change])).toEqual([
      ['title', 'changed'],
      ['purpose', 'unchanged'],
      ['scope', 'unchanged'],
      ['considerations', 'unchanged'],
      ['clause', 'unchanged'],
      ['clause', 'added'],
      ['clause', 'unchanged'],
      ['obligation', 'unchanged'],
      ['obligation', 'removed'],
    ]);
    expect(diff.sections[0]?.parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual([
      'dan Tata Boga',
    ]);
    expect((await call('lapasStaff', 'GET', `/api/agreements/${a.id}/diff?from=1&to=9`)).statusCode).toBe(
      404,
    );
    expect(await auditRows('agreement.text_saved', a.id)).toHaveLength(1);
  });

  it('refuses a stale version with 409 and an obligation id of another agreement', async () => {
    const a = await create();
    const other = await create();
    await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      title: 'Judul baru',
    });
    const stale = await call('partnerStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      title: 'Judul lain',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('AGREEMENT_CHANGED');
    const fresh = await detail(a.id);
    const foreign = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(fresh),
      obligations: [{ ...textOf(other).obligations[0] }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().error.fields)).toEqual(['obligations.0.id']);
  });
});

describe('the workflow', () => {
  it('submits only with signatories and a clause, then asks every party’s heads and delegates', async () => {
    const a = await create(
      draft({
        parties: [{ organizationId: LAPAS_ID }, { organizationId: partnerId, signatoryName: 'Ketua' }],
      }),
    );
    const refused = await call('lapasStaff', 'POST', `/api/agreements/${a.id}/submit`, {
      version: a.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toMatchObject({
      'parties.0.signatoryName': expect.stringContaining('PIHAK PERTAMA'),
      'parties.0.signatoryPosition': expect.stringContaining('jabatan penandatangan'),
      'parties.1.signatoryPosition': expect.stringContaining('PIHAK KEDUA (Yayasan Mitra Karya)'),
    });
    const fixed = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: draft().parties,
      version: a.version,
    });
    const noClause = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(fixed),
      clauses: [],
    });
    const missing = await call('lapasStaff', 'POST', `/api/agreements/${a.id}/submit`, {
      version: noClause.version,
    });
    expect(missing.json().error.fields).toEqual({
      clauses: 'Naskah harus memiliki paling sedikit satu pasal.',
    });
    const withClause = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(fixed),
      version: noClause.version,
    });
    const submitted = await submit(withClause);
    expect(submitted.status).toBe('in_review');
    for (const name of ['lapasHead', 'lapasDelegate', 'partnerHead']) {
      const rows = await notificationsOf(ids[name] as string, 'agreement_review_requested');
      expect(
        rows.some((row) => row.link === `/tata-kelola/kesepakatan/${a.id}`),
        name,
      ).toBe(true);
    }
    for (const name of ['lapasStaff', 'lapasRevoked', 'partnerStaff']) {
      const rows = await notificationsOf(ids[name] as string, 'agreement_review_requested');
      expect(
        rows.some((row) => row.link === `/tata-kelola/kesepakatan/${a.id}`),
        name,
      ).toBe(false);
    }
    const again = await call('lapasStaff', 'POST', `/api/agreements/${a.id}/submit`, {
      version: submitted.version,
    });
    expect(again.json().error.code).toBe('AGREEMENT_NOT_DRAFT');
    expect(await auditRows('agreement.submitted', a.id)).toHaveLength(1);
  });

  it('lets heads and live delegates agree for their own party; staff and revoked delegates get 403', async () => {
    const a = await submit(await create());
    for (const name of ['lapasStaff', 'lapasRevoked', 'partnerStaff']) {
      const response = await call(name, 'POST', `/api/agreements/${a.id}/agree`, { version: a.version });
      expect(response.statusCode, name).toBe(403);
      expect(response.json().error.code).toBe('AGREEMENT_ACT_FORBIDDEN');
    }
    const staffView = await detail(a.id, 'lapasStaff');
    expect(staffView.actions.agree).toBe(false);
    expect(staffView.parties.every((party) => !party.canAct)).toBe(true);
    const delegateView = await detail(a.id, 'lapasDelegate');
    expect(delegateView.actions.agree).toBe(true);
    expect(delegateView.parties.map((party) => party.canAct)).toEqual([true, false]);
    const agreed = await agree(a, 'lapasDelegate');
    expect(agreed.status).toBe('in_review');
    expect(agreed.parties.map((party) => party.agreedCurrent)).toEqual([true, false]);
    expect(agreed.parties[0]?.agreedByName).toBe('Petugas lapasDelegate');
    expect(agreed.partiesMissing).toEqual(['Yayasan Mitra Karya']);
    const twice = await call('lapasHead', 'POST', `/api/agreements/${a.id}/agree`, {
      version: agreed.version,
    });
    expect(twice.json().error.code).toBe('AGREEMENT_ALREADY_AGREED');
    const all = await agree(agreed, 'partnerHead');
    expect(all.status).toBe('agreed');
    expect(all.partiesMissing).toEqual([]);
    expect(all.events.map((event) => event.kind)).toEqual(['created', 'submitted', 'agreed', 'agreed']);
    for (const name of ['lapasStaff', 'partnerStaff']) {
      const rows = await notificationsOf(ids[name] as string, 'agreement_agreed_all');
      expect(
        rows.some((row) => row.link === `/tata-kelola/kesepakatan/${a.id}`),
        name,
      ).toBe(true);
    }
    expect(await auditRows('agreement.agreed', a.id)).toHaveLength(2);
  });

  it('refuses to agree a draft', async () => {
    const a = await create();
    const response = await call('lapasHead', 'POST', `/api/agreements/${a.id}/agree`, { version: a.version });
    expect(response.json().error.code).toBe('AGREEMENT_NOT_IN_REVIEW');
  });

  it('asks a party again when the text changes after it agreed: outdated, back to in_review, notified', async () => {
    const a = await agreedMou();
    expect(a.status).toBe('agreed');
    const before = (await notificationsOf(ids.partnerHead as string, 'agreement_review_requested')).length;
    const changed = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      purpose: 'Kerja sama pelatihan keterampilan menjahit dan membatik.',
    });
    expect(changed).toMatchObject({ status: 'in_review', effectiveStatus: 'in_review', textVersion: 2 });
    expect(
      changed.parties.map((party) => [party.agreedTextVersion, party.agreedCurrent, party.agreementOutdated]),
    ).toEqual([
      [1, false, true],
      [1, false, true],
    ]);
    expect(
      changed.events
        .filter((event) => event.kind === 'agreement_outdated')
        .map((event) => event.organizationName),
    ).toEqual(['Lapas Perempuan Kelas IIA Semarang', 'Yayasan Mitra Karya']);
    expect(changed.events.map((event) => event.kind).slice(-3)).toEqual([
      'text_changed',
      'agreement_outdated',
      'agreement_outdated',
    ]);
    const after = await notificationsOf(ids.partnerHead as string, 'agreement_review_requested');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.params).toMatchObject({ textVersion: 2 });
    const signBefore = await sign(changed, 'lapasHead');
    expect(signBefore.statusCode).toBe(409);
    expect(signBefore.json().error.code).toBe('AGREEMENT_NOT_AGREED');
    expect(signBefore.json().error.message).toContain('Yayasan Mitra Karya');
    const reagreed = await agree(await agree(changed, 'partnerHead'), 'lapasHead');
    expect(reagreed.status).toBe('agreed');
  });

  it('refuses signing before all agreed, naming the parties missing', async () => {
    const a = await agree(await submit(await create()), 'partnerHead');
    const response = await sign(a, 'lapasHead');
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'AGREEMENT_NOT_AGREED' });
    expect(response.json().error.message).toContain(
      'belum disetujui oleh Lapas Perempuan Kelas IIA Semarang.',
    );
    expect(response.json().error.message).not.toContain('Yayasan Mitra Karya');
  });

  it('takes a request for changes with a note from a head: its agreement withdrawn, back in review', async () => {
    const a = await agreedMou();
    const noNote = await call('partnerHead', 'POST', `/api/agreements/${a.id}/request-changes`, {
      version: a.version,
      note: ' ',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.note).toBe('Wajib diisi.');
    const staff = await call('partnerStaff', 'POST', `/api/agreements/${a.id}/request-changes`, {
      version: a.version,
      note: 'Ubah pasal 2',
    });
    expect(staff.statusCode).toBe(403);
    const asked = await expectOk('partnerHead', 'POST', `/api/agreements/${a.id}/request-changes`, {
      version: a.version,
      note: 'Mohon jangka waktu menjadi 2 tahun',
    });
    expect(asked.status).toBe('in_review');
    expect(asked.parties.map((party) => party.agreedCurrent)).toEqual([true, false]);
    expect(asked.events.at(-1)).toMatchObject({
      kind: 'changes_requested',
      note: 'Mohon jangka waktu menjadi 2 tahun',
    });
    expect(await auditRows('agreement.changes_requested', a.id)).toHaveLength(1);
    // The drafting organization's staff are told which party asked.
    const told = await notificationsOf(ids.lapasStaff as string, 'agreement_changes_requested');
    expect(told.map((n) => n.params)).toEqual([
      { title: a.title, organizationName: a.parties[1]?.organization.name },
    ]);
  });

  it('signs with the scan (type from content), then locks the text; the scan downloads, audited', async () => {
    const a = await agreedMou();
    const files = async () => (await readdir(dir)).sort();
    const before = await files();
    expect((await sign(a, 'lapasStaff')).statusCode).toBe(403);
    const exe = await sign(a, 'lapasHead', {}, { name: 'mou.pdf', type: 'application/pdf', data: EXE });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.fields.file).toContain('bukan PDF, JPEG atau PNG');
    const none = await sign(a, 'lapasHead', {}, null);
    expect(none.json().error.fields.file).toBe('Wajib diisi.');
    const future = await sign(a, 'lapasHead', { signedOn: day(1), validUntil: day(-5) });
    expect(future.json().error.fields).toEqual({
      signedOn: 'Tanggal penandatanganan tidak boleh di masa depan.',
      validUntil: 'Tanggal berakhir tidak boleh sebelum tanggal mulai.',
    });
    const stale = await sign({ ...a, version: a.version - 1 }, 'lapasHead');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('AGREEMENT_CHANGED');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const tooBig = await sign(a, 'lapasHead', {}, { name: 'besar.pdf', type: 'application/pdf', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      fields: { file: 'Berkas terlalu besar. Ukuran paling besar 10 MB.' },
    });
    // Nothing of the refused attempts stays on disk (no kept key, no temporary file).
    expect(await files()).toEqual(before);
    const response = await sign(a, 'partnerHead');
    expect(response.statusCode, response.body).toBe(200);
    const kept = (await files()).filter((name) => !before.includes(name));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^[0-9a-f]{32}$/);
    const signed = response.json() as AgreementDetail;
    expect(signed).toMatchObject({
      status: 'signed',
      effectiveStatus: 'in_force',
      signedOn: today(),
      signedPlace: 'Semarang',
      validFrom: day(-1),
      validUntil: day(364),
      signedByName: 'Petugas partnerHead',
      signedScan: { fileName: 'mou-ttd.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length },
    });
    expect(signed.actions).toMatchObject({
      editText: false,
      agree: false,
      terminate: true,
      downloadScan: true,
    });
    const locked = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(signed),
      title: 'Baru',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('AGREEMENT_LOCKED');
    const scan = await call('lapasStaff', 'GET', `/api/agreements/${a.id}/scan`);
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('application/pdf');
    expect(scan.headers['content-disposition']).toContain('mou-ttd.pdf');
    expect(scan.rawPayload.equals(PDF)).toBe(true);
    expect(await auditRows('agreement.scan_downloaded', a.id)).toHaveLength(1);
    expect(await auditRows('agreement.signed', a.id)).toHaveLength(1);
    expect(
      (await notificationsOf(ids.partnerStaff as string, 'agreement_signed')).some((row) =>
        row.link?.endsWith(a.id),
      ),
    ).toBe(true);
    expect((await call('outsiderHead', 'GET', `/api/agreements/${a.id}/scan`)).statusCode).toBe(404);
  });

  it('terminates a signed agreement (heads and delegates, a date not in the future and a reason)', async () => {
    const a = (await sign(await agreedMou(), 'lapasHead')).json() as AgreementDetail;
    const body = { terminatedOn: today(), reason: 'Mitra berhenti beroperasi', version: a.version };
    expect((await call('partnerStaff', 'POST', `/api/agreements/${a.id}/terminate`, body)).statusCode).toBe(
      403,
    );
    const future = await call('partnerHead', 'POST', `/api/agreements/${a.id}/terminate`, {
      ...body,
      terminatedOn: day(3),
    });
    expect(future.json().error.fields.terminatedOn).toBe('Tanggal pengakhiran tidak boleh di masa depan.');
    const noReason = await call('partnerHead', 'POST', `/api/agreements/${a.id}/terminate`, {
      ...body,
      reason: '',
    });
    expect(noReason.json().error.fields.reason).toBe('Wajib diisi.');
    const done = await expectOk('lapasDelegate', 'POST', `/api/agreements/${a.id}/terminate`, body);
    expect(done).toMatchObject({
      status: 'terminated',
      effectiveStatus: 'terminated',
      terminatedOn: today(),
    });
    const again = await call('lapasHead', 'POST', `/api/agreements/${a.id}/terminate`, {
      ...body,
      version: done.version,
    });
    expect(again.json().error.code).toBe('AGREEMENT_NOT_SIGNED');
    expect(await auditRows('agreement.terminated', a.id)).toHaveLength(1);
  });

  it('renews a signed agreement as a new draft; signing the renewal marks the old one renewed', async () => {
    const a = (await sign(await agreedMou(), 'lapasHead')).json() as AgreementDetail;
    const draftOnly = await create();
    const refused = await call('lapasStaff', 'POST', `/api/agreements/${draftOnly.id}/renew`, {
      version: draftOnly.version,
    });
    expect(refused.json().error.code).toBe('AGREEMENT_NOT_SIGNED');
    const response = await call('partnerStaff', 'POST', `/api/agreements/${a.id}/renew`, {
      version: a.version,
    });
    expect(response.statusCode, response.body).toBe(201);
    const renewal = response.json() as AgreementDetail;
    expect(renewal).toMatchObject({
      status: 'draft',
      textVersion: 1,
      renews: { id: a.id },
      organization: { id: partnerId },
    });
    expect(renewal.parties.map((party) => party.organization.id)).toEqual([partnerId, LAPAS_ID]);
    expect(renewal.clauses.map((clause) => clause.heading)).toEqual(
      a.clauses.map((clause) => clause.heading),
    );
    expect(renewal.obligations.map((obligation) => obligation.description)).toEqual(
      a.obligations.map((obligation) => obligation.description),
    );
    const original = await detail(a.id);
    expect(original.renewedBy).toEqual({ id: renewal.id, title: a.title });
    expect(original.actions.renew).toBe(false);
    const twice = await call('lapasStaff', 'POST', `/api/agreements/${a.id}/renew`, {
      version: original.version,
    });
    expect(twice.json().error.code).toBe('AGREEMENT_RENEWAL_EXISTS');
    // The renewal's own audit trail starts with its creation.
    const created = await auditRows('agreement.created', renewal.id);
    expect(created.map((row) => [row.actor_user_id, row.details])).toEqual([
      [ids.partnerStaff, { kind: 'mou', parentId: null, parties: [LAPAS_ID, partnerId], renewsId: a.id }],
    ]);
    let next = await submit(renewal, 'partnerStaff');
    next = await agree(await agree(next, 'partnerHead'), 'lapasHead');
    const signed = await sign(next, 'partnerHead', { validFrom: day(365), validUntil: day(365 * 3) });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().effectiveStatus).toBe('signed');
    const old = await detail(a.id);
    expect(old).toMatchObject({ status: 'renewed', effectiveStatus: 'renewed' });
    expect(old.events.at(-1)?.kind).toBe('renewed');
    expect(await auditRows('agreement.renewed', a.id)).toHaveLength(1);
  });
});

describe('parties', () => {
  it('keeps the drafter; a new party after agreement withdraws every agreement and asks all again', async () => {
    const a = await agreedMou();
    const asked = async () =>
      (await notificationsOf(ids.partnerHead as string, 'agreement_review_requested')).length;
    const askedBefore = await asked();
    const withoutDrafter = await call('partnerStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: [{ organizationId: partnerId }, { organizationId: BAPAS_ID }],
      version: a.version,
    });
    expect(withoutDrafter.json().error.fields.parties).toBe(
      'Instansi penyusun kesepakatan tidak dapat dihapus dari para pihak.',
    );
    const withObligations = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: [{ organizationId: LAPAS_ID }, { organizationId: BAPAS_ID }],
      version: a.version,
    });
    expect(withObligations.json().error.fields.parties).toContain('masih memiliki kewajiban');
    const badTerm = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: draft().parties,
      validFrom: '2026-02-01',
      validUntil: '2026-01-01',
      version: a.version,
    });
    expect(badTerm.json().error.fields.validUntil).toBe(
      'Tanggal berakhir tidak boleh sebelum tanggal mulai.',
    );
    const same = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: draft().parties,
      version: a.version,
    });
    expect(same.version).toBe(a.version);
    const saved = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: [
        ...draft().parties,
        {
          organizationId: BAPAS_ID,
          signatoryName: 'Kepala Bapas',
          signatoryPosition: 'Kepala',
          documentNumber: 'W13.PAS.PK-01',
        },
      ],
      version: a.version,
    });
    expect(saved.status).toBe('in_review');
    expect(
      saved.parties.map((party) => [party.position, party.organization.id, party.agreedTextVersion]),
    ).toEqual([
      [1, LAPAS_ID, null],
      [2, partnerId, null],
      [3, BAPAS_ID, null],
    ]);
    expect(saved.events.map((event) => [event.kind, event.organizationName]).slice(-3)).toEqual([
      ['parties_changed', 'Lapas Perempuan Kelas IIA Semarang'],
      ['agreement_outdated', 'Lapas Perempuan Kelas IIA Semarang'],
      ['agreement_outdated', 'Yayasan Mitra Karya'],
    ]);
    expect(await asked()).toBe(askedBefore + 1);
    expect(saved.parties[2]?.documentNumber).toBe('W13.PAS.PK-01');
    expect(
      (await notificationsOf(ids.bapasHead as string, 'agreement_review_requested')).some((row) =>
        row.link?.endsWith(a.id),
      ),
    ).toBe(true);
    await detail(a.id, 'bapasHead');
    expect(await auditRows('agreement.parties_saved', a.id)).toHaveLength(1);
  });
});

describe('obligations', () => {
  it('are tracked by the obligated organization’s staff, with versions', async () => {
    const a = await create();
    const [ours, theirs] = a.obligations;
    const url = (id: string | undefined) => `/api/agreements/${a.id}/obligations/${id}`;
    const foreign = await call('lapasStaff', 'PUT', url(theirs?.id), { status: 'done', version: 1 });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('AGREEMENT_OBLIGATION_NOT_YOURS');
    const response = await call('partnerStaff', 'PUT', url(theirs?.id), {
      status: 'in_progress',
      note: 'Pelatih dipilih',
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'in_progress',
      statusNote: 'Pelatih dipilih',
      version: 2,
      canUpdate: true,
    });
    const stale = await call('partnerStaff', 'PUT', url(theirs?.id), { status: 'done', version: 1 });
    expect(stale.statusCode).toBe(409);
    const bad = await call('lapasStaff', 'PUT', url(ours?.id), { status: 'finished', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call('outsiderHead', 'PUT', url(ours?.id), { status: 'done', version: 1 })).statusCode,
    ).toBe(404);
    const after = await detail(a.id);
    expect(after.textVersion).toBe(1);
    expect(after.events.at(-1)?.kind).toBe('obligation_updated');
    expect(await auditRows('agreement.obligation_updated', a.id)).toHaveLength(1);
  });
});

describe('printing', () => {
  it('renders the PDF in the caller’s or the asked language, audited; 404 for others', async () => {
    const a = await create();
    const response = await call('partnerStaff', 'GET', `/api/agreements/${a.id}/pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(
      'mou-nota-kesepahaman-pelatihan-menjahit-v1.pdf',
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const english = await call('lapasStaff', 'GET', `/api/agreements/${a.id}/pdf?language=en`);
    expect(english.statusCode).toBe(200);
    expect((await call('lapasStaff', 'GET', `/api/agreements/${a.id}/pdf?language=fr`)).statusCode).toBe(400);
    expect((await call('outsiderHead', 'GET', `/api/agreements/${a.id}/pdf`)).statusCode).toBe(404);
    const rows = await auditRows('agreement.printed', a.id);
    expect(rows.map((row) => [row.actor_user_id, (row.details as { language: string }).language])).toEqual([
      [ids.partnerStaff, 'id'],
      [ids.lapasStaff, 'en'],
    ]);
  });
});

describe('the list', () => {
  let orgId: string;
  let otherId: string;
  let head: Session;

  beforeAll(async () => {
    const db = t.database.db;
    orgId = (await createOrganization(db, { kind: 'district', name: 'Kecamatan Daftar' })).id;
    otherId = (await createOrganization(db, { kind: 'partner', name: 'Mitra Daftar' })).id;
    const created = await createUser(db, { organizationId: orgId, roles: ['district_head'] });
    head = await signIn(t.app, created.username, TEST_PASSWORD);
    const signed = (title: string, validFrom: string, validUntil: string, parentId: string | null = null) =>
      createAgreement(db, {
        organizationId: orgId,
        partyIds: [otherId],
        status: 'signed',
        title,
        validFrom,
        validUntil,
        kind: parentId ? 'pks' : 'mou',
        parentId,
      });
    const parent = await signed('MoU Induk Daftar', day(-400), day(1000));
    await signed('Akan berlaku', day(10), day(400));
    await signed('Berlaku, berakhir 20 hari lagi', day(-300), day(20));
    await signed('Berlaku, berakhir hari ini', day(-300), day(0));
    await signed('Sudah berakhir', day(-700), day(-1));
    await signed('Berlaku lama', day(-30), day(200), parent.id);
    await createAgreement(db, { organizationId: orgId, partyIds: [otherId], title: 'Draf tanpa tanggal' });
    await createAgreement(db, { organizationId: otherId, partyIds: [outsiderId], title: 'Bukan pihak' });
  });

  const list = async (query = '') => {
    const response = await head.request({ method: 'GET', url: `/api/agreements?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AgreementList;
  };

  it('sorts by expiry (none last) and shows the effective status, as the TS function computes it', async () => {
    const all = await list();
    expect(all.items.map((item) => [item.title, item.effectiveStatus, item.daysLeft])).toEqual([
      ['Sudah berakhir', 'expired', -1],
      ['Berlaku, berakhir hari ini', 'in_force', 0],
      ['Berlaku, berakhir 20 hari lagi', 'in_force', 20],
      ['Berlaku lama', 'in_force', 200],
      ['Akan berlaku', 'signed', 400],
      ['MoU Induk Daftar', 'in_force', 1000],
      ['Draf tanpa tanggal', 'draft', null],
    ]);
    for (const item of all.items) expect(item.effectiveStatus).toBe(effectiveAgreementStatus(item, today()));
    expect(
      all.items.find((item) => item.title === 'Berlaku lama')?.parties.map((party) => party.name),
    ).toEqual(['Kecamatan Daftar', 'Mitra Daftar']);
  });

  it('filters by kind, effective status, expiry within N days and title', async () => {
    const titles = async (query: string) => (await list(query)).items.map((item) => item.title);
    expect(await titles('kind=pks')).toEqual(['Berlaku lama']);
    expect(await titles('status=in_force&kind=mou')).toEqual([
      'Berlaku, berakhir hari ini',
      'Berlaku, berakhir 20 hari lagi',
      'MoU Induk Daftar',
    ]);
    expect(await titles('status=expired')).toEqual(['Sudah berakhir']);
    expect(await titles('status=signed')).toEqual(['Akan berlaku']);
    expect(await titles('expiringWithinDays=30')).toEqual([
      'Berlaku, berakhir hari ini',
      'Berlaku, berakhir 20 hari lagi',
    ]);
    expect(await titles('q=berakhir%20HARI')).toEqual(['Berlaku, berakhir hari ini']);
    expect((await list('q=Bukan')).total).toBe(0);
    expect((await head.request({ method: 'GET', url: '/api/agreements?status=aktif' })).statusCode).toBe(400);
  });
});

// ── The rules of the second review (review2.md findings 1–22) ──

describe('the text after submit', () => {
  it('keeps at least one clause and every signatory once submitted (a draft may still lack them)', async () => {
    const a = await submit(await create());
    const noClause = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      clauses: [],
    });
    expect(noClause.statusCode).toBe(400);
    expect(noClause.json().error.fields).toEqual({
      clauses: 'Naskah harus memiliki paling sedikit satu pasal.',
    });
    const noSignatory = await call('partnerStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: [draft().parties[0], { organizationId: partnerId, signatoryName: 'Ketua Yayasan' }],
      version: a.version,
    });
    expect(noSignatory.statusCode).toBe(400);
    expect(noSignatory.json().error.fields).toEqual({
      'parties.1.signatoryPosition': 'Isi jabatan penandatangan untuk PIHAK KEDUA (Yayasan Mitra Karya).',
    });
    const after = await detail(a.id);
    expect(after).toMatchObject({ version: a.version, textVersion: 1 });
    expect(after.clauses).toHaveLength(2);
  });

  it('refuses an obligation id sent twice', async () => {
    const a = await create();
    const text = textOf(a);
    const first = text.obligations[0];
    const response = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...text,
      obligations: [first, { ...first, description: 'Menyiapkan ruang pelatihan' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      'obligations.1.id': 'Kewajiban yang sama terkirim dua kali. Hapus salah satunya.',
    });
    expect((await detail(a.id)).textVersion).toBe(1);
  });

  it('starts the tracking again when an obligation changes organization or description, not for its due date', async () => {
    const a = await create();
    const theirs = a.obligations[1];
    const track = await call('partnerStaff', 'PUT', `/api/agreements/${a.id}/obligations/${theirs?.id}`, {
      status: 'done',
      note: 'Pelatih sudah ada',
      version: 1,
    });
    expect(track.statusCode, track.body).toBe(200);
    const tracked = await detail(a.id);
    const dueMoved = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(tracked),
      obligations: textOf(tracked).obligations.map((obligation, index) =>
        index === 1 ? { ...obligation, dueOn: day(90) } : obligation,
      ),
    });
    expect(dueMoved.obligations[1]).toMatchObject({
      status: 'done',
      statusNote: 'Pelatih sudah ada',
      version: 2,
    });
    const moved = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(dueMoved),
      obligations: textOf(dueMoved).obligations.map((obligation, index) =>
        index === 1 ? { ...obligation, organizationId: LAPAS_ID } : obligation,
      ),
    });
    expect(moved.obligations[1]).toMatchObject({
      id: theirs?.id,
      organization: { id: LAPAS_ID },
      status: 'open',
      statusNote: null,
      updatedByName: null,
      version: 3,
      canUpdate: true,
    });
    // A client holding the old version of the obligation is refused.
    const stale = await call('lapasStaff', 'PUT', `/api/agreements/${a.id}/obligations/${theirs?.id}`, {
      status: 'done',
      version: 2,
    });
    expect(stale.json().error.code).toBe('AGREEMENT_OBLIGATION_CHANGED');
  });

  it('accepts only a known template key for a clause', async () => {
    const response = await call(
      'lapasStaff',
      'POST',
      '/api/agreements',
      draft({ clauses: [{ heading: 'Pasal', body: 'Isi', template: 'bukan_templat' as never }] }),
    );
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['clauses.0.template']);
  });

  it('asks a party again only when it had agreed the text just replaced', async () => {
    const a = await agreedMou();
    const asked = async () =>
      (await notificationsOf(ids.partnerHead as string, 'agreement_review_requested')).filter((row) =>
        row.link?.endsWith(a.id),
      ).length;
    const before = await asked();
    const v2 = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      title: 'Judul versi 2',
    });
    const v3 = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(v2),
      title: 'Judul versi 3',
    });
    expect(v3.textVersion).toBe(3);
    expect(v3.events.filter((event) => event.kind === 'agreement_outdated')).toHaveLength(2);
    expect(await asked()).toBe(before + 1);
    const rows = await auditRows('agreement.text_saved', a.id);
    expect(rows.map((row) => (row.details as { outdatedParties: string[] }).outdatedParties)).toEqual([
      [LAPAS_ID, partnerId],
      [],
    ]);
  });

  it('answers 409 AGREEMENT_CHANGED to an agreement of an outdated text', async () => {
    const a = await submit(await create());
    await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      purpose: 'Maksud yang diubah setelah pengajuan.',
    });
    const response = await call('partnerHead', 'POST', `/api/agreements/${a.id}/agree`, {
      version: a.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('AGREEMENT_CHANGED');
    expect((await detail(a.id)).parties.every((party) => party.agreedTextVersion === null)).toBe(true);
  });
});

describe('the diff is bounded', () => {
  it('answers a diff of long unrelated texts quickly, whole sections where word diffing gives up', async () => {
    const words = (seed: string, count: number) =>
      Array.from({ length: count }, (_, index) => `${seed}${(index * 7919) % 1000}`).join(' ');
    const a = await create(
      draft({
        clauses: Array.from({ length: 20 }, (_, index) => ({
          heading: `Pasal ${index}`,
          body: words('a', 3000),
        })),
        obligations: [],
      }),
    );
    await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/text`, {
      ...textOf(a),
      clauses: a.clauses.map((clause) => ({ heading: clause.heading, body: words('b', 3000) })),
    });
    const started = Date.now();
    const response = await call('partnerStaff', 'GET', `/api/agreements/${a.id}/diff?from=1&to=2`);
    expect(response.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    const diff = response.json() as AgreementDiff;
    const clauses = diff.sections.filter((section) => section.kind === 'clause');
    expect(clauses).toHaveLength(20);
    for (const section of clauses) {
      expect(section.change).toBe('changed');
      // Whatever the path (word by word or whole), the parts rebuild both texts.
      const before = section.parts
        .filter((part) => !part.added)
        .map((part) => part.value)
        .join('');
      const after = section.parts
        .filter((part) => !part.removed)
        .map((part) => part.value)
        .join('');
      expect(before).toBe(`${section.heading}\n${words('a', 3000)}`);
      expect(after).toBe(`${section.heading}\n${words('b', 3000)}`);
    }
  });
});

describe('what a party of a PKS sees of its MoU and of renewals', () => {
  it('names the MoU and the renewals only to their own parties', async () => {
    const db = t.database.db;
    const mou = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [BAPAS_ID],
      status: 'signed',
      title: 'MoU Lapas Bapas',
    });
    const pks = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      kind: 'pks',
      parentId: mou.id,
      status: 'signed',
      title: 'PKS di bawah MoU Lapas Bapas',
    });
    expect((await detail(pks.id, 'lapasStaff')).parent).toEqual({ id: mou.id, title: 'MoU Lapas Bapas' });
    expect((await detail(pks.id, 'partnerStaff')).parent).toBeNull();
    const listed = (
      await call(
        'partnerStaff',
        'GET',
        `/api/agreements?kind=pks&q=${encodeURIComponent('PKS di bawah MoU')}`,
      )
    ).json() as AgreementList;
    expect(listed.items.map((item) => [item.id, item.parent])).toEqual([[pks.id, null]]);
    // A renewal the partner was removed from: not named to it, and still blocking another renewal.
    const signed = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId, BAPAS_ID],
      status: 'signed',
    });
    const original = await detail(signed.id);
    const renewal = (
      await call('lapasStaff', 'POST', `/api/agreements/${signed.id}/renew`, {
        version: original.version,
      })
    ).json() as AgreementDetail;
    await expectOk('lapasStaff', 'PUT', `/api/agreements/${renewal.id}/parties`, {
      parties: renewal.parties
        .filter((party) => party.organization.id !== partnerId)
        .map((party) => ({
          organizationId: party.organization.id,
          signatoryName: party.signatoryName,
          signatoryPosition: party.signatoryPosition,
        })),
      version: renewal.version,
    });
    expect((await detail(signed.id, 'lapasStaff')).renewedBy?.id).toBe(renewal.id);
    const partnerView = await detail(signed.id, 'partnerStaff');
    expect(partnerView.renewedBy).toBeNull();
    expect(partnerView.actions.renew).toBe(false);
    expect((await call('partnerStaff', 'GET', `/api/agreements/${renewal.id}`)).statusCode).toBe(404);
  });
});

describe('delegates who can no longer act', () => {
  it('are not asked to review once moved to another organization or without a role that manages agreements', async () => {
    const db = t.database.db;
    const named = async (name: string) => {
      await user(name, LAPAS_ID, ['prison_binadik']);
      await nameDelegate(db, {
        organizationId: LAPAS_ID,
        userId: ids[name] as string,
        namedBy: ids.lapasHead as string,
      });
    };
    await named('movedDelegate');
    await named('demotedDelegate');
    await db
      .updateTable('app_user')
      .set({ organization_id: BAPAS_ID })
      .where('id', '=', ids.movedDelegate as string)
      .execute();
    await db
      .deleteFrom('user_role')
      .where('user_id', '=', ids.demotedDelegate as string)
      .execute();
    await db
      .insertInto('user_role')
      .values({ user_id: ids.demotedDelegate as string, role_code: 'viewer' })
      .execute();
    const a = await submit(await create());
    const asked = async (name: string) =>
      (await notificationsOf(ids[name] as string, 'agreement_review_requested')).some((row) =>
        row.link?.endsWith(a.id),
      );
    expect(await asked('lapasDelegate')).toBe(true);
    expect(await asked('movedDelegate')).toBe(false);
    expect(await asked('demotedDelegate')).toBe(false);
  });
});

describe('changing the parties under review', () => {
  const partyRow = (organizationId: string, name: string) => ({
    organizationId,
    signatoryName: name,
    signatoryPosition: 'Kepala',
  });
  const three = () => [
    partyRow(LAPAS_ID, 'Kepala Lapas'),
    partyRow(partnerId, 'Ketua Yayasan'),
    partyRow(BAPAS_ID, 'Kepala Bapas'),
  ];

  it('withdraws every agreement when a party that had agreed is removed; the removed party is named, not asked', async () => {
    let a = await submit(await create(draft({ parties: three() })));
    for (const head of ['lapasHead', 'partnerHead', 'bapasHead']) a = await agree(a, head);
    expect(a.status).toBe('agreed');
    const bapasAsked = (await notificationsOf(ids.bapasHead as string, 'agreement_review_requested')).length;
    const partnerAsked = (await notificationsOf(ids.partnerHead as string, 'agreement_review_requested'))
      .length;
    const removed = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: three().slice(0, 2),
      version: a.version,
    });
    expect(removed.status).toBe('in_review');
    expect(removed.parties.map((party) => [party.organization.id, party.agreedTextVersion])).toEqual([
      [LAPAS_ID, null],
      [partnerId, null],
    ]);
    expect(removed.partiesMissing).toEqual(['Lapas Perempuan Kelas IIA Semarang', 'Yayasan Mitra Karya']);
    const bapasName = (await detail(a.id)).events.find(
      (event) => event.note === 'Dikeluarkan dari para pihak.',
    );
    expect(bapasName).toMatchObject({ kind: 'parties_changed', actorName: 'Petugas lapasStaff' });
    expect(bapasName?.organizationName).not.toBe('Lapas Perempuan Kelas IIA Semarang');
    expect(removed.events.filter((event) => event.kind === 'agreement_outdated')).toHaveLength(2);
    expect(await notificationsOf(ids.bapasHead as string, 'agreement_review_requested')).toHaveLength(
      bapasAsked,
    );
    expect(await notificationsOf(ids.partnerHead as string, 'agreement_review_requested')).toHaveLength(
      partnerAsked + 1,
    );
    expect((await call('bapasHead', 'GET', `/api/agreements/${a.id}`)).statusCode).toBe(404);
    const signing = await sign(removed, 'lapasHead');
    expect(signing.json().error.code).toBe('AGREEMENT_NOT_AGREED');
    const audit = await auditRows('agreement.parties_saved', a.id);
    expect(audit.at(-1)?.details).toMatchObject({
      removed: [BAPAS_ID],
      outdatedParties: [LAPAS_ID, partnerId],
      status: 'in_review',
    });
  });

  it('does not make the agreement agreed by removing the party that asked for changes', async () => {
    let a = await submit(await create(draft({ parties: three() })));
    a = await agree(await agree(a, 'lapasHead'), 'partnerHead');
    a = await expectOk('bapasHead', 'POST', `/api/agreements/${a.id}/request-changes`, {
      version: a.version,
      note: 'Kami tidak ikut',
    });
    const removed = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: three().slice(0, 2),
      version: a.version,
    });
    expect(removed.status).toBe('in_review');
    expect(removed.partiesMissing).toHaveLength(2);
    expect(removed.actions.sign).toBe(false);
  });

  it('withdraws the agreements on a swap of positions or a new signatory, not on a document number', async () => {
    const agreed = async () => agreedMou();
    const a = await agreed();
    const numbered = await expectOk('partnerStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: draft().parties.map((party, index) =>
        index === 1 ? { ...party, documentNumber: 'YMK/01' } : party,
      ),
      version: a.version,
    });
    expect(numbered).toMatchObject({ status: 'agreed', partiesMissing: [] });
    const swapped = await expectOk('lapasStaff', 'PUT', `/api/agreements/${a.id}/parties`, {
      parties: [...draft().parties].reverse(),
      version: numbered.version,
    });
    expect(swapped.status).toBe('in_review');
    expect(
      swapped.parties.map((party) => [party.position, party.organization.id, party.agreedTextVersion]),
    ).toEqual([
      [1, partnerId, null],
      [2, LAPAS_ID, null],
    ]);
    const b = await agreed();
    const resigned = await expectOk('lapasStaff', 'PUT', `/api/agreements/${b.id}/parties`, {
      parties: draft().parties.map((party, index) =>
        index === 1 ? { ...party, signatoryName: 'Ketua Baru' } : party,
      ),
      version: b.version,
    });
    expect(resigned.status).toBe('in_review');
    expect(resigned.partiesMissing).toHaveLength(2);
  });

  it('answers one of two heads agreeing at the same moment with 409 AGREEMENT_CHANGED', async () => {
    const a = await submit(await create());
    const responses = await Promise.all(
      ['lapasHead', 'partnerHead'].map((name) =>
        call(name, 'POST', `/api/agreements/${a.id}/agree`, { version: a.version }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json().error.code).toBe(
      'AGREEMENT_CHANGED',
    );
    const after = await detail(a.id);
    expect(after.parties.filter((party) => party.agreedCurrent)).toHaveLength(1);
    expect(after.status).toBe('in_review');
  });
});

describe('discarding', () => {
  it('lets the drafting organization’s staff discard a draft or an agreement in review: read-only, hidden, audited', async () => {
    const a = await create();
    expect(a.actions.discard).toBe(true);
    expect((await detail(a.id, 'partnerStaff')).actions.discard).toBe(false);
    const notDrafter = await call('partnerStaff', 'POST', `/api/agreements/${a.id}/discard`, {
      version: a.version,
    });
    expect(notDrafter.statusCode).toBe(403);
    expect(notDrafter.json().error.code).toBe('AGREEMENT_DRAFTER_ONLY');
    const stale = await call('lapasStaff', 'POST', `/api/agreements/${a.id}/discard`, {
      version: a.version + 1,
    });
    expect(stale.json().error.code).toBe('AGREEMENT_CHANGED');
    const submitted = await submit(a);
    const discarded = await expectOk('lapasStaff', 'POST', `/api/agreements/${a.id}/discard`, {
      version: submitted.version,
    });
    expect(discarded).toMatchObject({ status: 'discarded', effectiveStatus: 'discarded' });
    expect(discarded.events.at(-1)).toMatchObject({ kind: 'discarded', actorName: 'Petugas lapasStaff' });
    expect(
      Object.entries(discarded.actions)
        .filter(([, allowed]) => allowed)
        .map(([name]) => name),
    ).toEqual(['print']);
    expect(discarded.obligations.every((obligation) => !obligation.canUpdate)).toBe(true);
    expect(await auditRows('agreement.discarded', a.id)).toMatchObject([
      { actor_user_id: ids.lapasStaff, details: { previous: 'in_review', textVersion: 1 } },
    ]);
    const version = { version: discarded.version };
    for (const [name, method, url, payload, code] of [
      ['lapasStaff', 'PUT', 'text', { ...textOf(discarded), title: 'Baru' }, 'AGREEMENT_LOCKED'],
      ['lapasStaff', 'PUT', 'parties', { parties: draft().parties, ...version }, 'AGREEMENT_LOCKED'],
      ['lapasStaff', 'POST', 'submit', version, 'AGREEMENT_NOT_DRAFT'],
      ['lapasHead', 'POST', 'agree', version, 'AGREEMENT_NOT_IN_REVIEW'],
      ['lapasStaff', 'POST', 'discard', version, 'AGREEMENT_NOT_DISCARDABLE'],
      ['lapasStaff', 'POST', 'renew', version, 'AGREEMENT_NOT_SIGNED'],
    ] as const) {
      const response = await call(name, method, `/api/agreements/${a.id}/${url}`, payload);
      expect(response.statusCode, `${url} ${response.body}`).toBe(409);
      expect(response.json().error.code).toBe(code);
    }
    expect((await sign(discarded, 'lapasHead')).json().error.code).toBe('AGREEMENT_LOCKED');
    const obligation = await call(
      'lapasStaff',
      'PUT',
      `/api/agreements/${a.id}/obligations/${a.obligations[0]?.id}`,
      {
        status: 'done',
        version: 1,
      },
    );
    expect(obligation.json().error.code).toBe('AGREEMENT_LOCKED');
    const ids_ = async (query: string) =>
      (
        (await call('lapasStaff', 'GET', `/api/agreements?pageSize=200${query}`)).json() as AgreementList
      ).items.map((item) => item.id);
    expect(await ids_('')).not.toContain(a.id);
    expect(await ids_('&status=discarded')).toContain(a.id);
  });

  it('refuses to discard an agreed agreement', async () => {
    const a = await agreedMou();
    const response = await call('lapasStaff', 'POST', `/api/agreements/${a.id}/discard`, {
      version: a.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('AGREEMENT_NOT_DISCARDABLE');
  });

  it('frees the renewal of an agreement once its abandoned renewal draft is discarded', async () => {
    const { id } = await createAgreement(t.database.db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      status: 'signed',
    });
    const original = await detail(id);
    expect(original.effectiveStatus).toBe('in_force');
    const first = (
      await call('lapasStaff', 'POST', `/api/agreements/${id}/renew`, {
        version: original.version,
      })
    ).json() as AgreementDetail;
    const again = await call('lapasStaff', 'POST', `/api/agreements/${id}/renew`, {
      version: original.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('AGREEMENT_RENEWAL_EXISTS');
    await expectOk('lapasStaff', 'POST', `/api/agreements/${first.id}/discard`, { version: first.version });
    const freed = await detail(id);
    expect(freed.actions.renew).toBe(true);
    expect(freed.renewedBy).toBeNull();
    const second = await call('lapasStaff', 'POST', `/api/agreements/${id}/renew`, {
      version: freed.version,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect((await detail(id)).renewedBy?.id).toBe(second.json().id);
  });
});

describe('renewing, terminating and signing: the remaining rules', () => {
  it('refuses to renew a PKS under a terminated MoU, or under an MoU the caller is not party to', async () => {
    const db = t.database.db;
    const terminated = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      status: 'terminated',
    });
    const underTerminated = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      kind: 'pks',
      parentId: terminated.id,
      status: 'signed',
    });
    const pks = await detail(underTerminated.id);
    const refused = await call('lapasStaff', 'POST', `/api/agreements/${pks.id}/renew`, {
      version: pks.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('AGREEMENT_PARENT_INVALID');
    const mou = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [BAPAS_ID],
      status: 'signed',
    });
    const underOther = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      kind: 'pks',
      parentId: mou.id,
      status: 'signed',
    });
    const other = await detail(underOther.id);
    const byPartner = await call('partnerStaff', 'POST', `/api/agreements/${other.id}/renew`, {
      version: other.version,
    });
    expect(byPartner.json().error.code).toBe('AGREEMENT_PARENT_INVALID');
    const byLapas = await call('lapasStaff', 'POST', `/api/agreements/${other.id}/renew`, {
      version: other.version,
    });
    expect(byLapas.statusCode, byLapas.body).toBe(201);
    expect(byLapas.json().parent).toEqual({ id: mou.id, title: expect.any(String) });
  });

  it('refuses a termination dated after the agreement ended', async () => {
    const { id } = await createAgreement(t.database.db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      status: 'signed',
      signedOn: day(-420),
      validFrom: day(-400),
      validUntil: day(-10),
    });
    const a = await detail(id);
    expect(a.effectiveStatus).toBe('expired');
    const body = { terminatedOn: today(), reason: 'Mitra berhenti', version: a.version };
    const late = await call('lapasHead', 'POST', `/api/agreements/${id}/terminate`, body);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields.terminatedOn).toBe(
      `Tanggal pengakhiran tidak boleh sesudah tanggal berakhirnya kesepakatan (${day(-10).split('-').reverse().join('/')}).`,
    );
    await expectOk('lapasHead', 'POST', `/api/agreements/${id}/terminate`, {
      ...body,
      terminatedOn: day(-20),
    });
  });

  it('refuses to sign unless every party agreed the current text, whatever the stored status says', async () => {
    const db = t.database.db;
    const { id } = await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      status: 'agreed',
      agreedPartyIds: [LAPAS_ID],
    });
    const response = await sign(await detail(id), 'lapasHead');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('AGREEMENT_NOT_AGREED');
    expect(response.json().error.message).toContain('belum disetujui oleh Yayasan Mitra Karya');
    const draftOnly = await create();
    const early = await sign(draftOnly, 'lapasHead');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('AGREEMENT_NOT_IN_REVIEW');
  });
});

describe('contracts and defaults', () => {
  it('computes the effective status in SQL exactly as the TS function, over every status and dates around today', async () => {
    const dates = [null, day(-1), day(0), day(1)];
    const grid = AGREEMENT_STATUSES.flatMap((status) =>
      dates.flatMap((validFrom) => dates.map((validUntil) => ({ status, validFrom, validUntil }))),
    );
    const values = sql.join(
      grid.map(
        (row, index) =>
          sql`(${index}::int, ${row.status}::text, ${row.validFrom}::date, ${row.validUntil}::date)`,
      ),
    );
    const result = await sql<{ n: number; effective: string }>`
      select g.n, ${effectiveStatusSql('g')} as effective
      from (values ${values}) as g(n, status, valid_from, valid_until) order by g.n`.execute(t.database.db);
    expect(result.rows.map((row) => row.effective)).toEqual(
      grid.map((row) => effectiveAgreementStatus(row, today())),
    );
    expect(new Set(result.rows.map((row) => row.effective))).toEqual(
      new Set([...AGREEMENT_STATUSES, 'in_force', 'expired']),
    );
  });

  it('keeps the factory’s default term in force whatever the date, and no unused message', async () => {
    const { id } = await createAgreement(t.database.db, {
      organizationId: LAPAS_ID,
      partyIds: [partnerId],
      status: 'signed',
    });
    expect((await detail(id)).effectiveStatus).toBe('in_force');
    expect(Object.keys(AGREEMENTS_MESSAGES)).not.toContain('AGREEMENT_PDF_UNAVAILABLE');
  });
});
