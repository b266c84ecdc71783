import { scopeFor } from '../../shared/permissions.ts';

/** What the UI may show; the server checks every call again (hiding is a convenience, never security). */
export interface Access {
  canReadUsers: boolean;
  canReadAllUsers: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
  canReadPeople: boolean;
  canManagePeople: boolean;
  canReadCustody: boolean;
  canManageCustody: boolean;
  canWriteNotes: boolean;
  canManageDocuments: boolean;
  canManageConsent: boolean;
  canImportPeople: boolean;
  canExportPeople: boolean;
  canAnonymizePeople: boolean;
  canManageRules: boolean;
  /** Reads the training of her prison (catalogue, cohorts, waitlist). */
  canReadTraining: boolean;
  /** Runs training: programs, cohorts, waitlist, allocation, attendance, results. */
  canManageTraining: boolean;
  /** A partner's instructor: sees only the cohorts she teaches. */
  canReadOwnCohorts: boolean;
  canReopenAttendance: boolean;
  canManageSkills: boolean;
  /** Edits kelurahan profiles: her own kelurahan, or (kecamatan) all of its kelurahan. */
  canManageVillages: boolean;
  /** Reads the partner directory (all), or only her own partner organization (a partner). */
  canReadPartners: boolean;
  canReadAllPartners: boolean;
  /** Adds and edits partners (kecamatan, kelurahan). */
  canManagePartners: boolean;
  /** Edits her own partner organization's profile (a partner). */
  canManageOwnPartner: boolean;
  /** Reads opportunities: all, or only her own organization's (a partner). */
  canReadOpportunities: boolean;
  canReadAllOpportunities: boolean;
  /** Creates, edits and opens opportunities of her kelurahan (or the kecamatan's). */
  canManageOpportunities: boolean;
  /** A partner drafts opportunities; kelurahan staff open them. */
  canDraftOpportunities: boolean;
  /** Corrections staff: review an opportunity's restrictions (never shown to partners). */
  canReviewRestrictions: boolean;
  canImportOpportunities: boolean;
  /** Corrections staff propose a woman for an opportunity. */
  canProposePlacements: boolean;
  /** Moves a placement along its pipeline (scope decided by the server). */
  canManagePlacements: boolean;
  /** Sees how the people she sees match opportunities (recommendations, candidates, comparison). */
  canReadMatches: boolean;
  /** Sets a recommendation aside with a reason code. */
  canDecideMatches: boolean;
  /** Corrections staff: makes and accepts placement plans for a release window. */
  canPlanPlacements: boolean;
  /** The training-gap planner (aggregate figures). */
  canReadPlanning: boolean;
  /** The fairness report of the matching (aggregate figures). */
  canReadFairness: boolean;
  /** Reads reintegration plans of the people she sees (a kelurahan: under consent to the plan group). */
  canReadReintegration: boolean;
  /** Corrections staff build and review reintegration plans. */
  canManageReintegration: boolean;
  /** The pre-release dashboard (corrections staff). */
  canReadPrerelease: boolean;
  /** The prison sends a handover package to a Bapas. */
  canSendHandover: boolean;
  /** The Bapas head accepts a handover (assigning a PK) or returns it. */
  canDecideHandover: boolean;
  /** Sees supervision: her own caseload (a PK) or all of Bapas (its head). */
  canReadSupervision: boolean;
  /** Sees all of her Bapas's supervision, not only her own caseload. */
  canReadAllSupervision: boolean;
  canRecordSupervision: boolean;
  canRecordOutcomes: boolean;
  /** The outcomes by release cohort (aggregate figures). */
  canReadOutcomes: boolean;
  /** Governance (issue 8): the agreements, work plans and meetings of her organization. */
  canReadAgreements: boolean;
  canManageAgreements: boolean;
  /** A head agrees and signs for her organization (a named delegate too: the server knows, see `me`). */
  canApproveAgreements: boolean;
  canReadWorkPlans: boolean;
  canManageWorkPlans: boolean;
  canReadMeetings: boolean;
  canManageMeetings: boolean;
  /** Insight (issue 9): the dashboard, kelurahan view and monthly report of her own scope. */
  canReadInsight: boolean;
  /** The whole program's figures and any organization's monthly report (agency heads, viewers). */
  canReadProgramInsight: boolean;
}

export function accessFor(permissions: readonly string[]): Access {
  const canManageUsers = permissions.includes('manage:user:all');
  const userScope = scopeFor(permissions, 'read', 'user');
  const has = (action: string, entity: string) => scopeFor(permissions, action, entity) !== null;
  return {
    canReadUsers: canManageUsers || userScope !== null,
    canReadAllUsers: canManageUsers || userScope === 'all',
    canManageUsers,
    canReadAudit: has('read', 'audit'),
    canReadPeople: has('read', 'person'),
    canManagePeople: has('manage', 'person'),
    canReadCustody: has('read', 'custody'),
    canManageCustody: has('manage', 'custody'),
    canWriteNotes: has('write', 'note'),
    canManageDocuments: has('manage', 'document'),
    canManageConsent: has('manage', 'consent'),
    canImportPeople: has('import', 'person'),
    canExportPeople: has('export', 'person'),
    canAnonymizePeople: has('anonymize', 'person'),
    canManageRules: has('manage', 'rules'),
    canReadTraining: permissions.includes('read:training:organization'),
    canManageTraining: has('manage', 'training'),
    canReadOwnCohorts: has('read', 'training'),
    canReopenAttendance: has('reopen', 'attendance'),
    canManageSkills: has('manage', 'skill'),
    canManageVillages: has('manage', 'village'),
    canReadPartners: has('read', 'partner'),
    canReadAllPartners: permissions.includes('read:partner:all'),
    canManagePartners: permissions.includes('manage:partner:organization'),
    canManageOwnPartner: permissions.includes('manage:partner:own'),
    canReadOpportunities: has('read', 'opportunity'),
    canReadAllOpportunities: permissions.includes('read:opportunity:all'),
    canManageOpportunities: permissions.includes('manage:opportunity:organization'),
    canDraftOpportunities: has('draft', 'opportunity'),
    canReviewRestrictions: has('review', 'opportunity'),
    canImportOpportunities: has('import', 'opportunity'),
    canProposePlacements: has('propose', 'placement'),
    canManagePlacements: has('manage', 'placement'),
    canReadMatches: has('read', 'match'),
    canDecideMatches: has('decide', 'match'),
    canPlanPlacements: has('plan', 'placement'),
    canReadPlanning: has('read', 'planning'),
    canReadFairness: has('read', 'fairness'),
    canReadReintegration: has('read', 'reintegration'),
    canManageReintegration: has('manage', 'reintegration'),
    canReadPrerelease: has('read', 'prerelease'),
    canSendHandover: has('send', 'handover'),
    canDecideHandover: has('decide', 'handover'),
    canReadSupervision: has('read', 'supervision'),
    canReadAllSupervision: permissions.includes('read:supervision:organization'),
    canRecordSupervision: has('record', 'supervision'),
    canRecordOutcomes: has('record', 'outcome'),
    canReadOutcomes: has('read', 'outcome'),
    canReadAgreements: has('read', 'agreement'),
    canManageAgreements: has('manage', 'agreement'),
    canApproveAgreements: has('approve', 'agreement'),
    canReadWorkPlans: has('read', 'workplan'),
    canManageWorkPlans: has('manage', 'workplan'),
    canReadMeetings: has('read', 'meeting'),
    canManageMeetings: has('manage', 'meeting'),
    canReadInsight: has('read', 'insight'),
    canReadProgramInsight: permissions.includes('read:insight:all'),
  };
}
