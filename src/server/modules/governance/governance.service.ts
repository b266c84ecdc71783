import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type ActivityReport,
  type ActivityReportList,
  type ActivityReportListQuery,
  type AgreementExpiry,
  type CreateActivityReportRequest,
  type FinalizeActivityReportRequest,
  GOVERNANCE_AGREEMENT_STATUSES,
  type GovernanceOverview,
  type GovernanceOverviewQuery,
  type MyActionItems,
  type MyActionItemsQuery,
  type UpdateActivityReportRequest,
} from '../../../shared/governance.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { conflict, fieldError, forbidden, notFound } from '../../platform/errors.ts';
import { attachmentHeader } from '../../platform/files/media.ts';
import { activityReportPdf } from './governance.pdf.ts';
import {
  mayEditReport,
  presentActionItem,
  presentReport,
  presentReportListItem,
} from './governance.presenter.ts';
import {
  actionItemCounts,
  activityForReport,
  agreementStatusCounts,
  findReport,
  insertReport,
  listActionItems,
  listReports,
  lockReport,
  meetingForReport,
  myActionItems,
  organizationLetterhead,
  type ReportValues,
  signedAgreements,
  updateReportIfVersion,
} from './governance.repository.ts';
import { activityReport, meetingReport, type ReportDraft } from './governance.templates.ts';
import { cityOf } from './governance.text.ts';

// Tata kelola: the overview across meetings and agreements, the caller's own action items, and activity
// reports (made from a meeting or a work-plan activity by templates, edited with a version, finalized,
// printed). A report belongs to the organization that made it: anyone else gets 404.

type Db = Kysely<Database>;

/** How many signed agreements the overview lists. */
const SIGNED_LIMIT = 50;
/** The work-plan activity statuses a report may be made of: under way or done. */
const REPORTABLE_ACTIVITY = new Set(['in_progress', 'done']);

/** The overview: action items by owner organization and paged, agreements by effective status and by expiry. */
export async function overview(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof GovernanceOverviewQuery>,
): Promise<GovernanceOverview> {
  requirePermission(ctx, 'read:meeting');
  requirePermission(ctx, 'read:agreement');
  const [counts, list, statuses, signed] = await Promise.all([
    actionItemCounts(db, ctx),
    listActionItems(
      db,
      ctx,
      { organizationId: query.organizationId, status: query.status },
      { page: query.page, pageSize: query.pageSize },
    ),
    agreementStatusCounts(db, ctx),
    signedAgreements(db, ctx, SIGNED_LIMIT),
  ]);
  const byStatus = new Map(statuses.map((row) => [row.status, row.count]));
  return {
    actionItems: {
      byOrganization: counts.map((row) => ({
        organization: { id: row.organization_id, name: row.organization_name },
        open: row.open,
        overdue: row.overdue,
        done: row.done,
      })),
      totals: {
        open: counts.reduce((sum, row) => sum + row.open, 0),
        overdue: counts.reduce((sum, row) => sum + row.overdue, 0),
        done: counts.reduce((sum, row) => sum + row.done, 0),
      },
      items: list.rows.map((row) => presentActionItem(ctx, row)),
      total: list.total,
      page: query.page,
      pageSize: query.pageSize,
    },
    agreements: {
      byStatus: GOVERNANCE_AGREEMENT_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      total: statuses.reduce((sum, row) => sum + row.count, 0),
      signed: signed.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        effectiveStatus: row.effective_status as AgreementExpiry['effectiveStatus'],
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        daysLeft: row.days_left,
        parties: row.parties,
      })),
    },
  };
}

/** The caller's own open and in-progress action items, overdue first (the home card). */
export async function myItems(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof MyActionItemsQuery>,
): Promise<MyActionItems> {
  requirePermission(ctx, 'read:meeting');
  const { rows, total, overdue } = await myActionItems(db, ctx, query);
  return {
    items: rows.map((row) => presentActionItem(ctx, row)),
    total,
    overdue,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ── Activity reports ──

/** Reading reports: meetings' or work plans' readers (every governance role has both). */
function requireReportReader(ctx: RequestContext) {
  const permissions = ctx.principal.permissions;
  if (
    !permissions.includes('read:meeting:organization') &&
    !permissions.includes('read:workplan:organization')
  )
    throw forbidden();
}

async function view(db: Db, ctx: RequestContext, reportId: string): Promise<ActivityReport> {
  const row = await findReport(db, ctx.principal.organizationId, reportId);
  if (!row) throw notFound('ACTIVITY_REPORT_NOT_FOUND');
  return presentReport(ctx, row);
}

/** The reports of the caller's organization, newest first. */
export async function listActivityReports(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof ActivityReportListQuery>,
): Promise<ActivityReportList> {
  requireReportReader(ctx);
  const { rows, total } = await listReports(
    db,
    ctx.principal.organizationId,
    { status: query.status, q: query.q },
    { page: query.page, pageSize: query.pageSize },
  );
  return { items: rows.map(presentReportListItem), total, page: query.page, pageSize: query.pageSize };
}

/** One report of the caller's organization (404 for another's). */
export async function getActivityReport(
  db: Db,
  ctx: RequestContext,
  reportId: string,
): Promise<ActivityReport> {
  requireReportReader(ctx);
  return view(db, ctx, reportId);
}

/**
 * A new draft report from a meeting (manage:meeting) or a work-plan activity (manage:workplan) the caller
 * sees, filled from the templates in the requested language. Audited (activity_report.created).
 */
export async function createActivityReport(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof CreateActivityReportRequest>,
): Promise<ActivityReport> {
  if (Boolean(body.meetingId) === Boolean(body.activityId))
    throw fieldError('meetingId', 'activity_report_source_required');
  const language = body.language ?? ctx.principal.language;
  let draft: ReportDraft;
  if (body.meetingId) {
    requirePermission(ctx, 'manage:meeting');
    const source = await meetingForReport(db, ctx, body.meetingId);
    if (!source) throw fieldError('meetingId', 'activity_report_meeting_not_found');
    // A report is made by an organization that took part (organized or attended), of a meeting held.
    if (!source.meeting.took_part) throw fieldError('meetingId', 'activity_report_meeting_not_attended');
    if (source.meeting.status === 'cancelled')
      throw fieldError('meetingId', 'activity_report_meeting_cancelled');
    if (source.meeting.status !== 'held') throw fieldError('meetingId', 'activity_report_meeting_not_held');
    draft = meetingReport(
      {
        title: source.meeting.title,
        heldOn: source.meeting.held_on,
        startsAt: source.meeting.starts_at,
        endsAt: source.meeting.ends_at,
        place: source.meeting.place,
        chair: source.meeting.chair,
        organizerName: source.meeting.organizer_name,
        present: source.present.map((row) => ({
          name: row.name,
          jobTitle: row.job_title,
          organizationName: row.organization_name,
        })),
        agenda: source.agenda.map((row) => row.title),
        decisions: source.decisions.map((row) => row.text),
      },
      language,
    );
  } else {
    requirePermission(ctx, 'manage:workplan');
    const activity = await activityForReport(db, ctx, body.activityId as string);
    if (!activity) throw fieldError('activityId', 'activity_report_activity_not_found');
    if (!REPORTABLE_ACTIVITY.has(activity.status))
      throw fieldError('activityId', 'activity_report_activity_not_started');
    draft = activityReport(
      {
        title: activity.title,
        startsOn: activity.starts_on,
        endsOn: activity.ends_on,
        location: activity.location,
        description: activity.description,
        responsibleName: activity.responsible_name,
        workPlanTitle: activity.work_plan_title,
        agreementTitle: activity.agreement_title,
      },
      language,
    );
  }
  const reportId = await db.transaction().execute(async (trx) => {
    const id = await insertReport(trx, {
      organization_id: ctx.principal.organizationId,
      meeting_id: body.meetingId ?? null,
      activity_id: body.activityId ?? null,
      created_by: ctx.principal.userId,
      title: draft.title,
      held_on: draft.heldOn,
      place: draft.place,
      participants: draft.participants,
      summary: draft.summary,
      decisions: draft.decisions,
    });
    await audit(trx, ctx, {
      action: 'activity_report.created',
      subjectType: 'activity_report',
      subjectId: id,
      subjectOrganizationId: ctx.principal.organizationId,
      details: body.meetingId ? { meetingId: body.meetingId } : { activityId: body.activityId },
    });
    return id;
  });
  return view(db, ctx, reportId);
}

const FIELDS = ['title', 'held_on', 'place', 'participants', 'summary', 'decisions'] as const;
const FIELD_NAMES: Record<(typeof FIELDS)[number], string> = {
  title: 'title',
  held_on: 'heldOn',
  place: 'place',
  participants: 'participants',
  summary: 'summary',
  decisions: 'decisions',
};

/**
 * Saves the whole report (a draft of the caller's organization). A stale version → 409 VERSION_CONFLICT; a
 * final report → 409 ACTIVITY_REPORT_FINAL; a save that changes nothing writes nothing. Audited with the
 * names of the changed fields.
 */
export async function updateActivityReport(
  db: Db,
  ctx: RequestContext,
  reportId: string,
  body: z.output<typeof UpdateActivityReportRequest>,
): Promise<ActivityReport> {
  requireReportReader(ctx);
  await db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, ctx.principal.organizationId, reportId);
    if (!current) throw notFound('ACTIVITY_REPORT_NOT_FOUND');
    if (!mayEditReport(ctx, current)) throw forbidden();
    if (current.status === 'final') throw conflict('ACTIVITY_REPORT_FINAL');
    if (current.version !== body.version) throw conflict('VERSION_CONFLICT');
    const next: ReportValues = {
      title: body.title,
      held_on: body.heldOn,
      place: body.place ?? null,
      participants: body.participants ?? null,
      summary: body.summary ?? null,
      decisions: body.decisions ?? null,
    };
    const changed = FIELDS.filter((field) => (current[field] ?? null) !== next[field]);
    if (changed.length === 0) return;
    if (!(await updateReportIfVersion(trx, reportId, body.version, next, ctx.principal.userId)))
      throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'activity_report.updated',
      subjectType: 'activity_report',
      subjectId: reportId,
      subjectOrganizationId: ctx.principal.organizationId,
      details: { changed: changed.map((field) => FIELD_NAMES[field]), version: body.version + 1 },
    });
  });
  return view(db, ctx, reportId);
}

/** Makes a draft final (no more edits). Stale → 409 VERSION_CONFLICT; already final → 409 ACTIVITY_REPORT_FINAL. */
export async function finalizeActivityReport(
  db: Db,
  ctx: RequestContext,
  reportId: string,
  body: z.output<typeof FinalizeActivityReportRequest>,
): Promise<ActivityReport> {
  requireReportReader(ctx);
  await db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, ctx.principal.organizationId, reportId);
    if (!current) throw notFound('ACTIVITY_REPORT_NOT_FOUND');
    if (!mayEditReport(ctx, current)) throw forbidden();
    if (current.status === 'final') throw conflict('ACTIVITY_REPORT_FINAL');
    if (current.version !== body.version) throw conflict('VERSION_CONFLICT');
    if (
      !(await updateReportIfVersion(trx, reportId, body.version, { status: 'final' }, ctx.principal.userId))
    )
      throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'activity_report.updated',
      subjectType: 'activity_report',
      subjectId: reportId,
      subjectOrganizationId: ctx.principal.organizationId,
      details: { status: 'final', version: body.version + 1 },
    });
  });
  return view(db, ctx, reportId);
}

/** 'laporan-kegiatan-2026-04-27.pdf' (English: 'activity-report-…'). */
function fileName(report: ActivityReport, language: 'id' | 'en') {
  return `${language === 'id' ? 'laporan-kegiatan' : 'activity-report'}-${report.heldOn}.pdf`;
}

/** The report as a PDF in the caller's language; audited (activity_report.exported). */
export async function exportActivityReportPdf(
  db: Db,
  ctx: RequestContext,
  reportId: string,
): Promise<{ buffer: Buffer; disposition: string }> {
  requireReportReader(ctx);
  const report = await view(db, ctx, reportId);
  const language = ctx.principal.language;
  const { address } = await organizationLetterhead(db, ctx.principal.organizationId);
  const buffer = await activityReportPdf(report, {
    language,
    printedOn: today(),
    city: cityOf(address),
    address,
  });
  await audit(db, ctx, {
    action: 'activity_report.exported',
    subjectType: 'activity_report',
    subjectId: reportId,
    subjectOrganizationId: ctx.principal.organizationId,
    details: { format: 'pdf', status: report.status, version: report.version },
  });
  return { buffer, disposition: attachmentHeader(fileName(report, language)) };
}
