import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  FAIRNESS_MAX_DAYS,
  FAIRNESS_MIN_CELL,
  type FairnessQuery,
  type FairnessReport,
  type TrainingGapQuery,
  type TrainingGapReport,
} from '../../../shared/planning.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { type FieldErrors, failOnFields, notFound } from '../../platform/errors.ts';
import { compileOpportunities, eligiblePairs } from '../matching/matching.engine.ts';
import {
  loadDecisionRows,
  loadEngineOpportunities,
  loadEnginePeople,
  matchingContext,
} from '../matching/matching.repository.ts';
import type { PairDecisions } from '../matching/matching.types.ts';
import { displayDate } from '../people/export/people-export.labels.ts';
import { isCorrections } from '../people/people.access.ts';
import { attachment } from '../training/attendance/attendance.labels.ts';
import { daysBetween } from '../training/cohorts/schedule.ts';
import { FAIRNESS_RULES, type FairnessPerson, fairnessFigures } from './planning.fairness.ts';
import {
  addMonths,
  cohortsByMonth,
  computeGap,
  GAP_MONTH_RULE,
  GAP_RULES,
  horizonMonths,
  mergeSupply,
} from './planning.gap.ts';
import {
  fairnessPopulation,
  findVillage,
  listSkills,
  listVillages,
  loadDemand,
  loadPrograms,
  loadSupply,
} from './planning.repository.ts';
import { gapXlsx } from './planning.xlsx.ts';

// The training-gap planner and the fairness report (ADR 012): aggregate figures over the whole program for
// whoever plans training (`read:planning:all`) or watches for skew (`read:fairness:all`). No person's record
// leaves this module; the export and the fairness report are audited.

type Db = Kysely<Database>;

/**
 * The gap report for a horizon (months from today), over the program or one kelurahan, with no permission
 * check (the routes check it; the benchmark calls this directly). Its cohorts' dates are exact only with
 * `exactDates` (corrections staff, who see release dates); otherwise by month (`cohortsByMonth`).
 */
export async function trainingGapReport(
  db: Db,
  query: z.output<typeof TrainingGapQuery>,
  { exactDates }: { exactDates: boolean } = { exactDates: false },
): Promise<TrainingGapReport> {
  const day = today();
  const to = addMonths(day, query.horizonMonths);
  let village: { id: string; name: string } | null = null;
  if (query.villageId) {
    village = (await findVillage(db, query.villageId)) ?? null;
    if (!village) throw notFound('PLANNING_VILLAGE_NOT_FOUND');
  }
  const window = { today: day, to, months: horizonMonths(day, to), villageId: village?.id ?? null };
  const [skills, villages, demand, counts, programs] = await Promise.all([
    listSkills(db),
    listVillages(db),
    loadDemand(db, window),
    loadSupply(db, window),
    loadPrograms(db),
  ]);
  const supply = mergeSupply(counts);
  const result = computeGap({
    today: day,
    skills,
    villages,
    demand,
    supply: supply.supply,
    releases: supply.releases,
    programs,
  });
  return {
    horizonMonths: query.horizonMonths,
    from: day,
    to,
    generatedOn: day,
    village,
    releases: supply.total,
    datePrecision: exactDates ? 'day' : 'month',
    skills: result.skills,
    cohorts: exactDates ? result.cohorts : cohortsByMonth(result.cohorts, day),
    rules: exactDates ? GAP_RULES : [...GAP_RULES, GAP_MONTH_RULE],
    workPlanLinkAvailable: false,
  };
}

/**
 * Which skills the host villages will need in the horizon that the women released in it lack, per skill and
 * kelurahan, and the cohorts to open (size, latest start). Aggregates only; exact cohort dates (one woman's
 * release date) for corrections staff only, by month for everyone else.
 */
export async function trainingGap(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof TrainingGapQuery>,
): Promise<TrainingGapReport> {
  requirePermission(ctx, 'read:planning');
  return trainingGapReport(db, query, { exactDates: isCorrections(ctx) });
}

/** The gap report as XLSX (two sheets), audited as `planning.gap_exported`. */
export async function exportTrainingGap(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof TrainingGapQuery>,
) {
  requirePermission(ctx, 'read:planning');
  const report = await trainingGapReport(db, query, { exactDates: isCorrections(ctx) });
  const buffer = await gapXlsx(report);
  await audit(db, ctx, {
    action: 'planning.gap_exported',
    subjectType: 'planning',
    subjectId: report.village?.id,
    details: {
      format: 'xlsx',
      horizonMonths: report.horizonMonths,
      from: report.from,
      to: report.to,
      villageId: report.village?.id ?? null,
      skills: report.skills.length,
      cohorts: report.cohorts.length,
    },
  });
  const name = `kesenjangan-keterampilan-${report.generatedOn}.xlsx`;
  return { buffer, disposition: attachment(name, name) };
}

/** The fairness window: by default today … today + 12 months; `to` not before `from`, at most three years. */
function fairnessWindow(query: z.output<typeof FairnessQuery>): { from: string; to: string } {
  const from = query.from ?? today();
  const to = query.to ?? addMonths(from, 12);
  const fields: FieldErrors = {};
  if (to < from) fields.to = { key: 'date_before', params: { other: displayDate(from) } };
  else if (daysBetween(from, to) > FAIRNESS_MAX_DAYS)
    fields.to = { key: 'planning_window_too_long', params: { maximum: FAIRNESS_MAX_DAYS } };
  failOnFields(fields);
  return { from, to };
}

/**
 * Recommendation, proposal and placement rates per age band, education level and domicile inside or outside
 * Semarang Barat, for the women released (or to be released) in the window, across all organizations. Each
 * woman is scored by the engine against every open opportunity under the matching rules in force; cells of
 * fewer than 5 women are suppressed, with complementary suppression within each dimension so that no
 * suppressed cell follows from the overall figures (`complementaryGroups`). Not prevented: comparing two
 * reports whose windows differ slightly (a day, say) can still isolate the few women of the difference.
 * Audited as `planning.fairness_viewed` (figures only, no one shown).
 */
export async function fairness(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof FairnessQuery>,
): Promise<FairnessReport> {
  requirePermission(ctx, 'read:fairness');
  const { from, to } = fairnessWindow(query);
  const releaseWindow = { from, to };
  const [context, population, people, opportunities, decisionRows] = await Promise.all([
    matchingContext(db),
    fairnessPopulation(db, releaseWindow),
    loadEnginePeople(db, { releaseWindow }),
    loadEngineOpportunities(db, { status: ['open'] }),
    loadDecisionRows(db),
  ]);
  // Standing decisions (a set-aside, a restriction review) as the engine takes them: person → opportunity.
  const decisions = new Map<string, Map<string, PairDecisions>>();
  for (const row of decisionRows) {
    const forPerson = decisions.get(row.person_id) ?? new Map<string, PairDecisions>();
    const pair = forPerson.get(row.opportunity_id) ?? {};
    if (row.kind === 'dismissed') pair.dismissed = { reasonCode: row.reason_code };
    else pair.restriction = { kind: row.kind, restrictionsVersion: row.restrictions_version ?? 0 };
    forPerson.set(row.opportunity_id, pair);
    decisions.set(row.person_id, forPerson);
  }
  const compiled = compileOpportunities(opportunities.map((loaded) => loaded.opportunity));
  const pairs = eligiblePairs(people, compiled, context, { perPersonLimit: 1, decisions });
  const outcome = new Map(
    people.map((person, k) => {
      const best = pairs.perPerson.bestScore[k] ?? -1;
      return [
        person.id,
        { recommended: (pairs.perPerson.eligible[k] ?? 0) > 0, topScore: best >= 0 ? best : null },
      ] as const;
    }),
  );
  const records: FairnessPerson[] = population.map((row) => ({
    birthDate: row.birth_date,
    educationLevel: row.education_level,
    domicileVillageCode: row.domicile_village_code,
    recommended: outcome.get(row.id)?.recommended ?? false,
    topScore: outcome.get(row.id)?.topScore ?? null,
    proposed: row.proposed,
    placed: row.placed,
  }));
  const day = today();
  const figures = fairnessFigures(records, day);
  await audit(db, ctx, {
    action: 'planning.fairness_viewed',
    subjectType: 'planning',
    details: { from, to, ruleVersion: context.ruleVersion, people: records.length },
  });
  return {
    from,
    to,
    generatedOn: day,
    ruleVersion: context.ruleVersion,
    minScore: context.rules.minScore,
    opportunities: compiled.count,
    minCell: FAIRNESS_MIN_CELL,
    ...figures,
    rules: FAIRNESS_RULES,
  };
}
