import type { Kysely } from 'kysely';
import { ROSTER_STATUSES } from '../../../../shared/attendance.ts';
import type {
  Certificate,
  CohortResults,
  CreateCertificateRequest,
  RecordResultsRequest,
} from '../../../../shared/results.ts';
import type { Database, SkillLevelValue } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { today } from '../../../platform/calendar.ts';
import { AppError, conflict, type FieldError, fieldError, forbidden } from '../../../platform/errors.ts';
import { recordTimeline } from '../../../platform/timeline.ts';
import { listRoster } from '../attendance/attendance.repository.ts';
import { raisePersonSkill } from '../person-skills.repository.ts';
import { cohortAccess, requireTrainingManage } from '../training.access.ts';
import { presentCertificate, scoreOf } from './results.presenter.ts';
import {
  competentUnitCounts,
  findCertificate,
  findCohort,
  findPerson,
  findPersonDocument,
  findPersonEnrolment,
  findSameNumber,
  findSkill,
  insertCertificate,
  listCertificates,
  listProgramSkills,
  listResults,
  listUnits,
  lockEnrolments,
  upsertAssessments,
} from './results.repository.ts';

type Db = Kysely<Database>;

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function fieldErrors(fields: Record<string, FieldError>) {
  return new AppError(400, 'VALIDATION_FAILED', { fields });
}

async function manageableCohort(db: Db, ctx: RequestContext, cohortId: string) {
  const access = await cohortAccess(db, ctx, cohortId);
  if (!access.canManage) throw forbidden();
  return access;
}

async function load(db: Db, cohortId: string): Promise<CohortResults> {
  const cohort = await findCohort(db, cohortId);
  const [units, skills, roster, results] = await Promise.all([
    listUnits(db, cohort.program_id),
    listProgramSkills(db, cohort.program_id),
    listRoster(db, cohortId, ROSTER_STATUSES),
    listResults(db, cohortId),
  ]);
  const certificates = await listCertificates(
    db,
    [...new Set(roster.map((row) => row.person_id))],
    roster.map((row) => row.enrolment_id),
    skills.map((skill) => skill.skill_id),
  );
  const unitIds = new Set(units.map((unit) => unit.id));
  const competent = new Map<string, number>();
  for (const row of results)
    if (row.result === 'competent' && unitIds.has(row.unit_id))
      competent.set(row.enrolment_id, (competent.get(row.enrolment_id) ?? 0) + 1);
  return {
    units: units.map((unit) => ({ id: unit.id, code: unit.code, title: unit.title, skillId: unit.skill_id })),
    people: roster.map((row) => ({
      enrolmentId: row.enrolment_id,
      personId: row.person_id,
      fullName: row.full_name,
      registrationNumber: row.registration_number,
      status: row.status,
      allCompetent: units.length > 0 && (competent.get(row.enrolment_id) ?? 0) === units.length,
    })),
    results: results.map((row) => ({
      enrolmentId: row.enrolment_id,
      unitId: row.unit_id,
      result: row.result,
      score: scoreOf(row.score),
      assessorName: row.assessor_name,
      assessedOn: row.assessed_on,
    })),
    certificates: certificates.map(presentCertificate),
    programSkills: skills.map((skill) => ({
      skillId: skill.skill_id,
      name: skill.name_id,
      level: skill.level,
    })),
    certification: cohort.certification,
    certificationBody: cohort.certification_body,
  };
}

/**
 * The competency results of a cohort: units, people, results, their certificates (managers only). Audited
 * with the people shown (names and registration numbers).
 */
export async function results(db: Db, ctx: RequestContext, cohortId: string): Promise<CohortResults> {
  const access = await manageableCohort(db, ctx, cohortId);
  const view = await load(db, cohortId);
  await audit(db, ctx, {
    action: 'results.viewed',
    subjectType: 'training_cohort',
    subjectId: cohortId,
    subjectOrganizationId: access.organizationId,
    details: { shown: [...new Set(view.people.map((person) => person.personId))] },
  });
  return view;
}

/**
 * Records competency results, one per (enrolment, unit), replacing earlier ones. When every unit of the
 * program becomes competent for an enrolment, her program skills are raised to `assessed` and her timeline
 * says so (once). A later "not yet competent" does not lower a raised skill: evidence never goes down.
 */
export async function record(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  body: RecordResultsRequest,
): Promise<CohortResults> {
  const access = await manageableCohort(db, ctx, cohortId);
  await db.transaction().execute(async (trx) => {
    const cohort = await findCohort(trx, cohortId);
    if (cohort.status === 'cancelled') throw conflict('ATTENDANCE_COHORT_CANCELLED');
    const enrolmentIds = [...new Set(body.items.map((item) => item.enrolmentId))];
    const [units, skills, enrolments] = await Promise.all([
      listUnits(trx, cohort.program_id),
      listProgramSkills(trx, cohort.program_id),
      lockEnrolments(trx, cohortId, enrolmentIds),
    ]);
    const unitIds = new Set(units.map((unit) => unit.id));
    const open = new Map(
      enrolments
        .filter((row) => row.status === 'allocated' || row.status === 'completed')
        .map((row) => [row.id, row]),
    );
    const todayIso = today();
    const fields: Record<string, FieldError> = {};
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (!open.has(item.enrolmentId))
        fields[`items.${index}.enrolmentId`] = { key: 'results_enrolment_not_in_cohort' };
      if (!unitIds.has(item.unitId)) fields[`items.${index}.unitId`] = { key: 'results_unit_not_in_program' };
      else if (seen.has(`${item.enrolmentId}:${item.unitId}`))
        fields[`items.${index}.unitId`] = { key: 'results_duplicate' };
      seen.add(`${item.enrolmentId}:${item.unitId}`);
      if (item.assessedOn > todayIso)
        fields[`items.${index}.assessedOn`] = { key: 'results_assessed_in_future' };
      else if (item.assessedOn < cohort.start_date)
        fields[`items.${index}.assessedOn`] = {
          key: 'results_assessed_before_start',
          params: { date: dmy(cohort.start_date) },
        };
    });
    if (Object.keys(fields).length > 0) throw fieldErrors(fields);

    const before = await competentUnitCounts(trx, cohort.program_id, enrolmentIds);
    await upsertAssessments(trx, {
      organizationId: cohort.organization_id,
      recordedBy: ctx.principal.userId,
      items: body.items.map((item) => ({
        enrolmentId: item.enrolmentId,
        unitId: item.unitId,
        result: item.result,
        score: item.score ?? null,
        assessorName: item.assessorName,
        assessedOn: item.assessedOn,
      })),
    });
    const after = await competentUnitCounts(trx, cohort.program_id, enrolmentIds);

    // The skills an all-competent enrolment has shown: those of the units, else all the program's.
    const levels = new Map(skills.map((skill) => [skill.skill_id, skill.level]));
    const unitSkills = [...new Set(units.map((unit) => unit.skill_id).filter((id) => id !== null))];
    const assessed: { skillId: string; name: string | null; level: SkillLevelValue }[] = (
      unitSkills.length ? unitSkills : skills.map((skill) => skill.skill_id)
    ).map((skillId) => ({
      skillId,
      name: skills.find((skill) => skill.skill_id === skillId)?.name_id ?? null,
      // A unit's skill the program does not list is assessed at the program's lowest level.
      level: levels.get(skillId) ?? 'basic',
    }));
    const nowCompetent: string[] = [];
    for (const enrolmentId of enrolmentIds) {
      const enrolment = open.get(enrolmentId);
      if (!enrolment || units.length === 0) continue;
      const was = (before.get(enrolmentId) ?? 0) === units.length;
      const is = (after.get(enrolmentId) ?? 0) === units.length;
      if (!is || was) continue;
      nowCompetent.push(enrolment.person_id);
      for (const skill of assessed)
        await raisePersonSkill(trx, {
          personId: enrolment.person_id,
          organizationId: enrolment.organization_id,
          skillId: skill.skillId,
          level: skill.level,
          evidence: 'assessed',
          cohortId,
        });
      await recordTimeline(trx, ctx, enrolment.person_id, {
        kind: 'training.assessed',
        visibility: 'shared',
        details: {
          cohortId,
          enrolmentId,
          programId: cohort.program_id,
          programName: cohort.program_name,
          skills: assessed,
        },
      });
    }
    await audit(trx, ctx, {
      action: 'assessment.recorded',
      subjectType: 'training_cohort',
      subjectId: cohortId,
      subjectOrganizationId: access.organizationId,
      details: {
        items: body.items.length,
        competent: body.items.filter((item) => item.result === 'competent').length,
        enrolmentIds,
        allCompetentNow: nowCompetent,
      },
    });
  });
  return load(db, cohortId);
}

/** A certificate number already recorded for the issuer: the same answer for the check and the index. */
function numberTaken(issuer: string) {
  return fieldError('number', 'certificate_number_taken', { issuer });
}

/**
 * Records a certificate of a woman held by the caller's prison and raises her skill to certified (with the
 * certificate); on her timeline (shared) and audited. A number is unique per issuer.
 */
export async function addCertificate(
  db: Db,
  ctx: RequestContext,
  body: CreateCertificateRequest,
): Promise<Certificate> {
  requireTrainingManage(ctx);
  const person = await findPerson(db, body.personId);
  if (!person || person.organization_id !== ctx.principal.organizationId)
    throw fieldError('personId', 'certificate_person_not_held');
  if (person.anonymized_at) throw fieldError('personId', 'certificate_person_anonymized');
  const fields: Record<string, FieldError> = {};
  const skill = await findSkill(db, body.skillId);
  if (!skill) fields.skillId = { key: 'certificate_skill_unknown' };
  if (
    body.enrolmentId &&
    !(await findPersonEnrolment(db, body.enrolmentId, person.id, person.organization_id))
  )
    fields.enrolmentId = { key: 'certificate_enrolment_invalid' };
  if (body.documentId) {
    // Her own file, not deleted, uploaded as a certificate (not, say, her identity card).
    const document = await findPersonDocument(db, body.documentId, person.id);
    if (!document) fields.documentId = { key: 'certificate_document_invalid' };
    else if (document.category !== 'certificate')
      fields.documentId = { key: 'certificate_document_not_certificate' };
  }
  if (body.issuedOn > today()) fields.issuedOn = { key: 'certificate_issued_in_future' };
  if (body.validUntil && body.validUntil <= body.issuedOn)
    fields.validUntil = { key: 'certificate_valid_until_before_issue' };
  if (await findSameNumber(db, body.issuer, body.number))
    fields.number = { key: 'certificate_number_taken', params: { issuer: body.issuer } };
  if (Object.keys(fields).length > 0) throw fieldErrors(fields);

  let certificateId: string;
  try {
    certificateId = await db.transaction().execute(async (trx) => {
      const id = await insertCertificate(trx, {
        organizationId: person.organization_id,
        personId: person.id,
        enrolmentId: body.enrolmentId ?? null,
        skillId: body.skillId,
        level: body.level,
        number: body.number,
        issuer: body.issuer,
        issuedOn: body.issuedOn,
        validUntil: body.validUntil ?? null,
        documentId: body.documentId ?? null,
        recordedBy: ctx.principal.userId,
      });
      await raisePersonSkill(trx, {
        personId: person.id,
        organizationId: person.organization_id,
        skillId: body.skillId,
        level: body.level,
        evidence: 'certified',
        certificateId: id,
      });
      const details = {
        certificateId: id,
        skillId: body.skillId,
        skillName: skill?.name_id ?? null,
        level: body.level,
        number: body.number,
        issuer: body.issuer,
        issuedOn: body.issuedOn,
        validUntil: body.validUntil ?? null,
        enrolmentId: body.enrolmentId ?? null,
        documentId: body.documentId ?? null,
      };
      await recordTimeline(trx, ctx, person.id, { kind: 'certificate.added', visibility: 'shared', details });
      await audit(trx, ctx, {
        action: 'certificate.added',
        subjectType: 'person',
        subjectId: person.id,
        subjectOrganizationId: person.organization_id,
        details,
      });
      return id;
    });
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    // Two officers recording the same certificate at once: the index refuses the second.
    if (code === '23505' && constraint === 'certificate_number_key') throw numberTaken(body.issuer);
    throw error;
  }
  return presentCertificate(await findCertificate(db, certificateId));
}
