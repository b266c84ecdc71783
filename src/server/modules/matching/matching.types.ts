import type { MatchFactor, MatchGate, MatchingRules, SkillEvidence } from '../../../shared/matching.ts';
import type { SkillLevel } from '../../../shared/skills.ts';

// The engine's input and output (matching.engine.ts). Plain data: the repository builds it from the
// database, the benchmark from its generator, the tests by hand. Dates are ISO 'yyyy-mm-dd' strings.
// Never an input: gender, religion, ethnicity, age and offence, except age and offence as gates below.

export interface EngineSkill {
  skillId: string;
  level: SkillLevel;
  evidence: SkillEvidence;
}

export interface EnginePerson {
  id: string;
  /** Her skills on the taxonomy (self-reported, trained, assessed, certified); several rows per skill allowed. */
  skills: EngineSkill[];
  preferredSectors: string[];
  constraints: { childcare: boolean; partTimeOnly: boolean };
  /**
   * Where she will live: the intended host kelurahan when set, else her domicile. `villageId` is the
   * kelurahan's organization when it is one of ours; `villageCode` its Kemendagri code (33.74.01.1001);
   * the centroid when known.
   */
  place: {
    source: 'intended' | 'domicile' | null;
    villageId: string | null;
    villageCode: string | null;
    villageName: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  /**
   * When she can start work: released (and not returned) means now; otherwise the expected release date,
   * and the date she may work outside on asimilasi (null when not known or not eligible).
   */
  availability: { released: boolean; releaseDate: string | null; asimilasiDate: string | null };
  /** Recipients of her current consents (organizations and kinds of organization). */
  consent: { organizationIds: string[]; kinds: string[] };
  /** Gate only: checked against an opportunity's restricted offence categories, never scored. */
  offenceCategory: string | null;
  /** Gate only: checked against an opportunity's legal minimum age, never scored. */
  birthDate: string | null;
}

export interface EngineOpportunity {
  id: string;
  title: string;
  partnerId: string;
  partnerName: string;
  villageId: string;
  villageCode: string;
  villageName: string;
  latitude: number | null;
  longitude: number | null;
  status: 'draft' | 'open' | 'filled' | 'closed';
  /** Places minus those placed or running in the pipeline for someone else. */
  placesLeft: number;
  startOn: string;
  closesOn: string | null;
  openToAsimilasi: boolean;
  restrictedOffences: string[];
  restrictionsVersion: number;
  minAge: number | null;
  sector: string;
  partTime: boolean;
  flexible: boolean;
  shiftWork: boolean;
  skills: { skillId: string; minLevel: SkillLevel; essential: boolean }[];
  /** The kelurahan's strength for the opportunity's sector: max of its potentials' strength (1–5), needs count 3; 0 none. */
  demandStrength: number;
}

/** Staff decisions standing on one pair (match_decision rows not revoked). */
export interface PairDecisions {
  dismissed?: { reasonCode: string };
  /** A corrections review; it only counts while the opportunity's restrictions version is the same. */
  restriction?: { kind: 'restriction_cleared' | 'restriction_refused'; restrictionsVersion: number };
}

export interface EngineContext {
  today: string;
  rules: MatchingRules;
  ruleVersion: number;
  /** Skill names for the reasons: id → { id: Indonesian, en: English }. */
  skillNames: ReadonlyMap<string, { id: string; en: string }>;
}

/** One reason in both languages; `code` and `params` let the web show it in the user's language. */
export interface MatchReason {
  code: string;
  params: Record<string, string | number>;
  tone: 'positive' | 'negative' | 'neutral';
  factor: MatchFactor | null;
  id: string;
  en: string;
}

export interface GateResult {
  gate: MatchGate;
  passed: boolean;
  /** Present when it did not pass. */
  reason: MatchReason | null;
}

export interface FactorContribution {
  factor: MatchFactor;
  weight: number;
  /** 0–1: how well she meets it. */
  value: number;
  /** Points out of 100 it adds to the score (weight share × value × 100, one decimal). */
  points: number;
}

export interface MatchResult {
  personId: string;
  opportunityId: string;
  /** eligible: recommendable; review: a restriction touches her offence, corrections must review; blocked: a gate failed. */
  status: 'eligible' | 'review' | 'blocked';
  /** 0–100, one decimal; computed for every status (for the explanation), ranked only when eligible. */
  score: number;
  gates: GateResult[];
  factors: FactorContribution[];
  reasons: MatchReason[];
  missingEssential: string[];
  missingOptional: string[];
  ruleVersion: number;
}
