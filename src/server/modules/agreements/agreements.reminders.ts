import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { AGREEMENT_REMINDER_DAYS } from '../../../shared/agreements.ts';
import type { Database } from '../../db/schema.ts';
import { insertAudit } from '../../platform/audit/audit.repository.ts';
import { today as todayInJakarta } from '../../platform/calendar.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  claimReminder,
  type ExpiringRow,
  expiringAgreements,
  insertReminderEvent,
  reminderRecipients,
} from './agreements.reminders.repository.ts';

// Reminders before a signed agreement ends: 90 and 30 days before valid_until. Each (agreement, valid_until,
// threshold) is sent once (agreement_reminder), so running it again, or on several servers, sends nothing
// new; a new valid_until (the term changed) starts again. Only the most urgent threshold reached is sent: an
// agreement first seen 20 days before its end gets the 30-day reminder, never a late 90-day one. Each
// reminder notifies those who may act on it in a party organization now (its heads, its live delegates, and
// the drafter while she still manages agreements there: agreement_expiring), writes the agreement's `reminder`
// event (no note: the web labels it; the threshold is in the audit entry), and is audited as the system, in
// one transaction per agreement.

type Db = Kysely<Database>;

const THRESHOLDS = [...AGREEMENT_REMINDER_DAYS].sort((a, b) => a - b) as (90 | 30)[];
const FURTHEST = Math.max(...THRESHOLDS);

/** The most urgent threshold reached with `daysLeft` days left (30 before 90), or null. */
export function thresholdFor(daysLeft: number): 90 | 30 | null {
  return THRESHOLDS.find((days) => daysLeft <= days) ?? null;
}

async function remind(db: Db, row: ExpiringRow, daysBefore: 90 | 30): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimReminder(trx, row.id, row.valid_until, daysBefore))) return false;
    const recipients = await reminderRecipients(trx, row.id, row.created_by);
    const notified = await notify(
      trx,
      { userIds: recipients },
      {
        kind: 'agreement_expiring',
        params: { title: row.title, days: row.days_left, date: row.valid_until },
        link: `/tata-kelola/kesepakatan/${row.id}`,
      },
    );
    await insertReminderEvent(trx, row.id);
    await insertAudit(trx, {
      actorUserId: null,
      actorUsername: null,
      actorOrganizationId: null,
      action: 'agreement.reminder_sent',
      subjectType: 'agreement',
      subjectId: row.id,
      subjectOrganizationId: row.organization_id,
      correlationId: null,
      ip: null,
      details: { daysBefore, validUntil: row.valid_until, daysLeft: row.days_left, recipients: notified },
    });
    return true;
  });
}

/**
 * Sends the reminders due on `today` ('yyyy-mm-dd', the program's calendar) for every signed agreement
 * ending within 90 days; idempotent. Stops before the next agreement once `signal` is aborted (shutdown).
 * Returns how many reminders were sent.
 */
export async function sendExpiryReminders(
  db: Db,
  today: string,
  signal?: AbortSignal,
): Promise<{ sent: number }> {
  let sent = 0;
  for (const row of await expiringAgreements(db, today, FURTHEST)) {
    if (signal?.aborted) break;
    const threshold = thresholdFor(row.days_left);
    if (threshold && (await remind(db, row, threshold))) sent += 1;
  }
  return { sent };
}

type Logger = Pick<FastifyBaseLogger, 'info' | 'error'>;

export interface ReminderSchedule {
  /** The program's today (Asia/Jakarta by default). */
  today?: () => string;
  /** Between runs (an hour by default). */
  intervalMs?: number;
  /** The run itself (sendExpiryReminders; replaced in tests). */
  send?: typeof sendExpiryReminders;
}

/**
 * Runs the reminders now and every hour (each instance; harmless when several do). Returns the stop: it ends
 * the schedule, tells a run in progress to stop before its next agreement, and resolves once that run is over
 * (so the database can be closed after it). A run never overlaps the previous one.
 */
export function scheduleExpiryReminders(
  db: Db,
  log: Logger,
  { today = todayInJakarta, intervalMs = 3_600_000, send = sendExpiryReminders }: ReminderSchedule = {},
): () => Promise<void> {
  const controller = new AbortController();
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const { sent } = await send(db, today(), controller.signal);
      if (sent > 0) log.info({ sent }, 'agreement expiry reminders sent');
    } catch (error) {
      log.error({ err: error }, 'agreement expiry reminders failed');
    }
  };
  const start = () => {
    if (controller.signal.aborted) return;
    running = running.then(run);
  };
  start();
  const timer = setInterval(start, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    controller.abort();
    await running;
  };
}
