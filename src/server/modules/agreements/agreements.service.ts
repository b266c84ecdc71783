import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  type AgreeAgreementRequest,
  type AgreementDetail,
  type AgreementDiff,
  type AgreementList,
  type AgreementListQuery,
  type AgreementObligationView,
  type AgreementPartyInput,
  type AgreementsMe,
  type AgreementText,
  type CreateAgreementRequest,
  partyLabel,
  type RequestAgreementChangesRequest,
  type SaveAgreementPartiesRequest,
  type SaveAgreementTextRequest,
  SignAgreementFields,
  type TerminateAgreementRequest,
  type UpdateObligationRequest,
  type VersionRequest,
} from '../../../shared/agreements.ts';
import type { Language } from '../../../shared/common.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import {
  AppError,
  conflict,
  type FieldError,
  type FieldErrors,
  failOnFields,
  fieldError,
  notFound,
} from '../../platform/errors.ts';
import { attachmentHeader, cleanFileName, detectMediaType } from '../../platform/files/media.ts';
import type { DocumentStore } from '../../platform/files/storage.ts';
import type { Upload } from '../../platform/files/upload.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  canActFor,
  delegateUserIds,
  HEAD_ROLES,
  isAgreementParty,
  isLiveDelegate,
  MANAGER_ROLES,
  READER_ROLES,
} from './agreements.access.ts';
import { renderAgreementPdf } from './agreements.pdf.ts';
import { missingParties, presentDetail, presentListItem } from './agreements.presenter.ts';
import {
  agreementClauses,
  agreementEvents,
  agreementObligations,
  agreementParties,
  agreementsSharedWith as agreementsSharedWithRows,
  agreementVersions,
  childAgreements,
  deleteParties,
  findAgreement,
  findAgreementOfParty,
  findLiveRenewal,
  findObligation,
  findVersion,
  insertAgreement,
  insertEvent,
  insertParties,
  insertScan,
  insertVersion,
  type LockedAgreement,
  listAgreements,
  lockAgreement,
  organizationsByIds,
  type PartyRow,
  partiesOf,
  replaceClauses,
  saveObligations,
  updateAgreement,
  updateObligationStatus,
  updateParty,
} from './agreements.repository.ts';
import { type AgreementSnapshot, diffTexts, dmy, readSnapshot, sameText } from './agreements.text.ts';

// Kesepakatan (MoU / PKS): drafting and editing the text (versioned, with the parties asked again when it
// changes after they agreed), the parties, the workflow (submit, agree, request changes, sign with the scan,
// terminate, renew, discard), the obligations' tracking and the readable diff between versions. Every change locks
// the agreement row, checks its version, writes an agreement_event and the audit log in one transaction with
// the notifications it causes.

type Db = Kysely<Database>;
type Trx = Kysely<Database> | Transaction<Database>;

/** No change of the text or the parties, no signing. */
const LOCKED_STATUSES = new Set(['signed', 'terminated', 'renewed', 'discarded']);
const linkOf = (agreementId: string) => `/tata-kelola/kesepakatan/${agreementId}`;

const auditSubject = (agreement: { id: string; organization_id: string }) => ({
  subjectType: 'agreement',
  subjectId: agreement.id,
  subjectOrganizationId: agreement.organization_id,
});

// ── Reading ──

/**
 * 404 unless the caller's organization is a party (and she reads agreements); returns the drafting
 * organization (the audit's subject organization).
 */
async function requireParty(db: Trx, ctx: RequestContext, agreementId: string): Promise<string> {
  requirePermission(ctx, 'read:agreement');
  const row = await findAgreementOfParty(db, agreementId, ctx.principal.organizationId);
  if (!row) throw notFound('AGREEMENT_NOT_FOUND');
  return row.organization_id;
}

/**
 * The agreement as the caller sees it (no audit): for the detail page and the PDF (S4's renderer).
 * 404 when the caller's organization is not a party.
 */
export async function getAgreementDetail(
  db: Trx,
  ctx: RequestContext,
  agreementId: string,
): Promise<AgreementDetail> {
  await requireParty(db, ctx, agreementId);
  const row = await findAgreement(db, agreementId, ctx.principal.organizationId);
  if (!row) throw notFound('AGREEMENT_NOT_FOUND');
  const [parties, clauses, obligations, children, events, versions, callerCanAct] = await Promise.all([
    agreementParties(db, agreementId),
    agreementClauses(db, agreementId),
    agreementObligations(db, agreementId),
    childAgreements(db, agreementId, ctx.principal.organizationId),
    agreementEvents(db, agreementId),
    agreementVersions(db, agreementId),
    canActFor(db, ctx, ctx.principal.organizationId),
  ]);
  return presentDetail(ctx, row, { parties, clauses, obligations, children, events, versions, callerCanAct });
}

/** A view of an agreement's text (a version, a diff) in the audit log. */
async function auditView(
  db: Db,
  ctx: RequestContext,
  agreement: { id: string; organization_id: string },
  details: Record<string, unknown>,
) {
  await audit(db, ctx, { action: 'agreement.viewed', ...auditSubject(agreement), details });
}

/** The detail page (audited agreement.viewed). */
export async function detail(db: Db, ctx: RequestContext, agreementId: string): Promise<AgreementDetail> {
  const view = await getAgreementDetail(db, ctx, agreementId);
  await audit(db, ctx, {
    action: 'agreement.viewed',
    subjectType: 'agreement',
    subjectId: agreementId,
    subjectOrganizationId: view.organization.id,
  });
  return view;
}

/** The agreements the caller's organization is party to, by expiry (soonest first, none last), then title. */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof AgreementListQuery>,
): Promise<AgreementList> {
  requirePermission(ctx, 'read:agreement');
  const { items, total } = await listAgreements(
    db,
    {
      organizationId: ctx.principal.organizationId,
      kind: query.kind,
      status: query.status,
      expiringWithinDays: query.expiringWithinDays,
      parentId: query.parentId,
      q: query.q,
    },
    { page: query.page, pageSize: query.pageSize },
  );
  const parties = await partiesOf(
    db,
    items.map((item) => item.id),
  );
  return {
    items: items.map((item) => presentListItem(item, parties)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The agreements (not discarded) that `partnerOrganizationId` and the caller's organization are both party
 * to, for the partner's page; none for a caller who does not read agreements. No audit (a list, no text).
 */
export async function agreementsSharedWith(db: Db, ctx: RequestContext, partnerOrganizationId: string) {
  if (!ctx.principal.permissions.includes('read:agreement:organization')) return [];
  const rows = await agreementsSharedWithRows(db, partnerOrganizationId, ctx.principal.organizationId);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.effective_status,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
  }));
}

/** What the caller may do with agreements of her organization. */
export async function me(db: Db, ctx: RequestContext): Promise<AgreementsMe> {
  requirePermission(ctx, 'read:agreement');
  const permissions = ctx.principal.permissions;
  const isHead = permissions.includes('approve:agreement:organization');
  const isDelegate = await isLiveDelegate(db, ctx);
  return {
    organization: { id: ctx.principal.organizationId, name: ctx.principal.organizationName },
    canManage: permissions.includes('manage:agreement:organization'),
    isHead,
    isDelegate,
    canAct: isHead || isDelegate,
  };
}

/** One text version (the snapshot). */
export async function textVersion(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  number: number,
): Promise<AgreementText> {
  const drafterId = await requireParty(db, ctx, agreementId);
  const row = await findVersion(db, agreementId, number);
  if (!row) throw notFound('AGREEMENT_VERSION_NOT_FOUND');
  await auditView(db, ctx, { id: agreementId, organization_id: drafterId }, { textVersion: number });
  return {
    number: row.number,
    ...readSnapshot(row.snapshot),
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
  };
}

/** The readable word-level diff between two text versions, section by section. */
export async function diff(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  from: number,
  to: number,
): Promise<AgreementDiff> {
  const drafterId = await requireParty(db, ctx, agreementId);
  const [a, b] = await Promise.all([findVersion(db, agreementId, from), findVersion(db, agreementId, to)]);
  if (!a || !b) throw notFound('AGREEMENT_VERSION_NOT_FOUND');
  const sections = diffTexts(readSnapshot(a.snapshot), readSnapshot(b.snapshot));
  await auditView(db, ctx, { id: agreementId, organization_id: drafterId }, { diff: [from, to] });
  return { from, to, changed: sections.some((section) => section.change !== 'unchanged'), sections };
}

// ── Checking what is sent ──

type PartyInput = z.output<typeof AgreementPartyInput>;
type TextInput = z.output<typeof SaveAgreementTextRequest>;

/** Parties: ≥ 2 distinct known organizations including the caller's (and the drafter's, once drafted). */
async function checkParties(
  db: Trx,
  ctx: RequestContext,
  parties: PartyInput[],
  fields: FieldErrors,
  drafterId: string | null,
) {
  const ids = parties.map((party) => party.organizationId);
  const known = await organizationsByIds(db, [...new Set(ids)]);
  const seen = new Set<string>();
  parties.forEach((party, index) => {
    if (!known.some((organization) => organization.id === party.organizationId))
      fields[`parties.${index}.organizationId`] = { key: 'agreement_party_unknown' };
    if (seen.has(party.organizationId)) fields.parties ??= { key: 'agreement_party_duplicate' };
    seen.add(party.organizationId);
  });
  if (fields.parties) return known;
  if (seen.size < 2) fields.parties = { key: 'agreement_parties_min' };
  else if (drafterId && !seen.has(drafterId)) fields.parties = { key: 'agreement_drafter_required' };
  else if (!seen.has(ctx.principal.organizationId)) fields.parties = { key: 'agreement_own_party_required' };
  return known;
}

function checkTerm(
  validFrom: string | null | undefined,
  validUntil: string | null | undefined,
  fields: FieldErrors,
) {
  if (validFrom && validUntil && validUntil < validFrom)
    fields.validUntil = { key: 'agreement_until_before_from' };
}

/** Obligations belong to parties; an obligation id must be one of this agreement's, and sent once. */
function checkObligations(
  obligations: TextInput['obligations'],
  partyIds: string[],
  existingIds: string[],
  fields: FieldErrors,
) {
  const seen = new Set<string>();
  obligations.forEach((obligation, index) => {
    if (!partyIds.includes(obligation.organizationId))
      fields[`obligations.${index}.organizationId`] = { key: 'agreement_obligation_not_party' };
    if (!obligation.id) return;
    if (!existingIds.includes(obligation.id))
      fields[`obligations.${index}.id`] = { key: 'agreement_obligation_unknown' };
    else if (seen.has(obligation.id))
      fields[`obligations.${index}.id`] = { key: 'agreement_obligation_duplicate' };
    seen.add(obligation.id);
  });
}

/**
 * What a text under review needs (checked on submit, and on every later save of the text or the parties):
 * ≥ 2 parties, each with its signatory's name and position, and ≥ 1 clause.
 */
function checkReadyForReview(
  parties: {
    position: number;
    organizationName: string;
    signatoryName: string | null;
    signatoryPosition: string | null;
  }[],
  clauseCount: number,
  fields: FieldErrors,
) {
  if (parties.length < 2) fields.parties ??= { key: 'agreement_parties_min' };
  if (clauseCount === 0) fields.clauses = { key: 'agreement_clauses_required' };
  parties.forEach((party, index) => {
    const params = { party: `${partyLabel(party.position)} (${party.organizationName})` };
    if (!party.signatoryName)
      fields[`parties.${index}.signatoryName`] = { key: 'agreement_signatory_name_required', params };
    if (!party.signatoryPosition)
      fields[`parties.${index}.signatoryPosition`] = { key: 'agreement_signatory_position_required', params };
  });
}

/** The parties of the rows, as checkReadyForReview reads them. */
const readinessOf = (parties: PartyRow[]) =>
  parties.map((party) => ({
    position: party.position,
    organizationName: party.organization_name,
    signatoryName: party.signatory_name,
    signatoryPosition: party.signatory_position,
  }));

/** A PKS's MoU: one the caller's organization is party to, an MoU, not terminated or discarded. */
async function validParent(db: Trx, ctx: RequestContext, parentId: string): Promise<boolean> {
  const parent = await findAgreement(db, parentId, ctx.principal.organizationId);
  if (parent?.kind !== 'mou' || parent.status === 'terminated' || parent.status === 'discarded') return false;
  return isAgreementParty(db, parent.id, ctx.principal.organizationId);
}

function snapshotOf(
  text: TextInput | Omit<TextInput, 'version'>,
  names: Map<string, string>,
): AgreementSnapshot {
  return {
    title: text.title,
    purpose: text.purpose ?? null,
    scope: text.scope ?? null,
    considerations: text.considerations ?? null,
    clauses: text.clauses.map((clause, index) => ({
      position: index + 1,
      heading: clause.heading,
      body: clause.body,
    })),
    obligations: text.obligations.map((obligation, index) => ({
      position: index + 1,
      organizationId: obligation.organizationId,
      organizationName: names.get(obligation.organizationId) ?? '',
      description: obligation.description,
      dueOn: obligation.dueOn ?? null,
    })),
  };
}

/** The current text of an agreement, from its rows. */
async function currentSnapshot(db: Trx, agreement: LockedAgreement): Promise<AgreementSnapshot> {
  const [clauses, obligations] = await Promise.all([
    agreementClauses(db, agreement.id),
    agreementObligations(db, agreement.id),
  ]);
  return {
    title: agreement.title,
    purpose: agreement.purpose,
    scope: agreement.scope,
    considerations: agreement.considerations,
    clauses: clauses.map((clause) => ({
      position: clause.position,
      heading: clause.heading,
      body: clause.body,
    })),
    obligations: obligations.map((obligation) => ({
      position: obligation.position,
      organizationId: obligation.organization_id,
      organizationName: obligation.organization_name,
      description: obligation.description,
      dueOn: obligation.due_on,
    })),
  };
}

// ── Notifications ──

/** agreement_review_requested to the heads and delegates of each organization. */
async function askToReview(
  trx: Trx,
  agreement: { id: string; title: string },
  organizationIds: string[],
  textVersion: number,
) {
  for (const organizationId of organizationIds)
    await notify(
      trx,
      { organizationId, roles: HEAD_ROLES, userIds: await delegateUserIds(trx, organizationId) },
      {
        kind: 'agreement_review_requested',
        params: { title: agreement.title, textVersion },
        link: linkOf(agreement.id),
      },
    );
}

/** A notification to the staff (of the given roles) of every party. */
async function tellParties(
  trx: Trx,
  agreement: { id: string; title: string },
  organizationIds: string[],
  roles: typeof READER_ROLES,
  kind: 'agreement_agreed_all' | 'agreement_signed',
) {
  for (const organizationId of organizationIds)
    await notify(
      trx,
      { organizationId, roles },
      { kind, params: { title: agreement.title }, link: linkOf(agreement.id) },
    );
}

// ── Locking for a change ──

/** The agreement locked for a change by a party: 404 when not a party, 409 AGREEMENT_CHANGED when stale. */
async function lockForChange(
  trx: Trx,
  ctx: RequestContext,
  agreementId: string,
  version: number,
  options: { actor?: boolean } = {},
) {
  const row = await lockAgreement(trx, agreementId);
  if (!row || !(await isAgreementParty(trx, agreementId, ctx.principal.organizationId)))
    throw notFound('AGREEMENT_NOT_FOUND');
  if (options.actor) await requireActor(trx, ctx);
  if (row.version !== version) throw conflict('AGREEMENT_CHANGED');
  return row;
}

/** 403 unless the caller is the head or a live delegate of her organization. */
async function requireActor(db: Trx, ctx: RequestContext) {
  if (!(await canActFor(db, ctx, ctx.principal.organizationId)))
    throw new AppError(403, 'AGREEMENT_ACT_FORBIDDEN');
}

// ── Creating ──

/** Drafts an MoU or a PKS (under an MoU the caller sees, not terminated) with version 1 of its text. */
export async function create(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof CreateAgreementRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'manage:agreement');
  const fields: FieldErrors = {};
  if (body.kind === 'pks') {
    if (!body.parentId) fields.parentId = { key: 'agreement_parent_required' };
    else if (!(await validParent(db, ctx, body.parentId)))
      fields.parentId = { key: 'agreement_parent_invalid' };
  } else if (body.parentId) fields.parentId = { key: 'agreement_mou_no_parent' };
  const known = await checkParties(db, ctx, body.parties, fields, null);
  const partyIds = body.parties.map((party) => party.organizationId);
  checkObligations(body.obligations, partyIds, [], fields);
  checkTerm(body.validFrom, body.validUntil, fields);
  failOnFields(fields);
  const names = new Map(known.map((organization) => [organization.id, organization.name]));
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertAgreement(trx, {
      kind: body.kind,
      parent_id: body.kind === 'pks' ? (body.parentId ?? null) : null,
      organization_id: ctx.principal.organizationId,
      title: body.title,
      purpose: body.purpose ?? null,
      scope: body.scope ?? null,
      considerations: body.considerations ?? null,
      valid_from: body.validFrom ?? null,
      valid_until: body.validUntil ?? null,
      renews_id: null,
      created_by: ctx.principal.userId,
    });
    await insertParties(
      trx,
      body.parties.map((party, index) => ({
        agreement_id: id,
        organization_id: party.organizationId,
        position: index + 1,
        signatory_name: party.signatoryName ?? null,
        signatory_position: party.signatoryPosition ?? null,
        document_number: party.documentNumber ?? null,
      })),
    );
    await replaceClauses(
      trx,
      id,
      body.clauses.map((clause) => ({
        heading: clause.heading,
        body: clause.body,
        template: clause.template ?? null,
      })),
    );
    await saveObligations(
      trx,
      id,
      body.obligations.map((obligation) => ({
        ...obligation,
        id: undefined,
        dueOn: obligation.dueOn ?? null,
      })),
    );
    await insertVersion(trx, id, 1, snapshotOf(body, names), ctx.principal.userId);
    await insertEvent(trx, {
      agreementId: id,
      kind: 'created',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: 1,
    });
    await audit(trx, ctx, {
      action: 'agreement.created',
      ...auditSubject({ id, organization_id: ctx.principal.organizationId }),
      details: { kind: body.kind, parentId: body.parentId ?? null, parties: partyIds },
    });
    return id;
  });
  return getAgreementDetail(db, ctx, id);
}

// ── Editing the text and the parties ──

/**
 * Saves the text. Identical to the current one: nothing is written. Otherwise text_version + 1 with its
 * snapshot; each party that had agreed the current version is asked again (event agreement_outdated,
 * notification to its heads and delegates; parties already outdated are not asked twice) and an `agreed`
 * agreement goes back to `in_review`. Once submitted, the text keeps at least one clause.
 */
export async function saveText(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof SaveAgreementTextRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'manage:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version);
    if (LOCKED_STATUSES.has(agreement.status)) throw conflict('AGREEMENT_LOCKED');
    const [parties, obligations] = await Promise.all([
      agreementParties(trx, agreementId),
      agreementObligations(trx, agreementId),
    ]);
    const fields: FieldErrors = {};
    checkObligations(
      body.obligations,
      parties.map((party) => party.organization_id),
      obligations.map((obligation) => obligation.id),
      fields,
    );
    if (agreement.status !== 'draft') checkReadyForReview(readinessOf(parties), body.clauses.length, fields);
    failOnFields(fields);
    const names = new Map(parties.map((party) => [party.organization_id, party.organization_name]));
    const next = snapshotOf(body, names);
    if (sameText(await currentSnapshot(trx, agreement), next)) return;
    const number = agreement.text_version + 1;
    // The parties this save makes outdated: those that had agreed the text just replaced.
    const outdated = parties.filter((party) => party.agreed_text_version === agreement.text_version);
    await updateAgreement(trx, agreementId, {
      title: body.title,
      purpose: body.purpose ?? null,
      scope: body.scope ?? null,
      considerations: body.considerations ?? null,
      text_version: number,
      ...(agreement.status === 'agreed' && { status: 'in_review' as const }),
    });
    await replaceClauses(
      trx,
      agreementId,
      body.clauses.map((clause) => ({
        heading: clause.heading,
        body: clause.body,
        template: clause.template ?? null,
      })),
    );
    await saveObligations(
      trx,
      agreementId,
      body.obligations.map((obligation) => ({ ...obligation, dueOn: obligation.dueOn ?? null })),
    );
    await insertVersion(trx, agreementId, number, next, ctx.principal.userId);
    await insertEvent(trx, {
      agreementId,
      kind: 'text_changed',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: number,
    });
    for (const party of outdated)
      await insertEvent(trx, {
        agreementId,
        kind: 'agreement_outdated',
        organizationId: party.organization_id,
        textVersion: number,
        note: null,
      });
    await askToReview(
      trx,
      { id: agreementId, title: body.title },
      outdated.map((party) => party.organization_id),
      number,
    );
    await audit(trx, ctx, {
      action: 'agreement.text_saved',
      ...auditSubject(agreement),
      details: {
        textVersion: number,
        outdatedParties: outdated.map((party) => party.organization_id),
        ...(agreement.status === 'agreed' && { status: 'in_review' }),
      },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

/** Whether every party agreed the text version. */
const allAgreed = (parties: { agreed_text_version: number | null }[], textVersion: number) =>
  parties.length > 0 && parties.every((party) => party.agreed_text_version === textVersion);

const NOT_AGREED = { agreed_text_version: null, agreed_at: null, agreed_by: null };

/**
 * Saves the parties (signatories, document numbers), their order and the planned term. Nothing changes
 * when identical. In review or agreed, a change of membership, order or signatories (what the parties sign
 * as) withdraws every remaining party's agreement: those that had agreed the current text get an
 * agreement_outdated event and are asked again with the new parties, and `agreed` goes back to `in_review`.
 * A removed party is named in a parties_changed event. Document numbers and the term alone change nothing
 * of the agreement.
 */
export async function saveParties(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof SaveAgreementPartiesRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'manage:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version);
    if (LOCKED_STATUSES.has(agreement.status)) throw conflict('AGREEMENT_LOCKED');
    const fields: FieldErrors = {};
    const known = await checkParties(trx, ctx, body.parties, fields, agreement.organization_id);
    const validFrom = body.validFrom === undefined ? agreement.valid_from : body.validFrom;
    const validUntil = body.validUntil === undefined ? agreement.valid_until : body.validUntil;
    checkTerm(validFrom, validUntil, fields);
    const [current, obligations, clauses] = await Promise.all([
      agreementParties(trx, agreementId),
      agreementObligations(trx, agreementId),
      agreementClauses(trx, agreementId),
    ]);
    const wanted = new Set(body.parties.map((party) => party.organizationId));
    const removed = current.filter((party) => !wanted.has(party.organization_id));
    if (
      !fields.parties &&
      removed.some((party) => obligations.some((o) => o.organization_id === party.organization_id))
    )
      fields.parties = { key: 'agreement_party_has_obligations' };
    if (agreement.status !== 'draft')
      checkReadyForReview(
        body.parties.map((party, index) => ({
          position: index + 1,
          organizationName: known.find((row) => row.id === party.organizationId)?.name ?? '',
          signatoryName: party.signatoryName ?? null,
          signatoryPosition: party.signatoryPosition ?? null,
        })),
        clauses.length,
        fields,
      );
    failOnFields(fields);
    // What the parties sign as: who, in which order (PIHAK PERTAMA, ...), by whom.
    const signedAsBefore =
      current.length === body.parties.length &&
      body.parties.every((party, index) => {
        const row = current[index];
        return (
          row?.organization_id === party.organizationId &&
          row.signatory_name === (party.signatoryName ?? null) &&
          row.signatory_position === (party.signatoryPosition ?? null)
        );
      });
    const same =
      signedAsBefore &&
      validFrom === agreement.valid_from &&
      validUntil === agreement.valid_until &&
      body.parties.every(
        (party, index) => current[index]?.document_number === (party.documentNumber ?? null),
      );
    if (same) return;
    const reviewing = agreement.status === 'in_review' || agreement.status === 'agreed';
    const withdraw = reviewing && !signedAsBefore;
    // Those that had agreed the current text and stay: their agreement is withdrawn and they are asked again.
    const outdated = withdraw
      ? current.filter(
          (party) =>
            wanted.has(party.organization_id) && party.agreed_text_version === agreement.text_version,
        )
      : [];
    await deleteParties(
      trx,
      removed.map((party) => party.id),
    );
    const added: string[] = [];
    for (const [index, party] of body.parties.entries()) {
      const values = {
        position: index + 1,
        signatory_name: party.signatoryName ?? null,
        signatory_position: party.signatoryPosition ?? null,
        document_number: party.documentNumber ?? null,
      };
      const existing = current.find((row) => row.organization_id === party.organizationId);
      if (existing)
        await updateParty(trx, existing.id, {
          ...values,
          ...(withdraw && existing.agreed_text_version !== null && NOT_AGREED),
        });
      else {
        added.push(party.organizationId);
        await insertParties(trx, [
          { agreement_id: agreementId, organization_id: party.organizationId, ...values },
        ]);
      }
    }
    const status = withdraw ? 'in_review' : agreement.status;
    await updateAgreement(trx, agreementId, {
      valid_from: validFrom,
      valid_until: validUntil,
      ...(status !== agreement.status && { status }),
    });
    await insertEvent(trx, {
      agreementId,
      kind: 'parties_changed',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: agreement.text_version,
    });
    for (const party of removed)
      await insertEvent(trx, {
        agreementId,
        kind: 'parties_changed',
        organizationId: party.organization_id,
        userId: ctx.principal.userId,
        textVersion: agreement.text_version,
        note: 'Dikeluarkan dari para pihak.',
      });
    for (const party of outdated)
      await insertEvent(trx, {
        agreementId,
        kind: 'agreement_outdated',
        organizationId: party.organization_id,
        textVersion: agreement.text_version,
      });
    if (reviewing)
      await askToReview(
        trx,
        agreement,
        [...added, ...outdated.map((party) => party.organization_id)],
        agreement.text_version,
      );
    await audit(trx, ctx, {
      action: 'agreement.parties_saved',
      ...auditSubject(agreement),
      details: {
        parties: body.parties.map((party) => party.organizationId),
        added,
        removed: removed.map((party) => party.organization_id),
        validFrom,
        validUntil,
        ...(withdraw && { outdatedParties: outdated.map((party) => party.organization_id) }),
        ...(status !== agreement.status && { status }),
      },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

// ── The workflow ──

/** draft → in_review: ≥ 2 parties each with a signatory, ≥ 1 clause; every party's heads are asked to review. */
export async function submit(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof VersionRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'manage:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version);
    if (agreement.status !== 'draft') throw conflict('AGREEMENT_NOT_DRAFT');
    const [parties, clauses] = await Promise.all([
      agreementParties(trx, agreementId),
      agreementClauses(trx, agreementId),
    ]);
    const fields: FieldErrors = {};
    checkReadyForReview(readinessOf(parties), clauses.length, fields);
    failOnFields(fields);
    await updateAgreement(trx, agreementId, { status: 'in_review' });
    await insertEvent(trx, {
      agreementId,
      kind: 'submitted',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: agreement.text_version,
    });
    await askToReview(
      trx,
      agreement,
      parties.map((party) => party.organization_id),
      agreement.text_version,
    );
    await audit(trx, ctx, {
      action: 'agreement.submitted',
      ...auditSubject(agreement),
      details: { textVersion: agreement.text_version },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

/**
 * The caller's party agrees the current text (its head or a live delegate). When every party has agreed
 * it, the agreement is `agreed` and every party's staff are told.
 */
export async function agree(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof AgreeAgreementRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'read:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version, { actor: true });
    const parties = await agreementParties(trx, agreementId);
    const mine = parties.find((party) => party.organization_id === ctx.principal.organizationId);
    if (!mine) throw notFound('AGREEMENT_NOT_FOUND');
    if (mine.agreed_text_version === agreement.text_version) throw conflict('AGREEMENT_ALREADY_AGREED');
    if (agreement.status !== 'in_review') throw conflict('AGREEMENT_NOT_IN_REVIEW');
    await updateParty(trx, mine.id, {
      agreed_text_version: agreement.text_version,
      agreed_at: new Date(),
      agreed_by: ctx.principal.userId,
    });
    const after = parties.map((party) =>
      party.id === mine.id ? { ...party, agreed_text_version: agreement.text_version } : party,
    );
    const complete = allAgreed(after, agreement.text_version);
    await updateAgreement(trx, agreementId, complete ? { status: 'agreed' } : {});
    await insertEvent(trx, {
      agreementId,
      kind: 'agreed',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: agreement.text_version,
      note: body.note ?? null,
    });
    if (complete)
      await tellParties(
        trx,
        agreement,
        parties.map((party) => party.organization_id),
        MANAGER_ROLES,
        'agreement_agreed_all',
      );
    await audit(trx, ctx, {
      action: 'agreement.agreed',
      ...auditSubject(agreement),
      details: { textVersion: agreement.text_version, ...(complete && { status: 'agreed' }) },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

/**
 * The caller's party asks for changes (head or delegate; a note is required): its agreement, if any, is
 * withdrawn and an `agreed` agreement goes back to `in_review`.
 */
export async function requestChanges(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof RequestAgreementChangesRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'read:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version, { actor: true });
    if (agreement.status !== 'in_review' && agreement.status !== 'agreed')
      throw conflict('AGREEMENT_NOT_IN_REVIEW');
    const parties = await agreementParties(trx, agreementId);
    const mine = parties.find((party) => party.organization_id === ctx.principal.organizationId);
    if (!mine) throw notFound('AGREEMENT_NOT_FOUND');
    if (mine.agreed_text_version !== null)
      await updateParty(trx, mine.id, { agreed_text_version: null, agreed_at: null, agreed_by: null });
    await updateAgreement(trx, agreementId, agreement.status === 'agreed' ? { status: 'in_review' } : {});
    await insertEvent(trx, {
      agreementId,
      kind: 'changes_requested',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: agreement.text_version,
      note: body.note,
    });
    // The drafting organization's staff revise the text.
    await notify(
      trx,
      { organizationId: agreement.organization_id, roles: MANAGER_ROLES },
      {
        kind: 'agreement_changes_requested',
        params: { title: agreement.title, organizationName: mine.organization_name },
        link: linkOf(agreementId),
      },
    );
    await audit(trx, ctx, {
      action: 'agreement.changes_requested',
      ...auditSubject(agreement),
      details: { textVersion: agreement.text_version },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

const tooLarge = (maxMb: number) =>
  new AppError(413, 'DOCUMENT_TOO_LARGE', {
    params: { maxMb },
    fields: { file: { key: 'document_too_large', params: { maxMb } } },
  });

function uploadFieldErrors(error: z.ZodError): AppError {
  const fields: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] = { key: 'unknown_field' };
      continue;
    }
    const name = String(issue.path[0] ?? '_');
    if (fields[name]) continue;
    const custom = issue.code === 'custom' ? (issue.params as { key?: string } | undefined)?.key : undefined;
    if (custom === 'date_out_of_range') fields[name] = { key: 'date_out_of_range' };
    else if (issue.code === 'too_big') fields[name] = { key: 'too_long', params: { maximum: issue.maximum } };
    else if (issue.code === 'invalid_format') fields[name] = { key: 'invalid_format_date' };
    else if (issue.code === 'too_small' || issue.code === 'invalid_type') fields[name] = { key: 'required' };
    else fields[name] = { key: 'invalid' };
  }
  return new AppError(400, 'VALIDATION_FAILED', { fields });
}

/**
 * Ready to sign: stored `agreed` AND every party agreed the current text (not trusting the status alone).
 * 409 AGREEMENT_LOCKED once signed / ended / discarded, AGREEMENT_NOT_IN_REVIEW for a draft,
 * AGREEMENT_NOT_AGREED naming the parties that have not agreed the current text.
 */
function requireAgreed(
  agreement: Pick<LockedAgreement, 'status' | 'text_version'>,
  parties: { organization_name: string; agreed_text_version: number | null }[],
) {
  if (LOCKED_STATUSES.has(agreement.status)) throw conflict('AGREEMENT_LOCKED');
  if (agreement.status === 'draft') throw conflict('AGREEMENT_NOT_IN_REVIEW');
  const missing = missingParties(parties, agreement.text_version);
  if (agreement.status !== 'agreed' || missing.length > 0 || parties.length === 0)
    throw conflict('AGREEMENT_NOT_AGREED', { parties: missing.join(', ') });
}

/**
 * Signs an agreed agreement (head or delegate of a party) with its scan (PDF, JPEG or PNG by content, at
 * most 10 MB), the signing date (not in the future) and place and the term. The agreement it renews, if
 * signed, becomes `renewed`. `receive` reads the multipart body after the access and state checks.
 */
export async function sign(
  db: Db,
  store: DocumentStore,
  ctx: RequestContext,
  agreementId: string,
  receive: () => Promise<Upload>,
  maxBytes: number,
): Promise<AgreementDetail> {
  await requireParty(db, ctx, agreementId);
  await requireActor(db, ctx);
  const before = await findAgreement(db, agreementId, ctx.principal.organizationId);
  if (!before) throw notFound('AGREEMENT_NOT_FOUND');
  requireAgreed(before, await agreementParties(db, agreementId));
  const { fields: form, file } = await receive();
  let keptKey: string | null = null;
  try {
    if (file?.tooLarge) throw tooLarge(Math.round(maxBytes / 1024 / 1024));
    const parsed = SignAgreementFields.safeParse(form);
    if (!parsed.success) throw uploadFieldErrors(parsed.error);
    const input = parsed.data;
    const fields: FieldErrors = {};
    if (input.signedOn > today()) fields.signedOn = { key: 'agreement_signed_in_future' };
    checkTerm(input.validFrom, input.validUntil, fields);
    if (!file) fields.file = { key: 'required' };
    else if (file.size === 0) fields.file = { key: 'document_empty' };
    failOnFields(fields);
    if (!file) throw fieldError('file', 'required');
    const mediaType = detectMediaType(file.head);
    if (!mediaType) throw fieldError('file', 'document_type_not_allowed');
    await db.transaction().execute(async (trx) => {
      const agreement = await lockForChange(trx, ctx, agreementId, input.version, { actor: true });
      const parties = await agreementParties(trx, agreementId);
      requireAgreed(agreement, parties);
      const storageKey = await store.keep(file);
      keptKey = storageKey;
      const scan = await insertScan(trx, {
        organization_id: ctx.principal.organizationId,
        file_name: cleanFileName(file.fileName, mediaType),
        media_type: mediaType,
        size_bytes: file.size,
        sha256: file.sha256,
        storage_key: storageKey,
        uploaded_by: ctx.principal.userId,
      });
      await updateAgreement(trx, agreementId, {
        status: 'signed',
        signed_on: input.signedOn,
        signed_place: input.signedPlace,
        valid_from: input.validFrom,
        valid_until: input.validUntil,
        signed_scan_id: scan.id,
        signed_by: ctx.principal.userId,
      });
      await insertEvent(trx, {
        agreementId,
        kind: 'signed',
        organizationId: ctx.principal.organizationId,
        userId: ctx.principal.userId,
        textVersion: agreement.text_version,
        note: `${input.signedPlace}, ${dmy(input.signedOn)}`,
      });
      let renewedId: string | null = null;
      if (agreement.renews_id) {
        const old = await lockAgreement(trx, agreement.renews_id);
        if (old && old.status === 'signed') {
          renewedId = old.id;
          await updateAgreement(trx, old.id, { status: 'renewed' });
          await insertEvent(trx, {
            agreementId: old.id,
            kind: 'renewed',
            organizationId: ctx.principal.organizationId,
            userId: ctx.principal.userId,
            note: agreement.title,
          });
        }
      }
      await tellParties(
        trx,
        agreement,
        parties.map((party) => party.organization_id),
        READER_ROLES,
        'agreement_signed',
      );
      await audit(trx, ctx, {
        action: 'agreement.signed',
        ...auditSubject(agreement),
        details: {
          signedOn: input.signedOn,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          scanId: scan.id,
          mediaType,
          sizeBytes: file.size,
          sha256: file.sha256,
          ...(renewedId && { renewedId }),
        },
      });
    });
    keptKey = null;
  } catch (error) {
    if (keptKey) await store.remove(keptKey);
    throw error;
  } finally {
    if (file) await store.discard(file);
  }
  return getAgreementDetail(db, ctx, agreementId);
}

/** The signed scan, as an attachment (audited agreement.scan_downloaded). */
export async function downloadScan(db: Db, store: DocumentStore, ctx: RequestContext, agreementId: string) {
  await requireParty(db, ctx, agreementId);
  const row = await findAgreement(db, agreementId, ctx.principal.organizationId);
  if (!row?.scan_storage_key || !row.scan_file_name || !row.scan_media_type)
    throw notFound('AGREEMENT_SCAN_NOT_FOUND');
  const file = await store.open(row.scan_storage_key);
  if (!file) throw notFound('AGREEMENT_SCAN_NOT_FOUND');
  await audit(db, ctx, {
    action: 'agreement.scan_downloaded',
    ...auditSubject(row),
    details: { scanId: row.signed_scan_id },
  });
  return {
    stream: file.stream,
    headers: {
      'content-type': row.scan_media_type,
      'content-length': String(file.size),
      'content-disposition': attachmentHeader(row.scan_file_name),
      'x-content-type-options': 'nosniff',
    },
  };
}

/**
 * Terminates a signed agreement (head or delegate of a party): a date (not in the future, not before the
 * signing, not after the end of its term) and a reason.
 */
export async function terminate(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof TerminateAgreementRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'read:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version, { actor: true });
    if (agreement.status !== 'signed') throw conflict('AGREEMENT_NOT_SIGNED');
    if (body.terminatedOn > today()) throw fieldError('terminatedOn', 'agreement_terminated_in_future');
    if (agreement.signed_on && body.terminatedOn < agreement.signed_on)
      throw fieldError('terminatedOn', 'agreement_terminated_before_signed', {
        date: dmy(agreement.signed_on),
      });
    if (agreement.valid_until && body.terminatedOn > agreement.valid_until)
      throw fieldError('terminatedOn', 'agreement_terminated_after_expiry', {
        date: dmy(agreement.valid_until),
      });
    await updateAgreement(trx, agreementId, {
      status: 'terminated',
      terminated_on: body.terminatedOn,
      termination_reason: body.reason,
    });
    await insertEvent(trx, {
      agreementId,
      kind: 'terminated',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      note: body.reason,
    });
    await audit(trx, ctx, {
      action: 'agreement.terminated',
      ...auditSubject(agreement),
      details: { terminatedOn: body.terminatedOn },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

/**
 * Renews a signed agreement (in force or expired): a new draft with the same kind, parent, parties,
 * clauses and obligations, naming this one. Refused while another renewal (not terminated or discarded)
 * exists, and for a PKS whose MoU is no longer a valid parent for the caller (the rule of `create`).
 */
export async function renew(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof VersionRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'manage:agreement');
  const id = await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version);
    if (agreement.status !== 'signed') throw conflict('AGREEMENT_NOT_SIGNED');
    const existing = await findLiveRenewal(trx, agreementId);
    if (existing) throw conflict('AGREEMENT_RENEWAL_EXISTS', { renewalId: existing.id });
    if (agreement.parent_id && !(await validParent(trx, ctx, agreement.parent_id)))
      throw conflict('AGREEMENT_PARENT_INVALID');
    const [parties, clauses, obligations] = await Promise.all([
      agreementParties(trx, agreementId),
      agreementClauses(trx, agreementId),
      agreementObligations(trx, agreementId),
    ]);
    const { id } = await insertAgreement(trx, {
      kind: agreement.kind,
      parent_id: agreement.parent_id,
      organization_id: ctx.principal.organizationId,
      title: agreement.title,
      purpose: agreement.purpose,
      scope: agreement.scope,
      considerations: agreement.considerations,
      valid_from: null,
      valid_until: null,
      renews_id: agreementId,
      created_by: ctx.principal.userId,
    });
    // The caller's organization drafts the renewal: it comes first if it was not the first party.
    const ordered = [
      ...parties.filter((party) => party.organization_id === ctx.principal.organizationId),
      ...parties.filter((party) => party.organization_id !== ctx.principal.organizationId),
    ];
    const keepOrder = parties[0]?.organization_id === ctx.principal.organizationId;
    await insertParties(
      trx,
      (keepOrder ? parties : ordered).map((party, index) => ({
        agreement_id: id,
        organization_id: party.organization_id,
        position: index + 1,
        signatory_name: party.signatory_name,
        signatory_position: party.signatory_position,
        document_number: null,
      })),
    );
    await replaceClauses(
      trx,
      id,
      clauses.map((clause) => ({ heading: clause.heading, body: clause.body, template: clause.template })),
    );
    await saveObligations(
      trx,
      id,
      obligations.map((obligation) => ({
        organizationId: obligation.organization_id,
        description: obligation.description,
        dueOn: null,
      })),
    );
    const snapshot = await currentSnapshot(trx, { ...agreement, id });
    await insertVersion(trx, id, 1, snapshot, ctx.principal.userId);
    await insertEvent(trx, {
      agreementId: id,
      kind: 'created',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: 1,
      note: agreement.title,
    });
    await audit(trx, ctx, {
      action: 'agreement.renewed',
      ...auditSubject(agreement),
      details: { renewalId: id },
    });
    // The renewal's own trail starts here too.
    await audit(trx, ctx, {
      action: 'agreement.created',
      ...auditSubject({ id, organization_id: ctx.principal.organizationId }),
      details: {
        kind: agreement.kind,
        parentId: agreement.parent_id,
        parties: parties.map((party) => party.organization_id),
        renewsId: agreementId,
      },
    });
    return id;
  });
  return getAgreementDetail(db, ctx, id);
}

/**
 * Discards a draft or an agreement under review (never signed): manage staff of the drafting organization.
 * It becomes read-only, leaves the default list and no longer blocks a renewal of the one it renews.
 */
export async function discard(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  body: z.output<typeof VersionRequest>,
): Promise<AgreementDetail> {
  requirePermission(ctx, 'manage:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockForChange(trx, ctx, agreementId, body.version);
    if (agreement.organization_id !== ctx.principal.organizationId)
      throw new AppError(403, 'AGREEMENT_DRAFTER_ONLY');
    if (agreement.status !== 'draft' && agreement.status !== 'in_review')
      throw conflict('AGREEMENT_NOT_DISCARDABLE');
    await updateAgreement(trx, agreementId, { status: 'discarded' });
    await insertEvent(trx, {
      agreementId,
      kind: 'discarded',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      textVersion: agreement.text_version,
    });
    await audit(trx, ctx, {
      action: 'agreement.discarded',
      ...auditSubject(agreement),
      details: {
        previous: agreement.status,
        textVersion: agreement.text_version,
        ...(agreement.renews_id && { renewsId: agreement.renews_id }),
      },
    });
  });
  return getAgreementDetail(db, ctx, agreementId);
}

// ── Obligations ──

/** Tracks an obligation (status and note): staff of the obligated organization; not part of the text. */
export async function updateObligation(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  obligationId: string,
  body: z.output<typeof UpdateObligationRequest>,
): Promise<AgreementObligationView> {
  requirePermission(ctx, 'manage:agreement');
  await db.transaction().execute(async (trx) => {
    const agreement = await lockAgreement(trx, agreementId);
    if (!agreement || !(await isAgreementParty(trx, agreementId, ctx.principal.organizationId)))
      throw notFound('AGREEMENT_NOT_FOUND');
    const obligation = await findObligation(trx, agreementId, obligationId);
    if (!obligation) throw notFound('AGREEMENT_OBLIGATION_NOT_FOUND');
    if (obligation.organization_id !== ctx.principal.organizationId)
      throw new AppError(403, 'AGREEMENT_OBLIGATION_NOT_YOURS');
    if (
      agreement.status === 'terminated' ||
      agreement.status === 'renewed' ||
      agreement.status === 'discarded'
    )
      throw conflict('AGREEMENT_LOCKED');
    if (obligation.version !== body.version) throw conflict('AGREEMENT_OBLIGATION_CHANGED');
    await updateObligationStatus(trx, obligationId, {
      status: body.status,
      status_note: body.note ?? null,
      updated_by: ctx.principal.userId,
    });
    await insertEvent(trx, {
      agreementId,
      kind: 'obligation_updated',
      organizationId: ctx.principal.organizationId,
      userId: ctx.principal.userId,
      note: `${obligation.position}. ${obligation.description}: ${body.status}${body.note ? ` (${body.note})` : ''}`,
    });
    await audit(trx, ctx, {
      action: 'agreement.obligation_updated',
      ...auditSubject(agreement),
      details: { obligationId, status: body.status, previous: obligation.status },
    });
  });
  const view = await getAgreementDetail(db, ctx, agreementId);
  const updated = view.obligations.find((obligation) => obligation.id === obligationId);
  if (!updated) throw notFound('AGREEMENT_OBLIGATION_NOT_FOUND');
  return updated;
}

// ── Printing ──

/** 'Nota Kesepahaman …' → 'nota-kesepahaman-…' for the file name. */
const slug = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'kesepakatan';

/** The agreement as PDF (the text to sign) in `language`; audited agreement.printed. */
export async function exportPdf(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  language: Language,
): Promise<{ buffer: Buffer; disposition: string }> {
  const view = await getAgreementDetail(db, ctx, agreementId);
  const buffer = await renderAgreementPdf(view, language);
  await audit(db, ctx, {
    action: 'agreement.printed',
    subjectType: 'agreement',
    subjectId: agreementId,
    subjectOrganizationId: view.organization.id,
    details: { textVersion: view.textVersion, language },
  });
  return {
    buffer,
    disposition: attachmentHeader(`${view.kind}-${slug(view.title)}-v${view.textVersion}.pdf`),
  };
}
