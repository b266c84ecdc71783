import { z } from 'zod';
import { CalendarDate } from './common.ts';
import { OPPORTUNITY_KINDS } from './opportunities.ts';
import { SECTORS } from './people.ts';

// The placement pipeline: one placement per person and opportunity, moved stage by stage, every step dated
// and signed (who, which organization, when). Labels of the vocabularies live in the web's i18n.

/**
 * proposed → contacted → interview → offered → placed → ended; or unsuccessful from any stage before placed.
 * Forward moves may skip stages (a partner who offers at once: proposed → offered); a move is never
 * backward; placed moves to ended only; ended and unsuccessful are final.
 */
export const PLACEMENT_STAGES = [
  'proposed',
  'contacted',
  'interview',
  'offered',
  'placed',
  'ended',
  'unsuccessful',
] as const;
export type PlacementStage = (typeof PLACEMENT_STAGES)[number];
/** The stages of a placement still running (one running placement per person and opportunity). */
export const RUNNING_STAGES = ['proposed', 'contacted', 'interview', 'offered', 'placed'] as const;
/** Final stages: nothing follows. */
export const FINAL_STAGES = ['ended', 'unsuccessful'] as const;
/** The stages a step may move to (a placement starts as proposed by POST /api/placements). */
export const STEP_STAGES = ['contacted', 'interview', 'offered', 'placed', 'ended', 'unsuccessful'] as const;
export type StepStage = (typeof STEP_STAGES)[number];
/** Why a placement was unsuccessful (`other` needs a note saying what). */
export const UNSUCCESSFUL_REASONS = [
  'declined_by_person',
  'declined_by_partner',
  'not_available',
  'other',
] as const;
export type UnsuccessfulReason = (typeof UNSUCCESSFUL_REASONS)[number];
/** The board lists at most this many placements (the newest first); `total` says how many matched. */
export const PLACEMENT_LIST_LIMIT = 500;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const PlacementParams = z.strictObject({ placementId: z.uuid() });
export const PersonPlacementsParams = z.strictObject({ personId: z.uuid() });

// ── GET /api/placements ──
export const PlacementListQuery = z.strictObject({
  opportunityId: z.uuid().optional(),
  /** The opportunity's kelurahan. */
  villageId: z.uuid().optional(),
  /** The opportunity's partner. */
  partnerId: z.uuid().optional(),
  /** Counts only for people the caller may see (else the filter would reveal whose placement a row is). */
  personId: z.uuid().optional(),
  /** One stage or several, comma-separated: `stage=offered,placed`. */
  stage: z
    .string()
    .trim()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(PLACEMENT_STAGES)))
    .optional(),
  /** 'true': also ended and unsuccessful placements (default: running ones only). */
  includeClosed: z.enum(['true', 'false']).optional(),
});
/** What the web sends (every filter optional; `stage` comma-separated). */
export type PlacementListQuery = Partial<Omit<z.infer<typeof PlacementListQuery>, 'stage'>> & {
  stage?: string;
};

/**
 * The woman, as far as the caller may see her: her name, or initials when her consent does not give the
 * caller `identity_contact`; the registration number for corrections staff only. Never offence or sentence.
 */
export const PlacementPerson = z.object({
  id: z.uuid(),
  displayName: z.string(),
  registrationNumber: z.string().nullable(),
});
export type PlacementPerson = z.infer<typeof PlacementPerson>;

const Named = z.object({ id: z.uuid(), name: z.string() });

export const PlacementOpportunity = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  sector: z.enum(SECTORS),
  places: z.number().int(),
  partner: Named,
  village: Named,
});

export const Placement = z
  .object({
    id: z.uuid(),
    stage: z.enum(PLACEMENT_STAGES),
    /** Why it was unsuccessful (null otherwise). */
    outcomeReason: z.enum(UNSUCCESSFUL_REASONS).nullable(),
    /**
     * Unsuccessful: its note; ended: why it ended. Null when the person is hidden from the caller, and for
     * callers other than corrections staff when a prison or Bapas officer wrote it (see `PlacementStep.note`).
     */
    outcomeNote: z.string().nullable(),
    proposedOn: z.iso.date(),
    placedOn: z.iso.date().nullable(),
    /** The date of the final step (ended or unsuccessful). */
    endedOn: z.iso.date().nullable(),
    /** The date of the latest step. */
    lastStepOn: z.iso.date(),
    opportunity: PlacementOpportunity,
    /** The organization (prison or Bapas) whose officer proposed her. */
    proposerOrganization: Named,
    /** Null when the caller may not see her (no consent, or it was withdrawn): then `personHidden`. */
    person: PlacementPerson.nullable(),
    personHidden: z.boolean(),
    version: z.number().int(),
    /** The caller may record the next step (and `nextStages` are the stages she may move it to). */
    canAdvance: z.boolean(),
    nextStages: z.array(z.enum(STEP_STAGES)),
  })
  .meta({ id: 'Placement' });
export type Placement = z.infer<typeof Placement>;

export const PlacementStep = z.object({
  id: z.uuid(),
  stage: z.enum(PLACEMENT_STAGES),
  happenedOn: z.iso.date(),
  /**
   * unsuccessful: one of UNSUCCESSFUL_REASONS (shown always); ended: why, in words (hidden like `note`);
   * null for other stages.
   */
  reason: z.string().nullable(),
  /**
   * What its recorder wrote. Words written by a prison or Bapas officer stay with corrections staff: null for
   * everyone else (the partner, the kelurahan, the kecamatan). Words written by others are shown to whoever
   * sees the person; null when the person is hidden from the caller.
   */
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedOrganization: Named.nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type PlacementStep = z.infer<typeof PlacementStep>;

export const PlacementDetail = Placement.extend({
  /** Oldest first. */
  steps: z.array(PlacementStep),
}).meta({ id: 'PlacementDetail' });
export type PlacementDetail = z.infer<typeof PlacementDetail>;

export const PlacementList = z
  .object({
    /** Newest step first, at most `limit`. */
    items: z.array(Placement),
    /** How many matched the filters. */
    total: z.number().int(),
    limit: z.number().int(),
    /** Matching placements per stage (the stage filter aside), for the board's column headings. */
    counts: z.record(z.enum(PLACEMENT_STAGES), z.number().int()),
  })
  .meta({ id: 'PlacementList' });
export type PlacementList = z.infer<typeof PlacementList>;

// ── GET /api/people/:personId/placements ──
export const PersonPlacements = z
  .object({
    items: z.array(Placement),
    /** The caller may propose her for an opportunity (corrections staff, record not anonymized). */
    canPropose: z.boolean(),
  })
  .meta({ id: 'PersonPlacements' });
export type PersonPlacements = z.infer<typeof PersonPlacements>;

// ── POST /api/placements ──
export const ProposePlacementRequest = z.strictObject({
  personId: z.uuid(),
  opportunityId: z.uuid(),
  /** Defaults to today; not in the future. */
  proposedOn: CalendarDate.optional(),
  /** Written by corrections staff: shown to corrections staff only (see `PlacementStep.note`). */
  note: optionalText(1000),
});
export type ProposePlacementRequest = z.input<typeof ProposePlacementRequest>;

// ── POST /api/placements/:placementId/steps ──
export const AdvancePlacementRequest = z.strictObject({
  /**
   * placed: only while the opportunity is open (or filled) and has a place left; otherwise 409
   * PLACEMENT_OPPORTUNITY_CLOSED or PLACEMENT_NO_PLACES with a field error `stage`.
   */
  stage: z.enum(STEP_STAGES),
  /** Not in the future, not before the previous step's date. */
  happenedOn: CalendarDate,
  /**
   * Required for unsuccessful (one of UNSUCCESSFUL_REASONS) and for ended (why, in words); not sent for
   * other stages (field error `reason`).
   */
  reason: optionalText(500),
  /**
   * Required when the reason is `other`. Who reads it (and the words of an ended reason) depends on who
   * writes it: see `PlacementStep.note`.
   */
  note: optionalText(1000),
  version: z.number().int().min(1),
});
export type AdvancePlacementRequest = z.input<typeof AdvancePlacementRequest>;
