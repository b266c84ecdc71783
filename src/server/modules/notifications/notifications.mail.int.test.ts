import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { BAPAS_ID } from '../../db/seed/reference.ts';
import { mailEnabled } from '../../platform/mail.ts';
import { notify } from './notifications.service.ts';

// E-mail of notifications with a real (local) SMTP server: sent after the change commits, without personal
// data; a refused recipient is recorded as failed and audited, and never fails the request.

interface Received {
  from: string;
  to: string[];
  data: string;
}

const received: Received[] = [];
const REFUSED = 'ditolak@bapas.example';
let server: SMTPServer;
let port: number;
let t: TestApp;
let head: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED)
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  t = await createTestApp({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'Sinergi <sinergi@bapas.example>',
      PUBLIC_URL: 'https://sinergi.example.go.id',
    },
  });
  const db = t.database.db;
  for (const [name, email] of [
    ['head', 'kepala@bapas.example'],
    ['refused', REFUSED],
    ['noAddress', null],
  ] as const) {
    const user = await createUser(db, {
      organizationId: BAPAS_ID,
      roles: ['probation_head'],
      fullName: name,
    });
    await db.updateTable('app_user').set({ email }).where('id', '=', user.id).execute();
    ids[name] = user.id;
    if (name === 'head') head = await signIn(t.app, user.username, TEST_PASSWORD);
  }
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const rows = () =>
  t.database.db
    .selectFrom('notification')
    .select(['id', 'user_id', 'email_status', 'emailed_at'])
    .orderBy('created_at')
    .execute();

describe('with SMTP configured', () => {
  it('queues e-mail inside the transaction and sends it after the request, without personal data', async () => {
    expect(mailEnabled()).toBe(true);
    const person = await createPerson(t.database.db, { fullName: 'Sri Rahasia' });
    await t.database.db.transaction().execute(async (trx) => {
      await notify(
        trx,
        { organizationId: BAPAS_ID, roles: ['probation_head'] },
        { kind: 'handover_sent', personId: person.id, link: `/warga/${person.id}?tab=pembebasan` },
      );
      // Inside the transaction nothing is sent yet.
      expect(received).toHaveLength(0);
    });
    const queued = await rows();
    expect(queued.filter((row) => row.email_status === 'pending')).toHaveLength(2);
    expect(queued.find((row) => row.user_id === ids.noAddress)?.email_status).toBeNull();

    // Any finished change request kicks the outbox (here: marking everything read).
    const response = await head.request({ method: 'POST', url: '/api/notifications/read-all' });
    expect(response.statusCode).toBe(200);
    // No explicit flush: the finished request sent it.
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5000 });
    await t.app.mailOutbox?.idle();
    const [mail] = received as [Received];
    expect(mail.from).toBe('sinergi@bapas.example');
    expect(mail.to).toEqual(['kepala@bapas.example']);
    expect(mail.data).toContain('Ada pemberitahuan baru di Sinergi');
    expect(mail.data).toContain('https://sinergi.example.go.id/notifikasi');
    expect(mail.data).not.toContain('Sri');
    expect(mail.data).not.toContain(person.id);

    const after = await rows();
    expect(after.find((row) => row.user_id === ids.head)?.email_status).toBe('sent');
    expect(after.find((row) => row.user_id === ids.refused)?.email_status).toBe('failed');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['subject_type', 'subject_id', 'details'])
      .where('action', '=', 'notification.email_failed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      subject_type: 'notification',
      subject_id: after.find((row) => row.user_id === ids.refused)?.id,
      details: { kind: 'handover_sent', recipientUserId: ids.refused, error: 'SMTP 550' },
    });
    expect(JSON.stringify(audit[0]?.details)).not.toContain(REFUSED);
  });

  it('sends nothing for a rolled-back transaction', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, { userIds: [ids.head as string] }, { kind: 'escalation_report' });
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    await t.app.mailOutbox?.flush();
    expect(received).toHaveLength(1);
    expect((await rows()).filter((row) => row.email_status === 'pending')).toEqual([]);
  });
});
