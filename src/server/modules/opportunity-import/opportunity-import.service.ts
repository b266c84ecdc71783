import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { CreateOpportunityRequest, type OpportunityKind } from '../../../shared/opportunities.ts';
import { CreatePartnerRequest, UpdatePartnerRequest } from '../../../shared/partners.ts';
import {
  IMPORT_MAX_ISSUES,
  type ImportCounts,
  type ImportIssue,
  type ImportMode,
} from '../../../shared/peopleData.ts';
import {
  type OpportunityImportField,
  type PartnerImportField,
  VILLAGE_IMPORT_MAX_ROWS,
  type VillageImportCheck,
  type VillageImportCheckFields,
  type VillageImportCommitFields,
  type VillageImportPreview,
  type VillageImportResult,
  type VillageImportTarget,
} from '../../../shared/villageImport.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { fieldMessage } from '../../platform/messages.ts';
import {
  cellText,
  type RowIssue,
  readImportSheet,
  rowIssueKey,
  type Sheet,
  schemaIssues,
} from '../../platform/spreadsheet.ts';
import type { UploadedFile } from '../../platform/upload.ts';
import {
  insertOpportunity,
  type OpportunityValues,
  replaceOpportunitySkills,
} from '../opportunities/opportunities.repository.ts';
import { checkComplete, checkValues, type Fields } from '../opportunities/opportunities.rules.ts';
import { opportunityValues } from '../opportunities/opportunities.values.ts';
import {
  type ContactValue,
  insertPartnerOrganization,
  insertPartnerProfile,
  lockPartnerNames,
  type OrganizationValues,
  type ProfileValues,
  savePartnerProfile,
  updatePartnerOrganization,
} from '../partners/partners.repository.ts';
import { partnerChanges, partnerValues } from '../partners/partners.values.ts';
import { addsPartners } from '../villages/villages.access.ts';
import {
  type MappedRow,
  mapOpportunityRow,
  mapPartnerRow,
  type SkillReference,
  suggestMapping,
  villageKey,
} from './opportunity-import.parser.ts';
import {
  lockOpportunityImport,
  opportunitiesTitled,
  type PartnerMatch,
  partnersNamed,
  programVillages,
  skillsNamed,
  type VillageRow,
} from './opportunity-import.repository.ts';

// Importing partners and opportunities from a spreadsheet, in the people import's three steps: preview,
// check (the dry run: every row through the same contract and rules as the form, nothing stored) and
// commit (checked again inside the one transaction that stores, all or nothing, or the valid rows only).
// Kelurahan and kecamatan staff only; each commit is one audit entry (`partner.imported`,
// `opportunity.imported`) naming what it created and updated.

type Db = Kysely<Database>;
type Trx = Db | Transaction<Database>;
type PartnerMapping = (PartnerImportField | null)[];
type OpportunityMapping = (OpportunityImportField | null)[];

const has = (ctx: RequestContext, permission: string) => ctx.principal.permissions.includes(permission);

/** Imports are the kelurahan's and the kecamatan's (import:opportunity:organization). Checked before the upload is read. */
export function requireImport(ctx: RequestContext): void {
  requirePermission(ctx, 'import:opportunity');
  const kind = ctx.principal.organizationKind;
  if (kind !== 'village' && kind !== 'district') throw forbidden();
}

/** What each target needs beyond importing: adding partners, or managing the opportunities of a kelurahan. */
function requireTarget(ctx: RequestContext, target: VillageImportTarget): void {
  requireImport(ctx);
  if (target === 'partners' ? !addsPartners(ctx) : !has(ctx, 'manage:opportunity:organization'))
    throw forbidden();
}

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

const read = (file: UploadedFile): Promise<Sheet> => readImportSheet(file.buffer, VILLAGE_IMPORT_MAX_ROWS);

function requireMappingFits(sheet: Sheet, mapping: readonly unknown[]) {
  if (mapping.length !== sheet.headers.length)
    throw new AppError(400, 'IMPORT_MAPPING_MISMATCH', {
      params: { columns: sheet.headers.length, mapped: mapping.length },
    });
}

/** Step 1: the columns and first rows of the file, and a mapping suggested from its headers for the target. */
export async function preview(
  ctx: RequestContext,
  file: UploadedFile,
  target: VillageImportTarget,
): Promise<VillageImportPreview> {
  requireTarget(ctx, target);
  const sheet = await read(file);
  const mapping = suggestMapping(target, sheet.headers);
  return {
    target,
    fileName: file.fileName,
    sha256: sha256(file.buffer),
    format: sheet.format,
    rowCount: sheet.rows.length,
    columns: sheet.headers.map((header, index) => ({ index, header, suggested: mapping[index] ?? null })),
    rows: sheet.rows.slice(0, 10).map((row) => sheet.headers.map((_, index) => cellText(row[index] ?? null))),
    mapping,
  };
}

// ── Checking rows: shared pieces ──

interface RowResult {
  rowNumber: number;
  issues: RowIssue[];
  texts: Partial<Record<string, string>>;
  /** What storing the row does; null when the row is invalid. */
  action: 'create' | 'update' | null;
}

/** Adds an issue unless the field already has one (the first problem of a field is the one reported). */
function addIssue(issues: RowIssue[], issue: RowIssue) {
  if (!issues.some((known) => known.field === issue.field)) issues.push(issue);
}

/** The input without the fields that already have a problem, so the contract does not report them twice. */
function unflagged(input: Record<string, unknown>, issues: RowIssue[], fieldOf: (key: string) => string) {
  const flagged = new Set(issues.map((issue) => issue.field));
  return Object.fromEntries(Object.entries(input).filter(([key]) => !flagged.has(fieldOf(key))));
}

function addFieldErrors(issues: RowIssue[], fields: Fields, fieldOf: (key: string) => string) {
  for (const [key, error] of Object.entries(fields))
    addIssue(issues, { field: fieldOf(key), key: error.key, params: error.params });
}

/** The program's kelurahan by code and by name (with and without "Kelurahan"). */
function villageIndex(villages: VillageRow[]) {
  const byCode = new Map<string, VillageRow>();
  const byName = new Map<string, VillageRow>();
  for (const village of villages) {
    if (village.code) byCode.set(village.code, village);
    for (const name of [village.name, village.short_name]) {
      if (!name) continue;
      const key = villageKey(name);
      if ('name' in key) byName.set(key.name, village);
    }
  }
  return (text: string): VillageRow | undefined => {
    const key = villageKey(text);
    return 'code' in key ? byCode.get(key.code) : byName.get(key.name);
  };
}

const lower = (text: string) => text.trim().toLowerCase();

function groupBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

// ── Partners ──

interface PartnerRowResult extends RowResult {
  create?: { organization: OrganizationValues; profile: ProfileValues };
  update?: {
    id: string;
    name: string;
    /** The profile's version; null when the partner has no profile yet (the import creates it). */
    version: number | null;
    organization: Partial<OrganizationValues>;
    profile: Partial<ProfileValues>;
    fields: string[];
  };
}

/** The partner contract's field names as the file's (the kelurahan column fills `villageId`). */
const partnerFieldOf = (key: string): string => {
  if (key === 'villageId') return 'villageCode';
  if (key === 'contacts') return 'contactName';
  return key;
};

function partnerPathField(path: PropertyKey[]): string {
  // A contact's phone is the contact phone column; anything else of the contact is its name's.
  if (path[0] === 'contacts') return path[2] === 'phone' ? 'contactPhone' : 'contactName';
  return partnerFieldOf(String(path[0] ?? '_'));
}

/** The file's contact added to the stored ones: one of the same name gets the file's phone, else it is added. */
function mergedContacts(stored: ContactValue[], fromFile: { name: string; phone: string | null }) {
  const contacts = stored.map((contact) => ({ ...contact }));
  const same = contacts.find((contact) => lower(contact.name) === lower(fromFile.name));
  if (same) {
    if (fromFile.phone !== null) same.phone = fromFile.phone;
  } else contacts.push({ name: fromFile.name, position: null, phone: fromFile.phone, email: null });
  return contacts;
}

const dateOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function agreementDatesIssue(signedOn: string | null, expiresOn: string | null): RowIssue | null {
  return signedOn !== null && expiresOn !== null && expiresOn < signedOn
    ? { field: 'agreementExpiresOn', key: 'partner_agreement_dates' }
    : null;
}

/** A row for a partner not registered yet: the create form's contract and rules. */
function checkNewPartner(row: PartnerRowResult, input: Record<string, unknown>) {
  const { value, issues } = schemaIssues(
    CreatePartnerRequest,
    unflagged(input, row.issues, partnerFieldOf),
    partnerPathField,
  );
  for (const issue of issues) addIssue(row.issues, issue);
  const passed = unflagged(input, row.issues, partnerFieldOf);
  const dates = agreementDatesIssue(dateOf(passed.agreementSignedOn), dateOf(passed.agreementExpiresOn));
  if (dates) addIssue(row.issues, dates);
  if (!value || row.issues.length > 0) return;
  row.action = 'create';
  row.create = partnerValues(value);
}

/** A row naming a registered partner: the edit form's contract and rules, on the cells the row fills. */
function checkKnownPartner(row: PartnerRowResult, input: Record<string, unknown>, target: PartnerMatch) {
  if (!target.can_edit) addIssue(row.issues, { field: 'name', key: 'import_partner_not_editable' });
  // The stored name stays (matched without regard to case); the other cells the row fills change.
  const { name: _name, contacts, ...changes } = input;
  const update: Record<string, unknown> = { ...changes, version: target.version ?? 0 };
  const fileContact = (contacts as { name: string; phone: string | null }[] | undefined)?.[0];
  if (fileContact) update.contacts = mergedContacts(target.contacts as ContactValue[], fileContact);
  const { value, issues } = schemaIssues(
    UpdatePartnerRequest,
    unflagged(update, row.issues, partnerFieldOf),
    partnerPathField,
  );
  for (const issue of issues) addIssue(row.issues, issue);
  if (target.profile_id === null && update.type === undefined)
    addIssue(row.issues, { field: 'type', key: 'required' });
  // A date the row does not fill is the stored one.
  const passed = unflagged(update, row.issues, partnerFieldOf);
  const dates = agreementDatesIssue(
    'agreementSignedOn' in update ? dateOf(passed.agreementSignedOn) : target.agreement_signed_on,
    'agreementExpiresOn' in update ? dateOf(passed.agreementExpiresOn) : target.agreement_expires_on,
  );
  if (dates) addIssue(row.issues, dates);
  if (!value || row.issues.length > 0) return;
  row.action = 'update';
  row.update = {
    id: target.id,
    name: target.name,
    version: target.profile_id === null ? null : (target.version ?? 0),
    ...partnerChanges(value),
  };
}

/**
 * Every partner row checked: its cells, its kelurahan, the form's contract. A name already registered
 * (case-insensitive) updates that partner, when the caller may change it; a name twice in the file is refused.
 */
async function checkPartnerRows(
  db: Trx,
  ctx: RequestContext,
  sheet: Sheet,
  mapping: PartnerMapping,
): Promise<PartnerRowResult[]> {
  const findVillage = villageIndex(await programVillages(db, ctx));
  const mapped = sheet.rows.map((cells) => mapPartnerRow(cells, mapping));
  const nameOf = (row: MappedRow<PartnerImportField>) =>
    typeof row.input.name === 'string' && row.input.name.trim() !== '' ? lower(row.input.name) : null;
  const names = mapped.flatMap((row) => nameOf(row) ?? []);
  const registered = groupBy(await partnersNamed(db, ctx, names), (partner) => lower(partner.name));
  const firstRow = new Map<string, number>();
  return mapped.map((row, index) => {
    const rowNumber = sheet.rowNumbers[index] ?? index + 2;
    const result: PartnerRowResult = { rowNumber, issues: [...row.issues], texts: row.texts, action: null };
    const input = { ...row.input };
    if (row.village !== null) {
      const village = findVillage(row.village);
      if (village) input.villageId = village.id;
      else
        addIssue(result.issues, {
          field: 'villageCode',
          key: 'import_village_unknown',
          params: { value: row.village },
        });
    }
    const name = nameOf(row);
    if (name !== null) {
      const first = firstRow.get(name);
      if (first !== undefined)
        addIssue(result.issues, { field: 'name', key: 'import_duplicate_in_file', params: { row: first } });
      else firstRow.set(name, rowNumber);
    }
    const matches = name === null ? [] : (registered.get(name) ?? []);
    if (matches.length > 1)
      addIssue(result.issues, {
        field: 'name',
        key: 'import_partner_ambiguous',
        params: { value: row.texts.name },
      });
    const target = matches[0];
    if (target && matches.length === 1) checkKnownPartner(result, input, target);
    else checkNewPartner(result, input);
    if (result.issues.length > 0) {
      result.action = null;
      delete result.create;
      delete result.update;
    }
    return result;
  });
}

/** Stores the valid partner rows: new organizations with their profile, changes to registered ones. */
async function storePartners(trx: Transaction<Database>, ctx: RequestContext, rows: PartnerRowResult[]) {
  const userId = ctx.principal.userId;
  const created: { id: string; name: string }[] = [];
  const updated: { id: string; name: string; fields: string[] }[] = [];
  for (const row of rows) {
    if (row.create) {
      const id = await insertPartnerOrganization(trx, row.create.organization);
      await insertPartnerProfile(trx, id, row.create.profile, userId);
      created.push({ id, name: row.create.organization.name });
    } else if (row.update) {
      const { id, version, organization, profile } = row.update;
      if (!(await savePartnerProfile(trx, id, { version, profile }, userId)))
        throw conflict('VILLAGE_IMPORT_CONFLICT');
      if (Object.keys(organization).length > 0) await updatePartnerOrganization(trx, id, organization);
      updated.push({ id, name: row.update.name, fields: row.update.fields });
    }
  }
  return { created, updated };
}

// ── Opportunities ──

interface OpportunityRowResult extends RowResult {
  create?: {
    values: OpportunityValues;
    skills: { skillId: string; minLevel: 'basic' | 'intermediate' | 'competent'; essential: boolean }[];
    open: boolean;
  };
}

/** The opportunity contract's field names as the file's. */
const opportunityFieldOf = (key: string): string => {
  if (key === 'villageId') return 'villageCode';
  if (key === 'partnerId') return 'partnerName';
  if (key === 'open') return 'status';
  return key;
};

const opportunityPathField = (path: PropertyKey[]) => opportunityFieldOf(String(path[0] ?? '_'));

type SkillRow = Awaited<ReturnType<typeof skillsNamed>>[number];

/** A skill as the file names it: its Indonesian name first, then its code, then an alternative name; active first. */
function skillIndex(skills: SkillRow[]) {
  const byName = groupBy(skills, (skill) => lower(skill.name_id));
  const byCode = groupBy(skills, (skill) => lower(skill.code));
  const byAlias = new Map<string, SkillRow[]>();
  for (const skill of skills)
    for (const alias of skill.aliases)
      byAlias.set(lower(alias), [...(byAlias.get(lower(alias)) ?? []), skill]);
  return (name: string): SkillRow | undefined => {
    const key = lower(name);
    const candidates = byName.get(key) ?? byCode.get(key) ?? byAlias.get(key) ?? [];
    return [...candidates].sort(
      (a, b) => Number(b.active) - Number(a.active) || a.code.localeCompare(b.code),
    )[0];
  };
}

/** A partner as the file names it: by its name, else by its short name; null when several share it. */
function partnerIndex(partners: PartnerMatch[]) {
  const byName = groupBy(partners, (partner) => lower(partner.name));
  const byShort = groupBy(partners, (partner) => (partner.short_name ? lower(partner.short_name) : null));
  return (text: string): PartnerMatch | null | undefined => {
    const key = lower(text);
    const found = byName.get(key) ?? byShort.get(key) ?? [];
    if (found.length > 1) return null;
    return found[0];
  };
}

function resolveSkills(
  references: SkillReference[],
  findSkill: (name: string) => SkillRow | undefined,
):
  | { skills: { skillId: string; minLevel: SkillReference['minLevel']; essential: boolean }[] }
  | { issue: RowIssue } {
  const skills: { skillId: string; minLevel: SkillReference['minLevel']; essential: boolean }[] = [];
  for (const reference of references) {
    const skill = findSkill(reference.name);
    if (!skill?.active)
      return { issue: { field: 'skills', key: 'import_skill_unknown', params: { value: reference.name } } };
    if (skills.some((chosen) => chosen.skillId === skill.id))
      return { issue: { field: 'skills', key: 'opportunity_skill_duplicate' } };
    skills.push({ skillId: skill.id, minLevel: reference.minLevel, essential: reference.essential });
  }
  return { skills };
}

/**
 * Every opportunity row checked as the create form checks it (staff's contract, the module's rules on dates,
 * pay and completeness), with its partner (must be registered), its kelurahan (one the caller manages; a
 * kelurahan officer's own when the row names none) and its skills (by name, code or alternative name). An
 * opportunity of the same partner, title and start date, stored or earlier in the file, is refused.
 */
async function checkOpportunityRows(
  db: Trx,
  ctx: RequestContext,
  sheet: Sheet,
  mapping: OpportunityMapping,
): Promise<OpportunityRowResult[]> {
  const villages = await programVillages(db, ctx);
  const findVillage = villageIndex(villages);
  const ownVillage =
    ctx.principal.organizationKind === 'village'
      ? villages.find((village) => village.id === ctx.principal.organizationId)
      : undefined;
  const mapped = sheet.rows.map((cells) => mapOpportunityRow(cells, mapping));
  const findPartner = partnerIndex(
    await partnersNamed(
      db,
      ctx,
      mapped.flatMap((row) => (row.partner ? [lower(row.partner)] : [])),
    ),
  );
  const findSkill = skillIndex(
    await skillsNamed(
      db,
      mapped.flatMap((row) => row.skills.map((skill) => lower(skill.name))),
    ),
  );
  const opens = has(ctx, 'manage:opportunity:organization');
  const todayIso = today();

  const results: OpportunityRowResult[] = mapped.map((row, index) => {
    const result: OpportunityRowResult = {
      rowNumber: sheet.rowNumbers[index] ?? index + 2,
      issues: [...row.issues],
      texts: row.texts,
      action: null,
    };
    const input: Record<string, unknown> = { ...row.input };
    const village = row.village === null ? ownVillage : findVillage(row.village);
    if (row.village !== null && !village)
      addIssue(result.issues, {
        field: 'villageCode',
        key: 'import_village_unknown',
        params: { value: row.village },
      });
    else if (village && !village.managed)
      addIssue(result.issues, { field: 'villageCode', key: 'opportunity_village_not_managed' });
    else if (village) input.villageId = village.id;
    if (row.partner !== null) {
      const partner = findPartner(row.partner);
      if (partner === null)
        addIssue(result.issues, {
          field: 'partnerName',
          key: 'import_partner_ambiguous',
          params: { value: row.partner },
        });
      else if (partner === undefined)
        addIssue(result.issues, {
          field: 'partnerName',
          key: 'import_partner_unknown',
          params: { value: row.partner },
        });
      else input.partnerId = partner.id;
    }
    const skills = resolveSkills(row.skills, findSkill);
    if ('issue' in skills) addIssue(result.issues, skills.issue);
    else input.skills = skills.skills;
    if (row.status === 'open') {
      if (opens) input.open = true;
      else addIssue(result.issues, { field: 'status', key: 'import_open_not_allowed' });
    }
    // An empty yes/no cell is "no" (the contract's default), as in the form.
    const { value, issues } = schemaIssues(
      CreateOpportunityRequest,
      unflagged(input, result.issues, opportunityFieldOf),
      opportunityPathField,
    );
    for (const issue of issues) addIssue(result.issues, issue);
    // The module's rules beyond the shape, on the fields that passed it, so a row shows all its problems.
    const passed = unflagged(input, result.issues, opportunityFieldOf);
    const text = (key: string) => (typeof passed[key] === 'string' ? passed[key] : null);
    const amount = (key: string) => (typeof passed[key] === 'number' ? passed[key] : null);
    const fields: Fields = {};
    checkValues(
      {
        // Without a start date there is nothing to compare the closing date with.
        startOn: text('startOn') ?? '',
        closesOn: text('closesOn'),
        payMin: amount('payMin'),
        payMax: amount('payMax'),
        payPeriod: text('payPeriod'),
      },
      fields,
    );
    const kind = text('kind');
    const skillsFlagged = result.issues.some((issue) => issue.field === 'skills');
    if (passed.open === true && kind !== null && !skillsFlagged)
      checkComplete(
        {
          kind: kind as OpportunityKind,
          skills: Array.isArray(passed.skills) ? passed.skills.length : 0,
          closesOn: text('closesOn'),
        },
        todayIso,
        fields,
      );
    addFieldErrors(result.issues, fields, opportunityFieldOf);
    if (!value || result.issues.length > 0) return result;
    const open = value.open === true;
    result.action = 'create';
    result.create = {
      // Restrictions are not imported: corrections staff review them on the opportunity.
      values: opportunityValues(value, value.partnerId as string, { restrictions: false }),
      skills: value.skills,
      open,
    };
    return result;
  });

  // The same opportunity stored already, or earlier in the file.
  const valid = results.filter((row) => row.create);
  const stored = await opportunitiesTitled(
    db,
    valid.map((row) => row.create?.values.partner_id as string),
    valid.map((row) => lower(row.create?.values.title as string)),
  );
  const keyOf = (partnerId: string, title: string, startOn: string) =>
    `${partnerId}|${lower(title)}|${startOn}`;
  const storedKeys = new Set(stored.map((row) => keyOf(row.partner_id, row.title, row.start_on)));
  const firstRow = new Map<string, number>();
  for (const row of valid) {
    const values = row.create?.values as OpportunityValues;
    const key = keyOf(values.partner_id, values.title, values.start_on);
    const first = firstRow.get(key);
    if (storedKeys.has(key)) addIssue(row.issues, { field: 'title', key: 'import_opportunity_exists' });
    else if (first !== undefined)
      addIssue(row.issues, { field: 'title', key: 'import_duplicate_in_file', params: { row: first } });
    else firstRow.set(key, row.rowNumber);
    if (row.issues.length > 0) {
      row.action = null;
      delete row.create;
    }
  }
  return results;
}

async function storeOpportunities(
  trx: Transaction<Database>,
  ctx: RequestContext,
  rows: OpportunityRowResult[],
) {
  const userId = ctx.principal.userId;
  const created: { id: string; title: string; status: 'draft' | 'open' }[] = [];
  for (const row of rows) {
    if (!row.create) continue;
    const status = row.create.open ? 'open' : 'draft';
    const id = await insertOpportunity(trx, {
      ...row.create.values,
      status,
      created_by: userId,
      opened_by: row.create.open ? userId : null,
    });
    await replaceOpportunitySkills(trx, id, row.create.skills);
    created.push({ id, title: row.create.values.title, status });
  }
  return created;
}

// ── The report ──

function summarize(
  rows: RowResult[],
  sheet: Sheet,
  mapping: readonly (string | null)[],
  ctx: RequestContext,
): { counts: ImportCounts; issues: ImportIssue[]; issuesTruncated: boolean } {
  const language = ctx.principal.language;
  const counts: ImportCounts = { total: rows.length, new: 0, update: 0, invalid: 0 };
  const issues: ImportIssue[] = [];
  let issuesTruncated = false;
  for (const row of rows) {
    if (row.action === 'create') counts.new++;
    else if (row.action === 'update') counts.update++;
    else counts.invalid++;
    // A row's problems from left to right, as its columns are; those of no column last.
    const position = (field: string) => {
      const index = mapping.indexOf(field);
      return index === -1 ? mapping.length : index;
    };
    const ordered = [...row.issues].sort((a, b) => position(a.field) - position(b.field));
    for (const issue of ordered) {
      if (issues.length >= IMPORT_MAX_ISSUES) {
        issuesTruncated = true;
        break;
      }
      const columnIndex = mapping.indexOf(issue.field);
      issues.push({
        row: row.rowNumber,
        field: issue.field,
        column: columnIndex >= 0 ? (sheet.headers[columnIndex] ?? null) : null,
        value: row.texts[issue.field] ?? null,
        reason: fieldMessage(rowIssueKey(issue), language, issue.params),
      });
    }
  }
  return { counts, issues, issuesTruncated };
}

function checkRows(db: Trx, ctx: RequestContext, sheet: Sheet, fields: VillageImportCheckFields) {
  return fields.target === 'partners'
    ? checkPartnerRows(db, ctx, sheet, fields.mapping)
    : checkOpportunityRows(db, ctx, sheet, fields.mapping);
}

/** Step 2, the dry run: every row checked; the invalid ones by field with the reason. Nothing is stored. */
export async function check(
  db: Db,
  ctx: RequestContext,
  file: UploadedFile,
  fields: VillageImportCheckFields,
): Promise<VillageImportCheck> {
  requireTarget(ctx, fields.target);
  const sheet = await read(file);
  requireMappingFits(sheet, fields.mapping);
  const rows = await checkRows(db, ctx, sheet, fields);
  return {
    target: fields.target,
    sha256: sha256(file.buffer),
    ...summarize(rows, sheet, fields.mapping, ctx),
  };
}

/**
 * Step 3: stores the file (sent again and checked again inside the transaction that stores it, so a commit
 * never trusts an earlier check). all_or_nothing stores nothing when a row is invalid (409
 * IMPORT_HAS_INVALID_ROWS); valid_only stores the valid rows. One audit entry per commit.
 */
export async function commit(
  db: Db,
  ctx: RequestContext,
  file: UploadedFile,
  fields: VillageImportCommitFields,
): Promise<VillageImportResult> {
  requireTarget(ctx, fields.target);
  const sheet = await read(file);
  requireMappingFits(sheet, fields.mapping);
  const hash = sha256(file.buffer);
  const mode: ImportMode = fields.mode;
  const importId = randomUUID();

  const outcome = await db.transaction().execute(async (trx) => {
    // Names and duplicates are decided under a lock, so two imports (or an import and the partner form)
    // cannot both add the same partner or the same opportunity.
    if (fields.target === 'partners') await lockPartnerNames(trx);
    else await lockOpportunityImport(trx);
    const rows = await checkRows(trx, ctx, sheet, fields);
    const summary = summarize(rows, sheet, fields.mapping, ctx);
    if (mode === 'all_or_nothing' && summary.counts.invalid > 0) return { refused: true as const, summary };
    const base = {
      fileName: file.fileName,
      sha256: hash,
      mode,
      rows: rows.length,
      skipped: summary.counts.invalid,
    };
    let created: number;
    let updated: number;
    if (fields.target === 'partners') {
      const stored = await storePartners(trx, ctx, rows as PartnerRowResult[]);
      created = stored.created.length;
      updated = stored.updated.length;
      await audit(trx, ctx, {
        action: 'partner.imported',
        subjectType: 'partner_import',
        subjectId: importId,
        subjectOrganizationId: ctx.principal.organizationId,
        details: {
          ...base,
          created,
          updated,
          createdPartners: stored.created,
          updatedPartners: stored.updated,
        },
      });
    } else {
      const stored = await storeOpportunities(trx, ctx, rows as OpportunityRowResult[]);
      created = stored.length;
      updated = 0;
      await audit(trx, ctx, {
        action: 'opportunity.imported',
        subjectType: 'opportunity_import',
        subjectId: importId,
        subjectOrganizationId: ctx.principal.organizationId,
        details: {
          ...base,
          created,
          opened: stored.filter((row) => row.status === 'open').length,
          opportunities: stored,
        },
      });
    }
    return { refused: false as const, summary, created, updated };
  });

  if (outcome.refused)
    throw new AppError(409, 'IMPORT_HAS_INVALID_ROWS', { params: { count: outcome.summary.counts.invalid } });
  return {
    importId,
    target: fields.target,
    mode,
    created: outcome.created,
    updated: outcome.updated,
    skipped: outcome.summary.counts.invalid,
    ...outcome.summary,
  };
}
