import type { Kysely } from 'kysely';
import { effectiveAgreementStatus } from '../../../shared/agreements.ts';
import {
  type MonthlyReport,
  type MonthlyReportQuery,
  REPORT_FLOW_STAGES,
  REPORT_ROWS_BY_KIND,
  REPORT_TRAINING_KINDS,
  type ReportOrganizationsResponse,
  type ReportSummaryKey,
  reportFileName,
} from '../../../shared/insightReport.ts';
import { SECTORS } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { fieldError } from '../../platform/errors.ts';
import { attachmentHeader } from '../../platform/files/media.ts';
import { type InsightScope, readsProgram, resolveScope } from './insight.scope.ts';
import { monthlyReportPdf } from './report.pdf.ts';
import * as repository from './report.repository.ts';
import { monthlyReportXlsx } from './report.xlsx.ts';
import { hidesSmallCounts, MIN_CELL, percent, type SuppressionGroup, suppress } from './suppress.ts';

// The monthly report (laporan bulanan) of one organization (issue 9): figures from facts dated on or before
// the month's last day, small counts hidden outside corrections (suppress.ts), governance by ADR 014 access.

type Db = Kysely<Database>;

/** The first and last day of a 'yyyy-mm' month. */
export function monthPeriod(month: string): repository.ReportPeriod {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The organizations the caller may make a report for: her own, or every one with read:insight:all. */
export async function organizations(db: Db, ctx: RequestContext): Promise<ReportOrganizationsResponse> {
  const all = readsProgram(ctx);
  const rows = await repository.reportOrganizations(db, all ? null : ctx.principal.organizationId);
  const own = rows.find((row) => row.id === ctx.principal.organizationId);
  return {
    items: rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, shortName: row.short_name })),
    defaultOrganizationId: own?.id ?? rows[0]?.id ?? null,
  };
}

export interface BuildOptions {
  /** Hide counts 1–4 (callers outside corrections). */
  hide: boolean;
  /** Titles of governance records this organization may not open are left out; null: all shown. */
  viewerOrganizationId: string | null;
  /** Today ('yyyy-mm-dd', Asia/Jakarta): only says whether the month is still running. */
  today: string;
}

/** Small counts hidden one by one (counts with no published total). */
function hideSmall(count: number, hide: boolean): number | null {
  return hide && count > 0 && count < MIN_CELL ? null : count;
}

/**
 * The report of an organization scope for a month, without access checks or audit (the routes' services and
 * the benchmark call it). Deterministic: the same data gives the same object.
 */
export async function buildMonthlyReport(
  db: Db,
  scope: InsightScope,
  month: string,
  options: BuildOptions,
): Promise<MonthlyReport> {
  const organizationId = scope.organization?.id;
  if (!organizationId) throw new Error('a monthly report is about one organization');
  const period = monthPeriod(month);
  const { hide } = options;
  const kind = scope.organization?.kind ?? 'prison';
  const rows = REPORT_ROWS_BY_KIND[kind];
  // Only the counts of the rows this kind of organization shows (attendance needs its marks and present).
  const needed = rows.flatMap((key): (keyof repository.SummaryCounts)[] =>
    key === 'attendance_rate'
      ? ['attendance_marks', 'attendance_present']
      : (repository.SUMMARY_COUNT_KEYS as readonly string[]).includes(key)
        ? [key as keyof repository.SummaryCounts]
        : [],
  );
  const [organization, counts, cohorts, cells, outcomeCells, meetings, actionItems, activities, agreements] =
    await Promise.all([
      repository.organizationRow(db, organizationId),
      repository.summaryCounts(db, scope, period, needed),
      repository.cohortRows(db, scope, period),
      repository.placementCells(db, scope, period),
      repository.outcomeCells(db, scope, period),
      repository.meetingRows(db, scope, period, options.viewerOrganizationId),
      repository.actionItemRows(db, scope, period),
      repository.activityRows(db, scope, period, options.viewerOrganizationId),
      repository.agreementRows(db, scope, period, options.viewerOrganizationId),
    ]);

  // Placements: total = Σ by kelurahan = Σ by sector, suppressed together.
  const byVillage = new Map<string, { name: string; count: number }>();
  const bySector = new Map<string, number>();
  let placedTotal = 0;
  for (const cell of cells) {
    const village = byVillage.get(cell.village_id) ?? { name: cell.village_name, count: 0 };
    village.count += cell.count;
    byVillage.set(cell.village_id, village);
    bySector.set(cell.sector, (bySector.get(cell.sector) ?? 0) + cell.count);
    placedTotal += cell.count;
  }
  const villages = [...byVillage.entries()].sort(
    ([idA, a], [idB, b]) => a.name.localeCompare(b.name, 'id') || idA.localeCompare(idB),
  );
  const sectors = SECTORS.filter((sector) => bySector.has(sector));
  const placementCounts: Record<string, number> = { total: placedTotal };
  for (const [id, village] of villages) placementCounts[`v:${id}`] = village.count;
  for (const sector of sectors) placementCounts[`s:${sector}`] = bySector.get(sector) ?? 0;
  const placementShown = suppress(
    placementCounts,
    [
      { total: 'total', members: villages.map(([id]) => `v:${id}`) },
      { total: 'total', members: sectors.map((sector) => `s:${sector}`) },
    ],
    hide,
  );

  // Outcome checks: a table with margins. Per window and in total: checks = working + not working (the
  // not-working cells are not printed but are part of the relation); each column sums to its total.
  const windows = [1, 3, 6, 12] as const;
  const outcomeCounts: Record<string, number> = { ct: 0, wt: 0, nt: 0 };
  for (const window of windows) {
    const cell = outcomeCells.find((row) => row.window_months === window);
    const checks = cell?.checks ?? 0;
    const working = cell?.working ?? 0;
    outcomeCounts[`c${window}`] = checks;
    outcomeCounts[`w${window}`] = working;
    outcomeCounts[`n${window}`] = checks - working;
    outcomeCounts.ct = (outcomeCounts.ct ?? 0) + checks;
    outcomeCounts.wt = (outcomeCounts.wt ?? 0) + working;
    outcomeCounts.nt = (outcomeCounts.nt ?? 0) + checks - working;
  }
  const outcomeGroups: SuppressionGroup<string>[] = [
    { total: 'ct', members: windows.map((w) => `c${w}`) },
    { total: 'wt', members: windows.map((w) => `w${w}`) },
    { total: 'nt', members: windows.map((w) => `n${w}`) },
    ...[...windows, 't' as const].map((w) => ({ total: `c${w}`, members: [`w${w}`, `n${w}`] })),
  ];
  const outcomeShown = suppress(outcomeCounts, outcomeGroups, hide);
  const outcomeRow = (key: string) => {
    const checks = outcomeShown[`c${key}`] ?? null;
    const working = outcomeShown[`w${key}`] ?? null;
    return { checks, working, workingRate: percent(working, checks) };
  };

  // The training table and the summary's trainings completed / certificates issued, suppressed together.
  // Per cohort: enrolled = completed + not completed = certified + not certified (the "not" cells are not
  // printed but are part of the relation). Across the table: completion ends every allocation on the
  // cohort's completion day, so the month's trainings completed is usually Σ the listed cohorts' completed
  // (and the certificates issued Σ their certified): then the summary figure is the total of that column, one
  // group (review F2: 11 = 8 + hidden would give the hidden 3). When the figures do not add up (a completion
  // before the month, a certificate without an enrolment), the summary figure is hidden whenever a cohort's
  // figure in that column is.
  const trainingShown = (REPORT_TRAINING_KINDS as readonly string[]).includes(kind);
  const listed = trainingShown ? cohorts : [];
  const trainingCounts: Record<string, number> = {
    'sum.completed': counts.trainings_completed,
    'sum.certified': counts.certificates_issued,
  };
  const trainingGroups: SuppressionGroup<string>[] = [];
  listed.forEach((cohort, index) => {
    const key = (name: string) => `c${index}.${name}`;
    trainingCounts[key('enrolled')] = cohort.enrolled;
    trainingCounts[key('completed')] = cohort.completed;
    trainingCounts[key('notCompleted')] = cohort.enrolled - cohort.completed;
    trainingCounts[key('certified')] = cohort.certified;
    trainingCounts[key('notCertified')] = cohort.enrolled - cohort.certified;
    trainingGroups.push(
      { total: key('enrolled'), members: [key('completed'), key('notCompleted')] },
      { total: key('enrolled'), members: [key('certified'), key('notCertified')] },
    );
  });
  const columnSum = (column: 'completed' | 'certified') =>
    listed.reduce((sum, cohort) => sum + cohort[column], 0);
  const columns = [
    { total: 'sum.completed', column: 'completed' },
    { total: 'sum.certified', column: 'certified' },
  ] as const;
  const inexact: (typeof columns)[number][] = [];
  for (const entry of columns) {
    if (listed.length > 0 && trainingCounts[entry.total] === columnSum(entry.column))
      trainingGroups.push({
        total: entry.total,
        members: listed.map((_, index) => `c${index}.${entry.column}`),
      });
    else inexact.push(entry);
  }
  const trainingValues = suppress(trainingCounts, trainingGroups, hide);
  for (const entry of inexact)
    if (listed.some((_, index) => trainingValues[`c${index}.${entry.column}`] === null))
      trainingValues[entry.total] = null;

  // The summary: independent counts hidden one by one; rows shared with a section take its value.
  const values: Record<ReportSummaryKey, number | null> = {
    people_entered: hideSmall(counts.people_entered, hide),
    enrolments_started: hideSmall(counts.enrolments_started, hide),
    trainings_completed: trainingValues['sum.completed'] ?? null,
    sessions_held: counts.sessions_held,
    attendance_rate: percent(
      hideSmall(counts.attendance_present, hide),
      hideSmall(counts.attendance_marks, hide),
    ),
    certificates_issued: trainingValues['sum.certified'] ?? null,
    handovers_sent: hideSmall(counts.handovers_sent, hide),
    handovers_accepted: hideSmall(counts.handovers_accepted, hide),
    placements_made: placementShown.total ?? null,
    supervision_attended: hideSmall(counts.supervision_attended, hide),
    supervision_missed: hideSmall(counts.supervision_missed, hide),
    outcome_checks_recorded: outcomeShown.ct ?? null,
    outcome_working: outcomeShown.wt ?? null,
    returns_to_custody: hideSmall(counts.returns_to_custody, hide),
  };
  const summary = rows.map((key) => ({
    key,
    unit: key === 'attendance_rate' ? ('percent' as const) : ('count' as const),
    value: values[key],
  }));
  const flow = REPORT_FLOW_STAGES.filter(({ key }) => rows.includes(key)).map(({ stage, key }) => ({
    stage,
    count: values[key],
  }));

  const training = trainingShown
    ? {
        cohorts: listed.map((cohort, index) => ({
          id: cohort.id,
          name: cohort.name,
          programName: cohort.program_name,
          providerName: cohort.provider_name,
          startDate: cohort.start_date,
          endDate: cohort.end_date,
          enrolled: trainingValues[`c${index}.enrolled`] ?? null,
          sessionsHeld: cohort.sessions_held,
          attendanceRate: percent(
            hideSmall(cohort.attendance_present, hide),
            hideSmall(cohort.attendance_marks, hide),
          ),
          completed: trainingValues[`c${index}.completed`] ?? null,
          certified: trainingValues[`c${index}.certified`] ?? null,
        })),
      }
    : null;

  const actionItemTotals = { opened: 0, done: 0, overdue: 0 };
  for (const row of actionItems) {
    actionItemTotals.opened += row.opened;
    actionItemTotals.done += row.done;
    actionItemTotals.overdue += row.overdue;
  }

  return {
    organization: {
      id: organization.id,
      kind,
      name: organization.name,
      shortName: organization.short_name,
      code: organization.code,
      address: organization.address,
      phone: organization.phone,
      email: organization.email,
    },
    month,
    periodStart: period.from,
    periodEnd: period.to,
    provisional: options.today <= period.to,
    smallCountsHidden: hide,
    minCell: MIN_CELL,
    summary,
    flow,
    training,
    placements: {
      total: placementShown.total ?? null,
      byVillage: villages.map(([id, village]) => ({
        villageId: id,
        villageName: village.name,
        count: placementShown[`v:${id}`] ?? null,
      })),
      bySector: sectors.map((sector) => ({ sector, count: placementShown[`s:${sector}`] ?? null })),
    },
    outcomes: {
      rows: windows.map((windowMonths) => ({ windowMonths, ...outcomeRow(String(windowMonths)) })),
      total: outcomeRow('t'),
    },
    governance: {
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        title: meeting.title_visible ? meeting.title : null,
        heldOn: meeting.held_on,
        organizer: { id: meeting.organizer_id, name: meeting.organizer_name },
        status: meeting.status,
      })),
      actionItems: actionItems.map((row) => ({
        organization: { id: row.organization_id, name: row.organization_name },
        opened: row.opened,
        done: row.done,
        overdue: row.overdue,
      })),
      actionItemTotals,
      activities: activities.map((activity) => ({
        id: activity.id,
        title: activity.title_visible ? activity.title : null,
        workPlanTitle: activity.title_visible ? activity.plan_title : null,
        kind: activity.kind as MonthlyReport['governance']['activities'][number]['kind'],
        responsible: { id: activity.responsible_id, name: activity.responsible_name },
        startsOn: activity.starts_on,
        endsOn: activity.ends_on,
        status: activity.status as MonthlyReport['governance']['activities'][number]['status'],
      })),
      agreements: agreements.map((agreement) => {
        const events: ('signed' | 'expiring')[] = [];
        if (agreement.signed_on && agreement.signed_on >= period.from) events.push('signed');
        if (
          agreement.valid_until &&
          agreement.valid_until >= period.from &&
          agreement.valid_until <= period.to
        )
          events.push('expiring');
        // The status at the month's end: a later termination or renewal is not yet known then.
        const laterEnd =
          (agreement.status === 'terminated' &&
            (agreement.terminated_on === null || agreement.terminated_on > period.to)) ||
          agreement.status === 'renewed';
        const stored = laterEnd ? 'signed' : agreement.status;
        return {
          id: agreement.id,
          kind: agreement.kind,
          title: agreement.title_visible ? agreement.title : null,
          events,
          signedOn: agreement.signed_on,
          validUntil: agreement.valid_until,
          status: effectiveAgreementStatus(
            { status: stored, validFrom: agreement.valid_from, validUntil: agreement.valid_until },
            period.to,
          ),
          parties: agreement.parties,
        };
      }),
    },
  };
}

/** The scope and month of a request: 403/404 by the insight scope, 400 on a month still to come. */
async function prepare(db: Db, ctx: RequestContext, query: MonthlyReportQuery) {
  const scope = await resolveScope(db, ctx, query.organizationId ?? ctx.principal.organizationId);
  const now = today();
  if (query.month > now.slice(0, 7)) throw fieldError('month', 'insight_report_month_future');
  return { scope, now };
}

async function reportFor(db: Db, ctx: RequestContext, query: MonthlyReportQuery) {
  const { scope, now } = await prepare(db, ctx, query);
  return buildMonthlyReport(db, scope, query.month, {
    hide: hidesSmallCounts(ctx),
    viewerOrganizationId: ctx.principal.organizationId,
    today: now,
  });
}

/** The monthly report as JSON (audited insight.report_viewed). */
export async function monthlyReport(db: Db, ctx: RequestContext, query: MonthlyReportQuery) {
  const report = await reportFor(db, ctx, query);
  await audit(db, ctx, {
    action: 'insight.report_viewed',
    subjectType: 'organization',
    subjectId: report.organization.id,
    subjectOrganizationId: report.organization.id,
    details: { month: report.month, provisional: report.provisional },
  });
  return report;
}

export interface ReportFile {
  buffer: Buffer;
  disposition: string;
}

/** The monthly report as PDF or XLSX (audited insight.report_exported with the format). */
export async function exportMonthlyReport(
  db: Db,
  ctx: RequestContext,
  query: MonthlyReportQuery,
  format: 'pdf' | 'xlsx',
): Promise<ReportFile> {
  const report = await reportFor(db, ctx, query);
  const buffer = format === 'pdf' ? await monthlyReportPdf(report) : await monthlyReportXlsx(report);
  await audit(db, ctx, {
    action: 'insight.report_exported',
    subjectType: 'organization',
    subjectId: report.organization.id,
    subjectOrganizationId: report.organization.id,
    details: { month: report.month, format, provisional: report.provisional },
  });
  return { buffer, disposition: attachmentHeader(reportFileName(report.organization, report.month, format)) };
}
