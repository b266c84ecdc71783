import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HandoverState } from '../../../shared/handovers.ts';
import { daysBetween } from '../../../shared/people.ts';
import {
  PRERELEASE_MILESTONES,
  type PrereleaseItem,
  type PrereleaseList,
  type PrereleaseMilestoneItem,
  type PrereleaseQuery,
} from '../../../shared/prerelease.ts';
import { PATHWAYS, planMissing } from '../../../shared/reintegration.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { currentRules } from '../rules/rules.service.ts';
import { MILESTONE_COLUMNS, type PrereleaseRow, prereleasePeople } from './prerelease.repository.ts';

// The pre-release dashboard (menjelang bebas): who leaves custody, or reaches asimilasi / PB / CB / CMB,
// within the window, and how ready she is. A derived query: a remission or a rules change moves the stored
// dates (people.release.ts) and the dashboard follows.

type Db = Kysely<Database>;

function milestonesOf(row: PrereleaseRow, now: string, windowDays: number): PrereleaseMilestoneItem[] {
  const items: PrereleaseMilestoneItem[] = [];
  for (const kind of PRERELEASE_MILESTONES) {
    const date = row[MILESTONE_COLUMNS[kind]];
    if (!date) continue;
    const daysToGo = daysBetween(now, date);
    if (daysToGo >= 0 && daysToGo <= windowDays) items.push({ kind, date, daysToGo });
  }
  return items.sort(
    (a, b) =>
      a.daysToGo - b.daysToGo ||
      PRERELEASE_MILESTONES.indexOf(a.kind) - PRERELEASE_MILESTONES.indexOf(b.kind),
  );
}

function present(row: PrereleaseRow, now: string, windowDays: number): PrereleaseItem {
  const hasPlan = row.plan_id !== null;
  // Cancelled, or ended by a return to custody: she needs a (new) handover.
  const state: HandoverState =
    row.handover_status === null || row.handover_status === 'cancelled' || row.handover_status === 'ended'
      ? 'none'
      : row.handover_status;
  return {
    person: { id: row.id, displayName: row.full_name, registrationNumber: row.registration_number },
    releaseDate: row.release_date,
    milestones: milestonesOf(row, now, windowDays),
    journeyStatus: row.journey_status,
    completeness: hasPlan ? Number(row.completeness) : null,
    missing: planMissing({
      hasPlan,
      pathwaysNotStarted: PATHWAYS.length - Number(row.started),
      intendedVillageId: row.village_id,
      guaranteeAcknowledgedOn: row.guarantee_acknowledged_on,
      handoverState: state,
      releaseDate: row.release_date,
      releasedOn: row.released_on,
      today: now,
    }),
    handover: {
      state,
      organization:
        state !== 'none' && row.handover_organization_id && row.handover_organization_name
          ? { id: row.handover_organization_id, name: row.handover_organization_name }
          : null,
      officerName: state === 'accepted' ? row.officer_name : null,
    },
    tasksDue: Number(row.tasks_due),
  };
}

/**
 * The women the caller sees (corrections staff: read:prerelease) with a release, asimilasi, PB, CB or CMB
 * date between today and today + window, filtered, sorted and paged; audited with the people shown.
 */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof PrereleaseQuery>,
): Promise<PrereleaseList> {
  requirePermission(ctx, 'read:prerelease');
  const now = today();
  const { rules } = await currentRules(db, 'sentence');
  const { items, total } = await prereleasePeople(
    db,
    ctx,
    {
      windowDays: query.windowDays,
      milestones: query.milestone === 'any' ? [...PRERELEASE_MILESTONES] : [query.milestone],
      status: query.status,
      handover: query.handover,
      q: query.q,
      sort: query.sort,
      order: query.order,
      journeyWindowDays: rules.preReleaseWindowDays,
      today: now,
    },
    { page: query.page, pageSize: query.pageSize },
  );
  await audit(db, ctx, {
    action: 'prerelease.listed',
    details: {
      shown: items.map((row) => row.id),
      windowDays: query.windowDays,
      milestone: query.milestone,
      ...(query.status && { status: query.status }),
      ...(query.handover && { handover: query.handover }),
      ...(query.q && { q: query.q }),
      sort: query.sort,
      order: query.order,
      page: query.page,
    },
  });
  return {
    items: items.map((row) => present(row, now, query.windowDays)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    windowDays: query.windowDays,
    today: now,
  };
}
