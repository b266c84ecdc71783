import type { Insertable, Kysely, Transaction } from 'kysely';
import { raisePersonSkill, type SkillEvidence } from '../../modules/training/person-skills.repository.ts';
import type { CohortScheduleSlot, Database, SkillLevelValue } from '../schema.ts';
import { addDays, createRandom, programToday, type Random } from './demo-people.ts';
import { LAPAS_ID } from './reference.ts';

// The demo's skills training inside LPP Semarang: the programs it runs or could run (batik in its own
// workshop "Pramesti", sewing and make-up with the city's BLK, catering, knitting, laundry), two completed
// cohorts with attendance, results, certificates and the skills they earned, one running cohort taught by
// the BLK's instructor (the `instruktur` account), and one enrolling cohort with a waitlist. Written
// straight into the tables, from a seeded PRNG and dates relative to the seeding day: the same day gives
// the same data.

export const DEMO_BLK_ID = '00000000-0000-4000-8000-0000000000d2';

type Db = Kysely<Database> | Transaction<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;
type ProgramKey = 'batik' | 'sewing' | 'makeup' | 'cooking' | 'knitting' | 'laundry';
type CohortKey = 'batik1' | 'sewing1' | 'makeup2' | 'cooking3';
type Instructor = { user: 'lapas.giatja' | 'instruktur' } | { name: string };

/** The partner that gives the sewing and make-up training; inserted before the demo accounts (its instructor). */
export async function seedDemoTrainingPartner(db: Db): Promise<void> {
  await db
    .insertInto('organization')
    .values({
      id: DEMO_BLK_ID,
      kind: 'partner',
      name: 'BLK Kota Semarang (mitra demo)',
      short_name: 'BLK Kota Semarang',
      parent_id: null,
      address: 'Jl. contoh No. 2, Kota Semarang',
      phone: '024-0000001',
      contacts: JSON.stringify([
        { name: 'Sekar Ayuningtyas', position: 'Instruktur tata rias', phone: '0812-0000-0001' },
      ]),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

// ── the catalogue ────────────────────────────────────────────────────────────────────────────────

interface ProgramPlan {
  key: ProgramKey;
  name: string;
  description: string;
  provider: 'prison' | 'blk';
  sessionsCount: number;
  hoursTotal: number;
  defaultCapacity: number;
  eligibility: { minDaysLeftToServe: number | null; minBehaviourScore: number | null };
  certification: 'none' | 'lsp_bnsp' | 'provider';
  certificationBody: string | null;
  skills: ReadonlyArray<readonly [code: string, level: SkillLevelValue]>;
  instructors: Instructor[];
  /** [code, title, skill code]; a unit without a skill (e.g. work safety) counts for the program. */
  units: ReadonlyArray<readonly [code: string, title: string, skill: string | null]>;
}

const SEWING_ISSUER = 'LSP Garmen Nusantara';

export const DEMO_TRAINING_PROGRAMS: readonly ProgramPlan[] = [
  {
    key: 'batik',
    name: 'Membatik (batik tulis dan cap)',
    description:
      'Membatik tulis dan cap di galeri dan workshop batik "Pramesti" milik LPP Semarang, dari menyiapkan kain ' +
      'dan malam sampai melorod. Karya peserta dijual di galeri; peserta menerima premi dari penjualan.',
    provider: 'prison',
    sessionsCount: 24,
    hoursTotal: 72,
    defaultCapacity: 12,
    eligibility: { minDaysLeftToServe: null, minBehaviourScore: null },
    certification: 'none',
    certificationBody: null,
    skills: [
      ['batik.written', 'intermediate'],
      ['batik.stamped', 'basic'],
    ],
    instructors: [{ name: 'Hartini Puspitasari' }, { user: 'lapas.giatja' }],
    units: [
      ['BTK-01', 'Menyiapkan kain, malam, dan peralatan membatik', 'batik.written'],
      ['BTK-02', 'Membuat pola dan memindahkan motif ke kain', 'batik.written'],
      ['BTK-03', 'Mencanting: nglowong dan isen-isen', 'batik.written'],
      ['BTK-04', 'Mengecap motif dengan canting cap', 'batik.stamped'],
      ['BTK-05', 'Mewarnai, menutup warna, dan melorod kain', 'batik.written'],
    ],
  },
  {
    key: 'sewing',
    name: 'Menjahit (tata busana dasar)',
    description:
      'Pelatihan berbasis kompetensi bersama BLK Kota Semarang, mengacu pada SKKNI bidang garmen ' +
      '(KEP.91/MEN/IV/2008), ditutup dengan uji kompetensi oleh LSP berlisensi BNSP.',
    provider: 'blk',
    sessionsCount: 18,
    hoursTotal: 63,
    defaultCapacity: 12,
    eligibility: { minDaysLeftToServe: null, minBehaviourScore: 65 },
    certification: 'lsp_bnsp',
    certificationBody: SEWING_ISSUER,
    skills: [
      ['garment.sewing', 'competent'],
      ['garment.fashion', 'basic'],
    ],
    instructors: [{ name: 'Christina Kusumastuti' }],
    units: [
      ['JHT-01', 'Menerapkan keselamatan dan kesehatan kerja di tempat kerja', null],
      ['JHT-02', 'Mengoperasikan mesin jahit', 'garment.sewing'],
      ['JHT-03', 'Mengukur badan dan membuat pola dasar', 'garment.fashion'],
      ['JHT-04', 'Memotong bahan sesuai pola', 'garment.sewing'],
      ['JHT-05', 'Menjahit kemeja', 'garment.sewing'],
    ],
  },
  {
    key: 'makeup',
    name: 'Tata rias',
    description:
      'Tata rias wajah sehari-hari dan pesta bersama BLK Kota Semarang; peserta yang kompeten diajukan ke uji ' +
      'kompetensi LSP.',
    provider: 'blk',
    sessionsCount: 16,
    hoursTotal: 48,
    defaultCapacity: 12,
    eligibility: { minDaysLeftToServe: null, minBehaviourScore: 65 },
    certification: 'lsp_bnsp',
    certificationBody: 'LSP Tata Rias Nusantara',
    skills: [['beauty.makeup', 'intermediate']],
    instructors: [{ user: 'instruktur' }, { name: 'Rukmini Larasati' }],
    units: [
      ['RIA-01', 'Menganalisis kulit wajah dan memilih kosmetik', 'beauty.makeup'],
      ['RIA-02', 'Merias wajah sehari-hari', 'beauty.makeup'],
      ['RIA-03', 'Merias wajah untuk pesta', 'beauty.makeup'],
      ['RIA-04', 'Membersihkan, merawat, dan menyimpan alat rias', 'beauty.makeup'],
    ],
  },
  {
    key: 'cooking',
    name: 'Tata boga',
    description:
      'Memasak menu rumahan dan jajan pasar untuk usaha katering kecil, di dapur pelatihan Lapas: higiene, ' +
      'pengolahan, pengemasan nasi kotak, dan menghitung harga jual.',
    provider: 'prison',
    sessionsCount: 12,
    hoursTotal: 36,
    defaultCapacity: 15,
    eligibility: { minDaysLeftToServe: 60, minBehaviourScore: null },
    certification: 'none',
    certificationBody: null,
    skills: [
      ['food.cooking', 'intermediate'],
      ['food.catering', 'basic'],
    ],
    instructors: [{ name: 'Suharti Nugraheni' }],
    units: [
      ['BGA-01', 'Menerapkan higiene dan sanitasi pengolahan makanan', null],
      ['BGA-02', 'Mengolah nasi, lauk pauk, dan sayur menu Indonesia', 'food.cooking'],
      ['BGA-03', 'Membuat kue tradisional (jajan pasar)', 'food.cooking'],
      ['BGA-04', 'Mengemas nasi kotak dan menghitung harga jual', 'food.catering'],
    ],
  },
  {
    key: 'knitting',
    name: 'Merajut',
    description: 'Merajut dan merenda dengan hakpen: taplak, tas, dan topi untuk dijual di galeri Pramesti.',
    provider: 'prison',
    sessionsCount: 12,
    hoursTotal: 24,
    defaultCapacity: 15,
    eligibility: { minDaysLeftToServe: null, minBehaviourScore: null },
    certification: 'none',
    certificationBody: null,
    skills: [['craft.knitting', 'intermediate']],
    instructors: [{ user: 'lapas.giatja' }],
    units: [
      ['RJT-01', 'Mengenal benang, jarum rajut, dan hakpen', 'craft.knitting'],
      ['RJT-02', 'Membuat tusuk dasar rajut dan renda', 'craft.knitting'],
      ['RJT-03', 'Membuat produk rajut siap jual', 'craft.knitting'],
    ],
  },
  {
    key: 'laundry',
    name: 'Binatu (laundry)',
    description:
      'Bekerja di binatu Lapas: memilah, mencuci, menyetrika, dan mengemas cucian; bekal membuka usaha laundry ' +
      'kiloan setelah bebas.',
    provider: 'prison',
    sessionsCount: 10,
    hoursTotal: 30,
    defaultCapacity: 10,
    eligibility: { minDaysLeftToServe: null, minBehaviourScore: 65 },
    certification: 'none',
    certificationBody: null,
    skills: [['laundry.laundry', 'intermediate']],
    instructors: [{ user: 'lapas.giatja' }],
    units: [
      ['BNT-01', 'Memilah pakaian dan membaca label perawatan', 'laundry.laundry'],
      ['BNT-02', 'Mencuci dengan mesin dan secara manual', 'laundry.laundry'],
      ['BNT-03', 'Menyetrika dan melipat pakaian', 'laundry.laundry'],
      ['BNT-04', 'Mencatat dan mengemas cucian pelanggan', 'laundry.laundry'],
    ],
  },
];

// ── calendar helpers ─────────────────────────────────────────────────────────────────────────────

/** ISO weekday of a 'yyyy-mm-dd' date: 1 = Monday .. 7 = Sunday. */
function weekday(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
/** The Monday on or before the date. */
const mondayOf = (iso: string) => addDays(iso, 1 - weekday(iso));
const atUtc = (date: string, time: string) => `${date}T${time}:00Z`;
function plusYears(iso: string, years: number): string {
  const next = `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  return next.endsWith('-02-29') ? `${next.slice(0, 8)}28` : next;
}

/** The sessions a weekly schedule gives between two dates (inclusive), in date order. */
export function scheduledSessions(start: string, end: string, schedule: readonly CohortScheduleSlot[]) {
  const sessions: { date: string; start: string; end: string }[] = [];
  for (let date = start; date <= end; date = addDays(date, 1)) {
    for (const slot of schedule) {
      if (slot.weekday === weekday(date)) sessions.push({ date, start: slot.start, end: slot.end });
    }
  }
  return sessions;
}

// ── the plan ─────────────────────────────────────────────────────────────────────────────────────

/** A woman the seed may place in training: held by the prison, in custody, not anonymized. */
export interface TrainingCandidate {
  id: string;
  fullName: string;
  releaseDate: string | null;
  detentionStartDate: string | null;
  latestScore: number | null;
  /** She consented to share her skills with someone outside (a kelurahan, a partner). */
  sharesSkills: boolean;
}

export interface TrainingPlanInput {
  today: string;
  candidates: readonly TrainingCandidate[];
  skills: ReadonlyMap<string, { id: string; name: string }>;
  users: Record<'lapas.giatja' | 'instruktur', { id: string; name: string }>;
  seed?: number;
}

interface CohortPlan {
  key: CohortKey;
  program: ProgramKey;
  /** The cohort's number (Roman) in the program; the year of its start follows. */
  angkatan: string;
  label: string;
  status: 'completed' | 'running' | 'enrolling';
  start: string;
  end: string;
  schedule: CohortScheduleSlot[];
  room: string;
  instructor: Instructor;
  capacity: number;
  participants: number;
}

function cohortPlans(today: string): CohortPlan[] {
  const batikStart = mondayOf(addDays(today, -175));
  const sewingStart = addDays(mondayOf(addDays(today, -140)), 1);
  const makeupStart = addDays(mondayOf(addDays(today, -30)), 1);
  const cookingStart = mondayOf(addDays(today, 20));
  return [
    {
      key: 'batik1',
      program: 'batik',
      label: 'Membatik',
      angkatan: 'I',
      status: 'completed',
      start: batikStart,
      end: addDays(batikStart, 53),
      schedule: [1, 3, 5].map((day) => ({ weekday: day, start: '09:00', end: '12:00' })),
      room: 'Galeri dan workshop batik Pramesti',
      instructor: { name: 'Hartini Puspitasari' },
      capacity: 12,
      participants: 11,
    },
    {
      key: 'sewing1',
      program: 'sewing',
      label: 'Menjahit',
      angkatan: 'I',
      status: 'completed',
      start: sewingStart,
      end: addDays(sewingStart, 58),
      schedule: [2, 4].map((day) => ({ weekday: day, start: '08:30', end: '12:00' })),
      room: 'Ruang keterampilan menjahit',
      instructor: { name: 'Christina Kusumastuti' },
      capacity: 12,
      participants: 11,
    },
    {
      key: 'makeup2',
      program: 'makeup',
      label: 'Tata Rias',
      angkatan: 'II',
      status: 'running',
      start: makeupStart,
      end: addDays(makeupStart, 51),
      schedule: [2, 4].map((day) => ({ weekday: day, start: '13:00', end: '16:00' })),
      room: 'Ruang salon Lapas',
      instructor: { user: 'instruktur' },
      capacity: 12,
      participants: 10,
    },
    {
      key: 'cooking3',
      program: 'cooking',
      label: 'Tata Boga',
      angkatan: 'III',
      status: 'enrolling',
      start: cookingStart,
      end: addDays(cookingStart, 37),
      schedule: [1, 3].map((day) => ({ weekday: day, start: '09:00', end: '12:00' })),
      room: 'Dapur pelatihan tata boga',
      instructor: { name: 'Suharti Nugraheni' },
      capacity: 15,
      participants: 6,
    },
  ];
}

const ABSENCES = {
  sick: ['Demam; istirahat di blok hunian.', 'Kontrol ke klinik Lapas.', null],
  family_visit: ['Jadwal kunjungan keluarga.', null],
  court: ['Dipanggil sebagai saksi di PN Semarang.'],
  refused: ['Menolak ikut; sudah dibina wali pemasyarakatan.'],
  other: ['Piket dapur umum.', 'Pemeriksaan kesehatan bersama di aula.'],
} as const;
const ABSENCE_WEIGHTS = { sick: 40, family_visit: 25, court: 10, refused: 5, other: 20 } as const;

const SELF_NOTES = [
  'Mengajukan sendiri lewat wali pemasyarakatan; ingin membuka usaha katering kecil setelah bebas.',
  'Ingin berjualan nasi kotak bersama keluarga.',
  'Pernah membantu di warung makan saudara; ingin belajar lebih rapi.',
];
const REFERRAL_NOTES = [
  'Dirujuk Seksi Kegiatan Kerja: rajin dan tertib di dapur umum.',
  'Dirujuk wali pemasyarakatan sesuai rencana pembinaan kemandirian.',
  'Dirujuk Binadik: minat usaha makanan tercatat saat asesmen awal.',
];

export interface DemoTrainingPlan {
  programs: Row<'training_program'>[];
  programSkills: Row<'training_program_skill'>[];
  instructors: Row<'training_program_instructor'>[];
  units: Row<'training_unit'>[];
  cohorts: Row<'training_cohort'>[];
  sessions: Row<'training_session'>[];
  enrolments: Row<'training_enrolment'>[];
  attendance: Row<'training_attendance'>[];
  assessments: Row<'training_assessment'>[];
  certificates: Row<'certificate'>[];
  events: Row<'person_event'>[];
  /** Skill evidence earned, strongest per person and skill (raised with raisePersonSkill). */
  raises: {
    personId: string;
    skillId: string;
    level: SkillLevelValue;
    evidence: Exclude<SkillEvidence, 'self_reported'>;
    cohortId: string;
    certificateId: string | null;
  }[];
  cohortIds: Record<CohortKey, string>;
}

/**
 * Every row of the demo training, from the candidates and the taxonomy. Pure: ids come from the seeded
 * stream, dates from `today`, so the same input gives the same plan.
 */
export function planDemoTraining(input: TrainingPlanInput): DemoTrainingPlan {
  const { today, skills, users } = input;
  const random: Random = createRandom(input.seed ?? 20_261_129);
  const giatja = users['lapas.giatja'];
  const skill = (code: string) => {
    const found = skills.get(code);
    if (!found) throw new Error(`skill ${code} is missing from the taxonomy`);
    return found;
  };
  const instructorOf = (instructor: Instructor) =>
    'user' in instructor
      ? { userId: users[instructor.user].id, name: users[instructor.user].name }
      : { userId: null, name: instructor.name };

  const plan: DemoTrainingPlan = {
    programs: [],
    programSkills: [],
    instructors: [],
    units: [],
    cohorts: [],
    sessions: [],
    enrolments: [],
    attendance: [],
    assessments: [],
    certificates: [],
    events: [],
    raises: [],
    cohortIds: {} as Record<CohortKey, string>,
  };

  // Programs, with their skills, instructors and units.
  const programs = new Map<
    ProgramKey,
    { id: string; plan: ProgramPlan; units: { id: string; code: string; skill: string | null }[] }
  >();
  const programCreated = addDays(today, -240);
  for (const program of DEMO_TRAINING_PROGRAMS) {
    const id = random.uuid();
    plan.programs.push({
      id,
      organization_id: LAPAS_ID,
      name: program.name,
      description: program.description,
      provider_organization_id: program.provider === 'prison' ? LAPAS_ID : DEMO_BLK_ID,
      sessions_count: program.sessionsCount,
      hours_total: program.hoursTotal,
      default_capacity: program.defaultCapacity,
      eligibility: JSON.stringify(program.eligibility),
      certification: program.certification,
      certification_body: program.certificationBody,
      created_by: giatja.id,
      created_at: atUtc(programCreated, '02:00'),
      updated_at: atUtc(programCreated, '02:00'),
    });
    for (const [code, level] of program.skills) {
      plan.programSkills.push({ program_id: id, skill_id: skill(code).id, level });
    }
    for (const instructor of program.instructors) {
      const { userId, name } = instructorOf(instructor);
      plan.instructors.push({ id: random.uuid(), program_id: id, user_id: userId, name });
    }
    const units = program.units.map(([code, title, skillCode], index) => {
      const unitId = random.uuid();
      plan.units.push({
        id: unitId,
        program_id: id,
        skill_id: skillCode ? skill(skillCode).id : null,
        code,
        title,
        position: index + 1,
      });
      return { id: unitId, code, skill: skillCode };
    });
    programs.set(program.key, { id, plan: program, units });
  }

  // Who takes part: everyone at most twice; completed cohorts favour a few who share their skills (so the
  // kelurahan and the partner see trained skills); per program one open entry per woman.
  const order = new Map(random.shuffle(input.candidates.map((c) => c.id)).map((id, index) => [id, index]));
  const usage = new Map<string, number>();
  const uses = (id: string) => usage.get(id) ?? 0;
  const inProgram = new Map<ProgramKey, Set<string>>();
  const choose = (
    program: ProgramKey,
    count: number,
    suits: (c: TrainingCandidate) => boolean,
    preferSharing = 0,
  ) => {
    const taken = inProgram.get(program) ?? new Set<string>();
    inProgram.set(program, taken);
    const ranked = input.candidates
      .filter((c) => !taken.has(c.id) && uses(c.id) < 2 && suits(c))
      .sort((a, b) => uses(a.id) - uses(b.id) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const chosen = ranked.filter((c) => c.sharesSkills).slice(0, preferSharing);
    for (const c of ranked) if (chosen.length < count && !chosen.includes(c)) chosen.push(c);
    for (const c of chosen) {
      usage.set(c.id, uses(c.id) + 1);
      taken.add(c.id);
    }
    return chosen;
  };
  const scoreAtLeast = (min: number | null) => (c: TrainingCandidate) =>
    min === null || (c.latestScore !== null && c.latestScore >= min);

  const event = (personId: string, date: string, kind: string, details: Record<string, unknown>) =>
    plan.events.push({
      person_id: personId,
      at: atUtc(date, '08:00'),
      kind,
      visibility: 'shared',
      actor_user_id: giatja.id,
      actor_name: giatja.name,
      organization_id: LAPAS_ID,
      organization_name: 'LPP Semarang',
      details: JSON.stringify(details),
    });

  let certificateSerial = 120 + random.int(0, 80);
  for (const cohort of cohortPlans(today)) {
    const program = programs.get(cohort.program);
    if (!program) throw new Error(`program ${cohort.program} is missing`);
    const id = random.uuid();
    plan.cohortIds[cohort.key] = id;
    const name = `${cohort.label} Angkatan ${cohort.angkatan} ${cohort.start.slice(0, 4)}`;
    const instructor = instructorOf(cohort.instructor);
    const created = addDays(cohort.start, -45);
    const completedOn = cohort.status === 'completed' ? cohort.end : null;
    plan.cohorts.push({
      id,
      organization_id: LAPAS_ID,
      program_id: program.id,
      name,
      start_date: cohort.start,
      end_date: cohort.end,
      schedule: JSON.stringify(cohort.schedule),
      room: cohort.room,
      instructor_user_id: instructor.userId,
      instructor_name: instructor.userId ? null : instructor.name,
      capacity: cohort.capacity,
      status: cohort.status,
      completed_on: completedOn,
      created_by: giatja.id,
      created_at: atUtc(created, '03:00'),
      updated_at: atUtc(completedOn ?? (cohort.status === 'running' ? cohort.start : created), '03:00'),
    });

    // Sessions: every slot of the schedule; one batik session fell through.
    const slots = scheduledSessions(cohort.start, cohort.end, cohort.schedule);
    const cancelledIndex = cohort.key === 'batik1' ? 10 : -1;
    const recordedBy = instructor.userId ?? giatja.id;
    const sessions = slots.map((slot, index) => {
      const cancelled = index === cancelledIndex;
      const recorded = !cancelled && slot.date < today;
      const row = {
        id: random.uuid(),
        cohort_id: id,
        organization_id: LAPAS_ID,
        date: slot.date,
        start_time: slot.start,
        end_time: slot.end,
        status: cancelled ? ('cancelled' as const) : ('scheduled' as const),
        cancel_reason: cancelled
          ? 'Workshop dipakai untuk kunjungan kerja Kantor Wilayah; sesi ditiadakan.'
          : null,
        created_on: created,
        attendance_recorded_at: recorded ? new Date(atUtc(slot.date, '05:30')) : null,
        attendance_recorded_by: recorded ? recordedBy : null,
      };
      plan.sessions.push(row);
      return row;
    });

    // Participants: held long enough before the start, staying past the end, meeting the program's minimum.
    const min = program.plan.eligibility.minBehaviourScore;
    const participants = choose(
      cohort.program,
      cohort.participants,
      (c) =>
        scoreAtLeast(min)(c) &&
        c.releaseDate !== null &&
        c.releaseDate > addDays(cohort.end, cohort.status === 'completed' ? 0 : 30) &&
        c.detentionStartDate !== null &&
        c.detentionStartDate < addDays(cohort.start, -14),
      cohort.status === 'completed' ? 3 : 0,
    );
    // In the sewing cohort one woman left half way (hospital); in each completed cohort one woman did not
    // yet pass one unit.
    const leaver = cohort.key === 'sewing1' ? participants.at(-1)?.id : undefined;
    const notYet =
      cohort.status === 'completed' ? participants[random.int(0, participants.length - 2)]?.id : undefined;
    const leftOn = sessions[Math.floor(sessions.length / 2)]?.date ?? cohort.start;
    for (const person of participants) {
      const enrolmentId = random.uuid();
      const requested = addDays(cohort.start, -random.int(20, 50));
      const allocated = addDays(cohort.start, -random.int(3, 12));
      const left = person.id === leaver;
      const completed = cohort.status === 'completed' && !left;
      plan.enrolments.push({
        id: enrolmentId,
        organization_id: LAPAS_ID,
        person_id: person.id,
        program_id: program.id,
        cohort_id: id,
        source: random.chance(0.5) ? 'self_request' : 'staff_referral',
        status: left ? 'deallocated' : completed ? 'completed' : 'allocated',
        end_reason: left ? 'health' : completed ? 'completed' : null,
        end_note: left ? 'Dirawat di rumah sakit rujukan; tidak dapat melanjutkan pelatihan.' : null,
        requested_on: requested,
        allocated_at: new Date(atUtc(allocated, '03:00')),
        ended_on: left ? leftOn : completed ? completedOn : null,
        created_by: giatja.id,
        created_at: atUtc(requested, '03:00'),
        updated_at: atUtc(left ? leftOn : (completedOn ?? allocated), '03:00'),
      });

      // Attendance of every recorded session she was allocated for: mostly present.
      for (const session of sessions) {
        if (!session.attendance_recorded_at || (left && session.date >= leftOn)) continue;
        const absent = random.chance(0.08);
        const reason = absent ? random.weighted(ABSENCE_WEIGHTS) : null;
        plan.attendance.push({
          session_id: session.id,
          enrolment_id: enrolmentId,
          organization_id: LAPAS_ID,
          present: !absent,
          absence_reason: reason,
          note: reason ? random.pick<string | null>(ABSENCES[reason]) : null,
          recorded_by: recordedBy,
          recorded_at: session.attendance_recorded_at,
        });
      }
      if (!completed) continue;

      // Results of every unit, assessed on the last day; then the skills earned and the certificate.
      const failedUnit = person.id === notYet ? program.units[2]?.id : undefined;
      const assessor =
        cohort.program === 'sewing' ? `Handoko Wibisono (asesor ${SEWING_ISSUER})` : instructor.name;
      for (const unit of program.units) {
        const competent = unit.id !== failedUnit;
        plan.assessments.push({
          id: random.uuid(),
          organization_id: LAPAS_ID,
          enrolment_id: enrolmentId,
          unit_id: unit.id,
          result: competent ? 'competent' : 'not_yet_competent',
          score: competent ? random.int(72, 95) : random.int(52, 68),
          assessor_name: assessor,
          assessed_on: cohort.end,
          recorded_by: giatja.id,
          recorded_at: atUtc(cohort.end, '07:00'),
        });
      }
      const allCompetent = failedUnit === undefined;
      let certificateId: string | null = null;
      const certified = program.plan.certification === 'lsp_bnsp' && allCompetent;
      const [certifiedCode, certifiedLevel] = program.plan.skills[0] as readonly [string, SkillLevelValue];
      if (certified) {
        certificateId = random.uuid();
        const issued = addDays(cohort.end, 14);
        certificateSerial += random.int(1, 3);
        const number = `LSP-GMT/${issued.slice(0, 4)}/${String(certificateSerial).padStart(6, '0')}`;
        plan.certificates.push({
          id: certificateId,
          organization_id: LAPAS_ID,
          person_id: person.id,
          enrolment_id: enrolmentId,
          skill_id: skill(certifiedCode).id,
          level: certifiedLevel,
          number,
          issuer: SEWING_ISSUER,
          issued_on: issued,
          valid_until: plusYears(issued, 3),
          recorded_by: giatja.id,
          created_at: atUtc(addDays(issued, 3), '03:00'),
        });
        event(person.id, addDays(issued, 3), 'certificate.added', {
          certificateId,
          number,
          issuer: SEWING_ISSUER,
          skillId: skill(certifiedCode).id,
          skillName: skill(certifiedCode).name,
          level: certifiedLevel,
        });
      }
      for (const [code, level] of program.plan.skills) {
        const isCertified = certified && code === certifiedCode;
        plan.raises.push({
          personId: person.id,
          skillId: skill(code).id,
          level,
          evidence: isCertified ? 'certified' : allCompetent ? 'assessed' : 'trained',
          cohortId: id,
          certificateId: isCertified ? certificateId : null,
        });
      }
      event(person.id, cohort.end, 'training.completed', {
        cohortId: id,
        cohortName: name,
        programId: program.id,
        programName: program.plan.name,
      });
    }

    // The enrolling cohort's program has a waitlist: pending and approved entries, and one declined.
    if (cohort.status === 'enrolling') {
      const waiting = choose(
        cohort.program,
        6,
        (c) => c.releaseDate !== null && c.releaseDate > addDays(cohort.end, 14),
      );
      waiting.forEach((person, index) => {
        const source = index % 2 === 0 ? 'self_request' : 'staff_referral';
        const requested = addDays(today, -random.int(4, 40));
        const approved = index >= 3;
        plan.enrolments.push({
          id: random.uuid(),
          organization_id: LAPAS_ID,
          person_id: person.id,
          program_id: program.id,
          cohort_id: null,
          source,
          status: approved ? 'approved' : 'pending',
          note: random.pick(source === 'self_request' ? SELF_NOTES : REFERRAL_NOTES),
          decision_reason: approved ? 'Memenuhi syarat; menunggu kuota angkatan.' : null,
          requested_on: requested,
          created_by: giatja.id,
          created_at: atUtc(requested, '03:00'),
          updated_at: atUtc(approved ? addDays(requested, 2) : requested, '03:00'),
        });
      });
      // Declined: she is released before the cohort would end.
      const [declined] = choose(
        cohort.program,
        1,
        (c) => c.releaseDate !== null && c.releaseDate < cohort.end && c.releaseDate > today,
      );
      if (declined) {
        const requested = addDays(today, -random.int(10, 30));
        plan.enrolments.push({
          id: random.uuid(),
          organization_id: LAPAS_ID,
          person_id: declined.id,
          program_id: program.id,
          cohort_id: null,
          source: 'self_request',
          status: 'declined',
          note: SELF_NOTES[1] as string,
          decision_reason:
            'Bebas sebelum angkatan ini selesai; disarankan ikut pelatihan singkat Binatu lebih dulu.',
          requested_on: requested,
          ended_on: addDays(requested, 3),
          created_by: giatja.id,
          created_at: atUtc(requested, '03:00'),
          updated_at: atUtc(addDays(requested, 3), '03:00'),
        });
      }
    }
  }

  // A few requests for programs without an open cohort yet.
  for (const [key, count, source] of [
    ['knitting', 2, 'self_request'],
    ['laundry', 2, 'staff_referral'],
  ] as const) {
    const program = programs.get(key);
    if (!program) continue;
    for (const person of choose(
      key,
      count,
      (c) => c.releaseDate !== null && c.releaseDate > addDays(today, 60),
    )) {
      const requested = addDays(today, -random.int(2, 25));
      plan.enrolments.push({
        id: random.uuid(),
        organization_id: LAPAS_ID,
        person_id: person.id,
        program_id: program.id,
        cohort_id: null,
        source,
        status: 'pending',
        note:
          source === 'self_request'
            ? 'Ingin membuat tas rajut untuk dijual daring.'
            : 'Dirujuk untuk membantu di binatu Lapas sambil belajar.',
        requested_on: requested,
        created_by: giatja.id,
        created_at: atUtc(requested, '03:00'),
        updated_at: atUtc(requested, '03:00'),
      });
    }
  }
  return plan;
}

// ── writing it ───────────────────────────────────────────────────────────────────────────────────

/** The women the seed may place in training, with what the suitability checks look at. */
export async function trainingCandidates(db: Db): Promise<TrainingCandidate[]> {
  const people = await db
    .selectFrom('person')
    .innerJoin('custody', 'custody.person_id', 'person.id')
    .select(['person.id', 'person.full_name', 'person.release_date', 'custody.detention_start_date'])
    .where('person.organization_id', '=', LAPAS_ID)
    .where('person.released_on', 'is', null)
    .where('person.anonymized_at', 'is', null)
    .orderBy('person.full_name')
    .orderBy('person.id')
    .execute();
  const scores = await db
    .selectFrom('behaviour_score')
    .select(['person_id', 'month', 'score'])
    .where('organization_id', '=', LAPAS_ID)
    .orderBy('month')
    .execute();
  const latest = new Map(scores.map((s) => [s.person_id, Number(s.score)]));
  const consents = await db
    .selectFrom('consent')
    .select(['person_id', 'field_groups'])
    .where('withdrawn_on', 'is', null)
    .execute();
  const sharing = new Set(
    consents.filter((c) => c.field_groups.includes('skills_training')).map((c) => c.person_id),
  );
  return people.map((p) => ({
    id: p.id,
    fullName: p.full_name,
    releaseDate: p.release_date,
    detentionStartDate: p.detention_start_date,
    latestScore: latest.get(p.id) ?? null,
    sharesSkills: sharing.has(p.id),
  }));
}

/**
 * Seeds the demo training (once, inside the demo seed's transaction, after the demo people and accounts).
 * Returns the plan written, for the tests.
 */
export async function seedDemoTraining(
  db: Db,
  options: { today?: string; seed?: number } = {},
): Promise<DemoTrainingPlan> {
  const today = options.today ?? programToday();
  const skillRows = await db.selectFrom('skill').select(['id', 'code', 'name_id']).execute();
  const skills = new Map(skillRows.map((s) => [s.code, { id: s.id, name: s.name_id }]));
  const accounts = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'full_name'])
    .where('username', 'in', ['lapas.giatja', 'instruktur'])
    .execute();
  const account = (username: 'lapas.giatja' | 'instruktur') => {
    const found = accounts.find((a) => a.username === username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return { id: found.id, name: found.full_name };
  };
  const plan = planDemoTraining({
    today,
    candidates: await trainingCandidates(db),
    skills,
    users: { 'lapas.giatja': account('lapas.giatja'), instruktur: account('instruktur') },
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });

  await db.insertInto('training_program').values(plan.programs).execute();
  await db.insertInto('training_program_skill').values(plan.programSkills).execute();
  await db.insertInto('training_program_instructor').values(plan.instructors).execute();
  await db.insertInto('training_unit').values(plan.units).execute();
  await db.insertInto('training_cohort').values(plan.cohorts).execute();
  await db.insertInto('training_session').values(plan.sessions).execute();
  await db.insertInto('training_enrolment').values(plan.enrolments).execute();
  if (plan.attendance.length) await db.insertInto('training_attendance').values(plan.attendance).execute();
  if (plan.assessments.length) await db.insertInto('training_assessment').values(plan.assessments).execute();
  if (plan.certificates.length) await db.insertInto('certificate').values(plan.certificates).execute();
  if (plan.events.length) await db.insertInto('person_event').values(plan.events).execute();
  for (const raise of plan.raises) {
    await raisePersonSkill(db, { ...raise, organizationId: LAPAS_ID });
  }
  return plan;
}
