import type {
  AgreementActions,
  AgreementDelegate,
  AgreementDetail,
  AgreementListItem,
} from '../../../shared/agreements.ts';
import { AGREEMENT_TEMPLATE_KEYS, type AgreementTemplateKey } from '../../../shared/agreementTemplates.ts';
import type { Permission } from '../../../shared/permissions.ts';
import type { RequestContext } from '../../platform/access.ts';
import type {
  AgreementRow,
  agreementClauses,
  agreementEvents,
  agreementVersions,
  childAgreements,
  DelegateRow,
  listAgreements,
  ObligationRow,
  PartyRow,
  partiesOf,
} from './agreements.repository.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

const has = (ctx: RequestContext, permission: Permission) => ctx.principal.permissions.includes(permission);

/** A stored template key (written through the contract's enum), or null. */
const templateKey = (value: string | null): AgreementTemplateKey | null =>
  AGREEMENT_TEMPLATE_KEYS.find((key) => key === value) ?? null;

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The agreement that renews this one (the latest), from the row's json text. */
export function renewedByOf(row: Pick<AgreementRow, 'renewed_by'>) {
  if (!row.renewed_by) return null;
  return JSON.parse(row.renewed_by) as { id: string; title: string; status: string };
}

const EDITABLE = new Set(['draft', 'in_review', 'agreed']);
const DISCARDABLE = new Set(['draft', 'in_review']);
/** Obligations are no longer tracked once the agreement has ended this way. */
const UNTRACKED = new Set(['terminated', 'renewed', 'discarded']);

/** What the caller may do now (the service checks the same again). */
export function agreementActions(
  ctx: RequestContext,
  row: Pick<
    AgreementRow,
    'status' | 'text_version' | 'has_live_renewal' | 'signed_scan_id' | 'organization_id'
  >,
  parties: Pick<PartyRow, 'organization_id' | 'agreed_text_version'>[],
  callerCanAct: boolean,
): AgreementActions {
  const manage = has(ctx, 'manage:agreement:organization');
  const mine = parties.find((party) => party.organization_id === ctx.principal.organizationId);
  return {
    editText: manage && EDITABLE.has(row.status),
    editParties: manage && EDITABLE.has(row.status),
    submit: manage && row.status === 'draft',
    agree: callerCanAct && row.status === 'in_review' && mine?.agreed_text_version !== row.text_version,
    requestChanges: callerCanAct && (row.status === 'in_review' || row.status === 'agreed'),
    sign: callerCanAct && row.status === 'agreed',
    terminate: callerCanAct && row.status === 'signed',
    renew: manage && row.status === 'signed' && !row.has_live_renewal,
    discard: manage && row.organization_id === ctx.principal.organizationId && DISCARDABLE.has(row.status),
    print: true,
    downloadScan: row.signed_scan_id !== null,
  };
}

/** The names of the parties that have not agreed the current text. */
export function missingParties(
  parties: Pick<PartyRow, 'organization_name' | 'agreed_text_version'>[],
  textVersion: number,
): string[] {
  return parties
    .filter((party) => party.agreed_text_version !== textVersion)
    .map((party) => party.organization_name);
}

export function presentDetail(
  ctx: RequestContext,
  row: AgreementRow,
  related: {
    parties: PartyRow[];
    clauses: Rows<typeof agreementClauses>;
    obligations: ObligationRow[];
    children: Rows<typeof childAgreements>;
    events: Rows<typeof agreementEvents>;
    versions: Rows<typeof agreementVersions>;
    callerCanAct: boolean;
  },
): AgreementDetail {
  const org = ctx.principal.organizationId;
  const manage = has(ctx, 'manage:agreement:organization');
  const renewal = renewedByOf(row);
  return {
    id: row.id,
    kind: row.kind,
    parent: row.parent_id && row.parent_title ? { id: row.parent_id, title: row.parent_title } : null,
    organization: { id: row.organization_id, name: row.organization_name },
    title: row.title,
    purpose: row.purpose,
    scope: row.scope,
    considerations: row.considerations,
    status: row.status,
    effectiveStatus: row.effective_status,
    textVersion: row.text_version,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    signedOn: row.signed_on,
    signedPlace: row.signed_place,
    signedByName: row.signed_by_name,
    signedScan:
      row.scan_file_name && row.scan_media_type && row.scan_size_bytes !== null
        ? { fileName: row.scan_file_name, mediaType: row.scan_media_type, sizeBytes: row.scan_size_bytes }
        : null,
    terminatedOn: row.terminated_on,
    terminationReason: row.termination_reason,
    renews: row.renews_id && row.renews_title ? { id: row.renews_id, title: row.renews_title } : null,
    renewedBy: renewal ? { id: renewal.id, title: renewal.title } : null,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
    parties: related.parties.map((party) => ({
      id: party.id,
      organization: {
        id: party.organization_id,
        name: party.organization_name,
        kind: party.organization_kind,
      },
      position: party.position,
      signatoryName: party.signatory_name,
      signatoryPosition: party.signatory_position,
      documentNumber: party.document_number,
      agreedTextVersion: party.agreed_text_version,
      agreedAt: party.agreed_at ? iso(party.agreed_at) : null,
      agreedByName: party.agreed_by_name,
      agreedCurrent: party.agreed_text_version === row.text_version,
      agreementOutdated: party.agreed_text_version !== null && party.agreed_text_version < row.text_version,
      canAct: related.callerCanAct && party.organization_id === org,
    })),
    partiesMissing: missingParties(related.parties, row.text_version),
    clauses: related.clauses.map((clause) => ({
      id: clause.id,
      position: clause.position,
      heading: clause.heading,
      body: clause.body,
      template: templateKey(clause.template),
    })),
    obligations: related.obligations.map((obligation) => ({
      id: obligation.id,
      organization: { id: obligation.organization_id, name: obligation.organization_name },
      position: obligation.position,
      description: obligation.description,
      dueOn: obligation.due_on,
      status: obligation.status,
      statusNote: obligation.status_note,
      updatedByName: obligation.updated_by_name,
      updatedAt: iso(obligation.updated_at),
      version: obligation.version,
      canUpdate: manage && obligation.organization_id === org && !UNTRACKED.has(row.status),
    })),
    children: related.children.map((child) => ({
      id: child.id,
      kind: child.kind,
      title: child.title,
      effectiveStatus: child.effective_status,
      validFrom: child.valid_from,
      validUntil: child.valid_until,
    })),
    events: related.events.map((event) => ({
      id: event.id,
      kind: event.kind,
      organizationName: event.organization_name,
      actorName: event.actor_name,
      textVersion: event.text_version,
      note: event.note,
      at: iso(event.created_at),
    })),
    versions: related.versions.map((version) => ({
      number: version.number,
      createdAt: iso(version.created_at),
      createdByName: version.created_by_name,
    })),
    actions: agreementActions(ctx, row, related.parties, related.callerCanAct),
  };
}

export function presentListItem(
  row: Awaited<ReturnType<typeof listAgreements>>['items'][number],
  parties: Rows<typeof partiesOf>,
): AgreementListItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    parent: row.parent_id && row.parent_title ? { id: row.parent_id, title: row.parent_title } : null,
    status: row.status,
    effectiveStatus: row.effective_status,
    parties: parties
      .filter((party) => party.agreement_id === row.id)
      .map((party) => ({ id: party.id, name: party.name })),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    daysLeft: row.days_left === null ? null : Number(row.days_left),
    textVersion: row.text_version,
    agreedByMe: row.my_agreed_text_version === row.text_version,
    updatedAt: iso(row.updated_at),
  };
}

export function presentDelegate(row: DelegateRow): AgreementDelegate {
  return {
    id: row.id,
    user: { id: row.user_id, name: row.user_name, position: row.user_position },
    namedByName: row.named_by_name,
    note: row.note,
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    revokedByName: row.revoked_by_name,
  };
}
