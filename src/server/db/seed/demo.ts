import type { Kysely } from 'kysely';
import type { RoleCode } from '../../../shared/permissions.ts';
import { DEMO_PASSWORD, type DEMO_USERNAMES } from '../../../shared/vocabulary.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Database } from '../schema.ts';
import { seedDemoGovernance } from './demo-governance.ts';
import { seedDemoHistory } from './demo-history.ts';
import { seedDemoPeople } from './demo-people.ts';
import { seedDemoRelease } from './demo-release.ts';
import { DEMO_BLK_ID, seedDemoTraining, seedDemoTrainingPartner } from './demo-training.ts';
import { DEMO_CATERING_ID, seedDemoPartnerOrganizations, seedDemoVillages } from './demo-villages.ts';
import { BAPAS_ID, getMeta, KECAMATAN_ID, LAPAS_ID, setMeta } from './reference.ts';

export const DEMO_PARTNER_ID = '00000000-0000-4000-8000-0000000000d1';

/** The demo usernames: one per role hinted on the sign-in page, and a second partner's for the isolation journeys. */
type DemoUsername = (typeof DEMO_USERNAMES)[number];

/**
 * One account per role (listed in the README), a BLK instructor, and a second partner's account (a partner
 * must not see another partner's data). Organization is an id or a Kemendagri code.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  username: DemoUsername;
  fullName: string;
  position: string;
  organization: { id: string } | { code: string };
  role: RoleCode;
}> = [
  {
    username: 'admin',
    fullName: 'Admin Sinergi',
    position: 'Administrator sistem',
    organization: { id: LAPAS_ID },
    role: 'system_admin',
  },
  {
    username: 'kalapas',
    fullName: 'Retno Kusumawardani',
    position: 'Kepala Lapas',
    organization: { id: LAPAS_ID },
    role: 'prison_head',
  },
  {
    username: 'lapas.binadik',
    fullName: 'Hesti Anggraeni',
    position: 'Kasi Binadik',
    organization: { id: LAPAS_ID },
    role: 'prison_binadik',
  },
  {
    username: 'lapas.giatja',
    fullName: 'Yanti Susilowati',
    position: 'Kasi Kegiatan Kerja',
    organization: { id: LAPAS_ID },
    role: 'prison_giatja',
  },
  {
    username: 'kabapas',
    fullName: 'Bambang Sutrisno',
    position: 'Kepala Bapas',
    organization: { id: BAPAS_ID },
    role: 'probation_head',
  },
  {
    username: 'pk',
    fullName: 'Ayu Pratiwi',
    position: 'Pembimbing Kemasyarakatan Ahli Pertama',
    organization: { id: BAPAS_ID },
    role: 'probation_officer',
  },
  {
    username: 'kecamatan',
    fullName: 'Agus Santoso',
    position: 'Kasi Pemberdayaan Masyarakat',
    organization: { id: KECAMATAN_ID },
    role: 'district_staff',
  },
  {
    username: 'kelurahan.krobokan',
    fullName: 'Tri Rahayu Ningsih',
    position: 'Sekretaris Kelurahan',
    organization: { code: '33.74.13.1013' },
    role: 'village_staff',
  },
  {
    username: 'mitra',
    fullName: 'Lina Kusuma',
    position: 'Pemilik usaha',
    organization: { id: DEMO_PARTNER_ID },
    role: 'partner_staff',
  },
  {
    username: 'mitra.katering',
    fullName: 'Ratih Kusumastuti',
    position: 'Pemilik katering',
    organization: { id: DEMO_CATERING_ID },
    role: 'partner_staff',
  },
  {
    username: 'instruktur',
    fullName: 'Sekar Ayuningtyas',
    position: 'Instruktur tata rias',
    organization: { id: DEMO_BLK_ID },
    role: 'partner_staff',
  },
  {
    username: 'viewer',
    fullName: 'Budi Hartono',
    position: 'Pemantau program',
    organization: { id: KECAMATAN_ID },
    role: 'viewer',
  },
  // The heads who agree and sign agreements for the kecamatan, a kelurahan and a partner (governance).
  {
    username: 'camat',
    fullName: 'Prasetyo Adi Nugroho',
    position: 'Camat Semarang Barat',
    organization: { id: KECAMATAN_ID },
    role: 'district_head',
  },
  {
    username: 'lurah.krobokan',
    fullName: 'Sri Wahyuningsih',
    position: 'Lurah Krobokan',
    organization: { code: '33.74.13.1013' },
    role: 'village_head',
  },
  {
    username: 'mitra.pimpinan',
    fullName: 'Hendro Wicaksono',
    position: 'Direktur',
    organization: { id: DEMO_PARTNER_ID },
    role: 'partner_head',
  },
];

/**
 * Demo data, seeded once (the first start with demo enabled): partner organizations and one account per
 * role (and a BLK instructor and a second partner's account), all with the password `sinergi-demo`, ready
 * to use (no forced change); then the demo people, their training, and the host villages with their
 * partners, opportunities and pipelines.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  if (await getMeta(db, 'demo_seeded_at')) return false;
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction().execute(async (trx) => {
    const krobokan = await trx
      .selectFrom('organization')
      .select('id')
      .where('code', '=', '33.74.13.1013')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('organization')
      .values({
        id: DEMO_PARTNER_ID,
        kind: 'partner',
        name: 'Konveksi Maju Bersama (mitra demo)',
        short_name: 'Konveksi Maju Bersama',
        parent_id: null,
        address: 'Jl. contoh No. 1, Kelurahan Krobokan, Semarang Barat',
        phone: '024-0000000',
        contacts: JSON.stringify([{ name: 'Lina Kusuma', position: 'Pemilik', phone: '0812-0000-0000' }]),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await seedDemoTrainingPartner(trx);
    await seedDemoPartnerOrganizations(trx);
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const organizationId = 'id' in account.organization ? account.organization.id : krobokan.id;
      const user = await trx
        .insertInto('app_user')
        .values({
          username: account.username,
          full_name: account.fullName,
          position: account.position,
          organization_id: organizationId,
          password_hash: passwordHashes[index] as string,
          must_change_password: false,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (user)
        await trx.insertInto('user_role').values({ user_id: user.id, role_code: account.role }).execute();
    }
    await seedDemoPeople(trx, { partnerId: DEMO_PARTNER_ID });
    await seedDemoTraining(trx);
    await seedDemoVillages(trx, { partnerId: DEMO_PARTNER_ID });
    await seedDemoRelease(trx);
    await seedDemoGovernance(trx);
    await seedDemoHistory(trx);
    await setMeta(trx, 'demo_seeded_at', new Date().toISOString());
  });
  return true;
}
