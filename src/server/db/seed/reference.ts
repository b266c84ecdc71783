import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Reference data: the program's own organizations and the roles. Inserted when missing, never
// overwritten, so what administrators later edit (addresses, contacts, role labels) stays theirs.

export const LAPAS_ID = '00000000-0000-4000-8000-000000000001';
export const BAPAS_ID = '00000000-0000-4000-8000-000000000002';
export const KECAMATAN_ID = '00000000-0000-4000-8000-000000000003';

/** Kelurahan of Kecamatan Semarang Barat with their Kemendagri codes (Kepmendagri 300.2.2-2138/2025). */
export const KELURAHAN: ReadonlyArray<readonly [code: string, name: string]> = [
  ['33.74.13.1001', 'Ngemplak Simongan'],
  ['33.74.13.1002', 'Manyaran'],
  ['33.74.13.1003', 'Krapyak'],
  ['33.74.13.1004', 'Tambakharjo'],
  ['33.74.13.1005', 'Kalibanteng Kulon'],
  ['33.74.13.1006', 'Kalibanteng Kidul'],
  ['33.74.13.1007', 'Gisikdrono'],
  ['33.74.13.1008', 'Bongsari'],
  ['33.74.13.1009', 'Bojongsalaman'],
  ['33.74.13.1010', 'Salamanmloyo'],
  ['33.74.13.1011', 'Cabean'],
  ['33.74.13.1012', 'Karangayu'],
  ['33.74.13.1013', 'Krobokan'],
  ['33.74.13.1014', 'Tawangsari'],
  ['33.74.13.1015', 'Tawangmas'],
  ['33.74.13.1016', 'Kembangarum'],
];

/** Role labels; what each role may do is defined in src/shared/permissions.ts. */
export const ROLE_LABELS: ReadonlyArray<readonly [code: string, nameId: string, nameEn: string]> = [
  ['system_admin', 'Administrator sistem', 'System administrator'],
  ['prison_head', 'Kepala Lapas (Kalapas)', 'Prison head'],
  ['prison_binadik', 'Staf Lapas – Pembinaan Narapidana (Binadik)', 'Prison staff – inmate development'],
  ['prison_giatja', 'Staf Lapas – Kegiatan Kerja (Giatja)', 'Prison staff – work training'],
  ['probation_head', 'Kepala Bapas (Kabapas)', 'Probation office head'],
  ['probation_officer', 'Pembimbing Kemasyarakatan (PK)', 'Probation officer'],
  ['district_staff', 'Staf Kecamatan', 'Sub-district staff'],
  ['village_staff', 'Staf Kelurahan', 'Urban village staff'],
  ['partner_staff', 'Staf Mitra', 'Partner staff'],
  ['viewer', 'Pemantau (hanya baca)', 'Read-only viewer'],
  ['district_head', 'Camat', 'Sub-district head (Camat)'],
  ['village_head', 'Lurah', 'Urban village head (Lurah)'],
  ['partner_head', 'Pimpinan Mitra', 'Partner director'],
];

/** Inserts the reference organizations and roles that are missing. Idempotent; runs at every start. */
export async function seedReference(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('role')
      .values(
        ROLE_LABELS.map(([code, name_id, name_en], index) => ({
          code,
          name_id,
          name_en,
          sort_order: index + 1,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    await trx
      .insertInto('organization')
      .values([
        {
          id: LAPAS_ID,
          kind: 'prison',
          name: 'Lapas Perempuan Kelas IIA Semarang',
          short_name: 'LPP Semarang',
          code: null,
          address: 'Bulustalan, Kecamatan Semarang Selatan, Kota Semarang, Jawa Tengah',
          contacts: JSON.stringify([]),
        },
        {
          id: BAPAS_ID,
          kind: 'probation',
          name: 'Balai Pemasyarakatan Kelas I Semarang',
          short_name: 'Bapas Semarang',
          code: null,
          address: 'Jl. Siliwangi No. 508, Kota Semarang, Jawa Tengah',
          contacts: JSON.stringify([]),
        },
        {
          id: KECAMATAN_ID,
          kind: 'district',
          name: 'Kecamatan Semarang Barat',
          short_name: 'Kec. Semarang Barat',
          code: '33.74.13',
          address: 'Kota Semarang, Jawa Tengah',
          contacts: JSON.stringify([]),
        },
      ])
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();

    await trx
      .insertInto('organization')
      .values(
        KELURAHAN.map(([code, name]) => ({
          kind: 'village' as const,
          name: `Kelurahan ${name}`,
          short_name: name,
          code,
          parent_id: KECAMATAN_ID,
          address: `Kelurahan ${name}, Kecamatan Semarang Barat, Kota Semarang`,
          contacts: JSON.stringify([]),
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  });
}

export async function getMeta(db: Kysely<Database>, key: string) {
  return (
    (await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
  );
}

export async function setMeta(db: Kysely<Database>, key: string, value: string) {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}
