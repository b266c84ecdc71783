import {
  type PersonTraining,
  type PersonTrainingHistoryItem,
  type PersonTrainingSkill,
  TRAINING_END_REASONS,
  type TrainingEndReason,
} from '../../../../shared/personTraining.ts';
import type { PersonSkillRow, TrainingHistoryRow } from './person-training.repository.ts';

function presentSkill(row: PersonSkillRow): PersonTrainingSkill {
  return {
    skillId: row.skill_id,
    name: row.name,
    sector: row.sector as PersonTrainingSkill['sector'],
    level: row.level,
    evidence: row.evidence,
    certificate:
      row.certificate_id && row.certificate_number && row.certificate_issuer && row.certificate_issued_on
        ? {
            id: row.certificate_id,
            number: row.certificate_number,
            issuer: row.certificate_issuer,
            issuedOn: row.certificate_issued_on,
            validUntil: row.certificate_valid_until,
            documentId: row.certificate_document_id,
          }
        : null,
  };
}

/** One entry per skill: rows come strongest first, so the first row of a taxonomy skill is the one shown. */
function presentSkills(rows: PersonSkillRow[]): PersonTrainingSkill[] {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    const key = row.skill_id ?? `name:${row.name.toLowerCase()}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [presentSkill(row)];
  });
}

function endReason(value: string | null): TrainingEndReason | null {
  return TRAINING_END_REASONS.includes(value as TrainingEndReason) ? (value as TrainingEndReason) : null;
}

function presentHistoryItem(row: TrainingHistoryRow, showAttendance: boolean): PersonTrainingHistoryItem {
  const recorded = Number(row.sessions_recorded);
  return {
    enrolmentId: row.id,
    programId: row.program_id,
    programName: row.program_name,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    endReason: endReason(row.end_reason),
    requestedOn: row.requested_on,
    attendanceRate: showAttendance && recorded > 0 ? Number(row.sessions_present) / recorded : null,
    unitsCompetent: Number(row.units_competent),
    unitsTotal: Number(row.units_total),
  };
}

export function presentPersonTraining(
  skills: PersonSkillRow[],
  history: TrainingHistoryRow[],
  viewer: { corrections: boolean; canRequest: boolean },
): PersonTraining {
  return {
    skills: presentSkills(skills),
    history: history.map((row) => presentHistoryItem(row, viewer.corrections)),
    canRequest: viewer.canRequest,
  };
}
