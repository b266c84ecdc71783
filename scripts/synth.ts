import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/connect.ts';
import {
  addDays,
  createRandom,
  drawPlan,
  type GeneratedPerson,
  generatePerson,
  personRows,
  programToday,
  Registry,
} from '../src/server/db/seed/demo-people.ts';
import { BAPAS_ID, getMeta, KECAMATAN_ID, LAPAS_ID } from '../src/server/db/seed/reference.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';
import { runScript, ScriptError } from './script.ts';

// `npm run db:synth -- --people 300000 [--database-url URL | --data-dir DIR] [--seed 42] [--force]`:
// fictional people for benchmarks, from the demo's generator (no notes, no SPPN scores), held by LPP
// Semarang, inserted in batches of a few thousand rows per statement. The same seed on the same day gives
// the same people. Refuses a database first started for real use (mode 'production') unless --force.

const USAGE =
  'Usage: npm run db:synth -- --people <count> [--seed <n>] [--database-url <url> | --data-dir <dir>] ' +
  '[--batch <people per batch>] [--force]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      people: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      batch: { type: 'string', default: '2000' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(1);
}

const count = Number(args.people);
const seed = Number(args.seed);
const batchSize = Number(args.batch);
if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
  console.error(`--people must be a whole number from 1 to 5,000,000.\n${USAGE}`);
  process.exit(1);
}
if (
  !Number.isInteger(seed) ||
  seed < 0 ||
  !Number.isInteger(batchSize) ||
  batchSize < 1 ||
  batchSize > 20_000
) {
  console.error(`--seed must be a whole number ≥ 0 and --batch one from 1 to 20,000.\n${USAGE}`);
  process.exit(1);
}
if (args['database-url'] && args['data-dir']) {
  console.error(`Give --database-url or --data-dir, not both.\n${USAGE}`);
  process.exit(1);
}
// The options stand for the environment variables the configuration reads.
if (args['database-url']) process.env.DATABASE_URL = args['database-url'];
if (args['data-dir']) {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = args['data-dir'];
}

/** A JSON array of rows, read by json_to_recordset: one parameter per statement, whatever the batch size. */
function recordset(rows: object[]) {
  return sql`json_to_recordset(${JSON.stringify(rows)}::json)`;
}

type Db = Parameters<typeof prepareDatabase>[0];

const PERSON_COLUMNS = `id uuid, organization_id uuid, full_name text, aliases text, search_name text, nik text,
  birth_place text, birth_date date, education_level text, marital_status text, dependent_children integer,
  phone text, guarantor text, domicile_address text, domicile_village_code text, domicile_village_name text,
  intended_village_id uuid, registration_number text, interests text, preferred_sectors text,
  constraints text, religion text, ethnicity text, release_date date, asimilasi_date date, parole_date date,
  conditional_leave_date date, pre_release_leave_date date, released_on date, supervision_end_date date,
  returned_on date, created_by uuid`;

async function insertBatch(db: Db, batch: ReturnType<typeof rowsOf>[]) {
  const people = batch.map((rows) => rows.person);
  const skills = batch.flatMap((rows) => rows.skills);
  const custody = batch.map((rows) => rows.custody);
  const remissions = batch.flatMap((rows) => rows.remissions);
  const links = batch.flatMap((rows) => rows.links);
  const consents = batch.flatMap((rows) => rows.consents);
  await db.transaction().execute(async (trx) => {
    await sql`insert into person (id, organization_id, full_name, aliases, search_name, nik, birth_place, birth_date,
        education_level, marital_status, dependent_children, phone, guarantor, domicile_address,
        domicile_village_code, domicile_village_name, intended_village_id, registration_number, interests,
        preferred_sectors, constraints, religion, ethnicity, release_date, asimilasi_date, parole_date,
        conditional_leave_date, pre_release_leave_date, released_on, supervision_end_date, returned_on, created_by)
      select id, organization_id, full_name, aliases::jsonb, search_name, nik, birth_place, birth_date,
        education_level, marital_status, dependent_children, phone, guarantor::jsonb, domicile_address,
        domicile_village_code, domicile_village_name, intended_village_id, registration_number, interests,
        preferred_sectors::jsonb, constraints::jsonb, religion, ethnicity, release_date, asimilasi_date,
        parole_date, conditional_leave_date, pre_release_leave_date, released_on, supervision_end_date,
        returned_on, created_by
      from ${recordset(people)} as x(${sql.raw(PERSON_COLUMNS)})`.execute(trx);
    if (skills.length > 0)
      await sql`insert into person_skill (person_id, organization_id, name, sector, level)
        select person_id, organization_id, name, sector, level
        from ${recordset(skills)} as x(person_id uuid, organization_id uuid, name text, sector text, level text)`.execute(
        trx,
      );
    await sql`insert into custody (person_id, organization_id, offence_category, court_decision_number,
        court_decision_date, sentence_years, sentence_months, sentence_days, fine_amount, fine_substitute_months,
        fine_substitute_days, fine_paid, detention_start_date, release_kind, released_on, supervision_end_date,
        returned_on)
      select * from ${recordset(custody)} as x(person_id uuid, organization_id uuid, offence_category text,
        court_decision_number text, court_decision_date date, sentence_years integer, sentence_months integer,
        sentence_days integer, fine_amount bigint, fine_substitute_months integer, fine_substitute_days integer,
        fine_paid boolean, detention_start_date date, release_kind text, released_on date,
        supervision_end_date date, returned_on date)`.execute(trx);
    if (remissions.length > 0)
      await sql`insert into remission (person_id, organization_id, kind, days, decree_number, decree_date)
        select * from ${recordset(remissions)} as x(person_id uuid, organization_id uuid, kind text, days integer,
          decree_number text, decree_date date)`.execute(trx);
    if (links.length > 0)
      await sql`insert into person_link (person_id, organization_id, kind, note)
        select * from ${recordset(links)} as x(person_id uuid, organization_id uuid, kind text, note text)`.execute(
        trx,
      );
    if (consents.length > 0)
      await sql`insert into consent (person_id, organization_id, purpose, recipient_organization_ids,
          recipient_kinds, field_groups, given_on)
        select person_id, organization_id, purpose, recipient_organization_ids::jsonb, '[]'::jsonb,
          field_groups::jsonb, given_on
        from ${recordset(consents)} as x(person_id uuid, organization_id uuid, purpose text,
          recipient_organization_ids text, field_groups text, given_on date)`.execute(trx);
  });
  return people.length + skills.length + custody.length + remissions.length + links.length + consents.length;
}

const REINTEGRATION = JSON.stringify(['identity_contact', 'skills_training', 'availability_status']);

/** A person's rows with the links and consents some of them have. */
function rowsOf(
  person: GeneratedPerson,
  random: ReturnType<typeof createRandom>,
  villages: { id: string; code: string; name: string }[],
  today: string,
) {
  const home = villages.find((village) => village.code === person.domicileVillageCode);
  const intended = random.chance(0.6) ? (home ?? random.pick(villages)) : null;
  const rows = personRows(person, {
    organizationId: LAPAS_ID,
    intendedVillageId: intended?.id ?? null,
    createdBy: null,
  });
  const links: { person_id: string; organization_id: string; kind: string; note: string | null }[] = [];
  const consents: {
    person_id: string;
    organization_id: string;
    purpose: string;
    recipient_organization_ids: string;
    field_groups: string;
    given_on: string;
  }[] = [];
  const soon = person.releasedOn !== null || person.releaseDate <= addDays(today, 120);
  if (soon && random.chance(0.5)) {
    links.push({ person_id: person.id, organization_id: BAPAS_ID, kind: 'referral', note: null });
  }
  if (intended && random.chance(0.15)) {
    consents.push({
      person_id: person.id,
      organization_id: LAPAS_ID,
      purpose: `Reintegrasi: pendampingan dan peluang kerja di ${intended.name}`,
      recipient_organization_ids: JSON.stringify(
        random.chance(0.2) ? [intended.id, KECAMATAN_ID] : [intended.id],
      ),
      field_groups: REINTEGRATION,
      given_on: addDays(today, -random.int(7, 200)),
    });
  }
  return { ...rows, links, consents };
}

const number = (value: number) => Math.round(value).toLocaleString('en-US');

await runScript(async (config) => {
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database.db, { demo: config.demo });
    const mode = await getMeta(database.db, 'mode');
    if (mode === 'production' && !args.force) {
      throw new ScriptError(
        'This database was first started for real use (mode production): synthetic people would mix with ' +
          'real records. Use a separate database, or add --force if you really mean it.',
      );
    }
    const villages = (
      await database.db
        .selectFrom('organization')
        .select(['id', 'code', 'name'])
        .where('kind', '=', 'village')
        .where('code', 'like', '33.74.13.%')
        .orderBy('code')
        .execute()
    ).map((village) => ({ id: village.id, code: village.code as string, name: village.name }));

    const today = programToday();
    const random = createRandom(seed);
    // Seeds share nothing: each takes its own range of NIK serials and registration numbers, so two
    // seeds can fill one database; the same seed twice is refused below.
    const range = seed % 9;
    const registry = new Registry({
      nikBase: 1000 + range * 1000,
      registrationBase: range * 1_000_000,
      registrationDigits: 7,
    });
    const next = () => generatePerson(random, { today, plan: drawPlan(random), registry });

    const first = next();
    const taken = await database.db
      .selectFrom('person')
      .select('id')
      .where((eb) => eb.or([eb('nik', '=', first.nik), eb('id', '=', first.id)]))
      .executeTakeFirst();
    if (taken) {
      throw new ScriptError(
        `People of seed ${seed} are already in this database (NIK ${first.nik}): use another --seed.`,
      );
    }

    const where =
      config.database.kind === 'postgresql' ? 'PostgreSQL' : `PGlite (${config.database.dataDir})`;
    console.log(
      `Generating ${number(count)} people (seed ${seed}, ${number(batchSize)} per batch) into ${where}`,
    );
    const started = performance.now();
    let generationMs = 0;
    let rowsWritten = 0;
    let done = 0;
    let pending: GeneratedPerson | null = first;
    let reported = 0;
    // One batch in flight while the next is generated: PostgreSQL inserts while this process computes.
    let inFlight: Promise<number> | null = null;
    while (done < count) {
      const size = Math.min(batchSize, count - done);
      const generating = performance.now();
      const batch = [];
      for (let i = 0; i < size; i++) {
        const person = pending ?? next();
        pending = null;
        batch.push(rowsOf(person, random, villages, today));
      }
      generationMs += performance.now() - generating;
      if (inFlight) rowsWritten += await inFlight;
      inFlight = insertBatch(database.db, batch);
      // Awaited on the next round (or below); until then a failure must not count as unhandled.
      inFlight.catch(() => {});
      done += size;
      const seconds = (performance.now() - started) / 1000;
      if (seconds - reported >= 5) {
        reported = seconds;
        console.log(
          `  ${number(done)} / ${number(count)} people, ${number(rowsWritten)} rows, ` +
            `${number(rowsWritten / seconds)} rows/s, ${number(done / seconds)} people/s`,
        );
      }
    }
    if (inFlight) rowsWritten += await inFlight;
    const insertSeconds = (performance.now() - started) / 1000;
    // Fresh statistics, so the planner knows the tables' new size before the first query.
    const analyzing = performance.now();
    await sql`analyze person, person_skill, custody, remission, person_link, consent`.execute(database.db);
    const analyzeSeconds = (performance.now() - analyzing) / 1000;
    console.log(
      `Done: ${number(count)} people, ${number(rowsWritten)} rows in ${insertSeconds.toFixed(1)} s ` +
        `(${number(rowsWritten / insertSeconds)} rows/s, ${number(count / insertSeconds)} people/s; ` +
        `generating ${(generationMs / 1000).toFixed(1)} s of it), analyze ${analyzeSeconds.toFixed(1)} s.`,
    );
  } finally {
    await database.close();
  }
});
