import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';
import { Contact, ContactInput } from './organizations.ts';
import { SECTORS } from './people.ts';

// Kelurahan profiles (the program's host villages): an organization of kind village with its profile
// (Lurah, population, area, centroid, description, host status), contact persons (the organization's
// `contacts`), potentials (potensi wilayah), community needs (kebutuhan masyarakat) and facilities. Every
// save is versioned: GET /api/villages/:villageId/revisions lists who changed what, when.
//
// Versions: a kelurahan whose profile was never saved has `version: 0`; the first PUT sends 0 and creates
// the profile at version 1. Each later save that changes something bumps it by one; a save that changes
// nothing writes no revision and keeps the version (the answer is the current document).

/** labour_demand: people to employ; service_needed: a service the community lacks; market: goods it buys. */
export const VILLAGE_NEED_KINDS = ['labour_demand', 'service_needed', 'market'] as const;
export type VillageNeedKind = (typeof VILLAGE_NEED_KINDS)[number];
export const VILLAGE_FACILITY_KINDS = ['training_venue', 'market_stall', 'community_hub', 'other'] as const;
export type VillageFacilityKind = (typeof VILLAGE_FACILITY_KINDS)[number];
/**
 * host: host village since `hostSince` (today or earlier); planned: `hostSince` is in the future;
 * none: no host date recorded.
 */
export const HOST_STATUSES = ['host', 'planned', 'none'] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];
/** The sections of a revision's changes. */
export const VILLAGE_SECTIONS = ['profile', 'contact', 'potential', 'need', 'facility'] as const;
export type VillageSection = (typeof VILLAGE_SECTIONS)[number];
export const VILLAGE_CHANGE_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type VillageChangeAction = (typeof VILLAGE_CHANGE_ACTIONS)[number];

export const VILLAGE_LIMITS = {
  strength: { min: 1, max: 5 },
  population: { min: 0, max: 1_000_000 },
  areaKm2: { min: 0.01, max: 999_999.99 },
  /** The centroid must lie in and around Kota Semarang (field errors `village_latitude_outside`, ...). */
  latitude: { min: -7.3, max: -6.8 },
  longitude: { min: 110.1, max: 110.7 },
  size: { min: 0, max: 1_000_000 },
  capacity: { min: 0, max: 100_000 },
  rows: 100,
  contacts: 20,
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
const requiredText = (max: number) => z.string().trim().min(1).max(max);

// ── Requests ──

/** A potential; send the `id` of an existing row to change it, none to add one. */
export const VillagePotentialInput = z.strictObject({
  id: z.uuid().optional(),
  sector: z.enum(SECTORS),
  /** A skill of the taxonomy (active; field error `skill_unknown` otherwise). */
  skillId: z.uuid().nullable().optional(),
  description: requiredText(1000),
  /** 1 (weak) .. 5 (strong). */
  strength: z.number().int().min(VILLAGE_LIMITS.strength.min).max(VILLAGE_LIMITS.strength.max),
  /** Source or evidence (a survey, the Musrenbang, a statistic). */
  source: optionalText(300),
});
export type VillagePotentialInput = z.input<typeof VillagePotentialInput>;

export const VillageNeedInput = z.strictObject({
  id: z.uuid().optional(),
  sector: z.enum(SECTORS),
  skillId: z.uuid().nullable().optional(),
  kind: z.enum(VILLAGE_NEED_KINDS),
  description: requiredText(1000),
  /** People (labour demand) or units (service, market) a year; null when unknown. */
  size: z.number().int().min(VILLAGE_LIMITS.size.min).max(VILLAGE_LIMITS.size.max).nullable().optional(),
  /** Months 1..12 in which the need arises, each once (field error `season_months_duplicate`); empty = all year. */
  seasonMonths: z
    .array(z.number().int().min(1).max(12))
    .max(12)
    .refine((months) => new Set(months).size === months.length, {
      params: { key: 'season_months_duplicate' },
    })
    .default([]),
});
export type VillageNeedInput = z.input<typeof VillageNeedInput>;

export const VillageFacilityInput = z.strictObject({
  id: z.uuid().optional(),
  kind: z.enum(VILLAGE_FACILITY_KINDS),
  name: requiredText(150),
  address: optionalText(300),
  capacity: z
    .number()
    .int()
    .min(VILLAGE_LIMITS.capacity.min)
    .max(VILLAGE_LIMITS.capacity.max)
    .nullable()
    .optional(),
  description: optionalText(1000),
});
export type VillageFacilityInput = z.input<typeof VillageFacilityInput>;

/**
 * PUT /api/villages/:villageId: the whole document. Scalar fields left out are saved as empty (null);
 * the four lists are required and replace what is stored: a row with `id` updates that row (it must be
 * one of this kelurahan's, else field error `village_row_unknown` on `potentials.2.id`), a row without
 * `id` is added, a stored row not sent is deleted. Order is kept as sent. Latitude and longitude go
 * together (field error `village_coordinates_pair` on the one missing).
 */
export const UpdateVillageRequest = z.strictObject({
  /** The version read (0 when the profile was never saved); a stale one → 409 VERSION_CONFLICT. */
  version: z.number().int().min(0),
  lurahName: optionalText(150),
  lurahPhone: optionalText(30),
  population: z
    .number()
    .int()
    .min(VILLAGE_LIMITS.population.min)
    .max(VILLAGE_LIMITS.population.max)
    .nullable()
    .optional(),
  areaKm2: z.number().min(VILLAGE_LIMITS.areaKm2.min).max(VILLAGE_LIMITS.areaKm2.max).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  description: optionalText(5000),
  /** Host village since this date (a future date: planned). */
  hostSince: CalendarDate.nullable().optional(),
  /** The agreement (number and title) under which it hosts. */
  hostAgreement: optionalText(300),
  /** The kelurahan's contact persons (the organization's `contacts`), in order. */
  contacts: z.array(ContactInput).max(VILLAGE_LIMITS.contacts),
  potentials: z.array(VillagePotentialInput).max(VILLAGE_LIMITS.rows),
  needs: z.array(VillageNeedInput).max(VILLAGE_LIMITS.rows),
  facilities: z.array(VillageFacilityInput).max(VILLAGE_LIMITS.rows),
});
export type UpdateVillageRequest = z.input<typeof UpdateVillageRequest>;

export const VillageParams = z.strictObject({ villageId: z.uuid() });

export const VillageListQuery = z.strictObject({
  /** Part of the kelurahan's name or code. */
  q: z.string().trim().max(100).optional(),
});
export type VillageListQuery = z.input<typeof VillageListQuery>;

export const VillageSectorsQuery = z.strictObject({
  /** One kelurahan; without it, all of them together. */
  villageId: z.uuid().optional(),
});
export type VillageSectorsQuery = z.input<typeof VillageSectorsQuery>;

export const VillageRevisionsQuery = PageQuery.extend({}).strict();
export type VillageRevisionsQuery = z.input<typeof VillageRevisionsQuery>;

// ── Responses ──

/**
 * Figures, no identities: everyone signed in sees them whole, except a partner's staff, for whom partners
 * and the opportunity figures count only her own organization's (she must not learn of other partners).
 */
export const VillageCounts = z.object({
  potentials: z.number().int(),
  needs: z.number().int(),
  facilities: z.number().int(),
  /** Partners whose profile names this kelurahan. */
  partners: z.number().int(),
  /** Opportunities of this kelurahan in status open. */
  openOpportunities: z.number().int(),
  /** Over the open opportunities: places minus people placed (stage placed), never below 0 each. */
  openPlaces: z.number().int(),
  /** Placements in stage placed on this kelurahan's opportunities (any status). */
  placed: z.number().int(),
});
export type VillageCounts = z.infer<typeof VillageCounts>;

export const VillageListItem = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    /** The organization's name ("Kelurahan Krobokan"). */
    name: z.string(),
    /** The short name ("Krobokan"). */
    shortName: z.string().nullable(),
    kecamatanId: z.uuid().nullable(),
    kecamatanName: z.string().nullable(),
    hostStatus: z.enum(HOST_STATUSES),
    hostSince: z.iso.date().nullable(),
    counts: VillageCounts,
  })
  .meta({ id: 'VillageListItem' });
export type VillageListItem = z.infer<typeof VillageListItem>;

/** Every kelurahan (organization of kind village), by name; not paged (the program has 16). */
export const VillageList = z.object({ items: z.array(VillageListItem) }).meta({ id: 'VillageList' });
export type VillageList = z.infer<typeof VillageList>;

export const VillageSectorRow = z.object({
  sector: z.enum(SECTORS),
  potentials: z.number().int(),
  /** Strongest and mean strength of the potentials of this sector; null when there are none. */
  potentialMaxStrength: z.number().int().nullable(),
  potentialAvgStrength: z.number().nullable(),
  needs: z.number().int(),
  /** Sum of the needs' sizes (those with a size). */
  needSize: z.number().int(),
  /** Open opportunities of this sector. */
  openOpportunities: z.number().int(),
  openPlaces: z.number().int(),
  placed: z.number().int(),
});
export type VillageSectorRow = z.infer<typeof VillageSectorRow>;

/** One row per sector of SECTORS, in that order (zeros included), for a chart. */
export const VillageSectors = z
  .object({ villageId: z.uuid().nullable(), items: z.array(VillageSectorRow) })
  .meta({ id: 'VillageSectors' });
export type VillageSectors = z.infer<typeof VillageSectors>;

/** The profile's own fields; all null when it was never saved. */
export const VillageProfileFields = z.object({
  lurahName: z.string().nullable(),
  lurahPhone: z.string().nullable(),
  population: z.number().int().nullable(),
  areaKm2: z.number().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: z.string().nullable(),
  hostSince: z.iso.date().nullable(),
  hostAgreement: z.string().nullable(),
});
export type VillageProfileFields = z.infer<typeof VillageProfileFields>;

const skillName = {
  skillId: z.uuid().nullable(),
  /** The skill's Indonesian and English names (null without a skill). */
  skillName: z.string().nullable(),
  skillNameEn: z.string().nullable(),
};

export const VillagePotential = z.object({
  id: z.uuid(),
  sector: z.enum(SECTORS),
  ...skillName,
  description: z.string(),
  strength: z.number().int(),
  source: z.string().nullable(),
  position: z.number().int(),
});
export type VillagePotential = z.infer<typeof VillagePotential>;

export const VillageNeed = z.object({
  id: z.uuid(),
  sector: z.enum(SECTORS),
  ...skillName,
  kind: z.enum(VILLAGE_NEED_KINDS),
  description: z.string(),
  size: z.number().int().nullable(),
  /** Sorted; empty = all year. */
  seasonMonths: z.array(z.number().int()),
  position: z.number().int(),
});
export type VillageNeed = z.infer<typeof VillageNeed>;

export const VillageFacility = z.object({
  id: z.uuid(),
  kind: z.enum(VILLAGE_FACILITY_KINDS),
  name: z.string(),
  address: z.string().nullable(),
  capacity: z.number().int().nullable(),
  description: z.string().nullable(),
  position: z.number().int(),
});
export type VillageFacility = z.infer<typeof VillageFacility>;

export const VillageDetail = z
  .object({
    ...VillageListItem.shape,
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    contacts: z.array(Contact),
    profile: VillageProfileFields,
    potentials: z.array(VillagePotential),
    needs: z.array(VillageNeed),
    facilities: z.array(VillageFacility),
    /** When and by whom the profile was last saved; null when never. */
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
    updatedByName: z.string().nullable(),
    /** The caller may edit this kelurahan (her own, or one of her kecamatan's). */
    canEdit: z.boolean(),
    /** 0 when the profile was never saved. */
    version: z.number().int(),
  })
  .meta({ id: 'VillageDetail' });
export type VillageDetail = z.infer<typeof VillageDetail>;

/** A value before or after a change: text, number, date 'yyyy-mm-dd', an id, months, or null. */
export const VillageChangeValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.number()),
  z.null(),
]);

/**
 * One change of a revision. `item` names the row (a potential's or need's description, a facility's or
 * contact's name; null for profile fields). `field` is the contract's field name (`lurahName`,
 * `strength`, `skillId`, ...; `order` when a row moved among the kept rows, 1-based) for an update, null for a created or deleted row. Values are
 * codes (sector, kind) or ids (skillId: see `skills` of the page) as stored.
 */
export const VillageChange = z.object({
  section: z.enum(VILLAGE_SECTIONS),
  action: z.enum(VILLAGE_CHANGE_ACTIONS),
  item: z.string().nullable(),
  field: z.string().nullable(),
  from: VillageChangeValue,
  to: VillageChangeValue,
});
export type VillageChange = z.infer<typeof VillageChange>;

export const VillageRevision = z.object({
  id: z.uuid(),
  version: z.number().int(),
  changedAt: z.iso.datetime({ offset: true }),
  /** Who saved it (null when the account no longer exists). */
  changedBy: z.object({ id: z.uuid(), name: z.string(), organizationName: z.string() }).nullable(),
  changes: z.array(VillageChange),
});
export type VillageRevision = z.infer<typeof VillageRevision>;

/** Newest first. `skills` names every skill id that appears in the page's changes. */
export const VillageRevisionList = pageOf(VillageRevision)
  .extend({
    skills: z.array(z.object({ id: z.uuid(), name: z.string(), nameEn: z.string() })),
  })
  .meta({ id: 'VillageRevisionList' });
export type VillageRevisionList = z.infer<typeof VillageRevisionList>;
