import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { addDays, addMonths } from '../../../shared/dates.ts';
import {
  COHORT_MAX_QUARTERS,
  COHORT_MIN_CELL,
  type CohortCell,
  type CohortQuery,
  type CohortResponse,
  type CohortRow,
  OUTCOME_EARLY_DAYS,
  OUTCOME_WINDOWS,
  type OutcomeCheck,
  type OutcomeWindow,
  type OutcomeWindowState,
  outcomeDueOn,
  outcomeOpensOn,
  type PersonOutcomes,
  type RecordOutcomeRequest,
  type UpdateOutcomeRequest,
} from '../../../shared/outcomes.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { conflict, type FieldErrors, failOnFields, fieldError, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { isCorrections, personAccess, requireCorrections } from '../people/people.access.ts';
import {
  type CheckRow,
  cohortFigures,
  findCheck,
  insertCheck,
  insertMissingChecks,
  listChecks,
  moveReturnChecks,
  personRelease,
  updateCheck,
} from './outcomes.repository.ts';

// Outcome checks at 1, 3, 6 and 12 months after release (ADR 013). A person's checks are corrections
// staff's (the prison that released her, the Bapas she was handed over to): others get 403. The cohort
// view is aggregate counts for everyone with read:outcome:all, small counts hidden outside corrections.

type Db = Kysely<Database>;

const iso = (value: Date | string) => new Date(value).toISOString();
const formatDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function presentCheck(row: CheckRow): OutcomeCheck {
  return {
    id: row.id,
    windowMonths: row.window_months,
    dueOn: row.due_on,
    checkedOn: row.checked_on,
    workStatus: row.work_status,
    incomeBand: row.income_band,
    businessStarted: row.business_started,
    housingStable: row.housing_stable,
    inHostVillage: row.in_host_village,
    returnedToCustodyOn: row.returned_to_custody_on,
    note: row.note,
    organization: { id: row.organization_id, name: row.organization_name },
    recordedBy: row.recorded_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

/** Her recorded release, when it has happened (a future released_on is not a release yet). */
function releasedOn(person: { released_on: string | null }, on: string): string | null {
  return person.released_on && person.released_on <= on ? person.released_on : null;
}

async function access(db: Db, ctx: RequestContext, personId: string) {
  const personAccessResult = await personAccess(db, ctx, personId);
  requireCorrections(personAccessResult);
  const person = await personRelease(db, personId);
  if (!person) throw notFound('PERSON_NOT_FOUND');
  return { access: personAccessResult, person };
}

function windowState(dueOn: string | null, recorded: boolean, on: string): OutcomeWindowState {
  if (recorded) return 'recorded';
  if (!dueOn) return 'not_released';
  if (on > dueOn) return 'overdue';
  if (on >= addDays(dueOn, -OUTCOME_EARLY_DAYS)) return 'due';
  return 'upcoming';
}

const mayRecord = (ctx: RequestContext) => ctx.principal.permissions.includes('record:outcome:organization');

/** Her four windows with due dates, states and recorded checks. Audited (outcome.viewed). */
export async function get(db: Db, ctx: RequestContext, personId: string): Promise<PersonOutcomes> {
  const { access: personAccessResult, person } = await access(db, ctx, personId);
  const on = today();
  const released = releasedOn(person, on);
  const checks = new Map((await listChecks(db, personId)).map((row) => [row.window_months, row]));
  await audit(db, ctx, {
    action: 'outcome.viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: personAccessResult.organizationId,
  });
  return {
    personId,
    releasedOn: released,
    returnedOn: person.returned_on,
    windows: OUTCOME_WINDOWS.map((windowMonths) => {
      const check = checks.get(windowMonths);
      const dueOn = released ? outcomeDueOn(released, windowMonths) : null;
      return {
        windowMonths,
        dueOn,
        opensOn: released ? outcomeOpensOn(released, windowMonths) : null,
        state: windowState(dueOn, check !== undefined, on),
        check: check ? presentCheck(check) : null,
      };
    }),
    canRecord: mayRecord(ctx) && released !== null && !personAccessResult.anonymized,
  };
}

type CheckAnswers = Omit<z.output<typeof RecordOutcomeRequest>, 'windowMonths'>;

/** The field rules of a check's answers against her release and the window's due date. */
function checkAnswers(body: CheckAnswers, released: string, window: OutcomeWindow, on: string) {
  const fields: FieldErrors = {};
  const opensOn = outcomeOpensOn(released, window);
  if (body.checkedOn > on) fields.checkedOn = { key: 'date_in_future' };
  else if (body.checkedOn < opensOn)
    fields.checkedOn = { key: 'outcome_too_early', params: { date: formatDate(opensOn) } };
  const returned = body.returnedToCustodyOn ?? null;
  if (returned && returned < released)
    fields.returnedToCustodyOn = { key: 'date_before_release', params: { date: formatDate(released) } };
  else if (returned && returned > on) fields.returnedToCustodyOn = { key: 'date_in_future' };
  if (!body.workStatus && !returned) fields.workStatus = { key: 'required' };
  failOnFields(fields);
}

function answerValues(body: CheckAnswers) {
  return {
    checked_on: body.checkedOn,
    work_status: body.workStatus ?? null,
    income_band: body.incomeBand ?? null,
    business_started: body.businessStarted ?? null,
    housing_stable: body.housingStable ?? null,
    in_host_village: body.inHostVillage ?? null,
    returned_to_custody_on: body.returnedToCustodyOn ?? null,
    note: body.note ?? null,
  };
}

async function recordAccess(db: Db, ctx: RequestContext, personId: string) {
  requirePermission(ctx, 'record:outcome');
  const result = await access(db, ctx, personId);
  const released = releasedOn(result.person, today());
  if (!released) throw conflict('OUTCOME_NOT_RELEASED');
  return { ...result, released };
}

/** Records one window's check (one per window: 409 OUTCOME_EXISTS). Audited and on her timeline. */
export async function record(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof RecordOutcomeRequest>,
): Promise<OutcomeCheck> {
  const { access: personAccessResult, released } = await recordAccess(db, ctx, personId);
  const window = body.windowMonths;
  checkAnswers(body, released, window, today());
  const id = await db
    .transaction()
    .execute(async (trx) => {
      const checkId = await insertCheck(trx, {
        person_id: personId,
        organization_id: ctx.principal.organizationId,
        window_months: window,
        due_on: outcomeDueOn(released, window),
        ...answerValues(body),
        recorded_by: ctx.principal.userId,
        recorded_by_name: ctx.principal.fullName,
      });
      await recordTimeline(trx, ctx, personId, {
        kind: 'outcome.recorded',
        visibility: 'corrections',
        details: { checkId, windowMonths: window },
      });
      await audit(trx, ctx, {
        action: 'outcome.recorded',
        subjectType: 'person',
        subjectId: personId,
        subjectOrganizationId: personAccessResult.organizationId,
        details: { checkId, windowMonths: window, workStatus: body.workStatus ?? null },
      });
      return checkId;
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') throw conflict('OUTCOME_EXISTS', { window });
      throw error;
    });
  const row = await findCheck(db, id);
  if (!row) throw notFound('OUTCOME_NOT_FOUND');
  return presentCheck(row);
}

/** Changes a check's answers (optimistic concurrency: 409 OUTCOME_CHANGED). Audited. */
export async function change(
  db: Db,
  ctx: RequestContext,
  personId: string,
  checkId: string,
  body: z.output<typeof UpdateOutcomeRequest>,
): Promise<OutcomeCheck> {
  const { access: personAccessResult, released } = await recordAccess(db, ctx, personId);
  const existing = await findCheck(db, checkId);
  if (!existing || existing.person_id !== personId) throw notFound('OUTCOME_NOT_FOUND');
  const { version, ...answers } = body;
  checkAnswers(answers, released, existing.window_months, today());
  await db.transaction().execute(async (trx) => {
    const updated = await updateCheck(trx, checkId, version, {
      ...answerValues(answers),
      due_on: outcomeDueOn(released, existing.window_months),
    });
    if (!updated) throw conflict('OUTCOME_CHANGED');
    await audit(trx, ctx, {
      action: 'outcome.updated',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: personAccessResult.organizationId,
      details: { checkId, windowMonths: existing.window_months, workStatus: answers.workStatus ?? null },
    });
  });
  const row = await findCheck(db, checkId);
  if (!row) throw notFound('OUTCOME_NOT_FOUND');
  return presentCheck(row);
}

/**
 * A return to custody (inside saveCustody's transaction, through supervision's onReturnedToCustody): every
 * window not yet checked is recorded as returned on that date (checked_on the same day, no work status).
 * Nothing when she has no recorded release or the return is before it.
 */
export async function recordReturnToCustody(
  trx: Db,
  ctx: RequestContext,
  personId: string,
  returnedOn: string,
): Promise<number> {
  const person = await personRelease(trx, personId);
  const released = person?.released_on;
  if (!released || returnedOn < released) return 0;
  // Only the follow-ups she was back inside for: a window due before the return stays open (she was out
  // then, and how she was doing is still to be recorded).
  const inserted = await insertMissingChecks(
    trx,
    OUTCOME_WINDOWS.filter((window) => outcomeDueOn(released, window) >= returnedOn).map((window) => ({
      person_id: personId,
      organization_id: ctx.principal.organizationId,
      window_months: window,
      due_on: outcomeDueOn(released, window),
      checked_on: returnedOn,
      work_status: null,
      returned_to_custody_on: returnedOn,
      recorded_by: ctx.principal.userId,
      recorded_by_name: ctx.principal.fullName,
    })),
  );
  if (inserted > 0) {
    await recordTimeline(trx, ctx, personId, {
      kind: 'outcome.recorded',
      visibility: 'corrections',
      details: { returnedToCustodyOn: returnedOn, windows: inserted },
    });
    await audit(trx, ctx, {
      action: 'outcome.recorded',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: person.organization_id,
      details: { returnedToCustodyOn: returnedOn, windows: inserted },
    });
  }
  return inserted;
}

/**
 * A corrected (`to`) or cleared (`to` null) return date, inside saveCustody's transaction: the checks the
 * return on `from` recorded by itself move to `to` (deleted when cleared, or when their window falls due
 * before `to`). Checks recorded by hand stay. Audited (outcome.updated) when anything changed.
 */
export async function correctReturnToCustody(
  trx: Db,
  ctx: RequestContext,
  personId: string,
  from: string,
  to: string | null,
): Promise<void> {
  const { deleted, moved } = await moveReturnChecks(trx, personId, from, to);
  if (deleted + moved === 0) return;
  const person = await personRelease(trx, personId);
  await audit(trx, ctx, {
    action: 'outcome.updated',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: person?.organization_id,
    details: { returnedToCustodyOn: to, previousReturnedToCustodyOn: from, moved, deleted },
  });
}

// ── Cohorts ──

interface QuarterRef {
  year: number;
  quarter: number;
}

const parseQuarter = (value: string): QuarterRef => ({
  year: Number(value.slice(0, 4)),
  quarter: Number(value.slice(6, 7)),
});
const quarterOf = (date: string): QuarterRef => ({
  year: Number(date.slice(0, 4)),
  quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
});
const quarterIndex = (q: QuarterRef) => q.year * 4 + (q.quarter - 1);
const fromIndex = (index: number): QuarterRef => ({ year: Math.floor(index / 4), quarter: (index % 4) + 1 });
const quarterName = (q: QuarterRef) => `${q.year}-Q${q.quarter}`;
const quarterStart = (q: QuarterRef) => `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
const quarterEnd = (q: QuarterRef) => addDays(addMonths(quarterStart(q), 3), -1);

/** Counts 1–4 hidden for callers outside corrections. */
const shown = (count: number, hide: boolean) => (hide && count > 0 && count < COHORT_MIN_CELL ? null : count);

type CellCounts = Omit<CohortCell, 'windowMonths'>;
/** The cells' categories, in the order a complementary cell is chosen among equals (returned last). */
const CATEGORIES = ['inTraining', 'notWorking', 'working', 'returned'] as const;

/**
 * Complementary suppression (callers outside corrections): a single hidden category could be worked out
 * from the checks and the other categories (checks 7, working 5, in training 0 → not working 2), so the
 * next-smallest category is hidden with it.
 */
export function suppressCell(raw: CellCounts, hide: boolean): CellCounts {
  const cell: CellCounts = {
    checks: shown(raw.checks ?? 0, hide),
    working: shown(raw.working ?? 0, hide),
    inTraining: shown(raw.inTraining ?? 0, hide),
    notWorking: shown(raw.notWorking ?? 0, hide),
    returned: shown(raw.returned ?? 0, hide),
  };
  if (!hide) return cell;
  const hidden = CATEGORIES.filter((key) => cell[key] === null);
  if (hidden.length === 1) {
    const next = CATEGORIES.filter((key) => cell[key] !== null).sort(
      (a, b) => (raw[a] ?? 0) - (raw[b] ?? 0),
    )[0];
    if (next) cell[next] = null;
  }
  return cell;
}

/** Every count of a cell hidden (a cohort whose size is hidden). */
const HIDDEN_CELL: CellCounts = {
  checks: null,
  working: null,
  inTraining: null,
  notWorking: null,
  returned: null,
};

/**
 * The cohort table: release quarters (oldest first) × windows 1/3/6/12, counts only; a window not yet
 * passed for the whole cohort is null. Audited (outcome.cohorts_viewed).
 */
export async function cohorts(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof CohortQuery>,
): Promise<CohortResponse> {
  requirePermission(ctx, 'read:outcome');
  const on = today();
  const last = query.to ? parseQuarter(query.to) : quarterOf(on);
  const first = query.from ? parseQuarter(query.from) : fromIndex(quarterIndex(last) - 7);
  const count = quarterIndex(last) - quarterIndex(first) + 1;
  if (count < 1) throw fieldError('to', 'quarter_order');
  if (count > COHORT_MAX_QUARTERS)
    throw fieldError('from', 'too_many_quarters', { max: COHORT_MAX_QUARTERS });
  const figures = await cohortFigures(db, quarterStart(first), quarterEnd(last));
  const byKey = new Map(figures.map((row) => [`${row.cohort}:${row.window_months}`, row]));
  // Small counts are shown to corrections staff only (a viewer placed in a prison is not corrections staff).
  const hide = !(isCorrections(ctx) && ctx.principal.permissions.includes('read:custody:organization'));
  const rows: CohortRow[] = [];
  for (let index = quarterIndex(first); index <= quarterIndex(last); index++) {
    const quarter = fromIndex(index);
    const name = quarterName(quarter);
    const end = quarterEnd(quarter);
    const size = Number(byKey.get(`${name}:1`)?.size ?? 0);
    const shownSize = shown(size, hide);
    const cells = OUTCOME_WINDOWS.map((window): CohortCell | null => {
      if (addMonths(end, window) > on) return null;
      // A cohort of 1–4 hides its whole row: its cells would tell what the hidden size does not.
      if (shownSize === null) return { windowMonths: window, ...HIDDEN_CELL };
      const figure = byKey.get(`${name}:${window}`);
      const count = (field: 'checks' | 'working' | 'in_training' | 'not_working' | 'returned') =>
        Number(figure?.[field] ?? 0);
      return {
        windowMonths: window,
        ...suppressCell(
          {
            checks: count('checks'),
            working: count('working'),
            inTraining: count('in_training'),
            notWorking: count('not_working'),
            returned: count('returned'),
          },
          hide,
        ),
      };
    });
    rows.push({ cohort: name, from: quarterStart(quarter), to: end, size: shownSize, cells });
  }
  await audit(db, ctx, {
    action: 'outcome.cohorts_viewed',
    details: { from: quarterName(first), to: quarterName(last) },
  });
  return {
    windows: [...OUTCOME_WINDOWS],
    rows,
    smallCountsHidden: hide,
    minCell: COHORT_MIN_CELL,
    asOf: on,
  };
}
