import {
  type Custody,
  type FieldGroup,
  journeyStatus,
  type Person,
  type PersonListItem,
  type TimelineEvent,
} from '../../../shared/people.ts';
import type { PersonAccess } from './people.access.ts';
import type { CustodyRow, findLinks, findSkills, PersonListRow, PersonRow } from './people.repository.ts';

// What leaves the server about a person is decided here, field by field, from the caller's access:
// corrections staff see the whole record; everyone else only the consented field groups, and never the
// corrections-only fields (registration number, religion, ethnicity, offence, sentence, behaviour).

/** "Siti Nurhaliza" → "S. N.": what someone who may not see her identity sees instead of her name. */
export function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((part) => `${part[0]?.toUpperCase()}.`)
    .join(' ');
}

const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function presentPerson(
  row: PersonRow,
  access: PersonAccess,
  skills: Awaited<ReturnType<typeof findSkills>>,
  links: Awaited<ReturnType<typeof findLinks>>,
  context: { windowDays: number; today: string },
): Person {
  const sees = (group: FieldGroup) => access.groups.includes(group);
  const identity = sees('identity_contact');
  const skillsGroup = sees('skills_training');
  const availability = sees('availability_status');
  const corrections = access.corrections;
  const only = <T>(visible: boolean, value: T): T | null => (visible ? value : null);
  return {
    id: row.id,
    displayName: identity ? row.full_name : initials(row.full_name),
    fullName: only(identity, row.full_name),
    aliases: only(identity, row.aliases),
    nik: only(identity, row.nik),
    birthPlace: only(identity, row.birth_place),
    birthDate: only(identity, row.birth_date),
    educationLevel: only(skillsGroup, row.education_level as Person['educationLevel']),
    maritalStatus: only(identity, row.marital_status as Person['maritalStatus']),
    dependentChildren: only(identity, row.dependent_children),
    phone: only(identity, row.phone),
    guarantor: only(identity, row.guarantor),
    domicileAddress: only(identity, row.domicile_address),
    domicileVillage:
      identity && row.domicile_village_code
        ? { code: row.domicile_village_code, name: row.domicile_village_name }
        : null,
    intendedVillage:
      availability && row.intended_village_id && row.intended_village_name
        ? { id: row.intended_village_id, name: row.intended_village_name }
        : null,
    registrationNumber: only(corrections, row.registration_number),
    interests: only(skillsGroup, row.interests),
    preferredSectors: only(skillsGroup, row.preferred_sectors as Person['preferredSectors']),
    constraints: only(availability, row.constraints),
    religion: only(corrections, row.religion),
    ethnicity: only(corrections, row.ethnicity),
    skills: only(
      skillsGroup,
      skills.map((skill) => ({
        id: skill.id,
        skillId: skill.skill_id,
        name: skill.name,
        sector: skill.sector as NonNullable<Person['skills']>[number]['sector'],
        level: skill.level,
        evidence: skill.evidence,
        note: skill.note,
      })),
    ),
    status: only(
      availability,
      journeyStatus(
        {
          releaseDate: row.release_date,
          releasedOn: row.released_on,
          supervisionEndDate: row.supervision_end_date,
          returnedOn: row.returned_on,
        },
        context.windowDays,
        context.today,
      ),
    ),
    releaseDate: only(availability, row.release_date),
    organization: { id: row.organization_id, name: row.organization_name },
    // Which agencies hold her case is corrections' business; a kelurahan sees only its own link.
    links: links
      .filter((link) => corrections || link.organization_id === access.callerOrganizationId)
      .map((link) => ({
        id: link.id,
        kind: link.kind,
        organizationId: link.organization_id,
        organizationName: link.organization_name,
        organizationKind: link.organization_kind,
        createdAt: iso(link.created_at),
      })),
    anonymized: row.anonymized_at !== null,
    visibleGroups: access.groups,
    corrections,
    canEdit: access.canEdit,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

export function presentListItem(row: PersonListRow, corrections: boolean): PersonListItem {
  const groups = corrections ? null : new Set((row as { groups?: string[] | null }).groups ?? []);
  const sees = (group: FieldGroup) => groups === null || groups.has(group);
  const identity = sees('identity_contact');
  const availability = sees('availability_status');
  return {
    id: row.id,
    displayName: identity ? row.full_name : initials(row.full_name),
    registrationNumber: corrections ? row.registration_number : null,
    birthDate: identity ? row.birth_date : null,
    status: availability ? row.status : null,
    releaseDate: availability ? row.release_date : null,
    domicileVillageName: identity ? row.domicile_village_name : null,
    intendedVillageName: availability ? row.intended_village_name : null,
    organizationName: row.organization_name,
    skills: sees('skills_training') ? row.skills : null,
  };
}

export function presentCustody(row: CustodyRow): Custody {
  return {
    offenceCategory: row.offence_category as Custody['offenceCategory'],
    courtDecisionNumber: row.court_decision_number,
    courtDecisionDate: row.court_decision_date,
    sentenceKind: row.sentence_kind,
    sentenceYears: row.sentence_years,
    sentenceMonths: row.sentence_months,
    sentenceDays: row.sentence_days,
    fineAmount: row.fine_amount === null ? null : Number(row.fine_amount),
    fineSubstituteMonths: row.fine_substitute_months,
    fineSubstituteDays: row.fine_substitute_days,
    finePaid: row.fine_paid,
    detentionStartDate: row.detention_start_date,
    releaseKind: row.release_kind as Custody['releaseKind'],
    releasedOn: row.released_on,
    supervisionEndDate: row.supervision_end_date,
    returnedOn: row.returned_on,
    transferPlannedOn: row.transfer_planned_on,
    transferDestination: row.transfer_destination,
    version: row.version,
  };
}

export function presentTimelineEvent(row: {
  id: string;
  at: Date;
  kind: string;
  actor_name: string | null;
  organization_name: string | null;
  details: Record<string, unknown>;
}): TimelineEvent {
  return {
    id: String(row.id),
    at: iso(row.at),
    kind: row.kind,
    actorName: row.actor_name,
    organizationName: row.organization_name,
    details: row.details,
  };
}
