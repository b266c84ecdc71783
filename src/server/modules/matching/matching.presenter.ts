import type { Language } from '../../../shared/common.ts';
import type { MatchGate } from '../../../shared/matching.ts';
import type { OpportunityKind } from '../../../shared/opportunities.ts';
import type { SECTORS } from '../../../shared/people.ts';
import type {
  MatchDecision,
  MatchDecisionKind,
  MatchGateView,
  MatchOpportunity,
  MatchPerson,
  MatchReasonView,
  MissingSkill,
  Recommendation,
} from '../../../shared/recommendations.ts';
import { initials } from '../people/people.presenter.ts';
import type { DecisionRow, LoadedOpportunity, PersonShownRow } from './matching.repository.ts';
import type { EngineContext, MatchReason, MatchResult } from './matching.types.ts';

// What leaves the server about a match. Decided here, in one place, for every list:
// - callers other than corrections staff never learn her offence or a restriction: the restriction gate,
//   its reasons and restriction decisions are left out, and any pair that is not eligible (whichever gate
//   holds it: a restriction, a set-aside, a closed opportunity, her consent...) reads the same way: status
//   `blocked`, no gates and one generic "not recommendable now" reason, so a restriction cannot be told
//   from any other gate by elimination (the set-aside itself is still shown as the pair's decision);
// - reasons that cite when she is released or may work on asimilasi (the timing reasons, the availability
//   gate) reach only callers given her availability (field group `availability_status`; corrections staff
//   always); others read a generic availability text;
// - her skills (which she has, at what level, on what evidence, which she lacks) reach only callers given
//   her skills (field group `skills_training`; corrections staff always): for others the skill reasons are
//   one generic reason and the missing skills are empty lists;
// - the sectors she is interested in are shown with her skills (`skills_training`), so the sector reasons
//   reach only callers given them; others read one generic reason;
// - her working constraints (part-time only, childcare) are shown with her availability
//   (`availability_status`), so the working-pattern reasons reach only callers given it; others read one
//   generic reason, whether or not she has any (its absence would tell she has none);
// - where she lives or will live: the location reasons name her place's kelurahan tier and its distance
//   from the opportunity, and say which place the engine used. Her intended kelurahan is shown with her
//   availability (`availability_status`), her domicile with her identity (`identity_contact`); the engine
//   uses her domicile only when no intended kelurahan is recorded, so reasons about her domicile (or about
//   no place recorded) also tell that, and reach only callers given both groups. Others read one generic
//   reason with no params (not even which place was used).
// The score and each factor's points stay: they are the match itself, and say how well she fits, not which
// skills, interests or constraints she has.

type Sector = (typeof SECTORS)[number];

export interface ViewOptions {
  corrections: boolean;
  /** The caller was given her release dates (availability_status). */
  availability: boolean;
  /** The caller was given her skills (skills_training). */
  skills: boolean;
  /** The caller was given her identity and contact, her domicile among them (identity_contact). */
  identity: boolean;
  language: Language;
  skillNames: EngineContext['skillNames'];
}

const generic = (
  code: string,
  tone: MatchReason['tone'],
  factor: MatchReason['factor'],
  id: string,
  en: string,
) => ({ code, params: {}, tone, factor, id, en }) satisfies MatchReason;

/** The timing reason for a caller not given her dates. */
const TIMING_HIDDEN = generic(
  'timing_hidden',
  'neutral',
  'timing',
  'waktu mulai dinilai dari tanggal ia tersedia (tanggalnya tidak dibagikan kepada Anda)',
  'the timing is scored on when she becomes available (the dates are not shared with you)',
);
/** The availability gate's reason for a caller not given her dates. */
const AVAILABILITY_HIDDEN = generic(
  'availability_hidden',
  'negative',
  null,
  'belum tersedia sebelum peluang ini ditutup',
  'not available before the opportunity closes',
);
/** The skill reasons, all in one, for a caller not given her skills (it stands for both skill factors). */
const SKILLS_HIDDEN = generic(
  'skills_hidden',
  'neutral',
  'essentialSkills',
  'keterampilan tidak termasuk data yang ia setujui untuk dibagikan',
  'skills are not among the data she agreed to share',
);
/** The sector reason for a caller not given her sectors of interest (they are shown with her skills). */
const SECTORS_HIDDEN = generic(
  'sectors_hidden',
  'neutral',
  'preferences',
  'minat sektor tidak termasuk data yang ia setujui untuk dibagikan',
  'her sector interests are not among the data she agreed to share',
);
/** The working-pattern reasons, all in one, for a caller not given her constraints (shown with her availability). */
const WORKING_PATTERN_HIDDEN = generic(
  'working_pattern_hidden',
  'neutral',
  'preferences',
  'kebutuhan pola kerjanya tidak termasuk data yang ia setujui untuk dibagikan',
  'her working-pattern needs are not among the data she agreed to share',
);
/** The location reasons, all in one, for a caller not given the place the engine used (see the top of the file). */
const LOCATION_HIDDEN = generic(
  'location_hidden',
  'neutral',
  'location',
  'tempat tinggal tidak termasuk data yang ia setujui untuk dibagikan',
  'where she lives is not among the data she agreed to share',
);
/** Any pair that is not eligible, for a caller who may not learn about restrictions (see the top of the file). */
const NOT_RECOMMENDABLE = generic(
  'not_recommendable',
  'negative',
  null,
  'tidak dapat direkomendasikan untuknya saat ini',
  'cannot be recommended for her now',
);

export function presentReason(reason: MatchReason, language: Language): MatchReasonView {
  return {
    code: reason.code,
    params: reason.params,
    tone: reason.tone,
    factor: reason.factor,
    text: reason[language],
    id: reason.id,
    en: reason.en,
  };
}

/** A reason as the caller may read it (see the top of the file). */
function shownReason(reason: MatchReason, gate: MatchGate | null, options: ViewOptions): MatchReason {
  if (options.availability) return reason;
  if (reason.factor === 'timing') return TIMING_HIDDEN;
  if (gate === 'availability') return AVAILABILITY_HIDDEN;
  return reason;
}

const SKILL_FACTORS: ReadonlySet<MatchReason['factor']> = new Set(['essentialSkills', 'optionalSkills']);

/** A preferences reason about her sectors of interest (the others are about her working pattern). */
const isSectorReason = (reason: MatchReason) => reason.code.startsWith('sector_');

/**
 * Whether the caller may read a location reason: her intended kelurahan with her availability; her domicile,
 * or no place at all, with her identity and her availability (it tells no intended kelurahan is recorded).
 */
function locationShown(reason: MatchReason, options: ViewOptions): boolean {
  if (options.corrections) return true;
  if (reason.params.source === 'intended') return options.availability;
  return options.identity && options.availability;
}

/**
 * The factors' reasons as the caller may read them: without her skills, one generic reason in place of the
 * skill reasons and one in place of the sector reasons; without her availability, one generic reason for
 * her working pattern (after the sector reason, present or not in the engine's reasons); without the group
 * that shows the place the engine used, one generic reason in place of the location reasons.
 */
function shownFactorReasons(reasons: MatchReason[], options: ViewOptions): MatchReason[] {
  const shown: MatchReason[] = [];
  const add = (reason: MatchReason) => {
    if (!shown.includes(reason)) shown.push(reason);
  };
  for (const reason of reasons) {
    if (!options.skills && SKILL_FACTORS.has(reason.factor)) {
      add(SKILLS_HIDDEN);
      continue;
    }
    if (reason.factor === 'location' && !locationShown(reason, options)) {
      add(LOCATION_HIDDEN);
      continue;
    }
    if (reason.factor === 'preferences') {
      if (isSectorReason(reason)) {
        if (options.skills) shown.push(reason);
        else add(SECTORS_HIDDEN);
        if (!options.availability) add(WORKING_PATTERN_HIDDEN);
      } else if (options.availability) shown.push(reason);
      else add(WORKING_PATTERN_HIDDEN);
      continue;
    }
    shown.push(shownReason(reason, null, options));
  }
  return shown;
}

function missing(ids: string[], options: ViewOptions): MissingSkill[] {
  if (!options.skills) return [];
  return ids.map((skillId) => ({
    skillId,
    name: options.skillNames.get(skillId)?.[options.language] ?? skillId,
  }));
}

/**
 * A decision as the caller may read it: the note written by prison or Bapas staff is theirs alone (as the
 * words of a placement step are), the reason code and who decided are everyone's who sees the pair.
 */
export function presentDecision(row: DecisionRow, corrections: boolean): MatchDecision {
  const byCorrections = row.organization_kind === 'prison' || row.organization_kind === 'probation';
  return {
    id: row.id,
    personId: row.person_id,
    opportunityId: row.opportunity_id,
    kind: row.kind as MatchDecisionKind,
    reasonCode: row.reason_code,
    note: corrections || !byCorrections ? row.note : null,
    decidedBy: row.decided_by_name,
    organization: { id: row.organization_id, name: row.organization_name },
    decidedAt: row.decided_at.toISOString(),
    restrictionsVersion: row.restrictions_version,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * The explanation of a pair for this caller: status, score, factors, reasons, gates, missing skills. For a
 * caller other than corrections staff, a pair that is not eligible is `blocked` with no gates and one
 * generic reason, whichever gate holds it (see the top of the file).
 */
export function presentExplanation(
  result: MatchResult,
  options: ViewOptions,
  extra: { decision: DecisionRow | null; inPipeline: boolean },
) {
  const opaque = !options.corrections && result.status !== 'eligible';
  const gates: MatchGateView[] = opaque
    ? []
    : result.gates
        .filter((gate) => options.corrections || gate.gate !== 'restriction')
        .map((gate) => ({
          gate: gate.gate,
          passed: gate.passed,
          reason: gate.reason
            ? presentReason(shownReason(gate.reason, gate.gate, options), options.language)
            : null,
        }));
  const reasons: MatchReasonView[] = [
    ...shownFactorReasons(result.reasons, options).map((reason) => presentReason(reason, options.language)),
    ...gates.flatMap((gate) => (gate.reason ? [gate.reason] : [])),
    ...(opaque ? [presentReason(NOT_RECOMMENDABLE, options.language)] : []),
  ];
  // A restriction decision is corrections' business; a set-aside anyone who sees the pair may read.
  const decision =
    extra.decision && (options.corrections || extra.decision.kind === 'dismissed')
      ? presentDecision(extra.decision, options.corrections)
      : null;
  return {
    status: opaque ? ('blocked' as const) : result.status,
    // The score and the factors' points stay whatever the caller was given (see the top of the file).
    score: result.score,
    factors: result.factors.map((factor) => ({ ...factor })),
    reasons,
    gates,
    missingEssential: missing(result.missingEssential, options),
    missingOptional: missing(result.missingOptional, options),
    ruleVersion: result.ruleVersion,
    decision,
    inPipeline: extra.inPipeline,
  };
}

export function presentMatchOpportunity(loaded: LoadedOpportunity): MatchOpportunity {
  const o = loaded.opportunity;
  return {
    id: o.id,
    title: o.title,
    kind: loaded.kind as OpportunityKind,
    partner: { id: o.partnerId, name: o.partnerName },
    village: { id: o.villageId, name: o.villageName },
    sector: o.sector as Sector,
    startOn: o.startOn,
    closesOn: o.closesOn,
    places: loaded.places,
    placesLeft: o.placesLeft,
  };
}

export function presentRecommendation(
  result: MatchResult,
  opportunity: LoadedOpportunity,
  options: ViewOptions,
  extra: { decision: DecisionRow | null; inPipeline: boolean },
): Recommendation {
  return { opportunity: presentMatchOpportunity(opportunity), ...presentExplanation(result, options, extra) };
}

/** The woman by name when the caller was given her identity (else initials); registration number for corrections. */
export function presentMatchPerson(row: PersonShownRow, corrections: boolean): MatchPerson {
  return {
    id: row.id,
    displayName: row.identity ? row.full_name : initials(row.full_name),
    registrationNumber: corrections ? row.registration_number : null,
  };
}
