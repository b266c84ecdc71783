import { z } from 'zod';
import { END_REASONS, ENROLMENT_STATUSES, type EndReason, type EnrolmentStatus } from './enrolments.ts';
import { SECTORS, SKILL_EVIDENCE, SKILL_LEVELS } from './people.ts';

// The training tab of a person's record: the skills she holds with the evidence behind each, and her
// training history (requests, allocations, completions). Outside corrections, only under a consent giving
// the field group `skills_training`, and then only evidenced skills and completed trainings.

/** The life of a training request and why an allocation ended: the enrolments' own vocabularies. */
export const TRAINING_ENROLMENT_STATUSES = ENROLMENT_STATUSES;
export type TrainingEnrolmentStatus = EnrolmentStatus;
export const TRAINING_END_REASONS = END_REASONS;
export type TrainingEndReason = EndReason;

export const PersonTrainingCertificate = z.object({
  id: z.uuid(),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.iso.date(),
  validUntil: z.iso.date().nullable(),
  /** The scanned certificate (a person_document of category certificate), when uploaded. */
  documentId: z.uuid().nullable(),
});
export type PersonTrainingCertificate = z.infer<typeof PersonTrainingCertificate>;

export const PersonTrainingSkill = z.object({
  /** The taxonomy skill; null for a self-reported skill that matches none. */
  skillId: z.uuid().nullable(),
  name: z.string(),
  sector: z.enum(SECTORS).nullable(),
  level: z.enum(SKILL_LEVELS),
  /** self_reported < trained < assessed < certified */
  evidence: z.enum(SKILL_EVIDENCE),
  certificate: PersonTrainingCertificate.nullable(),
});
export type PersonTrainingSkill = z.infer<typeof PersonTrainingSkill>;

export const PersonTrainingHistoryItem = z.object({
  enrolmentId: z.uuid(),
  programId: z.uuid(),
  programName: z.string(),
  cohortId: z.uuid().nullable(),
  cohortName: z.string().nullable(),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  status: z.enum(TRAINING_ENROLMENT_STATUSES),
  endReason: z.enum(TRAINING_END_REASONS).nullable(),
  requestedOn: z.iso.date(),
  /** Present marks / recorded sessions, 0–1; null when nothing was recorded (or not shown to the caller). */
  attendanceRate: z.number().min(0).max(1).nullable(),
  /** Competency units assessed competent, of the program's units. */
  unitsCompetent: z.number().int(),
  unitsTotal: z.number().int(),
});
export type PersonTrainingHistoryItem = z.infer<typeof PersonTrainingHistoryItem>;

export const PersonTraining = z
  .object({
    /** Strongest evidence first, then by name. */
    skills: z.array(PersonTrainingSkill),
    /** Newest request first. */
    history: z.array(PersonTrainingHistoryItem),
    /** The caller may add a training request for her (her prison's training manager; not anonymized). */
    canRequest: z.boolean(),
  })
  .meta({ id: 'PersonTraining' });
export type PersonTraining = z.infer<typeof PersonTraining>;
