// Optional e-mail of notifications. Only when SMTP is configured (SMTP_URL + SMTP_FROM): notify() then marks
// the rows of recipients with an address 'pending', and the outbox sends them after the transaction commits.
// Without SMTP nothing is pending and nothing is sent. The outbox itself lives in
// modules/notifications/notifications.mail.ts; this file only says whether e-mail is on.

let enabled = false;

/** Whether notify() should queue e-mails (set by the app when SMTP is configured). */
export function mailEnabled(): boolean {
  return enabled;
}

export function setMailEnabled(value: boolean): void {
  enabled = value;
}
