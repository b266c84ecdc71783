import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/format.ts';
import type { NotificationItem } from '../api/contract.ts';

/** The notification kinds the web has a text for, and which of their parameters the text can use. */
const NONE = {
  organization: false,
  title: false,
  withDate: false,
  version: false,
  days: false,
  level: false,
  date: false,
} as const;
const KIND_TEXTS = {
  handover_sent: { ...NONE, organization: true, date: true },
  handover_accepted_officer: { ...NONE, organization: true, date: true },
  handover_returned: { ...NONE, organization: true, date: true },
  client_coming: { ...NONE, withDate: true },
  escalation_report: { ...NONE, level: true, date: true },
  // Governance (issue 8): never about a person; the title of the agreement or of the action item.
  agreement_review_requested: { ...NONE, title: true, version: true },
  agreement_agreed_all: { ...NONE, title: true },
  agreement_signed: { ...NONE, title: true },
  agreement_expiring: { ...NONE, title: true, days: true, date: true },
  action_item_assigned: { ...NONE, title: true, date: true },
  agreement_changes_requested: { ...NONE, title: true },
} as const satisfies Record<string, Record<keyof typeof NONE, boolean>>;
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
 * an escalation level in words, an agreement's or action item's title in quotes). A parameter the server did
 * not send is left out, never shown as `{{name}}`; an unknown kind gets a generic sentence.
 */
export function notificationText(
  t: TFunction,
  notification: Pick<NotificationItem, 'kind' | 'params'>,
): string {
  if (!isKnownKind(notification.kind)) return t('tasks.notifications.kinds.unknown.text');
  const kind = notification.kind;
  const shape = KIND_TEXTS[kind];
  // The keys of a kind vary; the shape above says which exist.
  const tr = t as unknown as (key: string, options?: Record<string, string | number>) => string;
  const base = `tasks.notifications.kinds.${kind}`;
  const params = notification.params ?? {};
  const rawDate = text(params.date);
  const date = rawDate && DATE_ONLY.test(rawDate) ? formatDate(rawDate) : rawDate;
  const organizationName = text(params.organizationName);
  const title = text(params.title);
  const textVersion = text(params.textVersion);
  const rawDays = text(params.days);
  const days = rawDays && /^\d+$/.test(rawDays) ? Number(rawDays) : null;
  const level = isEscalationLevel(params.level) ? t(`tasks.notifications.levels.${params.level}`) : null;

  const parts: string[] = [];
  let dateUsed = false;
  if (shape.withDate && date) {
    parts.push(tr(`${base}.withDate`, { date }));
    dateUsed = true;
  } else if (shape.title && title) {
    parts.push(tr(`${base}.title`, { title }));
  } else if (shape.organization && organizationName) {
    parts.push(tr(`${base}.organization`, { organizationName }));
  } else {
    parts.push(tr(`${base}.text`));
  }
  if (shape.version && textVersion) parts.push(tr(`${base}.version`, { textVersion }));
  if (shape.days && days !== null) parts.push(tr(`${base}.days`, { count: days }));
  if (shape.level && level) parts.push(tr(`${base}.level`, { level }));
  if (shape.date && date && !dateUsed) parts.push(tr(`${base}.date`, { date }));
  return parts.join(' ');
}
