import type { Kysely } from 'kysely';
import type { FieldGroup, PersonListQuery } from '../../../../shared/people.ts';
import { type AccessLog, EXPORT_MAX_ROWS, shortPersonId } from '../../../../shared/peopleData.ts';
import type { Database } from '../../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { currentRules } from '../../rules/rules.service.ts';
import { isCorrections, personAccess } from '../people.access.ts';
import { initials } from '../people.presenter.ts';
import {
  findBehaviourScores,
  findCustody,
  findPerson,
  findRemissions,
  findSkills,
  listPeople,
} from '../people.repository.ts';
import {
  EDUCATION,
  excelDate,
  label,
  MARITAL,
  OFFENCE,
  type SheetColumn,
  STATUS,
  sentenceText,
  writeXlsx,
} from './people-export.labels.ts';
import {
  exportRows,
  findAllEvents,
  findAllLinks,
  findConsents,
  findDocuments,
  findNotes,
  listAccessLog,
  organizationNames,
} from './people-export.repository.ts';
import { personDataPdf } from './person-data.pdf.ts';
import { type PersonData, personDataXlsx } from './person-data.xlsx.ts';

type Db = Kysely<Database>;

export type ListExportFilter = Omit<PersonListQuery, 'page' | 'pageSize'>;

/** The list columns: `group` is the consented field group a non-corrections caller needs to see them. */
const LIST_COLUMNS: (SheetColumn & { group: FieldGroup | 'corrections' | 'always' })[] = [
  { header: 'Nama Lengkap', key: 'fullName', width: 30, group: 'always' },
  { header: 'Nama Alias', key: 'aliases', group: 'identity_contact' },
  { header: 'NIK', key: 'nik', width: 19, group: 'identity_contact' },
  { header: 'No. Registrasi', key: 'registrationNumber', width: 16, group: 'corrections' },
  { header: 'Tempat Lahir', key: 'birthPlace', group: 'identity_contact' },
  { header: 'Tanggal Lahir', key: 'birthDate', date: true, group: 'identity_contact' },
  { header: 'Pendidikan', key: 'educationLevel', group: 'skills_training' },
  { header: 'Status Perkawinan', key: 'maritalStatus', width: 18, group: 'identity_contact' },
  { header: 'Jumlah Anak', key: 'dependentChildren', group: 'identity_contact' },
  { header: 'Telepon', key: 'phone', width: 16, group: 'identity_contact' },
  { header: 'Alamat', key: 'domicileAddress', width: 36, group: 'identity_contact' },
  { header: 'Kode Kelurahan', key: 'domicileVillageCode', width: 16, group: 'identity_contact' },
  { header: 'Kelurahan Domisili', key: 'domicileVillageName', width: 20, group: 'identity_contact' },
  { header: 'Kelurahan Tujuan', key: 'intendedVillageName', width: 20, group: 'availability_status' },
  { header: 'Keterampilan', key: 'skills', width: 30, group: 'skills_training' },
  { header: 'Minat', key: 'interests', width: 24, group: 'skills_training' },
  { header: 'Status', key: 'status', width: 20, group: 'availability_status' },
  { header: 'Tanggal Bebas', key: 'releaseDate', date: true, group: 'availability_status' },
  { header: 'Agama', key: 'religion', group: 'corrections' },
  { header: 'Suku', key: 'ethnicity', group: 'corrections' },
  { header: 'Kategori Tindak Pidana', key: 'offenceCategory', width: 22, group: 'corrections' },
  { header: 'Lama Pidana', key: 'sentence', width: 18, group: 'corrections' },
  { header: 'Mulai Ditahan', key: 'detentionStartDate', date: true, group: 'corrections' },
  { header: 'Lapas', key: 'organizationName', width: 30, group: 'corrections' },
];

/**
 * The filtered list (the list's filters, without paging) as XLSX: only the people the caller may see and,
 * of each, only what she may see; corrections-only columns are not even in the file for anyone else.
 */
export async function exportList(db: Db, ctx: RequestContext, filter: ListExportFilter) {
  requirePermission(ctx, 'read:person');
  requirePermission(ctx, 'export:person');
  const corrections = isCorrections(ctx);
  const { rules } = await currentRules(db, 'sentence');
  // One row more than the cap tells "too many" also for a name search, whose total stops counting at 1,000.
  const { items: fetched, total } = await listPeople(db, ctx, {
    query: { ...filter, page: 1, pageSize: EXPORT_MAX_ROWS + 1 },
    windowDays: rules.preReleaseWindowDays,
    withGroups: !corrections,
  });
  const items = fetched.slice(0, EXPORT_MAX_ROWS);
  if (fetched.length > EXPORT_MAX_ROWS)
    throw new AppError(400, 'PEOPLE_EXPORT_TOO_LARGE', {
      params: { count: total.toLocaleString('id-ID'), max: EXPORT_MAX_ROWS.toLocaleString('id-ID') },
    });
  const details = new Map(
    (
      await exportRows(
        db,
        items.map((item) => item.id),
      )
    ).map((row) => [row.id, row]),
  );
  const columns = LIST_COLUMNS.filter((column) => corrections || column.group !== 'corrections');

  const buffer = await writeXlsx(async (addSheet) => {
    const sheet = addSheet('Warga Binaan', columns);
    for (const item of items) {
      const row = details.get(item.id);
      if (!row) continue;
      const groups = new Set<string>(
        corrections
          ? ['identity_contact', 'skills_training', 'availability_status', 'plan']
          : ((item as { groups?: string[] | null }).groups ?? []),
      );
      const values: Record<string, unknown> = {
        fullName: groups.has('identity_contact') ? row.full_name : initials(row.full_name),
        aliases: row.aliases.join(', '),
        nik: row.nik,
        registrationNumber: row.registration_number,
        birthPlace: row.birth_place,
        birthDate: excelDate(row.birth_date),
        educationLevel: label(EDUCATION, row.education_level),
        maritalStatus: label(MARITAL, row.marital_status),
        dependentChildren: row.dependent_children,
        phone: row.phone,
        domicileAddress: row.domicile_address,
        domicileVillageCode: row.domicile_village_code,
        domicileVillageName: row.domicile_village_name,
        intendedVillageName: item.intended_village_name,
        skills: item.skills.join(', '),
        interests: row.interests,
        status: label(STATUS, item.status),
        releaseDate: excelDate(item.release_date),
        religion: row.religion,
        ethnicity: row.ethnicity,
        offenceCategory: label(OFFENCE, row.offence_category),
        sentence: sentenceText(row),
        detentionStartDate: excelDate(row.detention_start_date),
        organizationName: item.organization_name,
      };
      for (const column of columns) {
        if (column.group === 'always' || column.group === 'corrections') continue;
        if (!groups.has(column.group)) values[column.key] = null;
      }
      sheet.addRow(values).commit();
    }
  });

  await audit(db, ctx, {
    action: 'person.exported',
    subjectType: 'person',
    details: {
      filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
      count: items.length,
      corrections,
      // Who was in the file: each person's access log shows the exports that held her.
      shown: items.map((item) => item.id),
    },
  });
  return { buffer, count: items.length };
}

// ── Personal-data rights ──

/**
 * The holding prison's corrections staff with export:person may hand a woman all her data: anyone else
 * sees only part of her record and must not produce it whole.
 */
async function dataRightsAccess(db: Db, ctx: RequestContext, personId: string) {
  requirePermission(ctx, 'export:person');
  const access = await personAccess(db, ctx, personId);
  if (!access.corrections || access.organizationId !== ctx.principal.organizationId) throw forbidden();
  return access;
}

/** Everything stored about one person, with the access log (every audit entry whose subject she is). */
async function gather(db: Db, ctx: RequestContext, personId: string): Promise<PersonData> {
  const person = await findPerson(db, personId);
  if (!person) throw new AppError(404, 'PERSON_NOT_FOUND');
  const [skills, custody, remissions, scores, notes, documents, consents, links, events, log] =
    await Promise.all([
      findSkills(db, personId),
      findCustody(db, personId),
      findRemissions(db, personId),
      findBehaviourScores(db, personId),
      findNotes(db, personId),
      findDocuments(db, personId),
      findConsents(db, personId),
      findAllLinks(db, personId),
      findAllEvents(db, personId),
      listAccessLog(db, personId, null),
    ]);
  const recipientIds = [...new Set(consents.flatMap((consent) => consent.recipient_organization_ids))];
  return {
    generatedAt: new Date(),
    generatedBy: `${ctx.principal.fullName} (${ctx.principal.organizationName})`,
    reference: shortPersonId(personId),
    person,
    skills,
    custody: custody ?? null,
    remissions,
    scores,
    notes,
    documents,
    consents,
    recipientNames: await organizationNames(db, recipientIds),
    links,
    events,
    accessLog: log.items,
  };
}

/** Her data as XLSX or PDF. The export is audited first, so it is the newest entry of the log it carries. */
export async function exportPersonData(
  db: Db,
  ctx: RequestContext,
  personId: string,
  format: 'xlsx' | 'pdf',
) {
  const access = await dataRightsAccess(db, ctx, personId);
  await audit(db, ctx, {
    action: 'person.data_exported',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { format },
  });
  const data = await gather(db, ctx, personId);
  const buffer = format === 'xlsx' ? await personDataXlsx(data) : await personDataPdf(data);
  return { buffer, reference: data.reference };
}

/** Who saw or did what with her record, newest first (for the person page). */
export async function accessLog(
  db: Db,
  ctx: RequestContext,
  personId: string,
  page: { page: number; pageSize: number },
): Promise<AccessLog> {
  const access = await dataRightsAccess(db, ctx, personId);
  const { items, total } = await listAccessLog(db, personId, page);
  await audit(db, ctx, {
    action: 'person.access_log_viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
  });
  return {
    items: items.map((row) => ({
      id: String(row.id),
      at: new Date(row.at).toISOString(),
      action: row.action,
      actorName: row.actor_name,
      actorUsername: row.actor_username,
      organizationName: row.organization_name,
      details: row.details,
    })),
    total,
    ...page,
  };
}
