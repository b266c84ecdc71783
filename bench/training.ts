import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/connect.ts';
import { LAPAS_ID } from '../src/server/db/seed/reference.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';
import { addDays } from '../src/server/modules/training/attendance/attendance.presenter.ts';
import { today } from '../src/server/platform/calendar.ts';
import type { AttendanceGrid, SessionAttendance } from '../src/shared/attendance.ts';
import { createUser, TEST_PASSWORD } from '../tests/factories/index.ts';
import { createPerson } from '../tests/factories/people.ts';
import { createCohort, createProgram, enrol, markAttendance } from '../tests/factories/training.ts';
import { freePort, ROOT, round, startChild, stopChild, waitForOk } from './lib/children.ts';
import { type CpuUse, cpuBetween, cpuSnapshot } from './lib/cpu.ts';
import { DISTURBANCE_CORES } from './lib/load.ts';
import { createBenchDatabase, dropBenchDatabase, redact } from './lib/postgres.ts';

// `node bench/training.ts`: issue 4's targets for attendance. On a cohort of 40 women × 60 sessions with
// recorded attendance, through HTTP against the real server (its own process, NODE_ENV=production):
// - GET /api/training/cohorts/:id/attendance (the grid), p95 over at least 200 requests (target ≤ 100 ms);
// - PUT …/sessions/:id/attendance recording a whole 40-person session in one request (first recording,
//   then re-recordings, which replace the marks).
// On the embedded PGlite (a temp folder) and, with BENCH_DATABASE_URL, on PostgreSQL (a
// sinergi_bench_<timestamp> database, dropped at the end). Writes bench/results/training-<time>.json.

const HOST = '127.0.0.1';
const USERNAME = 'bench.giatja';
const PEOPLE = Number(process.env.BENCH_TRAINING_PEOPLE ?? 40);
const SESSIONS = Number(process.env.BENCH_TRAINING_SESSIONS ?? 60);
const REQUESTS = Number(process.env.BENCH_TRAINING_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_TRAINING_WARMUP ?? 30);
const PUTS = Number(process.env.BENCH_TRAINING_PUTS ?? 30);
const GRID_TARGET_MS = 100;
const REASONS = ['sick', 'family_visit', 'court', 'refused'] as const;

type Target = { kind: 'embedded'; dataDir: string } | { kind: 'postgresql'; url: string };

interface Latency {
  requests: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  cpu: CpuUse | null;
  serverCpuMsPerRequest: number | null;
  disturbed: boolean;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function summarize(times: number[], cpu: CpuUse | null, seconds: number): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    latencyMs: {
      p50: round(percentile(sorted, 0.5), 1),
      p95: round(percentile(sorted, 0.95), 1),
      p99: round(percentile(sorted, 0.99), 1),
      mean: round(sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length, 1),
      max: round(sorted.at(-1) as number, 1),
    },
    cpu,
    serverCpuMsPerRequest:
      cpu?.server != null ? round((cpu.server * seconds * 1000) / Math.max(1, times.length), 2) : null,
    disturbed: (cpu?.other ?? 0) > DISTURBANCE_CORES,
  };
}

/** The cohort: PEOPLE women allocated, SESSIONS sessions every other day up to today; all but today's recorded. */
async function seed(target: Target) {
  const handle = await openDatabase(target);
  try {
    await prepareDatabase(handle.db, { demo: false });
    const db = handle.db;
    await createUser(db, { username: USERNAME, organizationId: LAPAS_ID, roles: ['prison_giatja'] });
    const program = await createProgram(db, { name: 'Menjahit (bench)', sessionsCount: SESSIONS });
    const dates = Array.from({ length: SESSIONS }, (_, i) => addDays(today(), -2 * (SESSIONS - 1 - i)));
    const cohort = await createCohort(db, program.id, {
      name: 'Angkatan bench 40 × 60',
      sessionDates: dates,
      endDate: addDays(today(), 30),
      capacity: PEOPLE,
    });
    const enrolments: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const person = await createPerson(db, { fullName: `Peserta Bench ${String(i + 1).padStart(2, '0')}` });
      enrolments.push(
        (await enrol(db, { personId: person.id, programId: program.id, cohortId: cohort.id })).id,
      );
    }
    // Allocated before the first session: a session's marks cover only those allocated by its date.
    await db
      .updateTable('training_enrolment')
      .set({ allocated_at: new Date(`${addDays(dates[0] as string, -7)}T03:00:00Z`) })
      .where('id', 'in', enrolments)
      .execute();
    // About one absence in twelve, spread over people and reasons (deterministic).
    for (const [j, session] of cohort.sessions.slice(0, -1).entries()) {
      const absent: Record<string, (typeof REASONS)[number]> = {};
      enrolments.forEach((id, i) => {
        if ((i * 7 + j * 3) % 12 === 0)
          absent[id] = REASONS[(i + j) % REASONS.length] as (typeof REASONS)[number];
      });
      await markAttendance(db, { sessionId: session.id, enrolmentIds: enrolments, absent });
    }
    const last = cohort.sessions.at(-1) as { id: string };
    const previous = cohort.sessions.at(-2) as { id: string };
    return { cohortId: cohort.id, lastSessionId: last.id, previousSessionId: previous.id, enrolments };
  } finally {
    await handle.close();
  }
}

function serverEnv(port: number, target: Target): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'BENCH_DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'TRUST_PROXY'])
    delete env[name];
  return {
    ...env,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DEMO: '0',
    LOG_LEVEL: 'warn',
    BACKUP_INTERVAL_HOURS: '0',
    HOST,
    PORT: String(port),
    ...(target.kind === 'postgresql' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir }),
  };
}

async function measureDatabase(target: Target, location: string) {
  console.log(`${target.kind}: seeding ${PEOPLE} people × ${SESSIONS} sessions (${location})`);
  const seeded = await seed(target);
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const server = startChild(
    `server (${target.kind}, training)`,
    'src/server/main.ts',
    serverEnv(port, target),
  );
  try {
    await waitForOk(`${baseUrl}/api/health`, server, 180_000);
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: TEST_PASSWORD }),
    });
    const loginBody = (await login.json()) as { csrfToken: string };
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(loginBody)}`);
    const headers = {
      cookie: (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '',
      'x-csrf-token': loginBody.csrfToken,
    };
    const databaseProcess = target.kind === 'postgresql' ? 'postgres' : undefined;

    // One request records the whole session: today's session for the first time, then again (upserts).
    // The warm-up re-records the session of two days ago (still inside its 7 days).
    const putUrl = (sessionId: string) =>
      `${baseUrl}/api/training/cohorts/${seeded.cohortId}/sessions/${sessionId}/attendance`;
    // Each recording sends the session's version it read (the answer of the previous one); seeded at 1.
    const versions = new Map<string, number>();
    const record = async (sessionId: string, n: number) => {
      const exceptions = seeded.enrolments
        .filter((_, i) => (i + n) % 10 === 0)
        .map((enrolmentId, i) => ({ enrolmentId, reason: REASONS[i % REASONS.length] }));
      const sent = performance.now();
      const response = await fetch(putUrl(sessionId), {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ exceptions, version: versions.get(sessionId) ?? 1 }),
      });
      const text = await response.text();
      const ms = performance.now() - sent;
      if (response.status !== 200)
        throw new Error(`PUT attendance: ${response.status} ${text.slice(0, 300)}`);
      const answer = JSON.parse(text) as SessionAttendance;
      versions.set(sessionId, answer.session.version);
      const marks = answer.marks.length;
      if (marks !== PEOPLE) throw new Error(`PUT attendance recorded ${marks} marks, expected ${PEOPLE}`);
      return ms;
    };
    for (let n = 0; n < 5; n++) await record(seeded.previousSessionId, n);
    const putTimes: number[] = [];
    const putBefore = cpuSnapshot(server.pid, databaseProcess);
    const putStarted = performance.now();
    for (let n = 0; n < PUTS; n++) putTimes.push(await record(seeded.lastSessionId, n));
    const put = summarize(
      putTimes,
      cpuBetween(putBefore, cpuSnapshot(server.pid, databaseProcess)),
      (performance.now() - putStarted) / 1000,
    );

    const gridUrl = `${baseUrl}/api/training/cohorts/${seeded.cohortId}/attendance`;
    const getOnce = async () => {
      const sent = performance.now();
      const response = await fetch(gridUrl, { headers });
      const text = await response.text();
      const ms = performance.now() - sent;
      if (response.status !== 200)
        throw new Error(`GET attendance: ${response.status} ${text.slice(0, 300)}`);
      return { ms, text };
    };
    const check = JSON.parse((await getOnce()).text) as AttendanceGrid;
    const marks = check.cells.flat().filter((cell) => cell !== null).length;
    if (check.people.length !== PEOPLE || check.sessions.length !== SESSIONS || marks !== PEOPLE * SESSIONS)
      throw new Error(
        `grid has ${check.people.length} people, ${check.sessions.length} sessions, ${marks} marks`,
      );
    for (let n = 0; n < WARMUP; n++) await getOnce();
    const getTimes: number[] = [];
    const getBefore = cpuSnapshot(server.pid, databaseProcess);
    const getStarted = performance.now();
    for (let n = 0; n < REQUESTS; n++) getTimes.push((await getOnce()).ms);
    const grid = summarize(
      getTimes,
      cpuBetween(getBefore, cpuSnapshot(server.pid, databaseProcess)),
      (performance.now() - getStarted) / 1000,
    );
    return {
      kind: target.kind,
      location,
      gridBytes: Buffer.byteLength(JSON.stringify(check)),
      cohortRate: check.cohortRate,
      grid,
      put: { ...put, firstMs: round(putTimes[0] as number, 1) },
    };
  } finally {
    await stopChild(server);
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  const sections: Awaited<ReturnType<typeof measureDatabase>>[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-training-'));
  try {
    sections.push(await measureDatabase({ kind: 'embedded', dataDir: scratch }, `${scratch} (PGlite)`));
    const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    if (adminUrl) {
      const bench = await createBenchDatabase(adminUrl);
      try {
        sections.push(
          await measureDatabase(
            { kind: 'postgresql', url: bench.url },
            `${redact(bench.url)} (PostgreSQL ${bench.serverVersion})`,
          ),
        );
      } finally {
        await dropBenchDatabase(adminUrl, bench.name);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const rows = sections.flatMap((section) => [
    [
      section.kind,
      `GET attendance grid (${PEOPLE}×${SESSIONS})`,
      String(section.grid.requests),
      String(section.grid.latencyMs.p50),
      String(section.grid.latencyMs.p95),
      String(section.grid.latencyMs.p99),
      String(section.grid.latencyMs.max),
      String(section.grid.serverCpuMsPerRequest ?? '-'),
      section.grid.latencyMs.p95 <= GRID_TARGET_MS ? 'pass' : 'FAIL',
      section.grid.disturbed ? 'disturbed' : 'ok',
    ],
    [
      section.kind,
      `PUT session, ${PEOPLE} people (first ${section.put.firstMs} ms)`,
      String(section.put.requests),
      String(section.put.latencyMs.p50),
      String(section.put.latencyMs.p95),
      String(section.put.latencyMs.p99),
      String(section.put.latencyMs.max),
      String(section.put.serverCpuMsPerRequest ?? '-'),
      '1 request',
      section.put.disturbed ? 'disturbed' : 'ok',
    ],
  ]);
  console.log('');
  console.log(
    table(
      [
        'database',
        'route',
        'requests',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'server CPU ms/req',
        'target',
        'run',
      ],
      rows,
    ),
  );
  const output = {
    benchmark: 'training',
    at: new Date().toISOString(),
    settings: { people: PEOPLE, sessions: SESSIONS, requests: REQUESTS, warmup: WARMUP, puts: PUTS },
    targets: { gridP95Ms: GRID_TARGET_MS },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      node: process.version,
      loadAverage: os.loadavg(),
    },
    databases: sections,
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `training-${output.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(path.join(dir, 'training-latest.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\nResults: ${path.relative(ROOT, file)}`);
}

await main();
