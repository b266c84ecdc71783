import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Language } from '../../../shared/common.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { insertAudit } from '../../platform/audit/audit.repository.ts';
import { setMailEnabled } from '../../platform/mail.ts';
import { type MessageCode, message } from '../../platform/messages.ts';

// The e-mail outbox of notifications (only when SMTP_URL and SMTP_FROM are set). notify() marks the rows of
// recipients who have an address 'pending' inside the caller's transaction; this outbox sends them AFTER the
// transaction commits: on every finished non-GET request (by then the change is committed or rolled back),
// every minute, and at start. A row is claimed by stamping emailed_at while still pending, so two instances
// never both send it (a claim older than CLAIM_STALE_MINUTES is taken again: the instance died mid-send).
// The text carries no personal data: the kind's label and a link to the notifications page. A failure is
// logged, recorded (email_status 'failed') and audited (notification.email_failed); it never fails a request.

type Db = Kysely<Database>;

const BATCH = 20;
const POLL_MS = 60_000;
const CLAIM_STALE_MINUTES = 10;

const KIND_LABELS: Record<string, MessageCode> = {
  handover_sent: 'MAIL_KIND_HANDOVER_SENT',
  handover_accepted_officer: 'MAIL_KIND_HANDOVER_ACCEPTED_OFFICER',
  handover_returned: 'MAIL_KIND_HANDOVER_RETURNED',
  client_coming: 'MAIL_KIND_CLIENT_COMING',
  escalation_report: 'MAIL_KIND_ESCALATION_REPORT',
};

/** The e-mail of one notification, in the recipient's language: no name, no identifier of a person. */
export function mailText(kind: string, language: Language, publicUrl: string | null) {
  const label = message(KIND_LABELS[kind] ?? 'MAIL_KIND_OTHER', language);
  const link = `${(publicUrl ?? '').replace(/\/+$/, '')}/notifikasi`;
  return {
    subject: message('MAIL_NOTIFICATION_SUBJECT', language, { label }),
    text: message('MAIL_NOTIFICATION_BODY', language, { label, link }),
  };
}

/** A short, address-free description of a sending error, for the audit entry. */
function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
    if (typeof code === 'string') return code;
  }
  return 'ERROR';
}

export class MailOutbox {
  private running: Promise<void> | null = null;
  private again = false;

  private readonly db: Db;
  private readonly transport: Pick<Transporter, 'sendMail'>;
  private readonly options: { from: string; publicUrl: string | null; log: FastifyBaseLogger };

  constructor(
    db: Db,
    transport: Pick<Transporter, 'sendMail'>,
    options: { from: string; publicUrl: string | null; log: FastifyBaseLogger },
  ) {
    this.db = db;
    this.transport = transport;
    this.options = options;
  }

  /** Sends what is pending now (and what becomes pending meanwhile); resolves when the outbox is idle. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let full = true;
        while (full || this.again) {
          this.again = false;
          full = (await this.sendBatch()) === BATCH;
        }
      } catch (error) {
        this.options.log.error({ err: error }, 'notification e-mail outbox failed');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Resolves when the batch under way (if any) is done, without starting one. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Claims up to BATCH pending rows and sends each; returns how many were claimed. */
  private async sendBatch(): Promise<number> {
    const claimed = await sql<{
      id: string;
      kind: string;
      email: string | null;
      language: Language;
      organization_id: string;
      username: string;
      user_id: string;
    }>`
      with claim as (
        update notification set emailed_at = now()
        where id in (
          select id from notification
          where email_status = 'pending'
            and (emailed_at is null or emailed_at < now() - make_interval(mins => ${CLAIM_STALE_MINUTES}))
          order by created_at
          limit ${BATCH}
          for update skip locked)
        returning id, kind, user_id)
      select claim.id, claim.kind, claim.user_id, u.email, u.language, u.organization_id, u.username
      from claim join app_user u on u.id = claim.user_id`.execute(this.db);
    for (const row of claimed.rows) {
      if (!row.email) {
        // The address was removed since: nothing to send.
        await this.mark(row.id, null);
        continue;
      }
      const { subject, text } = mailText(row.kind, row.language, this.options.publicUrl);
      try {
        await this.transport.sendMail({ from: this.options.from, to: row.email, subject, text });
        await this.mark(row.id, 'sent');
      } catch (error) {
        const code = errorCode(error);
        this.options.log.warn({ err: error, notificationId: row.id }, 'notification e-mail not sent');
        await this.mark(row.id, 'failed');
        await insertAudit(this.db, {
          actorUserId: null,
          actorUsername: null,
          actorOrganizationId: null,
          action: 'notification.email_failed',
          subjectType: 'notification',
          subjectId: row.id,
          subjectOrganizationId: row.organization_id,
          correlationId: null,
          ip: null,
          details: { kind: row.kind, recipientUserId: row.user_id, error: code },
        });
      }
    }
    return claimed.rows.length;
  }

  private async mark(id: string, status: 'sent' | 'failed' | null) {
    await this.db
      .updateTable('notification')
      .set({ email_status: status, emailed_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }
}

/**
 * Wires the outbox into the app when SMTP is configured (and tells notify() to queue e-mails); without it,
 * nothing: no pending rows, no error. Register before the routes, so their requests kick the outbox.
 * Returns the outbox (for tests), or null.
 */
export function registerMailOutbox(app: FastifyInstance, db: Db, config: Config): MailOutbox | null {
  setMailEnabled(config.mail !== null);
  if (!config.mail) return null;
  // Short timeouts: a stalled mail server must not hold a batch (or a shutdown) for minutes.
  const transport = nodemailer.createTransport({
    url: config.mail.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const outbox = new MailOutbox(db, transport, {
    from: config.mail.from,
    publicUrl: config.publicUrl,
    log: app.log,
  });
  app.decorate('mailOutbox', outbox);
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') void outbox.flush();
  });
  app.addHook('onReady', async () => {
    void outbox.flush();
    timer = setInterval(() => void outbox.flush(), POLL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    // Finish the batch under way; what is still pending goes at the next start.
    await outbox.idle();
    transport.close();
    setMailEnabled(false);
  });
  return outbox;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The notification e-mail outbox, when SMTP is configured. */
    mailOutbox?: MailOutbox;
  }
}
