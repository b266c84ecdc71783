import {
  type ActionItem,
  type ActionItemStatus,
  MEETING_STATUSES,
  type MeetingListItem,
  type MeetingStatus,
} from '../../../../shared/meetings.ts';
import type { MeetingFilter } from '../api/meetings.ts';

// Pure rules of the meetings pages (unit-tested): the list's queries from the address, times, the
// upcoming order, and the colours of the status vocabularies.

/** `?peran=`: organized by her organization, or attended by it. */
export const MEETING_ROLES = ['organized', 'attended'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export const PAST_PAGE_SIZE = 25;
/** Upcoming meetings are few: one page of them, soonest first. */
export const UPCOMING_PAGE_SIZE = 50;

const oneOf = <T extends string>(codes: readonly T[], value: string | null): T | undefined =>
  codes.find((code) => code === value);

/** The calendar day `days` after a `yyyy-mm-dd` one (negative: before). */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The list's two queries from the address (`q`, `status`, `peran`, `halaman`): the upcoming meetings (from
 * today on) and the past ones (until yesterday, paged). Unknown values are ignored.
 */
export function meetingListQueries(
  params: URLSearchParams,
  today: string,
): { upcoming: MeetingFilter; past: MeetingFilter } {
  const filters = {
    q: params.get('q')?.trim() || undefined,
    status: oneOf(MEETING_STATUSES, params.get('status')),
    role: oneOf(MEETING_ROLES, params.get('peran')),
  };
  return {
    upcoming: { ...filters, from: today, page: 1, pageSize: UPCOMING_PAGE_SIZE },
    past: {
      ...filters,
      to: addDays(today, -1),
      page: Math.max(1, Math.floor(Number(params.get('halaman'))) || 1),
      pageSize: PAST_PAGE_SIZE,
    },
  };
}

/** The server lists newest first; upcoming meetings read soonest first (then by start time). */
export function soonestFirst(items: readonly MeetingListItem[]): MeetingListItem[] {
  return [...items].sort(
    (a, b) => a.heldOn.localeCompare(b.heldOn) || (a.startsAt ?? '').localeCompare(b.startsAt ?? ''),
  );
}

/**
 * The meeting's hours as written in the language: Indonesian `09.00–11.00 WIB`, English `09:00–11:00`; only
 * a start: `09.00 WIB`; none: ''.
 */
export function formatTimeRange(startsAt: string | null, endsAt: string | null, language: string): string {
  if (!startsAt) return '';
  const indonesian = language !== 'en';
  const time = (value: string) => (indonesian ? value.replace(':', '.') : value);
  const range = endsAt ? `${time(startsAt)}–${time(endsAt)}` : time(startsAt);
  return indonesian ? `${range} WIB` : range;
}

/** Filled shade-9 badges keep white text above 4.5:1 contrast. */
export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  planned: 'blue.9',
  held: 'teal.9',
  cancelled: 'gray.8',
};

export const ACTION_ITEM_STATUS_COLORS: Record<ActionItemStatus, string> = {
  open: 'indigo.9',
  in_progress: 'blue.9',
  done: 'teal.9',
  cancelled: 'gray.8',
};

export type ActionItemLinkKind = 'none' | 'agreement' | 'activity' | 'topic';

/** What an action item is about. */
export function linkKindOf(
  item: Pick<ActionItem, 'agreement' | 'workPlanActivity' | 'topic'>,
): ActionItemLinkKind {
  if (item.agreement) return 'agreement';
  if (item.workPlanActivity) return 'activity';
  if (item.topic) return 'topic';
  return 'none';
}

/** Overdue ones first, then by due date: what needs chasing reads first. */
export function actionItemsInOrder<T extends Pick<ActionItem, 'overdue' | 'dueOn' | 'title'>>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.title.localeCompare(b.title),
  );
}

interface LinkableActivity {
  id: string;
  title: string;
  workPlan: { id: string; title: string };
}

/**
 * The work-plan activities offered for an action item's link, grouped by work plan (a Select's groups); the
 * item's own activity stays choosable even when the span offered no longer holds it (or she may no longer
 * see it: then it carries the label it is shown with).
 */
export function activityOptions(
  activities: readonly LinkableActivity[],
  own: { id: string; label: string; workPlanId: string; group: string } | null,
): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { group: string; items: { value: string; label: string }[] }>();
  const groupOf = (id: string, title: string) => {
    const group = groups.get(id) ?? { group: title, items: [] };
    groups.set(id, group);
    return group;
  };
  for (const activity of activities) {
    groupOf(activity.workPlan.id, activity.workPlan.title).items.push({
      value: activity.id,
      label: activity.title,
    });
  }
  if (own && !activities.some((activity) => activity.id === own.id)) {
    groupOf(own.workPlanId, own.group).items.unshift({ value: own.id, label: own.label });
  }
  return [...groups.values()];
}
