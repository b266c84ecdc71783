import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, nameDelegate } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/app.ts';
import { addDays } from '../../../shared/dates.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { sendExpiryReminders, thresholdFor } from './agreements.reminders.ts';

// Reminders 90 and 30 days before a signed agreement ends: once per (agreement, valid_until, threshold), only
// the most urgent threshold reached, to those who may act on it in a party organization NOW (its heads, its
// live delegates still managing agreements there, and the drafter while she still does); an event and a
// system audit entry each. `today` is passed in, so the calendar is the test's.

let t: TestApp;
const ids: Record<string, string> = {};
const TODAY = '2026-06-01';

const plus = addDays;

async function signed(
  name: string,
  validUntil: string,
  status: 'signed' | 'terminated' | 'renewed' = 'signed',
  createdBy = ids.drafter,
) {
  ids[name] = (
    await createAgreement(t.database.db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status,
      title: `MoU ${name}`,
      validFrom: '2024-01-01',
      validUntil,
      createdBy,
    })
  ).id;
  return ids[name] as string;
}

const reminders = (agreementId: string) =>
  t.database.db
    .selectFrom('agreement_reminder')
    .select(['valid_until', 'days_before'])
    .where('agreement_id', '=', agreementId)
    .orderBy('sent_at')
    .orderBy('days_before', 'desc')
    .execute();

const notifications = (agreementId: string) =>
  t.database.db
    .selectFrom('notification')
    .select(['user_id', 'kind', 'params', 'link', 'person_id'])
    .where('link', '=', `/tata-kelola/kesepakatan/${agreementId}`)
    .execute();

/** Who was notified of the agreement, by the names of `ids`. */
async function recipients(agreementId: string) {
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return (await notifications(agreementId)).map((row) => names.get(row.user_id) ?? row.user_id).sort();
}

/** Moves a user to another organization with other roles (as an administrator may). */
async function move(name: string, organizationId: string, roles: RoleCode[]) {
  const db = t.database.db;
  const id = ids[name] as string;
  await db.updateTable('app_user').set({ organization_id: organizationId }).where('id', '=', id).execute();
  await db.deleteFrom('user_role').where('user_id', '=', id).execute();
  await db
    .insertInto('user_role')
    .values(roles.map((role_code) => ({ user_id: id, role_code })))
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const user = async (name: string, organizationId: string, roles: RoleCode[], active = true) => {
    ids[name] = (await createUser(db, { organizationId, roles, fullName: name, active })).id;
  };
  const other = (await createOrganization(db, { kind: 'partner' })).id;
  await user('kalapas', LAPAS_ID, ['prison_head']);
  await user('formerHead', LAPAS_ID, ['prison_head'], false);
  await user('drafter', LAPAS_ID, ['prison_binadik']);
  await user('movedDrafter', LAPAS_ID, ['prison_binadik']);
  await user('staff', LAPAS_ID, ['prison_giatja']);
  await user('delegate', KECAMATAN_ID, ['district_staff']);
  await user('revokedDelegate', KECAMATAN_ID, ['district_staff']);
  await user('movedDelegate', KECAMATAN_ID, ['district_staff']);
  await user('demotedDelegate', KECAMATAN_ID, ['district_staff']);
  await user('camat', KECAMATAN_ID, ['district_head']);
  await user('otherHead', other, ['partner_head']);
  for (const name of ['delegate', 'revokedDelegate', 'movedDelegate', 'demotedDelegate'])
    await nameDelegate(db, {
      organizationId: KECAMATAN_ID,
      userId: ids[name] as string,
      namedBy: ids.camat as string,
      revoked: name === 'revokedDelegate',
    });
  // Since named: one delegate moved to the partner, one kept at the Kecamatan without manage:agreement
  // (viewer); a drafter moved to the partner.
  await move('movedDelegate', other, ['partner_staff']);
  await move('demotedDelegate', KECAMATAN_ID, ['viewer']);
  await move('movedDrafter', other, ['partner_staff']);
});
afterAll(() => t.close());

describe('thresholdFor', () => {
  it('chooses the most urgent threshold reached', () => {
    expect(thresholdFor(91)).toBeNull();
    expect(thresholdFor(90)).toBe(90);
    expect(thresholdFor(31)).toBe(90);
    expect(thresholdFor(30)).toBe(30);
    expect(thresholdFor(0)).toBe(30);
  });
});

describe('sendExpiryReminders', () => {
  it('sends the 90-day reminder once, to the heads, delegates and drafter; event and system audit', async () => {
    const id = await signed('ninety', plus(TODAY, 80));
    const first = await sendExpiryReminders(t.database.db, TODAY);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(await reminders(id)).toEqual([{ valid_until: plus(TODAY, 80), days_before: 90 }]);
    const sent = await notifications(id);
    expect(await recipients(id)).toEqual(['camat', 'delegate', 'drafter', 'kalapas']);
    expect(sent[0]).toMatchObject({
      kind: 'agreement_expiring',
      person_id: null,
      params: { title: 'MoU ninety', days: 80, date: plus(TODAY, 80) },
    });
    const event = await t.database.db
      .selectFrom('agreement_event')
      .select(['kind', 'user_id', 'organization_id', 'note'])
      .where('agreement_id', '=', id)
      .where('kind', '=', 'reminder')
      .execute();
    expect(event).toEqual([
      {
        kind: 'reminder',
        user_id: null,
        organization_id: null,
        // No prose in the event (the web labels it in the reader's language); the threshold is audited.
        note: null,
      },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_organization_id', 'details'])
      .where('action', '=', 'agreement.reminder_sent')
      .where('subject_id', '=', id)
      .execute();
    expect(audit).toEqual([
      {
        actor_user_id: null,
        subject_organization_id: LAPAS_ID,
        details: { daysBefore: 90, validUntil: plus(TODAY, 80), daysLeft: 80, recipients: 4 },
      },
    ]);

    // Idempotent: the same day again, and the next day, send nothing for it.
    await sendExpiryReminders(t.database.db, TODAY);
    await sendExpiryReminders(t.database.db, plus(TODAY, 1));
    expect(await reminders(id)).toHaveLength(1);
    expect(await notifications(id)).toHaveLength(4);

    // 30 days before: the second reminder, once.
    const later = plus(TODAY, 55);
    await sendExpiryReminders(t.database.db, later);
    await sendExpiryReminders(t.database.db, later);
    expect((await reminders(id)).map((row) => row.days_before)).toEqual([90, 30]);
    expect(await notifications(id)).toHaveLength(8);
  });

  it('sends only the most urgent threshold when first seen within 30 days', async () => {
    const id = await signed('urgent', plus(TODAY, 20));
    await sendExpiryReminders(t.database.db, TODAY);
    expect(await reminders(id)).toEqual([{ valid_until: plus(TODAY, 20), days_before: 30 }]);
    await sendExpiryReminders(t.database.db, plus(TODAY, 5));
    expect(await reminders(id)).toHaveLength(1);
  });

  it('sends nothing beyond 90 days, after the end, or for agreements no longer signed', async () => {
    const far = await signed('far', plus(TODAY, 91));
    const ended = await signed('ended', plus(TODAY, -1));
    const terminated = await signed('terminated', plus(TODAY, 10), 'terminated');
    const renewed = await signed('renewed', plus(TODAY, 10), 'renewed');
    await sendExpiryReminders(t.database.db, TODAY);
    for (const id of [far, ended, terminated, renewed]) expect(await reminders(id)).toEqual([]);
    // The day it comes within 90 days.
    await sendExpiryReminders(t.database.db, plus(TODAY, 1));
    expect(await reminders(far)).toEqual([{ valid_until: plus(TODAY, 91), days_before: 90 }]);
  });

  it('starts again for a new valid_until (the term changed), and for the renewal that replaces it', async () => {
    const id = await signed('extended', plus(TODAY, 25));
    await sendExpiryReminders(t.database.db, TODAY);
    expect(await reminders(id)).toHaveLength(1);
    // Its end moves 60 days on: a new date, reminded again (90 now, 30 later).
    await t.database.db
      .updateTable('agreement')
      .set({ valid_until: plus(TODAY, 85) })
      .where('id', '=', id)
      .execute();
    await sendExpiryReminders(t.database.db, TODAY);
    expect(await reminders(id)).toEqual([
      { valid_until: plus(TODAY, 25), days_before: 30 },
      { valid_until: plus(TODAY, 85), days_before: 90 },
    ]);
    // The old one is renewed: its renewal, signed with its own dates, gets its own reminders.
    await t.database.db.updateTable('agreement').set({ status: 'renewed' }).where('id', '=', id).execute();
    const renewal = await createAgreement(t.database.db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'signed',
      title: 'MoU extended (perpanjangan)',
      validFrom: plus(TODAY, 86),
      validUntil: plus(TODAY, 1180),
      renewsId: id,
    });
    const atRenewalEnd = plus(TODAY, 1180 - 30);
    await sendExpiryReminders(t.database.db, atRenewalEnd);
    expect(await reminders(renewal.id)).toEqual([{ valid_until: plus(TODAY, 1180), days_before: 30 }]);
    expect((await reminders(id)).length).toBe(2);
  });

  it('notifies exactly the heads, live delegates and drafter who may act for a party now', async () => {
    // Its own agreement and run: nothing depends on the other tests.
    const id = await signed('recipients', plus(TODAY, 60));
    await sendExpiryReminders(t.database.db, TODAY);
    // Not: the partner's head (no party), the Lapas staff who is no delegate, the deactivated head, the
    // revoked delegate, the delegate moved to another organization, the delegate without manage:agreement.
    expect(await recipients(id)).toEqual(['camat', 'delegate', 'drafter', 'kalapas']);
  });

  it('leaves out a drafter who moved to an organization that is no party', async () => {
    const id = await signed('moved drafter', plus(TODAY, 45), 'signed', ids.movedDrafter);
    await sendExpiryReminders(t.database.db, TODAY);
    expect(await recipients(id)).toEqual(['camat', 'delegate', 'kalapas']);
  });

  it('stops before the next agreement once aborted (shutdown)', async () => {
    const id = await signed('aborted', plus(TODAY, 70));
    const controller = new AbortController();
    controller.abort();
    expect(await sendExpiryReminders(t.database.db, TODAY, controller.signal)).toEqual({ sent: 0 });
    expect(await reminders(id)).toEqual([]);
    await sendExpiryReminders(t.database.db, TODAY);
    expect(await reminders(id)).toHaveLength(1);
  });
});
