import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/app.ts';
import { BAPAS_ID } from '../../db/seed/reference.ts';
import { mailEnabled } from '../../platform/mail.ts';
import { notify } from './notifications.service.ts';

// Without SMTP: in-app only, no error, and never a pending e-mail (even for users with an address).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('writes in-app notifications only, nothing pending, no outbox', async () => {
  expect(mailEnabled()).toBe(false);
  expect(t.app.mailOutbox).toBeUndefined();
  const user = await createUser(t.database.db, { organizationId: BAPAS_ID, roles: ['probation_head'] });
  await t.database.db
    .updateTable('app_user')
    .set({ email: 'kepala@bapas.example' })
    .where('id', '=', user.id)
    .execute();
  expect(await notify(t.database.db, { userIds: [user.id] }, { kind: 'handover_sent' })).toBe(1);
  const rows = await t.database.db
    .selectFrom('notification')
    .select(['email_status', 'emailed_at'])
    .execute();
  expect(rows).toEqual([{ email_status: null, emailed_at: null }]);
});
