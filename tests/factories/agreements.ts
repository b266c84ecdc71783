import type { Kysely } from 'kysely';
import type { AgreementStatusValue, Database } from '../../src/server/db/schema.ts';
import { today } from '../../src/server/platform/calendar.ts';
import { createOrganization } from './index.ts';

/** 'yyyy-mm-dd', `days` from today (the program's calendar): defaults that never go stale. */
function fromToday(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The default term of a signed agreement, relative to today: signed 40 days ago, in force from 30 days ago
 * for 3 years, so a default `signed` one is `in_force` whenever the tests run.
 */
export function defaultTerm() {
  return { signedOn: fromToday(-40), validFrom: fromToday(-30), validUntil: fromToday(3 * 365) };
}

export interface AgreementFactoryOptions {
  /** The drafting organization (always PIHAK PERTAMA). */
  organizationId: string;
  /** Other parties, in order (PIHAK KEDUA, ...); default: one new partner organization. */
  partyIds?: string[];
  kind?: 'mou' | 'pks';
  /** Required for a PKS (an MoU of the same parties is created when omitted). */
  parentId?: string | null;
  status?: AgreementStatusValue;
  title?: string;
  clauses?: { heading: string; body: string }[];
  /** Obligations: organizationId must be a party. */
  obligations?: { organizationId: string; description: string; dueOn?: string | null }[];
  /** Default for a signed / terminated / renewed one: defaultTerm() (relative to today). */
  validFrom?: string | null;
  validUntil?: string | null;
  signedOn?: string | null;
  /** With status agreed/signed/terminated/renewed every party has agreed text version 1; override per party. */
  agreedPartyIds?: string[];
  createdBy?: string | null;
  renewsId?: string | null;
}

/**
 * An agreement with its parties (drafter first, with signatory names), clauses (2 by default), obligations
 * and the version 1 snapshot, inserted directly (no workflow, no audit). Returns its id and the party
 * organization ids by position.
 */
export async function createAgreement(
  db: Kysely<Database>,
  options: AgreementFactoryOptions,
): Promise<{ id: string; partyIds: string[]; parentId: string | null }> {
  const otherIds = options.partyIds ?? [(await createOrganization(db)).id];
  const partyIds = [options.organizationId, ...otherIds.filter((id) => id !== options.organizationId)];
  const kind = options.kind ?? 'mou';
  let parentId = options.parentId ?? null;
  if (kind === 'pks' && parentId === null) {
    parentId = (
      await createAgreement(db, {
        organizationId: options.organizationId,
        partyIds: otherIds,
        status: 'signed',
        title: 'Nota Kesepahaman Induk',
      })
    ).id;
  }
  const status = options.status ?? 'draft';
  const signed = ['signed', 'terminated', 'renewed'].includes(status);
  const term = defaultTerm();
  const title = options.title ?? `Kesepakatan Uji ${Math.random().toString(36).slice(2, 8)}`;
  const clauses = options.clauses ?? [
    {
      heading: 'Maksud dan Tujuan',
      body: 'Maksud kesepakatan ini adalah kerja sama pelatihan.\n\nTujuannya kemandirian ekonomi.',
    },
    { heading: 'Jangka Waktu', body: 'Kesepakatan ini berlaku 3 (tiga) tahun.' },
  ];
  const obligations = options.obligations ?? [];
  const agreement = await db
    .insertInto('agreement')
    .values({
      kind,
      parent_id: parentId,
      organization_id: options.organizationId,
      title,
      purpose: 'Kerja sama pembinaan dan pelatihan.',
      scope: 'Pelatihan, pendampingan, dan penyaluran kerja.',
      considerations: null,
      status,
      valid_from: options.validFrom ?? (signed ? term.validFrom : null),
      valid_until: options.validUntil ?? (signed ? term.validUntil : null),
      signed_on: options.signedOn ?? (signed ? term.signedOn : null),
      signed_place: signed ? 'Jakarta' : null,
      renews_id: options.renewsId ?? null,
      created_by: options.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agreedAll = ['agreed', 'signed', 'terminated', 'renewed'].includes(status);
  const agreed = new Set(options.agreedPartyIds ?? (agreedAll ? partyIds : []));
  await db
    .insertInto('agreement_party')
    .values(
      partyIds.map((organizationId, index) => ({
        agreement_id: agreement.id,
        organization_id: organizationId,
        position: index + 1,
        signatory_name: `Penandatangan ${index + 1}`,
        signatory_position: 'Kepala',
        agreed_text_version: agreed.has(organizationId) ? 1 : null,
        agreed_at: agreed.has(organizationId) ? new Date() : null,
      })),
    )
    .execute();
  if (clauses.length)
    await db
      .insertInto('agreement_clause')
      .values(
        clauses.map((clause, index) => ({ agreement_id: agreement.id, position: index + 1, ...clause })),
      )
      .execute();
  if (obligations.length)
    await db
      .insertInto('agreement_obligation')
      .values(
        obligations.map((obligation, index) => ({
          agreement_id: agreement.id,
          organization_id: obligation.organizationId,
          position: index + 1,
          description: obligation.description,
          due_on: obligation.dueOn ?? null,
        })),
      )
      .execute();
  const names = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', partyIds)
    .execute();
  await db
    .insertInto('agreement_version')
    .values({
      agreement_id: agreement.id,
      number: 1,
      snapshot: JSON.stringify({
        title,
        purpose: 'Kerja sama pembinaan dan pelatihan.',
        scope: 'Pelatihan, pendampingan, dan penyaluran kerja.',
        considerations: null,
        clauses: clauses.map((clause, index) => ({
          position: index + 1,
          heading: clause.heading,
          body: clause.body,
        })),
        obligations: obligations.map((obligation, index) => ({
          position: index + 1,
          organizationId: obligation.organizationId,
          organizationName: names.find((row) => row.id === obligation.organizationId)?.name ?? '',
          description: obligation.description,
          dueOn: obligation.dueOn ?? null,
        })),
      }),
      created_by: options.createdBy ?? null,
    })
    .execute();
  await db
    .insertInto('agreement_event')
    .values({ agreement_id: agreement.id, kind: 'created', organization_id: options.organizationId })
    .execute();
  return { id: agreement.id, partyIds, parentId };
}

/** A live delegate: `userId` may agree and sign for `organizationId`. */
export async function nameDelegate(
  db: Kysely<Database>,
  options: { organizationId: string; userId: string; namedBy: string; revoked?: boolean },
) {
  return db
    .insertInto('agreement_delegate')
    .values({
      organization_id: options.organizationId,
      user_id: options.userId,
      named_by: options.namedBy,
      revoked_at: options.revoked ? new Date() : null,
      revoked_by: options.revoked ? options.namedBy : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
