import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';

// The agreement PDF through its route (wired by the agreements module): real data from the database, the
// parties only, audited.

let t: TestApp;
let party: Session;
let outsider: Session;
let agreementId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const staff = await createUser(db, { organizationId: LAPAS_ID, roles: ['prison_binadik'] });
  party = await signIn(t.app, staff.username, TEST_PASSWORD);
  const other = await createOrganization(db, { kind: 'partner' });
  const stranger = await createUser(db, { organizationId: other.id, roles: ['partner_staff'] });
  outsider = await signIn(t.app, stranger.username, TEST_PASSWORD);
  agreementId = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'signed',
      title: 'Pembinaan Kemandirian',
      obligations: [
        { organizationId: KECAMATAN_ID, description: 'Memfasilitasi sosialisasi.', dueOn: '2026-12-31' },
      ],
    })
  ).id;
});
afterAll(() => t.close());

describe('GET /api/agreements/:id/pdf', () => {
  it('prints the agreement for a party, in either language, audited', async () => {
    for (const language of ['id', 'en']) {
      const response = await party.request({
        method: 'GET',
        url: `/api/agreements/${agreementId}/pdf?language=${language}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'agreement.printed')
      .where('subject_id', '=', agreementId)
      .execute();
    expect(entries).toHaveLength(2);
  });

  it('is not found for an organization that is no party', async () => {
    const response = await outsider.request({ method: 'GET', url: `/api/agreements/${agreementId}/pdf` });
    expect(response.statusCode).toBe(404);
  });
});
