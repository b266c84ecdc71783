import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';

// Tasks (issue 7): the work waiting for the signed-in user, DERIVED from the records on every request and
// never stored. One item per person (and per outcome window), scoped by the caller's role:
// - plan_missing (prison staff with manage:reintegration): a person of her prison whose release date is within
//   the pre-release window (sentence rules preReleaseWindowDays) and who has no reintegration plan.
//   dueOn = the release date.
// - plan_review_due (prison staff with manage:reintegration): a plan of her prison whose next review date is
//   at most 7 days away (overdue when past), while the person is still before her release. dueOn = next review date.
// - handover_to_decide (Bapas head, decide:handover): a handover sent to her Bapas, not yet accepted or
//   returned. dueOn = the expected release date (overdue when past). params.handoverId, params.organizationName
//   (the sending prison).
// - handover_returned (prison, send:handover): a handover of her prison returned in the last 30 days and not
//   sent again since. dueOn = the day it was returned. params.handoverId, params.organizationName (the Bapas).
// - visit_due / visit_overdue: a PK's clients whose supervision is next due within 7 days / overdue (past);
//   a Bapas head sees the overdue ones of every client of her Bapas. dueOn = next due date;
//   params.daysOverdue on visit_overdue.
// - escalation_open: a PK's clients with an unresolved escalation; a Bapas head: those at report_to_head.
//   One item per person: params.level (the highest open level), count = how many are open.
//   dueOn = the day the latest was raised.
// - outcome_check_due: an outcome window (1/3/6/12 months after the recorded release) whose check is due
//   within 14 days or overdue and not recorded, up to 12 months + 60 days after release; for the PK of the
//   client (Bapas head: all clients of her Bapas) and, for people released without an accepted handover,
//   the prison's staff with record:outcome. params.windowMonths. dueOn = the window's due date.
// Governance (issue 8), never about a person (personId and personName null):
// - agreement_to_approve: an agreement in_review of which a party has not agreed the current text
//   (agreed_text_version null or < text_version), for that party's heads (approve:agreement) and live
//   delegates. dueOn null. params.agreementId, params.title, params.textVersion;
//   link /tata-kelola/kesepakatan/:id.
// - agreement_expiring: a signed agreement whose valid_until is today or at most 90 days away
//   (TASK_AGREEMENT_EXPIRING_DAYS), for its parties' heads and live delegates. dueOn = valid_until.
//   params.agreementId, params.title, params.daysLeft; same link.
// - action_item_due: the caller's own action items (owner_user_id) that her organization owns
//   (owner_organization_id: not those of an organization she has left), open or in progress, overdue or due
//   within 7 days (TASK_ACTION_ITEM_AHEAD_DAYS). dueOn = the due date. params.actionItemId, params.meetingId,
//   params.title; link /tata-kelola/rapat/:meetingId.
// Only people the caller may see NOW (visiblePeople) give tasks: an item about anyone else is dropped from the
// list and from the summary counts alike (so the counts always match the list).
// plan_review_due: only while the plan is live (the person not released and before her release date);
// escalation_open: only for current clients (released, not back in custody, supervision not over).
// Sorted: overdue first, then by due date, kind, name.

export const TASK_KINDS = [
  'plan_missing',
  'plan_review_due',
  'handover_to_decide',
  'handover_returned',
  'visit_due',
  'visit_overdue',
  'escalation_open',
  'outcome_check_due',
  'agreement_to_approve',
  'agreement_expiring',
  'action_item_due',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TaskKind = z.enum(TASK_KINDS);

/** A review is a task this many days before its date. */
export const TASK_REVIEW_AHEAD_DAYS = 7;
/** A visit is a task this many days before it is due. */
export const TASK_VISIT_AHEAD_DAYS = 7;
/** An outcome check is a task this many days before its window's due date… */
export const TASK_OUTCOME_AHEAD_DAYS = 14;
/** …and until this many days after the last (12-month) window's due date. */
export const TASK_OUTCOME_GRACE_DAYS = 60;
/** A signed agreement is a task for its parties' heads this many days before it ends. */
export const TASK_AGREEMENT_EXPIRING_DAYS = 90;
/** An action item is a task for its owner this many days before it is due. */
export const TASK_ACTION_ITEM_AHEAD_DAYS = 7;
/** A returned handover stays a task for this many days (unless sent again). */
export const TASK_RETURNED_DAYS = 30;

export const TaskListQuery = PageQuery.extend({
  kind: TaskKind.optional(),
}).strict();
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskItem = z
  .object({
    kind: TaskKind,
    /** The date the work is due (see the kinds above); null when it has none. */
    dueOn: CalendarDate.nullable(),
    overdue: z.boolean(),
    /**
     * The person of a person task (always set: tasks exist only about people she may see now); null for the
     * governance kinds (agreement_to_approve, agreement_expiring, action_item_due), which are about no person.
     */
    personId: z.uuid().nullable(),
    /** Set with personId (a task about someone she may not see now is dropped, not anonymised); else null. */
    personName: z.string().nullable(),
    /** Where the work is done in the web app (a path such as /warga/:id?tab=rencana). */
    link: z.string(),
    /** For grouped items (escalation_open: open escalations of that person); null otherwise. */
    count: z.number().int().nullable(),
    /**
     * Kind-specific values: handoverId, organizationName, level, windowMonths, daysOverdue; agreementId, title,
     * textVersion, daysLeft; actionItemId, meetingId. No names of people.
     */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'TaskItem' });
export type TaskItem = z.infer<typeof TaskItem>;

export const TaskList = pageOf(TaskItem).meta({ id: 'TaskList' });
export type TaskList = z.infer<typeof TaskList>;

export const TaskSummary = z
  .object({
    /** Every kind the caller's role can have, in TASK_KINDS order, with zero counts too. */
    kinds: z.array(z.object({ kind: TaskKind, count: z.number().int(), overdue: z.number().int() })),
    total: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: 'TaskSummary' });
export type TaskSummary = z.infer<typeof TaskSummary>;
