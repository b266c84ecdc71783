import type { Kysely, Transaction } from 'kysely';
import { AGREEMENT_TEMPLATES } from '../../../shared/agreementTemplates.ts';
import { addDays } from '../../../shared/dates.ts';
import type { AgreementSnapshot } from '../../modules/agreements/agreements.text.ts';
import type { Database, WorkPlanMetricValue } from '../schema.ts';
import { programToday } from './demo-people.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from './reference.ts';

type Trx = Kysely<Database> | Transaction<Database>;

// Governance demo (issue 8), after the source document: the coordination meeting of Monday 27 April 2026 at
// the Kecamatan Semarang Barat office, its two decisions (draft an MoU between LPP Semarang and Kecamatan
// Semarang Barat; prepare a detailed technical program with the post-release skills scheme) and their action
// items; the MoU as a draft with the usual articles; a draft work plan under it; and the next coordination
// meeting, planned, whose agenda carries the open items over. Names are fictional (the demo accounts').

export const DEMO_MEETING_DATE = '2026-04-27';

// The subject of the MoU: the PDF reads "NOTA KESEPAHAMAN ANTARA … DAN … TENTANG <title>".
const MOU_TITLE = 'Program Desa Binaan bagi Warga Binaan Pemasyarakatan Perempuan';
const MOU_PURPOSE =
  'Menjadi dasar hukum pelaksanaan program Desa Binaan secara berkelanjutan: pembinaan keterampilan warga binaan selama menjalani pidana dan pembinaan lanjutan di kelurahan setelah bebas.';
const MOU_SCOPE =
  'Pelatihan keterampilan yang selaras dengan kebutuhan dan potensi kelurahan, pendampingan pascabebas, penyaluran kerja dan usaha, serta sosialisasi kepada masyarakat.';
const MOU_CONSIDERATIONS = [
  'bahwa pembinaan warga binaan pemasyarakatan bertujuan agar mereka dapat diterima kembali dan hidup secara wajar sebagai warga masyarakat yang baik dan bertanggung jawab;',
  'bahwa keberhasilan reintegrasi sosial memerlukan dukungan pemerintah kecamatan dan kelurahan tempat warga binaan kembali;',
  'bahwa berdasarkan hasil rapat koordinasi tanggal 27 April 2026, PARA PIHAK sepakat menyusun Nota Kesepahaman sebagai dasar hukum program Desa Binaan.',
].join('\n');

export async function seedDemoGovernance(db: Trx, options: { today?: string } = {}) {
  const today = options.today ?? programToday();
  const users = await db.selectFrom('app_user').select(['id', 'username', 'full_name', 'position']).execute();
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`Demo user ${username} is missing`);
    return found;
  };
  const kalapas = user('kalapas');
  const binadik = user('lapas.binadik');
  const giatja = user('lapas.giatja');
  const pk = user('pk');
  const camat = user('camat');
  const kecamatan = user('kecamatan');
  const organizations = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', [LAPAS_ID, BAPAS_ID, KECAMATAN_ID])
    .execute();
  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? '';

  // The MoU, a draft drafted by the prison with the usual articles, one version.
  const mou = await db
    .insertInto('agreement')
    .values({
      kind: 'mou',
      organization_id: LAPAS_ID,
      title: MOU_TITLE,
      purpose: MOU_PURPOSE,
      scope: MOU_SCOPE,
      considerations: MOU_CONSIDERATIONS,
      status: 'draft',
      valid_from: '2027-01-01',
      valid_until: '2029-12-31',
      created_by: binadik.id,
      created_at: new Date(`2026-05-04T09:00:00+07:00`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('agreement_party')
    .values([
      {
        agreement_id: mou.id,
        organization_id: LAPAS_ID,
        position: 1,
        signatory_name: kalapas.full_name,
        signatory_position: 'Kepala Lapas Perempuan Kelas IIA Semarang',
        document_number: 'W.12.PAS.PAS.13-HM.05.02-118',
      },
      {
        agreement_id: mou.id,
        organization_id: KECAMATAN_ID,
        position: 2,
        signatory_name: camat.full_name,
        signatory_position: 'Camat Semarang Barat',
        document_number: '415.4/0211',
      },
    ])
    .execute();
  const clauses = AGREEMENT_TEMPLATES.map((template, index) => ({
    position: index + 1,
    heading: template.heading.id,
    body: template.body.id,
    template: template.key,
  }));
  await db
    .insertInto('agreement_clause')
    .values(clauses.map((clause) => ({ agreement_id: mou.id, ...clause })))
    .execute();
  const obligations = [
    {
      organizationId: LAPAS_ID,
      description:
        'Menyelenggarakan pelatihan keterampilan bagi warga binaan yang selaras dengan kebutuhan dan potensi kelurahan tujuan.',
      dueOn: null,
    },
    {
      organizationId: LAPAS_ID,
      description:
        'Menyampaikan kepada Kecamatan rencana pembebasan warga binaan peserta program, sebatas yang disetujui oleh yang bersangkutan.',
      dueOn: null,
    },
    {
      organizationId: KECAMATAN_ID,
      description:
        'Menetapkan kelurahan desa binaan dan memfasilitasi penerimaan klien pascabebas oleh pemerintah kelurahan dan masyarakat.',
      dueOn: null,
    },
    {
      organizationId: KECAMATAN_ID,
      description:
        'Memfasilitasi akses pemasaran, bazar dan permodalan usaha bagi klien pascabebas melalui program kecamatan.',
      dueOn: null,
    },
  ];
  await db
    .insertInto('agreement_obligation')
    .values(
      obligations.map((obligation, index) => ({
        agreement_id: mou.id,
        organization_id: obligation.organizationId,
        position: index + 1,
        description: obligation.description,
        due_on: obligation.dueOn,
      })),
    )
    .execute();
  const snapshot: AgreementSnapshot = {
    title: MOU_TITLE,
    purpose: MOU_PURPOSE,
    scope: MOU_SCOPE,
    considerations: MOU_CONSIDERATIONS,
    clauses: clauses.map(({ position, heading, body }) => ({ position, heading, body })),
    obligations: obligations.map((obligation, index) => ({
      position: index + 1,
      organizationId: obligation.organizationId,
      organizationName: orgName(obligation.organizationId),
      description: obligation.description,
      dueOn: obligation.dueOn,
    })),
  };
  await db
    .insertInto('agreement_version')
    .values({
      agreement_id: mou.id,
      number: 1,
      snapshot: JSON.stringify(snapshot),
      created_by: binadik.id,
      created_at: new Date(`2026-05-04T09:00:00+07:00`),
    })
    .execute();
  await db
    .insertInto('agreement_event')
    .values({
      agreement_id: mou.id,
      kind: 'created',
      organization_id: LAPAS_ID,
      user_id: binadik.id,
      text_version: 1,
      created_at: new Date(`2026-05-04T09:00:00+07:00`),
    })
    .execute();

  // The draft work plan (program teknis) under the MoU.
  const plan = await db
    .insertInto('work_plan')
    .values({
      agreement_id: mou.id,
      organization_id: LAPAS_ID,
      title: 'Program Teknis Desa Binaan 2027',
      objectives: [
        'Membekali warga binaan dengan keterampilan yang dibutuhkan kelurahan tujuan sebelum bebas.',
        'Menyiapkan penerimaan dan pendampingan klien pascabebas di kelurahan desa binaan.',
        'Menghubungkan klien pascabebas dengan pekerjaan, usaha dan pasar di Kecamatan Semarang Barat.',
      ].join('\n'),
      period_start: '2027-01-01',
      period_end: '2027-12-31',
      status: 'draft',
      created_by: giatja.id,
      updated_by: giatja.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const activities = await db
    .insertInto('work_plan_activity')
    .values([
      {
        work_plan_id: plan.id,
        position: 1,
        kind: 'training_cohort',
        title: 'Pelatihan tata boga dan pengemasan produk makanan (2 angkatan)',
        responsible_organization_id: LAPAS_ID,
        location: 'Bengkel kerja Lapas Perempuan Kelas IIA Semarang',
        starts_on: '2027-02-01',
        ends_on: '2027-05-31',
        budget_amount: 48_000_000,
        budget_source: 'apbn',
      },
      {
        work_plan_id: plan.id,
        position: 2,
        kind: 'village_socialization',
        title: 'Sosialisasi program Desa Binaan di 16 kelurahan',
        responsible_organization_id: KECAMATAN_ID,
        location: 'Kantor kelurahan se-Kecamatan Semarang Barat',
        starts_on: '2027-01-11',
        ends_on: '2027-03-31',
        budget_amount: 12_000_000,
        budget_source: 'apbd',
      },
      {
        work_plan_id: plan.id,
        position: 3,
        kind: 'bazaar',
        title: 'Bazar produk warga binaan dan klien pascabebas',
        responsible_organization_id: KECAMATAN_ID,
        location: 'Halaman Kantor Kecamatan Semarang Barat',
        starts_on: '2027-08-14',
        ends_on: '2027-08-16',
        budget_amount: 15_000_000,
        budget_source: 'partner',
      },
      {
        work_plan_id: plan.id,
        position: 4,
        kind: 'monitoring_visit',
        title: 'Kunjungan pemantauan klien pascabebas di kelurahan tujuan',
        responsible_organization_id: BAPAS_ID,
        location: 'Kelurahan desa binaan',
        starts_on: '2027-04-01',
        ends_on: '2027-12-15',
        budget_amount: 9_600_000,
        budget_source: 'apbn',
      },
      {
        work_plan_id: plan.id,
        position: 5,
        kind: 'coordination_meeting',
        title: 'Rapat koordinasi triwulanan Lapas, Bapas dan Kecamatan',
        responsible_organization_id: KECAMATAN_ID,
        location: 'Aula Kantor Kecamatan Semarang Barat',
        starts_on: '2027-01-04',
        ends_on: '2027-12-20',
        budget_amount: 4_000_000,
        budget_source: 'apbd',
      },
    ])
    .returning(['id', 'position'])
    .execute();
  const activityAt = (position: number) => activities.find((a) => a.position === position)?.id ?? null;
  const targets: Array<{
    position: number;
    label: string;
    metric: WorkPlanMetricValue;
    target_value: number;
    manual_actual?: number;
  }> = [
    { position: 1, label: 'Warga binaan selesai pelatihan', metric: 'women_trained', target_value: 40 },
    {
      position: 2,
      label: 'Warga binaan bersertifikat kompetensi',
      metric: 'women_certified',
      target_value: 30,
    },
    { position: 3, label: 'Klien diserahterimakan ke Bapas', metric: 'women_handed_over', target_value: 20 },
    { position: 4, label: 'Klien ditempatkan kerja atau usaha', metric: 'women_placed', target_value: 15 },
    {
      position: 5,
      label: 'Klien masih bekerja atau berusaha 6 bulan setelah bebas',
      metric: 'working_6_months',
      target_value: 10,
    },
    {
      position: 6,
      label: 'Kelurahan yang telah menerima sosialisasi',
      metric: 'manual',
      target_value: 16,
      manual_actual: 0,
    },
  ];
  await db
    .insertInto('work_plan_target')
    .values(
      targets.map((target) => ({
        work_plan_id: plan.id,
        activity_id:
          target.metric === 'women_trained' || target.metric === 'women_certified'
            ? activityAt(1)
            : target.metric === 'manual'
              ? activityAt(2)
              : null,
        manual_actual: null,
        ...target,
      })),
    )
    .execute();

  // The meeting of 27 April 2026 that started the program (organized by the prison, at the kecamatan).
  const meeting = await db
    .insertInto('meeting')
    .values({
      organization_id: LAPAS_ID,
      title: 'Rapat Koordinasi Program Desa Binaan',
      held_on: DEMO_MEETING_DATE,
      starts_at: '09:00',
      ends_at: '11:30',
      place: 'Aula Kantor Kecamatan Semarang Barat',
      chair: `${kalapas.full_name} (Kepala Lapas Perempuan Kelas IIA Semarang)`,
      note_taker: `${binadik.full_name} (Kasi Binadik)`,
      status: 'held',
      created_by: binadik.id,
      updated_by: binadik.id,
      created_at: new Date('2026-04-20T10:00:00+07:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attendee = (u: typeof kalapas, organizationId: string, position: number) => ({
    meeting_id: meeting.id,
    position,
    user_id: u.id,
    organization_id: organizationId,
    name: u.full_name,
    job_title: u.position,
    organization_name: orgName(organizationId),
    attendance: 'present' as const,
  });
  await db
    .insertInto('meeting_attendee')
    .values([
      attendee(kalapas, LAPAS_ID, 1),
      attendee(giatja, LAPAS_ID, 2),
      attendee(binadik, LAPAS_ID, 3),
      {
        meeting_id: meeting.id,
        position: 4,
        user_id: null,
        organization_id: BAPAS_ID,
        name: 'Wahyu Hidayat',
        job_title: 'Kepala Subseksi Bimbingan Klien Dewasa',
        organization_name: orgName(BAPAS_ID),
        attendance: 'present',
      },
      attendee(pk, BAPAS_ID, 5),
      attendee(camat, KECAMATAN_ID, 6),
      {
        meeting_id: meeting.id,
        position: 7,
        user_id: null,
        organization_id: KECAMATAN_ID,
        name: 'Rina Marlina',
        job_title: 'Sekretaris Kecamatan',
        organization_name: orgName(KECAMATAN_ID),
        attendance: 'present',
      },
      attendee(kecamatan, KECAMATAN_ID, 8),
      {
        meeting_id: meeting.id,
        position: 9,
        user_id: null,
        organization_id: KECAMATAN_ID,
        name: 'Dimas Saputra',
        job_title: 'Kasi Ketenteraman dan Ketertiban Umum',
        organization_name: orgName(KECAMATAN_ID),
        attendance: 'excused',
      },
    ])
    .execute();
  const agenda = await db
    .insertInto('meeting_agenda_item')
    .values([
      {
        meeting_id: meeting.id,
        position: 1,
        kind: 'regular',
        title: 'Pembukaan dan pengantar Kepala Lapas',
        presenter: kalapas.full_name,
        minutes:
          'Kepala Lapas membuka rapat dan menyampaikan bahwa program Desa Binaan merupakan langkah strategis untuk memastikan keberlanjutan pembinaan, agar warga binaan yang telah bebas memiliki bekal keterampilan untuk hidup mandiri dan produktif di masyarakat.',
      },
      {
        meeting_id: meeting.id,
        position: 2,
        kind: 'regular',
        title: 'Paparan rencana program kerja sama Desa Binaan',
        presenter: binadik.full_name,
        minutes:
          'Kasi Binadik memaparkan rencana program: pelatihan keterampilan selama masa pidana yang dipilih menurut kebutuhan dan potensi kelurahan, serah terima ke Bapas menjelang bebas, dan pembinaan lanjutan di kelurahan tujuan. Kasi Kegiatan Kerja menyampaikan pelatihan yang sudah berjalan (menjahit, tata boga, tata rias).',
      },
      {
        meeting_id: meeting.id,
        position: 3,
        kind: 'regular',
        title: 'Tanggapan Kecamatan Semarang Barat dan Bapas Semarang',
        presenter: camat.full_name,
        minutes:
          'Camat menyambut baik program dan meminta agar pelatihan selaras dengan potensi wilayah (kuliner, konveksi, jasa). Perwakilan Bapas menyampaikan kesiapan pembimbingan klien pascabebas dan perlunya persetujuan klien sebelum data dibagikan ke kelurahan.',
      },
      {
        meeting_id: meeting.id,
        position: 4,
        kind: 'regular',
        title: 'Kesepakatan dan tindak lanjut',
        presenter: kalapas.full_name,
        minutes: 'Para pihak menyepakati dua langkah awal sebagaimana tercantum dalam keputusan rapat.',
      },
    ])
    .returning(['id', 'position'])
    .execute();
  const closingItem = agenda.find((item) => item.position === 4)?.id ?? null;
  const decisions = await db
    .insertInto('meeting_decision')
    .values([
      {
        meeting_id: meeting.id,
        agenda_item_id: closingItem,
        position: 1,
        text: 'Menyusun Nota Kesepahaman (MoU) antara Lapas Perempuan Kelas IIA Semarang dan Kecamatan Semarang Barat sebagai dasar hukum pelaksanaan program Desa Binaan secara berkelanjutan.',
      },
      {
        meeting_id: meeting.id,
        agenda_item_id: closingItem,
        position: 2,
        text: 'Menyusun program teknis yang lebih rinci, termasuk skema pembinaan keterampilan bagi warga binaan pascabebas yang selaras dengan kebutuhan masyarakat dan potensi wilayah.',
      },
    ])
    .returning(['id', 'position'])
    .execute();
  const decisionAt = (position: number) => decisions.find((d) => d.position === position)?.id ?? null;
  const items = await db
    .insertInto('action_item')
    .values([
      {
        meeting_id: meeting.id,
        decision_id: decisionAt(1),
        title: 'Menyusun draf MoU Lapas Perempuan Semarang dan Kecamatan Semarang Barat',
        owner_organization_id: LAPAS_ID,
        owner_user_id: binadik.id,
        due_on: '2026-05-29',
        status: 'in_progress',
        progress_note:
          'Draf pasal-pasal sudah disusun di Sinergi; tinggal diajukan untuk ditelaah Kecamatan.',
        agreement_id: mou.id,
        created_by: binadik.id,
        updated_by: binadik.id,
      },
      {
        meeting_id: meeting.id,
        decision_id: decisionAt(1),
        title: 'Menelaah draf MoU dan menyiapkan penandatanganan oleh Camat',
        owner_organization_id: KECAMATAN_ID,
        owner_user_id: kecamatan.id,
        due_on: '2026-06-30',
        status: 'open',
        agreement_id: mou.id,
        created_by: binadik.id,
        updated_by: binadik.id,
      },
      {
        meeting_id: meeting.id,
        decision_id: decisionAt(2),
        title: 'Menyusun program teknis Desa Binaan termasuk skema pembinaan keterampilan pascabebas',
        owner_organization_id: LAPAS_ID,
        owner_user_id: giatja.id,
        due_on: '2026-07-31',
        status: 'in_progress',
        progress_note: 'Draf program teknis 2027 sudah dibuat; target dan anggaran masih dibahas.',
        topic: 'Program teknis Desa Binaan',
        created_by: binadik.id,
        updated_by: giatja.id,
      },
      {
        meeting_id: meeting.id,
        decision_id: decisionAt(2),
        title: 'Menghimpun data potensi dan kebutuhan 16 kelurahan sebagai bahan program teknis',
        owner_organization_id: KECAMATAN_ID,
        owner_name: 'Rina Marlina (Sekretaris Kecamatan)',
        due_on: '2026-06-15',
        status: 'done',
        done_on: '2026-06-12',
        progress_note: 'Profil 16 kelurahan sudah diisi di Sinergi.',
        topic: 'Profil kelurahan',
        created_by: binadik.id,
        updated_by: kecamatan.id,
      },
      {
        meeting_id: meeting.id,
        decision_id: decisionAt(2),
        title: 'Menyiapkan skema pembimbingan klien pascabebas di kelurahan tujuan',
        owner_organization_id: BAPAS_ID,
        owner_user_id: pk.id,
        due_on: addDays(today, 21),
        status: 'open',
        topic: 'Pembimbingan pascabebas',
        created_by: binadik.id,
        updated_by: binadik.id,
      },
    ])
    .returning(['id', 'status'])
    .execute();

  // The next coordination meeting, planned by the kecamatan: its first agenda item carries the open items over.
  const next = await db
    .insertInto('meeting')
    .values({
      organization_id: KECAMATAN_ID,
      title: 'Rapat Koordinasi Lanjutan Program Desa Binaan',
      held_on: addDays(today, 14),
      starts_at: '09:00',
      ends_at: '11:00',
      place: 'Aula Kantor Kecamatan Semarang Barat',
      chair: `${camat.full_name} (Camat Semarang Barat)`,
      status: 'planned',
      previous_meeting_id: meeting.id,
      created_by: kecamatan.id,
      updated_by: kecamatan.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_agenda_item')
    .values([
      {
        meeting_id: next.id,
        position: 1,
        kind: 'carry_over',
        title: 'Tindak lanjut hasil rapat sebelumnya',
        presenter: kecamatan.full_name,
      },
      {
        meeting_id: next.id,
        position: 2,
        kind: 'regular',
        title: 'Pembahasan draf Nota Kesepahaman',
        presenter: binadik.full_name,
      },
      {
        meeting_id: next.id,
        position: 3,
        kind: 'regular',
        title: 'Pembahasan draf Program Teknis Desa Binaan 2027',
        presenter: giatja.full_name,
      },
    ])
    .execute();
  await db
    .insertInto('meeting_attendee')
    .values(
      [
        attendee(camat, KECAMATAN_ID, 1),
        attendee(kecamatan, KECAMATAN_ID, 2),
        attendee(kalapas, LAPAS_ID, 3),
        attendee(binadik, LAPAS_ID, 4),
        attendee(giatja, LAPAS_ID, 5),
        attendee(pk, BAPAS_ID, 6),
      ].map((row) => ({ ...row, meeting_id: next.id, attendance: 'invited' as const })),
    )
    .execute();
  const open = items.filter((item) => item.status === 'open' || item.status === 'in_progress');
  if (open.length)
    await db
      .insertInto('meeting_carry_over')
      .values(open.map((item) => ({ meeting_id: next.id, action_item_id: item.id })))
      .execute();

  return { agreementId: mou.id, workPlanId: plan.id, meetingId: meeting.id, nextMeetingId: next.id };
}
