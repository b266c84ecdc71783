import { type Kysely, type RawBuilder, sql } from 'kysely';
import { scopeFor } from '../../../shared/permissions.ts';
import {
  TASK_KINDS,
  type TaskItem,
  type TaskKind,
  type TaskList,
  type TaskListQuery,
  type TaskSummary,
} from '../../../shared/tasks.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { isLiveDelegate } from '../agreements/agreements.access.ts';
import { visiblePeople } from '../people/people.access.ts';
import { currentRules } from '../rules/rules.service.ts';
import {
  actionItemsDue,
  agreementExpiring,
  agreementToApprove,
  countTasks,
  escalations,
  handoverReturned,
  handoverToDecide,
  outcomeChecksOfClients,
  outcomeChecksOfPrison,
  planMissing,
  planReviewDue,
  runTasks,
  type TaskRow,
  type TaskScope,
  visits,
} from './tasks.repository.ts';

// Tasks are derived on every request from the records of the other modules (never stored): which kinds a
// caller has follows from her role (permissions) and her organization's kind; each kind is one query.
// There is deliberately no permission check at the entry (house rule 5's exception, agreed in the brief):
// every signed-in user may ask for her tasks, and a role without task kinds (kelurahan, kecamatan, partner,
// viewer, admin) simply gets an empty list and zero counts, not a 403. What a task reveals is bounded by the
// queries themselves: her organization's records, and only people she may see now (visiblePeople).
// The governance kinds are about no person: agreements of her organization (for its heads and the delegates
// they named) and her own action items.

type Db = Kysely<Database>;

interface Source {
  kinds: readonly TaskKind[];
  /** false: a governance kind, about no person (no visibility filter, personId null). */
  personal?: false;
  /**
   * A kind she has only as a live delegate of her organization (staff with manage:agreement): its query checks
   * the delegate row itself; the summary lists the kind only when she is one.
   */
  delegateOnly?: true;
  /** The source's query (listed by runTasks, counted by countTasks). */
  query(db: Db, scope: TaskScope): RawBuilder<TaskRow> | Promise<RawBuilder<TaskRow>>;
}

const has = (ctx: RequestContext, permission: string) => ctx.principal.permissions.includes(permission);

/** The task sources of the caller's role, in TASK_KINDS order of their kinds. */
function sourcesOf(ctx: RequestContext): Source[] {
  const kind = ctx.principal.organizationKind;
  const sources: Source[] = [];
  if (kind === 'prison' && has(ctx, 'manage:reintegration:organization')) {
    sources.push({
      kinds: ['plan_missing'],
      query: async (db, scope) => {
        const { rules } = await currentRules(db, 'sentence');
        return planMissing(scope, rules.preReleaseWindowDays);
      },
    });
    sources.push({ kinds: ['plan_review_due'], query: (_db, scope) => planReviewDue(scope) });
  }
  if (kind === 'probation' && has(ctx, 'decide:handover:organization'))
    sources.push({ kinds: ['handover_to_decide'], query: (_db, scope) => handoverToDecide(scope) });
  if (kind === 'prison' && has(ctx, 'send:handover:organization'))
    sources.push({ kinds: ['handover_returned'], query: (_db, scope) => handoverReturned(scope) });
  if (kind === 'probation') {
    const supervision = scopeFor(ctx.principal.permissions, 'read', 'supervision');
    if (supervision) {
      const own = supervision === 'own';
      sources.push({
        kinds: own ? ['visit_due', 'visit_overdue'] : ['visit_overdue'],
        query: (_db, scope) => visits(scope, own),
      });
      sources.push({ kinds: ['escalation_open'], query: (_db, scope) => escalations(scope, own) });
      sources.push({
        kinds: ['outcome_check_due'],
        query: (_db, scope) => outcomeChecksOfClients(scope, own),
      });
    }
  }
  if (kind === 'prison' && has(ctx, 'record:outcome:organization'))
    sources.push({ kinds: ['outcome_check_due'], query: (_db, scope) => outcomeChecksOfPrison(scope) });
  // Agreeing and signing for her organization: its heads, and the staff with manage:agreement they named
  // delegates (the live delegate row is checked in the queries' SQL, not by a round trip before them).
  const head = has(ctx, 'approve:agreement:organization');
  if (head || has(ctx, 'manage:agreement:organization')) {
    const delegateOnly = head ? {} : ({ delegateOnly: true } as const);
    sources.push({
      kinds: ['agreement_to_approve'],
      personal: false,
      ...delegateOnly,
      query: (_db, s) => agreementToApprove(s, head),
    });
    sources.push({
      kinds: ['agreement_expiring'],
      personal: false,
      ...delegateOnly,
      query: (_db, s) => agreementExpiring(s, head),
    });
  }
  if (has(ctx, 'read:meeting:organization'))
    sources.push({ kinds: ['action_item_due'], personal: false, query: (_db, s) => actionItemsDue(s) });
  return sources;
}

function scopeOf(ctx: RequestContext): TaskScope {
  return {
    organizationId: ctx.principal.organizationId,
    userId: ctx.principal.userId,
    visible: scopeFor(ctx.principal.permissions, 'read', 'person')
      ? visiblePeople(ctx, 'p')
      : sql<boolean>`false`,
  };
}

function linkOf(ctx: RequestContext, row: TaskRow): string {
  const id = row.person_id;
  switch (row.kind) {
    case 'agreement_to_approve':
    case 'agreement_expiring':
      return `/tata-kelola/kesepakatan/${row.params?.agreementId}`;
    case 'action_item_due':
      return `/tata-kelola/rapat/${row.params?.meetingId}`;
    case 'plan_missing':
    case 'plan_review_due':
      return `/warga/${id}?tab=rencana`;
    case 'handover_to_decide':
    case 'handover_returned':
    case 'outcome_check_due':
      return `/warga/${id}?tab=pembebasan`;
    case 'visit_due':
    case 'visit_overdue':
      // The PK records the visit; the head looks at the client's supervision.
      return scopeFor(ctx.principal.permissions, 'record', 'supervision') === 'own'
        ? `/bimbingan/${id}/kunjungan`
        : `/bimbingan/${id}`;
    case 'escalation_open':
      return `/bimbingan/${id}`;
  }
}

const KIND_ORDER = new Map(TASK_KINDS.map((kind, index) => [kind, index]));
/** Built once: String.localeCompare builds a collator per call (slow over a head's thousands of tasks). */
const NAMES = new Intl.Collator('id');

/** Overdue first; then the undated (open escalations), then by due date; then kind and name. */
function compare(a: TaskItem, b: TaskItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return -1;
    if (b.dueOn === null) return 1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  const byKind = (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0);
  if (byKind !== 0) return byKind;
  const byName = NAMES.compare(a.personName ?? '', b.personName ?? '');
  if (byName !== 0) return byName;
  // Governance items (no person): by their title, then by link (one per agreement or action item).
  const byTitle = NAMES.compare(String(a.params.title ?? ''), String(b.params.title ?? ''));
  if (byTitle !== 0) return byTitle;
  const [first, second] = [a.personId ?? a.link, b.personId ?? b.link];
  return first === second ? 0 : first < second ? -1 : 1;
}

/** Every task of the caller (of one kind when asked), sorted. */
async function allTasks(db: Db, ctx: RequestContext, kind?: TaskKind): Promise<TaskItem[]> {
  const scope = scopeOf(ctx);
  const sources = sourcesOf(ctx).filter((source) => !kind || source.kinds.includes(kind));
  const rows = (
    await Promise.all(
      sources.map(async (source) => runTasks(db, await source.query(db, scope), source.personal ?? true)),
    )
  ).flat();
  const now = today();
  const items = rows
    .filter((row) => !kind || row.kind === kind)
    .map(
      (row): TaskItem => ({
        kind: row.kind,
        dueOn: row.due_on,
        overdue: row.due_on !== null && row.due_on < now,
        personId: row.person_id,
        personName: row.person_name,
        link: linkOf(ctx, row),
        count: row.count === null ? null : Number(row.count),
        params: row.params ?? {},
      }),
    );
  return items.sort(compare);
}

/** The caller's tasks, paged; the people shown are audited (task.listed). */
export async function list(db: Db, ctx: RequestContext, query: TaskListQuery): Promise<TaskList> {
  const items = await allTasks(db, ctx, query.kind);
  const page = items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const shown = [
    ...new Set(page.flatMap((item) => (item.personId && item.personName ? [item.personId] : []))),
  ];
  await audit(db, ctx, {
    action: 'task.listed',
    details: { shown, total: items.length, ...(query.kind && { kind: query.kind }), page: query.page },
  });
  return { items: page, total: items.length, page: query.page, pageSize: query.pageSize };
}

/**
 * Counts by kind for the home page: every kind the caller's role can have, zeros included. No person shown.
 * Count-only queries (the same queries as the list, wrapped in a count): no names, no sorting, no rows.
 */
export async function summary(db: Db, ctx: RequestContext): Promise<TaskSummary> {
  const scope = scopeOf(ctx);
  const sources = sourcesOf(ctx);
  // Whether a member of staff is a live delegate: asked alongside the counts, not before them.
  const [counts, delegate] = await Promise.all([
    Promise.all(
      sources.map(async (source) => countTasks(db, await source.query(db, scope), source.personal ?? true)),
    ).then((entries) => entries.flat()),
    sources.some((source) => source.delegateOnly) ? isLiveDelegate(db, ctx) : false,
  ]);
  const possible = new Set(
    sources.filter((source) => !source.delegateOnly || delegate).flatMap((source) => source.kinds),
  );
  const kinds = TASK_KINDS.filter((kind) => possible.has(kind)).map((kind) => {
    const ofKind = counts.filter((entry) => entry.kind === kind);
    return {
      kind,
      count: ofKind.reduce((sum, entry) => sum + entry.count, 0),
      overdue: ofKind.reduce((sum, entry) => sum + entry.overdue, 0),
    };
  });
  return {
    kinds,
    total: kinds.reduce((sum, entry) => sum + entry.count, 0),
    overdue: kinds.reduce((sum, entry) => sum + entry.overdue, 0),
  };
}
