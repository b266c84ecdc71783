import type { PlacementStage } from '../../../shared/placements.ts';
import {
  type NeedResponsibleKind,
  type NeedStatus,
  PATHWAYS,
  type Pathway,
  type PathwayStatus,
  type PlanHandoverState,
  type PlanPathway,
  planCompleteness,
  planMissing,
  type ReintegrationPlanView,
  SENSITIVE_PATHWAYS,
} from '../../../shared/reintegration.ts';
import type { PersonAccess } from '../people/people.access.ts';
import { initials } from '../people/people.presenter.ts';
import type { PersonFacts, PlanParts, PlanRow } from './reintegration.repository.ts';

// What leaves the server of a plan, decided here from the caller's access: corrections staff see it all; a
// kelurahan or kecamatan (restricted) sees the six non-sensitive pathways with their statuses and goals only:
// no needs (their descriptions may be health data) and no need history, no free text (pathway notes, history
// notes, review summaries, the plan's summary), and no completeness figure (see presentView).

const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export interface ViewInput {
  facts: PersonFacts;
  plan: PlanRow | undefined;
  parts: PlanParts | undefined;
  handover: { status: string; organization_name: string } | undefined;
  access: PersonAccess;
  restricted: boolean;
  canManage: boolean;
  canCreate: boolean;
  today: string;
}

/** The visible pathways for the caller, in PATHWAYS order. */
export function visiblePathways(restricted: boolean): Pathway[] {
  return restricted
    ? PATHWAYS.filter((pathway) => !(SENSITIVE_PATHWAYS as readonly string[]).includes(pathway))
    : [...PATHWAYS];
}

export function presentView(input: ViewInput): ReintegrationPlanView {
  const { facts, plan, parts, access, restricted } = input;
  const identity = access.groups.includes('identity_contact');
  // A cancelled or ended (returned to custody) latest handover means she needs a new one: 'none'.
  const latest = input.handover?.status;
  const handoverState = (latest === 'ended' ? 'none' : (latest ?? 'none')) as PlanHandoverState;
  const statusOf = new Map(parts?.pathways.map((row) => [row.pathway, row]) ?? []);
  // Completeness counts all eight pathways (one figure for the dashboard, the tab and the PDF). A restricted
  // reader gets no figure: percent and started each tell how many pathways are started, and so whether the
  // two she may not see are. Her "not started" count is of the pathways she sees.
  const started = plan
    ? PATHWAYS.filter((pathway) => (statusOf.get(pathway)?.status ?? 'not_started') !== 'not_started').length
    : 0;
  const shown = visiblePathways(restricted);
  const notStarted = shown.filter(
    (pathway) => (statusOf.get(pathway)?.status ?? 'not_started') === 'not_started',
  ).length;
  const completeness = {
    percent: restricted ? null : plan ? planCompleteness(started) : 0,
    started: restricted ? null : started,
    total: shown.length,
    missing: planMissing({
      hasPlan: plan !== undefined,
      pathwaysNotStarted: notStarted,
      intendedVillageId: plan?.intended_village_id ?? facts.intended_village_id,
      guaranteeAcknowledgedOn: plan?.guarantee_acknowledged_on ?? null,
      handoverState,
      releaseDate: facts.release_date,
      releasedOn: facts.released_on,
      today: input.today,
    }),
    handover: { state: handoverState, organizationName: input.handover?.organization_name ?? null },
  };
  return {
    person: {
      id: facts.id,
      displayName: identity ? facts.full_name : initials(facts.full_name),
      registrationNumber: access.corrections ? facts.registration_number : null,
      releaseDate: facts.release_date,
      releasedOn: facts.released_on,
    },
    plan: plan && parts ? presentPlan(plan, parts, facts, input) : null,
    completeness,
    canCreate: input.canCreate,
    canManage: input.canManage,
    restricted,
  };
}

function presentPlan(plan: PlanRow, parts: PlanParts, facts: PersonFacts, input: ViewInput) {
  const { restricted, access } = input;
  const text = (value: string | null) => (restricted ? null : value);
  const pathways: PlanPathway[] = visiblePathways(restricted).map((pathway) => {
    const row = parts.pathways.find((item) => item.pathway === pathway);
    return {
      pathway,
      status: (row?.status ?? 'not_started') as PathwayStatus,
      note: text(row?.note ?? null),
      updatedBy: row?.updated_by_name ?? null,
      updatedAt: iso(row?.updated_at ?? plan.created_at),
      version: row?.version ?? 1,
      needs: parts.needs
        .filter((need) => !restricted && need.pathway === pathway)
        .map((need) => ({
          id: need.id,
          pathway,
          description: need.description,
          responsibleKind: need.responsible_kind as NeedResponsibleKind,
          responsibleOrganization:
            need.responsible_organization_id && need.responsible_organization_name
              ? { id: need.responsible_organization_id, name: need.responsible_organization_name }
              : null,
          status: need.status as NeedStatus,
          dueOn: need.due_on,
          createdAt: iso(need.created_at),
          updatedAt: iso(need.updated_at),
          version: need.version,
        })),
      goals: parts.goals
        .filter((goal) => goal.pathway === pathway)
        .map((goal) => ({
          id: goal.id,
          pathway,
          title: goal.title,
          horizonMonths: goal.horizon_months,
          targetDate: goal.target_date,
          status: goal.status,
          steps: parts.steps
            .filter((step) => step.goal_id === goal.id)
            .map((step) => ({
              id: step.id,
              position: step.position,
              title: step.title,
              dueOn: step.due_on,
              doneOn: step.done_on,
              version: step.version,
            })),
          createdAt: iso(goal.created_at),
          version: goal.version,
        })),
      history: parts.history
        .filter((change) => change.pathway === pathway && !(restricted && change.need_id !== null))
        .map((change) => ({
          id: String(change.id),
          pathway,
          needId: change.need_id,
          fromStatus: change.from_status,
          toStatus: change.to_status,
          note: text(change.note),
          changedBy: change.changed_by_name,
          organizationName: change.organization_name,
          at: iso(change.at),
        })),
    };
  });
  const guarantor = access.groups.includes('identity_contact') ? facts.guarantor : null;
  const documentVisible =
    plan.guarantee_document_id !== null &&
    plan.document_title !== null &&
    (access.corrections || plan.document_visibility === 'shared');
  return {
    id: plan.id,
    organization: { id: plan.organization_id, name: plan.organization_name },
    intendedVillage:
      plan.intended_village_id && plan.village_name
        ? { id: plan.intended_village_id, name: plan.village_name }
        : null,
    opportunity:
      plan.opportunity_id && plan.opportunity_title
        ? { id: plan.opportunity_id, title: plan.opportunity_title, partnerName: plan.partner_name ?? '' }
        : null,
    placement:
      plan.placement_id && plan.placement_stage
        ? {
            id: plan.placement_id,
            stage: plan.placement_stage as PlacementStage,
            opportunityTitle: plan.placement_opportunity_title ?? '',
          }
        : null,
    guarantor: guarantor
      ? {
          name: guarantor.name,
          relation: guarantor.relation ?? null,
          address: guarantor.address ?? null,
          phone: guarantor.phone ?? null,
        }
      : null,
    guarantee: {
      letterNumber: plan.guarantee_letter_number,
      acknowledgedOn: plan.guarantee_acknowledged_on,
      acknowledgedBy: plan.guarantee_acknowledged_by,
      document:
        documentVisible && plan.guarantee_document_id
          ? { id: plan.guarantee_document_id, title: plan.document_title as string }
          : null,
    },
    summary: text(plan.summary),
    nextReviewOn: plan.next_review_on,
    createdBy: plan.created_by_name,
    createdAt: iso(plan.created_at),
    updatedAt: iso(plan.updated_at),
    version: plan.version,
    pathways,
    reviews: parts.reviews.map((review) => ({
      id: review.id,
      reviewedOn: review.reviewed_on,
      summary: text(review.summary),
      nextReviewOn: review.next_review_on,
      reviewerName: review.reviewer_name,
      organizationName: review.organization_name,
      createdAt: iso(review.created_at),
    })),
  };
}
