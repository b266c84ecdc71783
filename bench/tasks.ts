import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Insertable, type Kysely, sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/db/connect.ts';
import type { Database } from '../src/server/db/schema.ts';
import {
  addDays,
  createRandom,
  drawPlan,
  generatePerson,
  type JourneyPlan,
  personRows,
  programToday,
  type Random,
  Registry,
} from '../src/server/db/seed/demo-people.ts';
import { BAPAS_ID, LAPAS_ID } from '../src/server/db/seed/reference.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';
import type { TaskList, TaskSummary } from '../src/shared/tasks.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../tests/factories/index.ts';
import { ROOT, round } from './lib/children.ts';
import { createBenchDatabase, dropBenchDatabase, redact } from './lib/postgres.ts';

// `npm run bench -- tasks` (or `node bench/tasks.ts`): issue 7's target for the derived task list.
// A PK (probation officer) with 200 clients, inside a large dataset: 100,000 people of five prisons (the demo
// generator's women and journeys), every supervised one handed over to one of three Bapas and 45 PKs, with
// reintegration plans, schedules (next due from 40 days ago to 40 days ahead), open escalations, outcome
// checks, and pending handovers. Measures GET /api/tasks for that PK in-process (app.inject, the whole
// Fastify route with session, validation, the queries and the audit entry) — p95 over BENCH_TASKS_REQUESTS
// requests (target ≤ 100 ms on PostgreSQL) — and, for comparison, the summary and the Bapas head's list.
// PostgreSQL with BENCH_DATABASE_URL (a sinergi_bench_<timestamp> database, dropped at the end, also on
// error and Ctrl-C); without it, an in-memory PGlite with the same data (the target is PostgreSQL's).
// Writes bench/results/tasks-<time>.json.

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`bench: ${name} must be a whole number ≥ 0 (got "${raw}")`);
    process.exit(1);
  }
  return value;
}

const settings = {
  seed: whole('BENCH_TASKS_SEED', 7),
  people: whole('BENCH_TASKS_PEOPLE', 100_000),
  clients: whole('BENCH_TASKS_CLIENTS', 200),
  requests: whole('BENCH_TASKS_REQUESTS', 200),
  warmup: whole('BENCH_TASKS_WARMUP', 20),
  otherPrisons: 4,
  otherBapas: 2,
  officersPerBapas: 15,
  batch: 1_000,
};
const TARGET_P95_MS = 100;
const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;

const cleanups: { name: string; run: () => unknown }[] = [];
let interrupted = false;
async function cleanUp() {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step?.run();
    } catch (error) {
      console.error(
        `bench: clean-up "${step?.name}" failed: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\nbench: ${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}
function checkNotInterrupted() {
  if (interrupted) throw new Error('interrupted');
}
const log = (line: string) => console.log(`[bench tasks] ${line}`);

type Db = Kysely<Database>;

interface World {
  prisons: string[];
  bapas: { id: string; officers: string[] }[];
  target: { officerId: string; username: string; headUsername: string };
}

async function createWorld(db: Db): Promise<World> {
  const prisons = [LAPAS_ID];
  for (let i = 1; i <= settings.otherPrisons; i++)
    prisons.push((await createOrganization(db, { kind: 'prison', name: `Lapas Bench ${i}` })).id);
  const bapasIds = [BAPAS_ID];
  for (let i = 1; i <= settings.otherBapas; i++)
    bapasIds.push((await createOrganization(db, { kind: 'probation', name: `Bapas Bench ${i}` })).id);
  const target = await createUser(db, {
    username: 'bench.pk',
    organizationId: BAPAS_ID,
    roles: ['probation_officer'],
    fullName: 'PK Bench',
  });
  const head = await createUser(db, {
    username: 'bench.kabapas',
    organizationId: BAPAS_ID,
    roles: ['probation_head'],
    fullName: 'Kepala Bapas Bench',
  });
  const bapas = [];
  for (const id of bapasIds) {
    const officers: string[] = [];
    for (let i = 0; i < settings.officersPerBapas; i++)
      officers.push(
        (await createUser(db, { organizationId: id, roles: ['probation_officer'], fullName: `PK ${i}` })).id,
      );
    bapas.push({ id, officers });
  }
  return {
    prisons,
    bapas,
    target: { officerId: target.id, username: target.username, headUsername: head.username },
  };
}

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

interface Batch {
  people: Rows<'person'>;
  custody: Rows<'custody'>;
  plans: Rows<'reintegration_plan'>;
  handovers: Rows<'handover'>;
  links: Rows<'person_link'>;
  schedules: Rows<'supervision_schedule'>;
  escalations: Rows<'supervision_escalation'>;
  outcomes: Rows<'outcome_check'>;
}

const emptyBatch = (): Batch => ({
  people: [],
  custody: [],
  plans: [],
  handovers: [],
  links: [],
  schedules: [],
  escalations: [],
  outcomes: [],
});

/** Runs `insert` on slices of at most settings.batch rows (PostgreSQL takes at most 65,535 parameters). */
async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += settings.batch) await insert(rows.slice(i, i + settings.batch));
}

async function insertBatch(db: Db, batch: Batch) {
  await db.transaction().execute(async (trx) => {
    await inChunks(batch.people, (rows) => trx.insertInto('person').values(rows).execute());
    await inChunks(batch.custody, (rows) => trx.insertInto('custody').values(rows).execute());
    await inChunks(batch.plans, (rows) => trx.insertInto('reintegration_plan').values(rows).execute());
    await inChunks(batch.handovers, (rows) => trx.insertInto('handover').values(rows).execute());
    await inChunks(batch.links, (rows) => trx.insertInto('person_link').values(rows).execute());
    await inChunks(batch.schedules, (rows) => trx.insertInto('supervision_schedule').values(rows).execute());
    await inChunks(batch.escalations, (rows) =>
      trx.insertInto('supervision_escalation').values(rows).execute(),
    );
    await inChunks(batch.outcomes, (rows) => trx.insertInto('outcome_check').values(rows).execute());
  });
}

function monthsAfter(date: string, months: number) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A plan for her; a handover (accepted to a PK with a schedule, escalations and checks, or sent) when asked. */
function addJourney(
  batch: Batch,
  random: Random,
  today: string,
  person: ReturnType<typeof personRows>['person'],
  handover: { bapasId: string; officerId: string | null } | null,
) {
  const planId = random.uuid();
  batch.plans.push({
    id: planId,
    person_id: person.id,
    organization_id: person.organization_id,
    next_review_on: addDays(today, random.int(-20, 90)),
  });
  if (!handover) return;
  const accepted = handover.officerId !== null;
  batch.handovers.push({
    id: random.uuid(),
    person_id: person.id,
    from_organization_id: person.organization_id,
    to_organization_id: handover.bapasId,
    plan_id: planId,
    status: accepted ? 'accepted' : 'sent',
    package: JSON.stringify({}),
    sent_by_name: 'Petugas Lapas',
    expected_release_date: person.release_date,
    decided_by_name: accepted ? 'Kepala Bapas' : null,
    decided_at: accepted ? new Date() : null,
    officer_user_id: handover.officerId,
  });
  batch.links.push({ person_id: person.id, organization_id: handover.bapasId, kind: 'handover' });
  if (!accepted || !person.released_on) return;
  batch.schedules.push({
    person_id: person.id,
    organization_id: handover.bapasId,
    starts_on: person.released_on,
    next_due_on: addDays(today, random.int(-40, 40)),
  });
  if (random.chance(0.1))
    batch.escalations.push({
      person_id: person.id,
      organization_id: handover.bapasId,
      level: random.pick(['reminder', 'warning', 'report_to_head'] as const),
      created_by_name: 'Sistem',
    });
  for (const window of [1, 3, 6, 12] as const) {
    const due = monthsAfter(person.released_on, window);
    if (due < today && random.chance(0.7))
      batch.outcomes.push({
        person_id: person.id,
        organization_id: handover.bapasId,
        window_months: window,
        due_on: due,
        checked_on: due,
        work_status: random.pick(['employed', 'self_employed', 'in_training', 'unemployed'] as const),
        recorded_by_name: 'PK',
      });
  }
}

async function fill(db: Db, world: World) {
  const random = createRandom(settings.seed);
  const today = programToday();
  const registry = new Registry({ nikBase: 3000, registrationBase: 0, registrationDigits: 7 });
  const started = performance.now();
  const counts = { people: 0, clients: 0, targetClients: 0, sent: 0, plans: 0 };
  const total = settings.people + settings.clients;
  let batch = emptyBatch();
  for (let n = 0; n < total; n++) {
    checkNotInterrupted();
    const forTarget = n >= settings.people;
    const plan: JourneyPlan = forTarget ? { kind: 'supervised' } : drawPlan(random);
    const organizationId = forTarget
      ? LAPAS_ID
      : random.chance(0.4)
        ? LAPAS_ID
        : (random.pick(world.prisons.slice(1)) as string);
    const person = personRows(generatePerson(random, { today, plan, registry }), {
      organizationId,
      intendedVillageId: null,
      createdBy: null,
    });
    batch.people.push(person.person);
    batch.custody.push(person.custody);
    counts.people++;
    if (forTarget) {
      addJourney(batch, random, today, person.person, {
        bapasId: BAPAS_ID,
        officerId: world.target.officerId,
      });
      counts.targetClients++;
    } else if (plan.kind === 'supervised' || plan.kind === 'ended_parole') {
      const bapas = random.pick(world.bapas);
      addJourney(batch, random, today, person.person, {
        bapasId: bapas.id,
        officerId: random.pick(bapas.officers),
      });
      counts.clients++;
    } else if (plan.kind === 'custody' && plan.releaseInDays <= 120 && random.chance(0.6)) {
      const sent = random.chance(0.3);
      addJourney(
        batch,
        random,
        today,
        person.person,
        sent ? { bapasId: random.pick(world.bapas).id, officerId: null } : null,
      );
      if (sent) counts.sent++;
    }
    if (batch.people.length >= settings.batch * 2) {
      counts.plans += batch.plans.length;
      await insertBatch(db, batch);
      batch = emptyBatch();
    }
    if (n > 0 && n % 20_000 === 0)
      log(`  ${n.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} people`);
  }
  counts.plans += batch.plans.length;
  await insertBatch(db, batch);
  await sql`analyze`.execute(db);
  return { ...counts, seconds: round((performance.now() - started) / 1000, 1) };
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    p50: round(at(0.5), 2),
    p95: round(at(0.95), 2),
    p99: round(at(0.99), 2),
    max: round(sorted[sorted.length - 1] ?? 0, 2),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(sorted.length, 1), 2),
  };
}

async function measure(
  app: Awaited<ReturnType<typeof buildApp>>,
  cookie: string,
  url: string,
  requests: number,
): Promise<{ latencyMs: Latency; cpuMsPerRequest: number; status: number; body: unknown }> {
  let last: { status: number; body: unknown } = { status: 0, body: null };
  for (let i = 0; i < settings.warmup; i++) await app.inject({ method: 'GET', url, headers: { cookie } });
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    checkNotInterrupted();
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    samples.push(performance.now() - started);
    if (response.statusCode !== 200)
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    last = { status: response.statusCode, body: response.json() };
  }
  const cpu = process.cpuUsage(cpuBefore);
  // This process's CPU (the app's JavaScript and the driver), which other work on the machine does not inflate.
  const cpuMsPerRequest = round((cpu.user + cpu.system) / 1000 / Math.max(requests, 1), 2);
  return { latencyMs: latency(samples), cpuMsPerRequest, ...last };
}

async function signIn(app: Awaited<ReturnType<typeof buildApp>>, username: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username}: ${response.statusCode} ${response.body}`);
  const raw = response.headers['set-cookie'];
  return ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
}

async function main() {
  const startedAt = new Date();
  const loadavgAtStart = os.loadavg().map((value) => round(value, 2));
  let handle: DatabaseHandle;
  let location: string;
  let serverVersion: string | null = null;
  if (postgresUrl) {
    const bench = await createBenchDatabase(postgresUrl);
    // BENCH_TASKS_KEEP=1 keeps the database for EXPLAIN (drop it by hand).
    if (process.env.BENCH_TASKS_KEEP !== '1')
      cleanups.push({
        name: `drop database ${bench.name}`,
        run: () => dropBenchDatabase(postgresUrl, bench.name),
      });
    handle = await openDatabase({ kind: 'postgresql', url: bench.url });
    location = redact(bench.url);
    serverVersion = bench.serverVersion;
    log(`PostgreSQL ${bench.serverVersion}: database ${bench.name}`);
  } else {
    handle = await openDatabase({ kind: 'embedded', dataDir: null });
    location = 'in-memory PGlite';
    log('no BENCH_DATABASE_URL: in-memory PGlite (the target is defined on PostgreSQL)');
  }
  let closed = false;
  const closeDatabase = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  cleanups.push({ name: 'close the database', run: closeDatabase });

  await prepareDatabase(handle.db, { demo: false });
  const world = await createWorld(handle.db);
  log(
    `filling ${settings.people.toLocaleString('en-US')} people + ${settings.clients} clients of the measured PK`,
  );
  const filled = await fill(handle.db, world);
  log(`filled in ${filled.seconds} s: ${JSON.stringify(filled)}`);

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: '0' });
  const app = await buildApp({ config, database: handle, logger: false, webRoot: '/nonexistent' });
  await app.ready();
  cleanups.push({ name: 'close the app', run: () => app.close() });

  const pk = await signIn(app, world.target.username);
  const head = await signIn(app, world.target.headUsername);
  log(`GET /api/tasks as the PK: ${settings.warmup} warm-up + ${settings.requests} measured requests`);
  const list = await measure(app, pk, '/api/tasks', settings.requests);
  const summary = await measure(app, pk, '/api/tasks/summary', settings.requests);
  const headList = await measure(app, head, '/api/tasks', Math.max(20, Math.round(settings.requests / 4)));
  const listBody = list.body as TaskList;
  const summaryBody = summary.body as TaskSummary;

  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    database: { kind: postgresUrl ? 'postgresql' : 'embedded', location, serverVersion },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      // Above the number of CPUs: other work competed, the latencies are pessimistic.
      loadavgAtStart,
      loadavgAtEnd: os.loadavg().map((value) => round(value, 2)),
    },
    settings,
    fill: filled,
    pkTasks: {
      route: 'GET /api/tasks (PK, 200 clients)',
      latencyMs: list.latencyMs,
      cpuMsPerRequest: list.cpuMsPerRequest,
      total: listBody.total,
      byKind: summaryBody.kinds,
      targetP95Ms: TARGET_P95_MS,
      pass: list.latencyMs.p95 <= TARGET_P95_MS,
    },
    pkSummary: {
      route: 'GET /api/tasks/summary (PK)',
      latencyMs: summary.latencyMs,
      cpuMsPerRequest: summary.cpuMsPerRequest,
    },
    headTasks: {
      route: 'GET /api/tasks (Bapas head)',
      latencyMs: headList.latencyMs,
      cpuMsPerRequest: headList.cpuMsPerRequest,
      total: (headList.body as TaskList).total,
    },
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `tasks-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

  console.log('');
  console.log(`database: ${result.database.kind} (${location})`);
  console.log(
    `data: ${filled.people.toLocaleString('en-US')} people, ${filled.clients + filled.targetClients} clients ` +
      `(${filled.targetClients} of the measured PK), ${filled.sent} handovers waiting, ${filled.plans} plans`,
  );
  for (const row of [result.pkTasks, result.pkSummary, result.headTasks])
    console.log(
      `${row.route.padEnd(36)} p50 ${row.latencyMs.p50} ms  p95 ${row.latencyMs.p95} ms  p99 ${row.latencyMs.p99} ms  max ${row.latencyMs.max} ms  node CPU ${row.cpuMsPerRequest} ms/req`,
    );
  console.log(
    `PK tasks: ${listBody.total} (${summaryBody.kinds.map((k) => `${k.kind} ${k.count}`).join(', ')}); ` +
      `target p95 ≤ ${TARGET_P95_MS} ms${postgresUrl ? '' : ' (on PostgreSQL)'}: ${result.pkTasks.pass ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `load average ${loadavgAtStart.join(' ')} at start, ${result.machine.loadavgAtEnd.join(' ')} at end, on ${os.cpus().length} CPUs`,
  );
  console.log(`Results: ${path.relative(ROOT, file)}`);
  await cleanUp();
}

main().catch(async (error) => {
  console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  await cleanUp();
  process.exit(interrupted ? 130 : 1);
});
