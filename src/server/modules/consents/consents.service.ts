import type { Kysely } from 'kysely';
import type { CreateConsentRequest, WithdrawConsentRequest } from '../../../shared/consents.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, conflict, type FieldError, fieldError, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { type PersonAccess, personAccess, requireCorrections } from '../people/people.access.ts';
import { presentConsent } from './consents.presenter.ts';
import {
  type ConsentFilter,
  documentOfPerson,
  findConsent,
  insertConsent,
  listConsents,
  recipientOrganizations,
  withdrawConsent,
} from './consents.repository.ts';

type Db = Kysely<Database>;

function filterFor(ctx: RequestContext, access: PersonAccess): ConsentFilter {
  return {
    personId: access.personId,
    recipient: access.corrections
      ? null
      : { organizationId: ctx.principal.organizationId, kind: ctx.principal.organizationKind },
    sharedDocumentsOnly: !access.corrections,
  };
}

/** Today in the program's time zone (Asia/Jakarta), as 'yyyy-mm-dd': the day the officer sees. */

const dayMonthYear = (date: string) => date.split('-').reverse().join('/');

/** A person's consents: all of them for corrections staff, those naming her organization or kind for others. */
export async function list(db: Db, ctx: RequestContext, personId: string) {
  const access = await personAccess(db, ctx, personId);
  const rows = await listConsents(db, filterFor(ctx, access));
  await audit(db, ctx, {
    action: 'consent.listed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { shown: rows.map((row) => row.id) },
  });
  const viewer = access.corrections ? undefined : ctx.principal.organizationId;
  const viewerKind = access.corrections ? undefined : ctx.principal.organizationKind;
  return { items: rows.map((row) => presentConsent(row, viewer, viewerKind)) };
}

/** Records a consent; it gives its recipients access from its date on (corrections staff, manage:consent). */
export async function create(db: Db, ctx: RequestContext, personId: string, body: CreateConsentRequest) {
  const access = await personAccess(db, ctx, personId);
  requirePermission(ctx, 'manage:consent');
  requireCorrections(access);
  if (access.anonymized) throw new AppError(409, 'PERSON_ANONYMIZED');
  const organizationIds = [...new Set(body.recipientOrganizationIds ?? [])];
  const kinds = [...new Set(body.recipientKinds ?? [])];
  const fieldGroups = [...new Set(body.fieldGroups)];
  const evidenceDocumentId = body.evidenceDocumentId ?? null;

  const fields: Record<string, FieldError> = {};
  if (body.givenOn > today()) fields.givenOn = { key: 'date_in_future' };
  if (organizationIds.length === 0 && kinds.length === 0)
    fields.recipientOrganizationIds = { key: 'consent_recipient_required' };
  else if ((await recipientOrganizations(db, organizationIds)).length !== organizationIds.length)
    fields.recipientOrganizationIds = { key: 'consent_recipient_invalid' };
  if (evidenceDocumentId && !(await documentOfPerson(db, personId, evidenceDocumentId)))
    fields.evidenceDocumentId = { key: 'consent_evidence_invalid' };
  if (Object.keys(fields).length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });

  const id = await db.transaction().execute(async (trx) => {
    const consentId = await insertConsent(trx, {
      personId,
      organizationId: access.organizationId,
      purpose: body.purpose,
      recipientOrganizationIds: organizationIds,
      recipientKinds: kinds,
      fieldGroups,
      givenOn: body.givenOn,
      evidenceDocumentId,
      recordedBy: ctx.principal.userId,
    });
    const details = {
      consentId,
      recipientOrganizationIds: organizationIds,
      recipientKinds: kinds,
      fieldGroups,
      givenOn: body.givenOn,
    };
    // Corrections only: a consent names its recipients, which one recipient must not learn of another.
    await recordTimeline(trx, ctx, personId, { kind: 'consent.given', visibility: 'corrections', details });
    await audit(trx, ctx, {
      action: 'consent.given',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details,
    });
    return consentId;
  });
  const row = await findConsent(db, filterFor(ctx, access), id);
  if (!row) throw notFound('CONSENT_NOT_FOUND');
  return presentConsent(row);
}

/**
 * Withdraws a consent. Access is decided on every request from the consents in the database, so the
 * recipients lose it from their next request on.
 */
export async function withdraw(
  db: Db,
  ctx: RequestContext,
  personId: string,
  consentId: string,
  body: WithdrawConsentRequest,
) {
  const access = await personAccess(db, ctx, personId);
  requirePermission(ctx, 'manage:consent');
  requireCorrections(access);
  const filter = filterFor(ctx, access);
  const consent = await findConsent(db, filter, consentId);
  if (!consent) throw notFound('CONSENT_NOT_FOUND');
  if (consent.withdrawn_on) throw conflict('CONSENT_ALREADY_WITHDRAWN');
  const withdrawnOn = body.withdrawnOn ?? today();
  if (withdrawnOn > today()) throw fieldError('withdrawnOn', 'date_in_future');
  if (withdrawnOn < consent.given_on)
    throw fieldError('withdrawnOn', 'date_before', { other: dayMonthYear(consent.given_on) });
  await db.transaction().execute(async (trx) => {
    if (!(await withdrawConsent(trx, { personId, consentId, withdrawnOn, reason: body.reason })))
      throw conflict('CONSENT_ALREADY_WITHDRAWN');
    const details = { consentId, withdrawnOn };
    await recordTimeline(trx, ctx, personId, {
      kind: 'consent.withdrawn',
      visibility: 'corrections',
      details,
    });
    await audit(trx, ctx, {
      action: 'consent.withdrawn',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details,
    });
  });
  const row = await findConsent(db, filter, consentId);
  if (!row) throw notFound('CONSENT_NOT_FOUND');
  return presentConsent(row);
}
