import { z } from 'zod';
import { ROSTER_STATUSES } from './attendance.ts';
import { CalendarDate } from './common.ts';
import { SKILL_LEVELS } from './people.ts';

/** The outcome of a competency unit (uji kompetensi): kompeten / belum kompeten. */
export const ASSESSMENT_RESULTS = ['competent', 'not_yet_competent'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

const isoDate = CalendarDate;
const text = (max: number) => z.string().trim().min(1).max(max);

export const AssessmentResultItem = z.object({
  enrolmentId: z.uuid(),
  unitId: z.uuid(),
  result: z.enum(ASSESSMENT_RESULTS),
  score: z.number().nullable(),
  assessorName: z.string(),
  assessedOn: isoDate,
});
export type AssessmentResultItem = z.infer<typeof AssessmentResultItem>;

export const Certificate = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    enrolmentId: z.uuid().nullable(),
    skillId: z.uuid(),
    skillName: z.string(),
    level: z.enum(SKILL_LEVELS),
    number: z.string(),
    issuer: z.string(),
    issuedOn: isoDate,
    validUntil: isoDate.nullable(),
    /** The scanned certificate: a person_document of hers (download through the documents endpoint). */
    documentId: z.uuid().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Certificate' });
export type Certificate = z.infer<typeof Certificate>;

/** GET /api/training/cohorts/:cohortId/results (managers of the prison only). */
export const CohortResults = z
  .object({
    /** The program's competency units, in their order. */
    units: z.array(
      z.object({
        id: z.uuid(),
        code: z.string().nullable(),
        title: z.string(),
        skillId: z.uuid().nullable(),
      }),
    ),
    /** Allocated, completed and (for history) deallocated enrolments, name order. */
    people: z.array(
      z.object({
        enrolmentId: z.uuid(),
        personId: z.uuid(),
        fullName: z.string(),
        registrationNumber: z.string().nullable(),
        status: z.enum(ROSTER_STATUSES),
        /** Every unit of the program is assessed competent. */
        allCompetent: z.boolean(),
      }),
    ),
    results: z.array(AssessmentResultItem),
    /** Certificates of these people tied to their enrolment here or to a skill of the program. */
    certificates: z.array(Certificate),
    programSkills: z.array(z.object({ skillId: z.uuid(), name: z.string(), level: z.enum(SKILL_LEVELS) })),
    /** The program's certification path and body (prefills the certificate form's issuer). */
    certification: z.enum(['none', 'lsp_bnsp', 'provider']),
    certificationBody: z.string().nullable(),
  })
  .meta({ id: 'CohortResults' });
export type CohortResults = z.infer<typeof CohortResults>;

/** PUT /api/training/cohorts/:cohortId/results: upsert per (enrolment, unit); answers the CohortResults. */
export const RecordResultsRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        enrolmentId: z.uuid(),
        unitId: z.uuid(),
        result: z.enum(ASSESSMENT_RESULTS),
        score: z.number().min(0).max(100).nullable().optional(),
        assessorName: text(200),
        /** Not in the future, not before the cohort's start. */
        assessedOn: isoDate,
      }),
    )
    .min(1)
    .max(2000),
});
export type RecordResultsRequest = z.input<typeof RecordResultsRequest>;

/** POST /api/training/certificates: a certificate of a person held by the caller's prison. */
export const CreateCertificateRequest = z.strictObject({
  personId: z.uuid(),
  enrolmentId: z.uuid().nullable().optional(),
  skillId: z.uuid(),
  level: z.enum(SKILL_LEVELS),
  number: text(100),
  issuer: text(200),
  /** Not in the future. */
  issuedOn: isoDate,
  /** After issuedOn. */
  validUntil: isoDate.nullable().optional(),
  /** A person_document of hers (uploaded first with category `certificate`), not deleted. */
  documentId: z.uuid().nullable().optional(),
});
export type CreateCertificateRequest = z.input<typeof CreateCertificateRequest>;
