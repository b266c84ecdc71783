import { TASK_KINDS, type TaskKind } from '../../../../shared/tasks.ts';
import type { TaskItem } from '../api/contract.ts';

/** The order the groups of tasks are shown in (after the groups with overdue work): the most urgent first. */
export const TASK_KIND_ORDER: readonly TaskKind[] = [
  'handover_to_decide',
  'visit_overdue',
  'escalation_open',
  'action_item_due',
  'agreement_to_approve',
  'visit_due',
  'plan_missing',
  'handover_returned',
  'plan_review_due',
  'outcome_check_due',
  'agreement_expiring',
];

export function isKnownTaskKind(kind: string | null | undefined): kind is TaskKind {
  return TASK_KINDS.includes(kind as TaskKind);
}

/** The i18n key of a kind's texts: `tasks.kinds.<kind>` (`unknown` for one this version does not know). */
export function taskKindKey(kind: string): TaskKind | 'unknown' {
  return isKnownTaskKind(kind) ? kind : 'unknown';
}

/** Only a path inside the app is followed (never another site). */
export function internalLink(link: string | null | undefined): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** A text parameter of a task (a governance task's title, ids), or null. */
export function taskParam(task: { params?: TaskItem['params'] }, name: string): string | null {
  const value = task.params?.[name];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Where the work of a task is done: the server's link, or the page that kind of task belongs to. */
export function taskLink(task: {
  kind: string;
  link: string | null;
  personId: string | null;
  params?: TaskItem['params'];
}): string {
  const given = internalLink(task.link);
  if (given) return given;
  const person = task.personId ? encodeURIComponent(task.personId) : null;
  const agreementId = taskParam(task, 'agreementId');
  const meetingId = taskParam(task, 'meetingId');
  switch (task.kind) {
    case 'agreement_to_approve':
    case 'agreement_expiring':
      return agreementId
        ? `/tata-kelola/kesepakatan/${encodeURIComponent(agreementId)}`
        : '/tata-kelola/kesepakatan';
    case 'action_item_due':
      return meetingId ? `/tata-kelola/rapat/${encodeURIComponent(meetingId)}` : '/tata-kelola';
    case 'plan_missing':
    case 'plan_review_due':
      return person ? `/warga/${person}?tab=rencana` : '/menjelang-bebas';
    case 'handover_to_decide':
      return '/serah-terima';
    case 'handover_returned':
      return person ? `/warga/${person}?tab=pembebasan` : '/serah-terima';
    case 'visit_due':
    case 'visit_overdue':
      return person ? `/bimbingan/${person}/kunjungan` : '/bimbingan';
    case 'escalation_open':
      return person ? `/bimbingan/${person}` : '/bimbingan';
    case 'outcome_check_due':
      return person ? `/warga/${person}?tab=pembebasan` : '/tugas';
    default:
      return person ? `/warga/${person}` : '/tugas';
  }
}

export interface TaskGroup {
  kind: TaskKind;
  /** Each task with a key unique in the group (for React). */
  items: (TaskItem & { key: string })[];
  /** Tasks in the group (one a person, or a person's outcome window). */
  count: number;
  overdue: number;
}

function byUrgency(a: TaskItem, b: TaskItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return (a.personName ?? taskParam(a, 'title') ?? '').localeCompare(
    b.personName ?? taskParam(b, 'title') ?? '',
  );
}

function kindOrder(kind: string): number {
  const index = TASK_KIND_ORDER.indexOf(kind as TaskKind);
  return index === -1 ? TASK_KIND_ORDER.length : index;
}

/**
 * The tasks grouped by kind: groups with overdue work first, then in the order of TASK_KIND_ORDER; inside a
 * group overdue first, then by due date (the earliest first), then by name.
 */
export function groupTasks(items: readonly TaskItem[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const task of items) {
    let group = groups.get(task.kind);
    if (!group) {
      group = { kind: task.kind, items: [], count: 0, overdue: 0 };
      groups.set(task.kind, group);
    }
    group.items.push({ ...task, key: '' });
    group.count += 1;
    if (task.overdue) group.overdue += 1;
  }
  const list = [...groups.values()];
  for (const group of list) {
    group.items.sort(byUrgency);
    const seen = new Map<string, number>();
    for (const item of group.items) {
      const subject = item.personId ?? taskParam(item, 'actionItemId') ?? taskParam(item, 'agreementId');
      const base = `${subject ?? item.link ?? 'group'}:${item.dueOn ?? ''}`;
      const repeat = seen.get(base) ?? 0;
      seen.set(base, repeat + 1);
      item.key = repeat === 0 ? base : `${base}#${repeat}`;
    }
  }
  return list.sort((a, b) => {
    if (a.overdue > 0 !== b.overdue > 0) return a.overdue > 0 ? -1 : 1;
    return kindOrder(a.kind) - kindOrder(b.kind);
  });
}

/** A task count summary sorted the same way as the groups. */
export function sortSummary<T extends { kind: string; count: number; overdue: number }>(
  items: readonly T[],
): T[] {
  return [...items]
    .filter((item) => item.count > 0)
    .sort((a, b) => {
      if (a.overdue > 0 !== b.overdue > 0) return a.overdue > 0 ? -1 : 1;
      return kindOrder(a.kind) - kindOrder(b.kind);
    });
}
