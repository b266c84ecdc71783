import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreatePartnerRequest,
  PartnerDetail,
  PartnerListQuery,
  UpdatePartnerRequest,
} from '../../../shared/partners.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  AppError,
  conflict,
  type FieldError,
  failOnFields,
  forbidden,
  notFound,
} from '../../platform/errors.ts';
import { agreementsSharedWith } from '../agreements/agreements.service.ts';
import { addsPartners, managedPartner, visiblePartner } from '../villages/villages.access.ts';
import { isVillage } from '../villages/villages.repository.ts';
import { presentPartner, presentPartnerListItem } from './partners.presenter.ts';
import {
  findPartner,
  findPartnerByName,
  insertPartnerOrganization,
  insertPartnerProfile,
  listPartners,
  lockPartnerNames,
  savePartnerProfile,
  updatePartnerOrganization,
} from './partners.repository.ts';
import { partnerChanges, partnerValues } from './partners.values.ts';

type Db = Kysely<Database>;
type CreateInput = z.output<typeof CreatePartnerRequest>;
type UpdateInput = z.output<typeof UpdatePartnerRequest>;
type ListQuery = z.output<typeof PartnerListQuery>;
type Fields = Record<string, FieldError>;

const visible = (ctx: RequestContext) => visiblePartner(ctx, 'o.id');
const canEdit = (ctx: RequestContext) => managedPartner(ctx, 'o.id', 'pp');

function nameTaken(name: string) {
  return new AppError(409, 'PARTNER_NAME_TAKEN', {
    params: { name },
    fields: { name: { key: 'partner_name_taken', params: { name } } },
  });
}

async function load(db: Db, ctx: RequestContext, partnerId: string): Promise<PartnerDetail> {
  const row = await findPartner(db, visible(ctx), canEdit(ctx), partnerId);
  if (!row) throw notFound('PARTNER_NOT_FOUND');
  return presentPartner(row, await agreementsSharedWith(db, ctx, partnerId));
}

/** The kelurahan must be one of the program's; the agreement cannot expire before it was signed. */
async function checkProfile(
  db: Db,
  values: { villageId: string | null; signedOn: string | null; expiresOn: string | null },
  checkVillage: boolean,
  fields: Fields,
) {
  if (checkVillage && values.villageId !== null && !(await isVillage(db, values.villageId)))
    fields.villageId = { key: 'village_not_host' };
  if (values.signedOn !== null && values.expiresOn !== null && values.expiresOn < values.signedOn)
    fields.agreementExpiresOn = { key: 'partner_agreement_dates' };
}

/** A page of the partner directory; a partner's staff get only their own organization. */
export async function list(db: Db, ctx: RequestContext, query: ListQuery) {
  requirePermission(ctx, 'read:partner');
  const { items, total } = await listPartners(
    db,
    {
      visible: visible(ctx),
      q: query.q,
      type: query.type,
      sector: query.sector,
      villageId: query.villageId,
      willing: query.willing,
    },
    canEdit(ctx),
    query,
  );
  return { items: items.map(presentPartnerListItem), total, page: query.page, pageSize: query.pageSize };
}

/** One partner the caller may see; 404 for any other (another partner's page for a partner's staff). */
export async function get(db: Db, ctx: RequestContext, partnerId: string) {
  requirePermission(ctx, 'read:partner');
  return load(db, ctx, partnerId);
}

/** Adds a partner organization with its profile (kecamatan and kelurahan staff), audited. */
export async function create(db: Db, ctx: RequestContext, body: CreateInput) {
  requirePermission(ctx, 'manage:partner');
  if (!addsPartners(ctx)) throw forbidden();
  const fields: Fields = {};
  await checkProfile(
    db,
    {
      villageId: body.villageId ?? null,
      signedOn: body.agreementSignedOn ?? null,
      expiresOn: body.agreementExpiresOn ?? null,
    },
    true,
    fields,
  );
  failOnFields(fields);
  const { organization, profile } = partnerValues(body);
  const id = await db.transaction().execute(async (trx) => {
    await lockPartnerNames(trx);
    if (await findPartnerByName(trx, body.name)) throw nameTaken(body.name);
    const partnerId = await insertPartnerOrganization(trx, organization);
    await insertPartnerProfile(trx, partnerId, profile, ctx.principal.userId);
    await audit(trx, ctx, {
      action: 'partner.created',
      subjectType: 'organization',
      subjectId: partnerId,
      subjectOrganizationId: partnerId,
      details: { name: body.name, type: body.type, villageId: profile.village_id },
    });
    return partnerId;
  });
  return load(db, ctx, id);
}

/**
 * Changes a partner the caller manages: its organization's fields and its profile (created by the first
 * change when it has none; a type is then required). Stale version → 409; all or nothing; audited.
 */
export async function update(db: Db, ctx: RequestContext, partnerId: string, body: UpdateInput) {
  requirePermission(ctx, 'manage:partner');
  const current = await findPartner(db, visible(ctx), canEdit(ctx), partnerId);
  if (!current) throw notFound('PARTNER_NOT_FOUND');
  if (!current.can_edit) throw forbidden();
  if ((current.version ?? 0) !== body.version) throw conflict('VERSION_CONFLICT');

  const { version, ...changes } = body;
  const sent = <K extends keyof typeof changes>(key: K) => changes[key] !== undefined;
  const fields: Fields = {};
  // Only the kecamatan and kelurahan (who add partners) rename one. A partner's staff renaming her own
  // organization would learn from PARTNER_NAME_TAKEN which names other partners bear.
  if (sent('name') && !addsPartners(ctx)) fields.name = { key: 'partner_name_fixed' };
  const type = changes.type ?? current.partner_type;
  if (type === null) fields.type = { key: 'required' };
  await checkProfile(
    db,
    {
      villageId: sent('villageId') ? (changes.villageId ?? null) : current.village_id,
      signedOn: sent('agreementSignedOn') ? (changes.agreementSignedOn ?? null) : current.agreement_signed_on,
      expiresOn: sent('agreementExpiresOn')
        ? (changes.agreementExpiresOn ?? null)
        : current.agreement_expires_on,
    },
    sent('villageId'),
    fields,
  );
  failOnFields(fields);

  const { organization, profile, fields: sentFields } = partnerChanges(changes);

  await db.transaction().execute(async (trx) => {
    const userId = ctx.principal.userId;
    const saved = await savePartnerProfile(
      trx,
      partnerId,
      { version: current.profile_id === null ? null : version, profile },
      userId,
    );
    if (!saved) throw conflict('VERSION_CONFLICT');
    if (Object.keys(organization).length > 0) {
      if (organization.name !== undefined) {
        await lockPartnerNames(trx);
        if (await findPartnerByName(trx, organization.name, partnerId)) throw nameTaken(organization.name);
      }
      await updatePartnerOrganization(trx, partnerId, organization);
    }
    await audit(trx, ctx, {
      action: 'partner.updated',
      subjectType: 'organization',
      subjectId: partnerId,
      subjectOrganizationId: partnerId,
      details: {
        name: organization.name ?? current.name,
        fields: sentFields,
        version: version + 1,
      },
    });
  });
  return load(db, ctx, partnerId);
}
