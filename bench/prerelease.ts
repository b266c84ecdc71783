import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../src/server/db/connect.ts';
import { LAPAS_ID } from '../src/server/db/seed/reference.ts';
import {
  MILESTONE_COLUMNS,
  prereleasePeople,
} from '../src/server/modules/prerelease/prerelease.repository.ts';
import { currentRules } from '../src/server/modules/rules/rules.service.ts';
import type { RequestContext } from '../src/server/platform/access.ts';
import { today } from '../src/server/platform/calendar.ts';
import { permissionsForRoles } from '../src/shared/permissions.ts';
import { PRERELEASE_MILESTONES, PrereleaseQuery } from '../src/shared/prerelease.ts';
import { DEMO_PASSWORD } from '../src/shared/vocabulary.ts';
import { freePort, NODE, ROOT, round, startChild, stopChild, waitForOk } from './lib/children.ts';
import { type CpuUse, cpuBetween, cpuSnapshot } from './lib/cpu.ts';
import { DISTURBANCE_CORES } from './lib/load.ts';
import { createBenchDatabase, dropBenchDatabase, redact } from './lib/postgres.ts';
import { fillPrerelease, type PrereleaseFill } from './lib/prereleaseData.ts';

// `npm run bench -- prerelease` (or `node bench/prerelease.ts`): issue 7's target for the pre-release
// dashboard, GET /api/prerelease over 300,000 synthetic people on PostgreSQL, p95 ≤ 200 ms. As the demo
// prison officer `lapas.binadik` (all the synthetic people are LPP Semarang's: the worst case), through HTTP
// to the real server in a child process, as bench/people.ts does: `db:synth`, then the milestone dates and
// reintegration plans (bench/lib/prereleaseData.ts), the server, the variants one request at a time, and the
// EXPLAIN (ANALYZE, BUFFERS) of the repository's own SQL for the slowest variant. See bench/README.md.

const HOST = '127.0.0.1';
const OFFICER = { username: 'lapas.binadik', password: DEMO_PASSWORD };
const TARGET_P95_MS = 200;

/** The measured variants: the default page, and a filtered and sorted one (the issue's two), and more. */
const VARIANTS: ReadonlyArray<{ name: string; query: string }> = [
  { name: 'default (90 days, by date)', query: '' },
  { name: 'PB only, by completeness', query: 'milestone=parole&sort=completeness' },
  {
    name: '180 days, no handover, by completeness desc',
    query: 'windowDays=180&handover=none&sort=completeness&order=desc',
  },
  { name: 'search q=sri, by name', query: 'q=sri&sort=name' },
];

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}")`);
  return value;
}

const settings = {
  people: whole('BENCH_PRERELEASE_PEOPLE', 300_000),
  seed: whole('BENCH_PRERELEASE_SEED', 42),
  requests: Math.max(1, whole('BENCH_PRERELEASE_REQUESTS', 200)),
  warmup: whole('BENCH_PRERELEASE_WARMUP', 20),
  /** Percent of the people with a milestone in the 90-day window who get a plan. */
  planPercent: whole('BENCH_PRERELEASE_PLAN_PERCENT', 30),
};

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
function onCleanUp(name: string, run: () => unknown) {
  const step = { name, run };
  cleanups.push(step);
  return () => {
    const index = cleanups.indexOf(step);
    if (index >= 0) cleanups.splice(index, 1);
  };
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
const log = (line: string) => console.log(`[bench prerelease] ${line}`);

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

interface Measured {
  name: string;
  path: string;
  requests: number;
  seconds: number;
  latencyMs: Latency;
  cpu: CpuUse | null;
  /** The server process's CPU per request (its JavaScript and the driver), in ms. */
  serverCpuMsPerRequest: number | null;
  /** The PostgreSQL processes' CPU per request, in ms. */
  databaseCpuMsPerRequest: number | null;
  disturbed: boolean;
  total: number;
  shown: number;
  pass: boolean;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** `count` requests of `urlPath` one after another, each timed from sending to the last byte of the body. */
async function measure(
  baseUrl: string,
  cookie: string,
  variant: { name: string; query: string },
  count: number,
  serverPid: number,
): Promise<Measured> {
  const urlPath = `/api/prerelease${variant.query ? `?${variant.query}` : ''}`;
  const get = async () => {
    const sent = performance.now();
    const response = await fetch(`${baseUrl}${urlPath}`, { headers: { cookie } });
    const text = await response.text();
    const ms = performance.now() - sent;
    if (response.status !== 200) throw new Error(`GET ${urlPath}: ${response.status} ${text.slice(0, 500)}`);
    return { ms, body: JSON.parse(text) as { total: number; items: unknown[] } };
  };
  for (let i = 0; i < settings.warmup; i++) await get();
  const samples: number[] = [];
  let last = { total: 0, items: [] as unknown[] };
  const before = cpuSnapshot(serverPid, 'postgres');
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    checkNotInterrupted();
    const { ms, body } = await get();
    samples.push(ms);
    last = body;
  }
  const seconds = (performance.now() - started) / 1000;
  const after = cpuSnapshot(serverPid, 'postgres');
  const cpu = cpuBetween(before, after);
  const sorted = [...samples].sort((a, b) => a - b);
  const latencyMs = {
    p50: round(percentile(sorted, 0.5), 1),
    p95: round(percentile(sorted, 0.95), 1),
    p99: round(percentile(sorted, 0.99), 1),
    mean: round(sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(1, sorted.length), 1),
    max: round(sorted.at(-1) ?? Number.NaN, 1),
  };
  // From the raw ticks (1/100 s), not from cpuBetween's cores rounded to 2 decimals, which lose a slow route's
  // server CPU. PostgreSQL's figure counts every local postgres process (other databases' work included).
  const ticksMs = (ticks: number | null) =>
    ticks === null ? null : round((ticks * 10) / Math.max(1, count), 2);
  let databaseTicks: number | null = null;
  if (before.database && after.database) {
    databaseTicks = 0;
    for (const [pid, now] of after.database) databaseTicks += now - (before.database.get(pid) ?? 0);
  }
  return {
    name: variant.name,
    path: urlPath,
    requests: count,
    seconds: round(seconds, 2),
    latencyMs,
    cpu,
    serverCpuMsPerRequest: ticksMs(
      before.server === null || after.server === null ? null : after.server - before.server,
    ),
    databaseCpuMsPerRequest: ticksMs(databaseTicks),
    disturbed: (cpu?.other ?? 0) > DISTURBANCE_CORES,
    total: last.total,
    shown: last.items.length,
    pass: latencyMs.p95 <= TARGET_P95_MS,
  };
}

/** `node scripts/synth.ts …` with its output prefixed; resolves with its last lines. */
function runSynth(url: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DEMO: '1' };
    for (const name of ['DATABASE_URL', 'DATA_DIR']) delete env[name];
    const args = [
      '--people',
      String(settings.people),
      '--seed',
      String(settings.seed),
      '--database-url',
      url,
    ];
    const child: ChildProcess = spawn(NODE, ['scripts/synth.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const remove = onCleanUp('stop db:synth', () => child.kill('SIGKILL'));
    const lines: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        log(`  synth: ${line}`);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      remove();
      if (code === 0) resolve(lines.slice(-3));
      else
        reject(
          new Error(`db:synth exited with code ${code}, signal ${signal}:\n${lines.slice(-20).join('\n')}`),
        );
    });
  });
}

function serverEnv(port: number, url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'BENCH_DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'TRUST_PROXY'])
    delete env[name];
  return {
    ...env,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DEMO: '1',
    LOG_LEVEL: 'warn',
    BACKUP_INTERVAL_HOURS: '0',
    HOST,
    PORT: String(port),
    DATABASE_URL: url,
  };
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OFFICER),
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`Sign-in of ${OFFICER.username} failed: ${response.status} ${body}`);
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  if (!cookie) throw new Error('Sign-in answered 200 without a session cookie');
  return cookie;
}

interface ExplainedQuery {
  statement: 'page' | 'count';
  sql: string;
  parameters: unknown[];
  plan: string;
  executionMs: number | null;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements prereleasePeople sends for `query`, as lapas.binadik: the
 * repository's own SQL (compiled through a pass-through plugin), with the filter the service builds.
 */
async function explainVariant(url: string, query: string): Promise<ExplainedQuery[]> {
  const handle = await openDatabase({ kind: 'postgresql', url });
  try {
    const db = handle.db;
    const user = await db
      .selectFrom('app_user')
      .select(['id', 'full_name'])
      .where('username', '=', OFFICER.username)
      .executeTakeFirstOrThrow();
    const roles = (
      await db.selectFrom('user_role').select('role_code').where('user_id', '=', user.id).execute()
    ).map((row) => row.role_code);
    const ctx: RequestContext = {
      principal: {
        sessionId: 'bench',
        userId: user.id,
        username: OFFICER.username,
        fullName: user.full_name,
        position: null,
        organizationId: LAPAS_ID,
        organizationName: 'Lapas Perempuan Kelas IIA Semarang',
        organizationShortName: 'LPP Semarang',
        organizationKind: 'prison',
        organizationCode: null,
        roles: roles as RequestContext['principal']['roles'],
        permissions: permissionsForRoles(roles),
        language: 'id',
        mustChangePassword: false,
        csrfToken: '',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      correlationId: 'bench',
      ip: '127.0.0.1',
    };
    const parsed = PrereleaseQuery.parse(Object.fromEntries(new URLSearchParams(query)));
    const { rules } = await currentRules(db, 'sentence');
    const executor = db.getExecutor();
    // Every query node passes transformQuery (a subquery built apart and embedded too); only the ones that
    // reach transformResult were sent.
    const captured = new Map<unknown, CompiledQuery>();
    const sent: CompiledQuery[] = [];
    const recording = db.withPlugin({
      transformQuery: (args) => {
        captured.set(args.queryId, executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => {
        const compiled = captured.get(args.queryId);
        if (compiled) sent.push(compiled);
        return args.result;
      },
    });
    await prereleasePeople(
      recording,
      ctx,
      {
        windowDays: parsed.windowDays,
        milestones: parsed.milestone === 'any' ? [...PRERELEASE_MILESTONES] : [parsed.milestone],
        status: parsed.status,
        handover: parsed.handover,
        q: parsed.q,
        sort: parsed.sort,
        order: parsed.order,
        journeyWindowDays: rules.preReleaseWindowDays,
        today: today(),
      },
      { page: parsed.page, pageSize: parsed.pageSize },
    );
    const explained: ExplainedQuery[] = [];
    for (const compiled of sent) {
      const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
      );
      const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
      const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
      explained.push({
        statement: /^select count\(\*\)/.test(compiled.sql) ? 'count' : 'page',
        sql: compiled.sql,
        parameters: [...compiled.parameters],
        plan,
        executionMs: execution ? Number(execution[1]) : null,
      });
    }
    return explained;
  } finally {
    await handle.close();
  }
}

function warnLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /"level":(40|50|60)/.test(line) || /\b(WARN|ERROR|FATAL)\b/.test(line))
    .slice(0, 20);
}

async function main() {
  const startedAt = new Date();
  const loadavgAtStart = os.loadavg().map((value) => round(value, 2));
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;
  const reuseUrl = process.env.BENCH_PRERELEASE_DATABASE_URL || null;
  if (!adminUrl && !reuseUrl)
    throw new Error(
      'The target is defined on PostgreSQL: set BENCH_DATABASE_URL (a user who may CREATE DATABASE), ' +
        'or BENCH_PRERELEASE_DATABASE_URL (a database already filled by db:synth)',
    );
  let url: string;
  let serverVersion: string | null = null;
  let synth: { seconds: number; output: string[] } | null = null;
  if (reuseUrl) {
    url = reuseUrl;
    log(`reusing ${redact(url)}`);
  } else {
    const bench = await createBenchDatabase(adminUrl as string);
    url = bench.url;
    serverVersion = bench.serverVersion;
    // BENCH_PRERELEASE_KEEP=1 keeps the database (for EXPLAIN or another run; drop it by hand).
    if (process.env.BENCH_PRERELEASE_KEEP !== '1')
      onCleanUp(`drop database ${bench.name}`, () => dropBenchDatabase(adminUrl as string, bench.name));
    log(`PostgreSQL ${bench.serverVersion}: database ${bench.name}`);
    log(`db:synth --people ${settings.people} --seed ${settings.seed}`);
    const t = performance.now();
    const output = await runSynth(url);
    synth = { seconds: round((performance.now() - t) / 1000, 1), output };
  }
  checkNotInterrupted();

  let fill: PrereleaseFill;
  {
    const handle = await openDatabase({ kind: 'postgresql', url });
    const close = onCleanUp('close the database', () => handle.close());
    try {
      const version = await handle.db.executeQuery<{ server_version: string }>(
        CompiledQuery.raw('show server_version'),
      );
      serverVersion ??= version.rows[0]?.server_version ?? null;
      fill = await fillPrerelease(
        handle.db,
        { windowDays: 90, planShare: settings.planPercent / 100, seed: settings.seed },
        log,
      );
    } finally {
      close();
      await handle.close();
    }
  }
  log(`data: ${JSON.stringify(fill.counts)} (${fill.seconds} s)`);
  checkNotInterrupted();

  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const server = startChild('server (prerelease)', 'src/server/main.ts', serverEnv(port, url));
  const removeStop = onCleanUp('stop the server', () => stopChild(server));
  await waitForOk(`${baseUrl}/api/health`, server, 180_000);
  const cookie = await signIn(baseUrl);
  const only = process.env.BENCH_PRERELEASE_VARIANTS?.split(',').map(Number);
  const variants = VARIANTS.filter((_, i) => !only || only.includes(i));
  const measured: Measured[] = [];
  for (const variant of variants) {
    log(
      `${variant.name}: ${settings.warmup} warm-up + ${settings.requests} measured requests, one at a time`,
    );
    measured.push(await measure(baseUrl, cookie, variant, settings.requests, server.pid));
  }
  removeStop();
  await stopChild(server);

  const slowest = [...measured].sort((a, b) => b.latencyMs.p95 - a.latencyMs.p95)[0];
  const slowestQuery = slowest ? (slowest.path.split('?')[1] ?? '') : '';
  log(`EXPLAIN ANALYZE of the slowest variant (${slowest?.name}), the repository's own SQL`);
  const explain = {
    variant: slowest?.name ?? null,
    path: slowest?.path ?? null,
    statements: await explainVariant(url, slowestQuery),
  };

  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    database: { kind: 'postgresql', location: redact(url), serverVersion },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
      node: process.version,
      // Above the number of CPUs: other work competed, the latencies are pessimistic.
      loadavgAtStart,
      loadavgAtEnd: os.loadavg().map((value) => round(value, 2)),
    },
    settings: { ...settings, targetP95Ms: TARGET_P95_MS, milestoneColumns: MILESTONE_COLUMNS },
    synth,
    fill,
    variants: measured,
    pass: measured.slice(0, 2).every((m) => m.pass),
    explain,
    serverLog: warnLines(server.output()),
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `prerelease-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(path.join(dir, 'prerelease-latest.json'), json);

  console.log('');
  console.log(`database: PostgreSQL ${serverVersion} (${redact(url)})`);
  console.log(
    `data: ${Object.entries(fill.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ')}`,
  );
  for (const m of measured)
    console.log(
      `${m.name.padEnd(46)} total ${String(m.total).padStart(6)}  p50 ${m.latencyMs.p50} ms  p95 ${m.latencyMs.p95} ms  ` +
        `p99 ${m.latencyMs.p99} ms  max ${m.latencyMs.max} ms  server CPU ${m.serverCpuMsPerRequest} ms/req  ` +
        `PG CPU ${m.databaseCpuMsPerRequest} ms/req  other ${m.cpu?.other ?? '-'} cores${m.disturbed ? ' (disturbed)' : ''}`,
    );
  for (const s of explain.statements)
    console.log(`EXPLAIN ${explain.variant} / ${s.statement}: execution ${s.executionMs} ms`);
  console.log(
    `target p95 ≤ ${TARGET_P95_MS} ms (default and PB/completeness): ${result.pass ? 'PASS' : 'FAIL'}; ` +
      `load average ${loadavgAtStart.join(' ')} at start, ${result.machine.loadavgAtEnd.join(' ')} at end, on ${os.cpus().length} CPUs`,
  );
  if (result.serverLog.length) console.log(`server log:\n${result.serverLog.join('\n')}`);
  console.log(`Results: ${path.relative(ROOT, file)}`);
  await cleanUp();
}

main().catch(async (error) => {
  console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  await cleanUp();
  process.exit(interrupted ? 130 : 1);
});
