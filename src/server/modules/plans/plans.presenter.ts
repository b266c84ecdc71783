import type { Language } from '../../../shared/common.ts';
import type { OpportunityKind } from '../../../shared/opportunities.ts';
import type {
  PlanItem,
  PlanOpportunity,
  PlanStatus,
  PlanSummary,
  PlanUnassignedReason,
} from '../../../shared/placementPlans.ts';
import type { MatchFactorView, MissingSkill } from '../../../shared/recommendations.ts';
import type { Sector } from '../../../shared/skills.ts';
import { presentReason } from '../matching/matching.presenter.ts';
import type { FactorContribution, MatchResult } from '../matching/matching.types.ts';
import type { PlanItemRow, PlanRow } from './plans.repository.ts';

// What leaves the server about a plan. Plans are corrections staff's (plan:placement): the women appear by
// name with their registration number, and only those the caller sees today (the service drops the others
// and says how many). Never offence or sentence: a restriction appears only as "needs a review".

const number = (value: string | number | null) => (value === null ? null : Number(value));

export function presentSummary(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    status: row.status as PlanStatus,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    ruleVersion: row.rule_version,
    peopleCount: row.people_count,
    placesCount: row.places_count,
    assignedCount: row.assigned_count,
    totalScore: Number(row.total_score),
    solverTotal: Number(row.solver_total),
    solverAssigned: Number(row.solver_assigned),
    greedyTotal: Number(row.greedy_total),
    greedyAssigned: row.greedy_assigned,
    solveMs: row.solve_ms,
    note: row.note,
    adjustedCount: Number(row.adjusted_count),
    organization: { id: row.organization_id, name: row.organization_name },
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    proposalCount: Number(row.proposal_count),
    version: row.version,
  };
}

/** The opportunity of an item (prefix `o_`: its place now; `so_`: the solver's), or null. */
function presentOpportunity(
  row: PlanItemRow,
  id: string | null,
  prefix: 'o_' | 'so_',
): PlanOpportunity | null {
  const value = (column: string) => (row as unknown as Record<string, unknown>)[`${prefix}${column}`];
  if (id === null || value('title') === null) return null;
  return {
    id,
    title: value('title') as string,
    kind: value('kind') as OpportunityKind,
    sector: value('sector') as Sector,
    places: Number(value('places')),
    startOn: value('start_on') as string,
    closesOn: value('closes_on') as string | null,
    partner: { id: value('partner_id') as string, name: value('partner_name') as string },
    village: { id: value('village_id') as string, name: value('village_name') as string },
  };
}

export function presentFactors(factors: unknown[] | null): MatchFactorView[] {
  return ((factors ?? []) as FactorContribution[]).map((factor) => ({
    factor: factor.factor,
    weight: factor.weight,
    value: factor.value,
    points: factor.points,
  }));
}

/** The engine's reading of a pair today, for the plan: its status, the gate that blocks it, the reasons. */
export function presentCurrent(
  result: MatchResult,
  skillName: (skillId: string) => string,
  language: Language,
): NonNullable<PlanItem['current']> {
  const missing = (ids: string[]): MissingSkill[] =>
    ids.map((skillId) => ({ skillId, name: skillName(skillId) }));
  return {
    status: result.status,
    score: result.score,
    blockedBy: result.status === 'blocked' ? (result.gates.find((gate) => !gate.passed)?.gate ?? null) : null,
    // The factors' reasons, then why a gate fails (a restriction's reason never names the offence).
    reasons: [
      ...result.reasons,
      ...result.gates.flatMap((gate) => (gate.passed || gate.reason === null ? [] : [gate.reason])),
    ].map((reason) => presentReason(reason, language)),
    missingEssential: missing(result.missingEssential),
    missingOptional: missing(result.missingOptional),
  };
}

export function presentItem(row: PlanItemRow, current: PlanItem['current']): PlanItem {
  const opportunity = presentOpportunity(row, row.opportunity_id, 'o_');
  const changed = row.adjusted || row.opportunity_id !== row.solver_opportunity_id;
  return {
    id: row.id,
    person: {
      id: row.person_id,
      displayName: row.full_name,
      registrationNumber: row.registration_number,
    },
    opportunity,
    score: opportunity ? number(row.score) : null,
    factors: opportunity ? presentFactors(row.factors) : [],
    current: opportunity ? current : null,
    solverChoice: changed
      ? {
          opportunity: presentOpportunity(row, row.solver_opportunity_id, 'so_'),
          score: number(row.solver_score),
        }
      : null,
    adjusted: row.adjusted,
    adjustReason: row.adjust_reason,
    adjustedBy: row.adjusted_by_name,
    unassignedReason: opportunity ? null : (row.unassigned_reason as PlanUnassignedReason | null),
    unassignedParams: opportunity ? {} : (row.unassigned_params as Record<string, string | number>),
    placementId: row.placement_id,
  };
}
