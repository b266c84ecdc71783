import type {
  CreateOpportunityRequest,
  Opportunity,
  OpportunityKind,
  PartnerCreateOpportunityRequest,
  PartnerUpdateOpportunityRequest,
  PayPeriod,
  UpdateOpportunityRequest,
} from '../../../../shared/opportunities.ts';
import { OPPORTUNITY_LIMITS } from '../../../../shared/opportunities.ts';
import type { OFFENCE_CATEGORIES, SECTORS } from '../../../../shared/people.ts';
import type { SkillLevel } from '../../../../shared/skills.ts';

type Sector = (typeof SECTORS)[number];
type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

/** Who fills the form: kelurahan/kecamatan staff, or a partner drafting her own (no partner, no restrictions). */
export type OpportunityFormMode = 'staff' | 'partner';

export interface SkillRow {
  /** A stable React key. */
  key: string;
  skillId: string | null;
  minLevel: SkillLevel;
  essential: boolean;
}

/** The form's values: number inputs hold '' when empty, text inputs '' where the API takes null. */
export interface OpportunityFormValues {
  partnerId: string | null;
  villageId: string | null;
  kind: OpportunityKind | null;
  title: string;
  description: string;
  sector: Sector | null;
  location: string;
  places: number | string;
  startOn: string | null;
  closesOn: string | null;
  hoursPerWeek: number | string;
  workHours: string;
  partTime: boolean;
  flexible: boolean;
  shiftWork: boolean;
  payMin: number | string;
  payMax: number | string;
  payPeriod: PayPeriod | null;
  openToAsimilasi: boolean;
  skills: SkillRow[];
  restrictedOffences: OffenceCategory[];
  restrictionNote: string;
}

export function rowKey(): string {
  return Math.random().toString(36).slice(2);
}

export const newSkillRow = (): SkillRow => ({
  key: rowKey(),
  skillId: null,
  minLevel: 'basic',
  essential: true,
});

/** Empty for a new opportunity (with the partner and kelurahan the caller's own, when she has one). */
export function opportunityFormValues(
  opportunity: Opportunity | null,
  defaults: { partnerId?: string | null; villageId?: string | null } = {},
): OpportunityFormValues {
  if (!opportunity) {
    return {
      partnerId: defaults.partnerId ?? null,
      villageId: defaults.villageId ?? null,
      kind: null,
      title: '',
      description: '',
      sector: null,
      location: '',
      places: 1,
      startOn: null,
      closesOn: null,
      hoursPerWeek: '',
      workHours: '',
      partTime: false,
      flexible: false,
      shiftWork: false,
      payMin: '',
      payMax: '',
      payPeriod: null,
      openToAsimilasi: false,
      skills: [],
      restrictedOffences: [],
      restrictionNote: '',
    };
  }
  return {
    partnerId: opportunity.partner.id,
    villageId: opportunity.village.id,
    kind: opportunity.kind,
    title: opportunity.title,
    description: opportunity.description ?? '',
    sector: opportunity.sector,
    location: opportunity.location ?? '',
    places: opportunity.places,
    startOn: opportunity.startOn,
    closesOn: opportunity.closesOn,
    hoursPerWeek: opportunity.hoursPerWeek ?? '',
    workHours: opportunity.workHours ?? '',
    partTime: opportunity.partTime,
    flexible: opportunity.flexible,
    shiftWork: opportunity.shiftWork,
    payMin: opportunity.payMin ?? '',
    payMax: opportunity.payMax ?? '',
    payPeriod: opportunity.payPeriod,
    openToAsimilasi: opportunity.openToAsimilasi,
    skills: opportunity.skills.map((skill) => ({
      key: skill.skillId,
      skillId: skill.skillId,
      minLevel: skill.minLevel,
      essential: skill.essential,
    })),
    restrictedOffences: opportunity.restrictions?.offences ?? [],
    restrictionNote: opportunity.restrictions?.note ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A number input's value as a number, or null when it is empty or not a number. */
export function numberOrNull(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // The pay inputs show thousands with '.', so a pasted "3.450.000" means three million and more.
  const text = value.trim().replace(/\./g, '').replace(',', '.');
  if (text === '') return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The fields both a partner and staff send, in the API's shape. */
function commonFields(values: OpportunityFormValues) {
  return {
    villageId: values.villageId ?? '',
    kind: values.kind ?? ('' as OpportunityKind),
    title: values.title.trim(),
    description: orNull(values.description),
    sector: values.sector ?? ('' as Sector),
    location: orNull(values.location),
    places: numberOrNull(values.places) ?? 0,
    startOn: values.startOn ?? '',
    closesOn: values.closesOn || null,
    hoursPerWeek: numberOrNull(values.hoursPerWeek),
    workHours: orNull(values.workHours),
    shiftWork: values.shiftWork,
    partTime: values.partTime,
    flexible: values.flexible,
    payMin: numberOrNull(values.payMin),
    payMax: numberOrNull(values.payMax),
    // A period without any amount says nothing: it is not kept.
    payPeriod:
      numberOrNull(values.payMin) === null && numberOrNull(values.payMax) === null ? null : values.payPeriod,
    openToAsimilasi: values.openToAsimilasi,
    // Every row in its place, so the server's errors (`skills.1.skillId`) land on the row the officer sees.
    skills: values.skills.map((row) => ({
      skillId: row.skillId ?? '',
      minLevel: row.minLevel,
      essential: row.essential,
    })),
  };
}

/** The body of `POST /api/opportunities`: staff name the partner and may add restrictions and open it at once. */
export function createOpportunityRequest(
  values: OpportunityFormValues,
  mode: OpportunityFormMode,
  open = false,
): CreateOpportunityRequest | PartnerCreateOpportunityRequest {
  const common = commonFields(values);
  if (mode === 'partner') return common satisfies PartnerCreateOpportunityRequest;
  return {
    ...common,
    partnerId: values.partnerId ?? '',
    restrictedOffences: values.restrictedOffences,
    restrictionNote: orNull(values.restrictionNote),
    ...(open ? { open: true } : {}),
  } satisfies CreateOpportunityRequest;
}

/**
 * The body of `PATCH /api/opportunities/:id`: only the fields that changed since the form was filled from
 * the opportunity, with the version read. A partner never sends the partner or restrictions.
 */
export function updateOpportunityRequest(
  values: OpportunityFormValues,
  initial: OpportunityFormValues,
  mode: OpportunityFormMode,
  version: number,
): UpdateOpportunityRequest | PartnerUpdateOpportunityRequest {
  const now = createOpportunityRequest(values, mode) as Record<string, unknown>;
  const before = createOpportunityRequest(initial, mode) as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value;
  }
  return { ...changed, version } as UpdateOpportunityRequest;
}

/** Rows whose skill was already chosen in an earlier row (an opportunity asks for each skill once). */
export function repeatedSkillRows(rows: readonly SkillRow[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  rows.forEach((row, index) => {
    if (row.skillId === null) return;
    if (seen.has(row.skillId)) repeated.push(index);
    else seen.add(row.skillId);
  });
  return repeated;
}

/** The same checks as the server's, named by the i18n key of their message (opportunities.form.*). */
export type OpportunityCheck =
  | 'closesBeforeStart'
  | 'placesTooFew'
  | 'payMaxBelowMin'
  | 'payPeriodMissing'
  | 'titleTooShort';

/** The cross-field checks the officer can fix at once, by field: the server makes them again. */
export function opportunityChecks(
  values: OpportunityFormValues,
): Partial<Record<'closesOn' | 'places' | 'payMax' | 'payPeriod' | 'title', OpportunityCheck>> {
  const checks: ReturnType<typeof opportunityChecks> = {};
  if (values.title.trim().length > 0 && values.title.trim().length < 3) checks.title = 'titleTooShort';
  const places = numberOrNull(values.places);
  if (places !== null && places < OPPORTUNITY_LIMITS.places.min) checks.places = 'placesTooFew';
  if (values.startOn && values.closesOn && values.closesOn < values.startOn)
    checks.closesOn = 'closesBeforeStart';
  const payMin = numberOrNull(values.payMin);
  const payMax = numberOrNull(values.payMax);
  if (payMin !== null && payMax !== null && payMax < payMin) checks.payMax = 'payMaxBelowMin';
  if ((payMin !== null || payMax !== null) && !values.payPeriod) checks.payPeriod = 'payPeriodMissing';
  return checks;
}
