import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type {
  AgreementDelegate,
  AgreementDelegateList,
  AgreementDetail,
} from '../../../shared/agreements.ts';
import type { RoleCode } from '../../../shared/permissions.ts';

// Wakil penandatangan: the head of an organization names staff who may agree and sign in her stead, and
// revokes them; a revoked delegate can no longer act. Heads only; their own organization only.

let t: TestApp;
let villageId: string;
let otherVillageId: string;
let partnerId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[], active = true) {
  const created = await createUser(t.database.db, {
    organizationId,
    roles,
    fullName: `Petugas ${name}`,
    active,
  });
  ids[name] = created.id;
  if (active) as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  villageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Wakil' })).id;
  otherVillageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Lain' })).id;
  partnerId = (await createOrganization(db, { kind: 'partner', name: 'Mitra Wakil' })).id;
  await user('lurah', villageId, ['village_head']);
  await user('staff', villageId, ['village_staff']);
  await user('staff2', villageId, ['village_staff']);
  await user('gone', villageId, ['village_staff'], false);
  await user('otherLurah', otherVillageId, ['village_head']);
  await user('otherStaff', otherVillageId, ['village_staff']);
  await user('partnerHead', partnerId, ['partner_head']);
});
afterAll(() => t.close());

const call = (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  (as[name] as Session).request({ method, url, ...(payload && { payload }) });

const listOf = async (name: string) => {
  const response = await call(name, 'GET', '/api/agreement-delegates');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AgreementDelegateList;
};

const auditRows = (action: string, subjectId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute();

describe('delegates', () => {
  it('are named by the head among active staff of her organization, audited', async () => {
    const before = await listOf('lurah');
    expect(before.canManage).toBe(true);
    expect(before.candidates.map((candidate) => candidate.name)).toEqual(['Petugas staff', 'Petugas staff2']);
    const response = await call('lurah', 'POST', '/api/agreement-delegates', {
      userId: ids.staff,
      note: 'Selama cuti',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      user: { id: ids.staff, name: 'Petugas staff' },
      namedByName: 'Petugas lurah',
      note: 'Selama cuti',
      revokedAt: null,
    });
    const after = await listOf('staff');
    expect(after.canManage).toBe(false);
    expect(after.candidates).toEqual([]);
    expect(after.items.map((item) => item.user.id)).toEqual([ids.staff]);
    expect((await listOf('lurah')).candidates.map((candidate) => candidate.name)).toEqual(['Petugas staff2']);
    expect((await listOf('otherLurah')).items).toEqual([]);
    expect(await auditRows('agreement.delegate_named', ids.staff as string)).toHaveLength(1);
  });

  it('refuses staff, heads, inactive users, other organizations and a second live naming', async () => {
    expect(
      (await call('staff2', 'POST', '/api/agreement-delegates', { userId: ids.staff2 })).statusCode,
    ).toBe(403);
    for (const name of ['lurah', 'gone', 'otherStaff']) {
      const response = await call('lurah', 'POST', '/api/agreement-delegates', { userId: ids[name] });
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error.fields.userId).toContain('Pilih pegawai aktif instansi Anda');
    }
    const first = await call('lurah', 'POST', '/api/agreement-delegates', { userId: ids.staff2 });
    expect(first.statusCode).toBe(201);
    const second = await call('lurah', 'POST', '/api/agreement-delegates', { userId: ids.staff2 });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields.userId).toBe('Pegawai ini sudah menjadi wakil penandatangan.');
  });

  it('act for the organization until revoked', async () => {
    const db = t.database.db;
    const named = (await listOf('lurah')).items.find(
      (item) => item.user.id === ids.staff,
    ) as AgreementDelegate;
    const { id } = await createAgreement(db, {
      organizationId: villageId,
      partyIds: [partnerId],
      status: 'in_review',
    });
    const view = async () => (await call('staff', 'GET', `/api/agreements/${id}`)).json() as AgreementDetail;
    const agreed = await call('staff', 'POST', `/api/agreements/${id}/agree`, {
      version: (await view()).version,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect((agreed.json() as AgreementDetail).parties[0]?.agreedByName).toBe('Petugas staff');

    expect(
      (await call('otherLurah', 'POST', `/api/agreement-delegates/${named.id}/revoke`, {})).statusCode,
    ).toBe(404);
    expect((await call('staff2', 'POST', `/api/agreement-delegates/${named.id}/revoke`, {})).statusCode).toBe(
      403,
    );
    const revoked = await call('lurah', 'POST', `/api/agreement-delegates/${named.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ revokedByName: 'Petugas lurah', revokedAt: expect.any(String) });
    const again = await call('lurah', 'POST', `/api/agreement-delegates/${named.id}/revoke`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('AGREEMENT_DELEGATE_REVOKED');
    expect(await auditRows('agreement.delegate_revoked', ids.staff as string)).toHaveLength(1);

    const changes = await call('staff', 'POST', `/api/agreements/${id}/request-changes`, {
      version: (await view()).version,
      note: 'Ubah pasal 1',
    });
    expect(changes.statusCode).toBe(403);
    expect((await view()).actions.requestChanges).toBe(false);
    const me = await call('staff', 'GET', '/api/agreements/me');
    expect(me.json()).toMatchObject({ isDelegate: false, canAct: false });
    // The list shows live delegates first, the revoked one after.
    const list = await listOf('lurah');
    expect(list.items.map((item) => [item.user.name, item.revokedAt === null])).toEqual([
      ['Petugas staff2', true],
      ['Petugas staff', false],
    ]);
    // Named again after revocation: a new live row.
    expect((await call('lurah', 'POST', '/api/agreement-delegates', { userId: ids.staff })).statusCode).toBe(
      201,
    );
  });
});
