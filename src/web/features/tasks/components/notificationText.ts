import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/format.ts';
import type { NotificationItem } from '../api/contract.ts';

/** The notification kinds the web has a text for, and which of their parameters the text can use. */
const KIND_TEXTS = {
  handover_sent: { organization: true, withDate: false, date: true, level: false },
  handover_accepted_officer: { organization: true, withDate: false, date: true, level: false },
  handover_returned: { organization: true, withDate: false, date: true, level: false },
  client_coming: { organization: false, withDate: true, date: false, level: false },
  escalation_report: { organization: false, withDate: false, date: true, level: true },
} as const;
type KnownNotificationKind = keyof typeof KIND_TEXTS;

export const ESCALATION_LEVELS = ['reminder', 'warning', 'report_to_head'] as const;
export type EscalationLevelName = (typeof ESCALATION_LEVELS)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function isKnownKind(kind: string): kind is KnownNotificationKind {
  return Object.hasOwn(KIND_TEXTS, kind);
}

export function isEscalationLevel(value: unknown): value is EscalationLevelName {
  return ESCALATION_LEVELS.includes(value as EscalationLevelName);
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The sentence of a notification in the reader's language, from its kind and parameters (dates dd/mm/yyyy,
 * an escalation level in words). A parameter the server did not send is left out, never shown as `{{name}}`;
 * an unknown kind gets a generic sentence.
 */
export function notificationText(
  t: TFunction,
  notification: Pick<NotificationItem, 'kind' | 'params'>,
): string {
  if (!isKnownKind(notification.kind)) return t('tasks.notifications.kinds.unknown.text');
  const kind = notification.kind;
  const shape = KIND_TEXTS[kind];
  // The keys of a kind vary; the shape above says which exist.
  const tr = t as unknown as (key: string, options?: Record<string, string>) => string;
  const base = `tasks.notifications.kinds.${kind}`;
  const params = notification.params ?? {};
  const rawDate = text(params.date);
  const date = rawDate && DATE_ONLY.test(rawDate) ? formatDate(rawDate) : rawDate;
  const organizationName = text(params.organizationName);
  const level = isEscalationLevel(params.level) ? t(`tasks.notifications.levels.${params.level}`) : null;

  const parts: string[] = [];
  let dateUsed = false;
  if (shape.withDate && date) {
    parts.push(tr(`${base}.withDate`, { date }));
    dateUsed = true;
  } else if (shape.organization && organizationName) {
    parts.push(tr(`${base}.organization`, { organizationName }));
  } else {
    parts.push(tr(`${base}.text`));
  }
  if (shape.level && level) parts.push(tr(`${base}.level`, { level }));
  if (shape.date && date && !dateUsed) parts.push(tr(`${base}.date`, { date }));
  return parts.join(' ');
}
