import type { Contact } from '../../../shared/organizations.ts';
import type {
  VillageChange,
  VillageFacilityKind,
  VillageNeedKind,
  VillageSection,
} from '../../../shared/villages.ts';

// What a save of a kelurahan profile changed, as the revision history stores it. Pure: the service
// builds the document before and after (normalised: trimmed texts, sorted months, rounded numbers) and
// this compares them.

type Value = VillageChange['from'];

export interface ProfileDoc {
  lurahName: string | null;
  lurahPhone: string | null;
  population: number | null;
  areaKm2: number | null;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  hostSince: string | null;
  hostAgreement: string | null;
}

/** A contact person as stored and shown (`Contact` of the organizations contract). */
export type ContactDoc = Contact;

export interface PotentialDoc {
  id?: string;
  sector: string;
  skillId: string | null;
  description: string;
  strength: number;
  source: string | null;
}

export interface NeedDoc {
  id?: string;
  sector: string;
  skillId: string | null;
  kind: VillageNeedKind;
  description: string;
  size: number | null;
  seasonMonths: number[];
}

export interface FacilityDoc {
  id?: string;
  kind: VillageFacilityKind;
  name: string;
  address: string | null;
  capacity: number | null;
  description: string | null;
}

export interface VillageDoc {
  profile: ProfileDoc;
  contacts: ContactDoc[];
  potentials: PotentialDoc[];
  needs: NeedDoc[];
  facilities: FacilityDoc[];
}

export const PROFILE_FIELDS = [
  'lurahName',
  'lurahPhone',
  'population',
  'areaKm2',
  'latitude',
  'longitude',
  'description',
  'hostSince',
  'hostAgreement',
] as const satisfies readonly (keyof ProfileDoc)[];

const CONTACT_FIELDS = ['position', 'phone', 'email'] as const;
const POTENTIAL_FIELDS = ['sector', 'skillId', 'description', 'strength', 'source'] as const;
const NEED_FIELDS = ['sector', 'skillId', 'kind', 'description', 'size', 'seasonMonths'] as const;
const FACILITY_FIELDS = ['kind', 'name', 'address', 'capacity', 'description'] as const;

const LABEL_MAX = 100;

/** A row's name in the history: its first 100 characters. */
export function label(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

function same(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function fieldChanges<T>(
  section: VillageSection,
  item: string | null,
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): VillageChange[] {
  const changes: VillageChange[] = [];
  for (const field of fields) {
    const from = before[field] as Value;
    const to = after[field] as Value;
    if (!same(from, to)) changes.push({ section, action: 'updated', item, field, from, to });
  }
  return changes;
}

/**
 * Rows matched by id: a row after without (or with an unknown) id was created, a row before not kept was
 * deleted, a kept row lists each changed field. A kept row whose place among the kept rows moved records
 * `order` (1-based, as sent), so adding or deleting rows around it is no change of it.
 */
function rowChanges<T extends { id?: string }>(
  section: VillageSection,
  before: T[],
  after: T[],
  fields: readonly (keyof T & string)[],
  name: (row: T) => string,
): VillageChange[] {
  const beforeById = new Map(before.flatMap((row) => (row.id ? [[row.id, row] as const] : [])));
  const keptIds = new Set(after.flatMap((row) => (row.id && beforeById.has(row.id) ? [row.id] : [])));
  const keptBefore = before.filter((row) => row.id && keptIds.has(row.id)).map((row) => row.id);
  const keptAfter = after.filter((row) => row.id && keptIds.has(row.id)).map((row) => row.id);
  const changes: VillageChange[] = [];
  after.forEach((row, index) => {
    const old = row.id ? beforeById.get(row.id) : undefined;
    if (!old) {
      changes.push({ section, action: 'created', item: label(name(row)), field: null, from: null, to: null });
      return;
    }
    const item = label(name(row));
    changes.push(...fieldChanges(section, item, old, row, fields));
    if (keptBefore.indexOf(row.id) !== keptAfter.indexOf(row.id))
      changes.push({
        section,
        action: 'updated',
        item,
        field: 'order',
        from: before.indexOf(old) + 1,
        to: index + 1,
      });
  });
  for (const row of before)
    if (!row.id || !keptIds.has(row.id))
      changes.push({ section, action: 'deleted', item: label(name(row)), field: null, from: null, to: null });
  return changes;
}

/**
 * Contacts have no id: matched by name (case-insensitive, in order). A renamed contact is one deleted
 * and one created; a kept one lists its changed position, phone or e-mail, and `order` when its place
 * among the kept contacts moved.
 */
function contactChanges(before: ContactDoc[], after: ContactDoc[]): VillageChange[] {
  const key = (contact: ContactDoc) => contact.name.toLowerCase();
  const taken = new Set<number>();
  const pairs: { old: ContactDoc; oldIndex: number; contact: ContactDoc; index: number }[] = [];
  const changes: VillageChange[] = [];
  const event = (action: 'created' | 'deleted', contact: ContactDoc): VillageChange => ({
    section: 'contact',
    action,
    item: label(contact.name),
    field: null,
    from: null,
    to: null,
  });
  after.forEach((contact, index) => {
    const oldIndex = before.findIndex((old, i) => !taken.has(i) && key(old) === key(contact));
    const old = before[oldIndex];
    if (!old) {
      changes.push(event('created', contact));
      return;
    }
    taken.add(oldIndex);
    pairs.push({ old, oldIndex, contact, index });
  });
  const keptBefore = [...pairs].sort((a, b) => a.oldIndex - b.oldIndex);
  pairs.forEach((pair, rank) => {
    const item = label(pair.contact.name);
    if (pair.old.name !== pair.contact.name)
      changes.push({
        section: 'contact',
        action: 'updated',
        item,
        field: 'name',
        from: pair.old.name,
        to: pair.contact.name,
      });
    changes.push(...fieldChanges('contact', item, pair.old, pair.contact, CONTACT_FIELDS));
    if (keptBefore[rank] !== pair)
      changes.push({
        section: 'contact',
        action: 'updated',
        item,
        field: 'order',
        from: pair.oldIndex + 1,
        to: pair.index + 1,
      });
  });
  before.forEach((old, index) => {
    if (!taken.has(index)) changes.push(event('deleted', old));
  });
  return changes;
}

/** Every change from `before` to `after`: profile fields, contacts, then potentials, needs, facilities. */
export function diffVillage(before: VillageDoc, after: VillageDoc): VillageChange[] {
  return [
    ...fieldChanges('profile', null, before.profile, after.profile, PROFILE_FIELDS),
    ...contactChanges(before.contacts, after.contacts),
    ...rowChanges(
      'potential',
      before.potentials,
      after.potentials,
      POTENTIAL_FIELDS,
      (row) => row.description,
    ),
    ...rowChanges('need', before.needs, after.needs, NEED_FIELDS, (row) => row.description),
    ...rowChanges('facility', before.facilities, after.facilities, FACILITY_FIELDS, (row) => row.name),
  ];
}

/** What the audit entry says of a revision: the sections and `section.field` (or `section.created`) touched. */
export function summarize(changes: VillageChange[]) {
  const sections = [...new Set(changes.map((change) => change.section))];
  const fields = [...new Set(changes.map((change) => `${change.section}.${change.field ?? change.action}`))];
  return { sections, fields };
}
