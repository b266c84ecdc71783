import type { VillageChange, VillageRevisionList } from '../../../../shared/villages.ts';
import { formatDate } from '../../../lib/format.ts';
import { formatNumber, seasonText } from './villageFormat.ts';

/** The translate function as the helpers need it (the app's typed `t` and a test's bare one both fit). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

type SkillNames = VillageRevisionList['skills'];
type ChangeValue = VillageChange['from'];

/** Long texts are not repeated in the history: the line says the field changed. */
const LONG_TEXT_FIELDS = new Set(['description', 'hostAgreement']);
const DECIMALS: Record<string, number> = { areaKm2: 2, latitude: 6, longitude: 6 };

/** The field's name in words; `position` is a contact's job title, `order` a row's place in its list. */
function fieldName(change: VillageChange, t: Translate): string {
  const field = change.field ?? '';
  const key = `villages.revisions.field.${field === 'position' ? 'jobTitle' : field}`;
  const name = t(key);
  return name === key ? field : name;
}

/** One value as an officer reads it: labels for codes, names for skills, dd/mm/yyyy, local numbers. */
export function changeValueText(
  change: VillageChange,
  value: ChangeValue,
  t: Translate,
  language: string,
  skills: SkillNames,
): string {
  const field = change.field ?? '';
  if (field === 'seasonMonths' && Array.isArray(value)) {
    return seasonText(value, language) ?? t('villages.allYear');
  }
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('villages.revisions.emptyValue');
  }
  if (typeof value === 'boolean') return t(value ? 'villages.revisions.yes' : 'villages.revisions.no');
  if (typeof value === 'number') return formatNumber(value, language, DECIMALS[field] ?? 0);
  if (Array.isArray(value)) return value.map((item) => formatNumber(item, language)).join(', ');
  if (field === 'sector') return t(`people.vocab.sector.${value}`);
  if (field === 'kind') {
    return t(change.section === 'need' ? `villages.needKind.${value}` : `villages.facilityKind.${value}`);
  }
  if (field === 'skillId') {
    const skill = skills.find((item) => item.id === value);
    if (!skill) return t('villages.revisions.unknownSkill');
    return language === 'en' ? skill.nameEn : skill.name;
  }
  if (field === 'hostSince') return formatDate(value);
  return value;
}

/** Who or what changed: `Potensi 'Konveksi rumahan'`, or the section alone for the profile's fields. */
function subject(change: VillageChange, t: Translate): string {
  const section = t(`villages.revisions.section.${change.section}`);
  return change.item ? t('villages.revisions.item', { section, item: change.item }) : section;
}

/**
 * A change in words: "Potensi 'Konveksi rumahan': kekuatan 3 → 4", "Fasilitas 'Balai RW 3' ditambahkan",
 * "Profil: uraian diubah" (long texts are not repeated).
 */
export function changeText(
  change: VillageChange,
  t: Translate,
  language: string,
  skills: SkillNames = [],
): string {
  const what = subject(change, t);
  if (change.action === 'created' && change.section === 'profile' && change.field === null) {
    return t('villages.revisions.profileCreated');
  }
  if (change.action === 'created') return t('villages.revisions.added', { what });
  if (change.action === 'deleted') return t('villages.revisions.removed', { what });
  const field = fieldName(change, t);
  if (change.field === null || LONG_TEXT_FIELDS.has(change.field)) {
    return change.field === null
      ? t('villages.revisions.updated', { what })
      : t('villages.revisions.fieldOnly', { what, field });
  }
  return t('villages.revisions.changed', {
    what,
    field,
    from: changeValueText(change, change.from, t, language, skills),
    to: changeValueText(change, change.to, t, language, skills),
  });
}
