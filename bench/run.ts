import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/shared/vocabulary.ts';
import {
  type Child,
  freePort,
  killAllChildren,
  NODE,
  ROOT,
  readMemory,
  round,
  startChild,
  stopChild,
  waitForOk,
} from './lib/children.ts';
import { cpuBetween, cpuSnapshot } from './lib/cpu.ts';
import {
  DISTURBANCE_CORES,
  type LoadSettings,
  measureRoute,
  type RouteMeasurement,
  stopLoad,
} from './lib/load.ts';
import { createBenchDatabase, dropBenchDatabase, redact } from './lib/postgres.ts';
import { type DatabaseSection, judgeFloors, renderSummary, type Startup } from './lib/report.ts';
import { peopleSettingsFromEnv, renderPeopleSummary, runPeopleBench } from './people.ts';

// `npm run bench`: HTTP load on the real server (a child process) beside an empty Fastify route, on the
// embedded database and, when a URL is given, on PostgreSQL. See bench/README.md.

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 120_000;
const DEMO_USER = { username: 'admin', password: DEMO_PASSWORD };
const RESULTS_DIR = path.join(ROOT, 'bench/results');
/** Idle seconds after a start before memory is read again. */
const SETTLE_SECONDS = 5;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`bench: ${name} must be a positive number (got "${raw}")`);
    process.exit(1);
  }
  return value;
}

const settings: LoadSettings = {
  connections: Math.round(positiveNumber('BENCH_CONNECTIONS', 50)),
  warmupSeconds: positiveNumber('BENCH_WARMUP', 3),
  durationSeconds: positiveNumber('BENCH_DURATION', 10),
};
const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;

// Everything started is undone, newest first, on success, error and SIGINT/SIGTERM alike.
const cleanups: Array<{ name: string; run: () => unknown }> = [];
let cleaning: Promise<void> | null = null;
/** Runs the clean-up steps once; later callers wait for the same run. */
function cleanUp(): Promise<void> {
  cleaning ??= runCleanUps();
  return cleaning;
}
async function runCleanUps() {
  stopLoad();
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    if (!step) continue;
    try {
      await step.run();
    } catch (error) {
      console.error(
        `bench: clean-up "${step.name}" failed: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  killAllChildren();
}
process.on('exit', killAllChildren);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\nbench: ${signal}: stopping the servers and cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function checkNotInterrupted() {
  if (interrupted) throw new Error('interrupted');
}

function log(line: string) {
  console.log(`[bench] ${line}`);
}

/** The environment of the server under test: the caller's, minus anything that would redirect it. */
function serverEnv(port: number, database: { dataDir: string } | { url: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'BENCH_DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'TRUST_PROXY']) {
    delete env[name];
  }
  return {
    ...env,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DEMO: '1',
    LOG_LEVEL: 'warn',
    // The first scheduled backup lands a minute after start: it would fall inside a long run.
    BACKUP_INTERVAL_HOURS: '0',
    HOST,
    PORT: String(port),
    ...('url' in database ? { DATABASE_URL: database.url } : { DATA_DIR: database.dataDir }),
  };
}

/** The server settings a reader needs to compare runs (never the secret). */
function describeServerEnv(): Record<string, string> {
  const env = serverEnv(0, { dataDir: '' });
  const shown = ['NODE_ENV', 'DEMO', 'LOG_LEVEL', 'BACKUP_INTERVAL_HOURS', 'HOST'];
  // Settings a caller may pass through (e.g. SESSION_CACHE_SECONDS=0 to measure without the cache).
  const passed = Object.keys(env).filter(
    (name) => /^(SESSION_|BACKUP_|NODE_OPTIONS$)/.test(name) && name !== 'SESSION_SECRET',
  );
  return Object.fromEntries([...new Set([...shown, ...passed])].map((name) => [name, env[name] ?? '']));
}

/** Local PostgreSQL's processes count as the system under test, not as other work. */
function databaseProcessName(env: NodeJS.ProcessEnv): string | undefined {
  return env.DATABASE_URL ? 'postgres' : undefined;
}

/** Starts the server, times it to the first 200 from /api/health and reads its memory then. */
async function startServer(
  env: NodeJS.ProcessEnv,
  label: string,
): Promise<{ child: Child; startup: Startup }> {
  checkNotInterrupted();
  const started = performance.now();
  const child = startChild(`server (${label})`, 'src/server/main.ts', env);
  const cpuBefore = cpuSnapshot(child.pid, databaseProcessName(env));
  const healthy = await waitForOk(`http://${HOST}:${env.PORT}/api/health`, child, START_TIMEOUT_MS);
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(child.pid, databaseProcessName(env)));
  const memory = readMemory(child.pid);
  // Memory keeps moving for a few seconds after the first answer (V8 optimizes PGlite's WebAssembly in
  // the background): wait, idle, and read it again; the peak (VmHWM) catches the transient.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
  const startup: Startup = {
    toHealthyMs: round(healthy - started, 0),
    cpu,
    disturbed: (cpu?.other ?? 0) > DISTURBANCE_CORES,
    memory,
    settledMemory: readMemory(child.pid),
    settleSeconds: SETTLE_SECONDS,
  };
  log(
    `${label}: healthy after ${startup.toHealthyMs} ms, RSS ${memory?.rssMb ?? '?'} MB then; ` +
      `${SETTLE_SECONDS} s later RSS ${startup.settledMemory?.rssMb ?? '?'} MB, peak ` +
      `${startup.settledMemory?.peakRssMb ?? '?'} MB (pid ${child.pid}); CPU cores: server ` +
      `${cpu?.server ?? '?'}, other processes ${cpu?.other ?? '?'}`,
  );
  if (startup.disturbed) {
    console.error(
      `  WARNING: other processes used ${cpu?.other} cores during the start: its time is pessimistic.`,
    );
  }
  return { child, startup };
}

async function stopServer(child: Child) {
  const { code, signal } = await stopChild(child);
  if (code !== 0) log(`WARNING: ${child.name} exited with code ${code}, signal ${signal}`);
}

/** Signs in as the demo administrator; returns the Cookie header for authenticated requests. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_USER),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status} ${body}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sinergi_session='));
  if (!session) throw new Error('Sign-in answered 200 without a sinergi_session cookie');
  const me = await fetch(`${baseUrl}/api/me`, { headers: { cookie: session } });
  const meBody = (await me.json()) as { user?: { username?: string } };
  if (me.status !== 200 || meBody.user?.username !== DEMO_USER.username) {
    throw new Error(`GET /api/me with the new session answered ${me.status}: ${JSON.stringify(meBody)}`);
  }
  return session;
}

function warnLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, 50);
}

/** One line per measured run; loud when the run was disturbed or had failures. */
function reportRun(kind: string, measurement: RouteMeasurement) {
  const m = measurement.measured;
  log(
    `  ${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, ` +
      `non-2xx ${m.non2xx}, errors ${m.errors}, timeouts ${m.timeouts}; server CPU ` +
      `${m.serverCpuMsPerRequest ?? '?'} ms/request; CPU cores: server ${m.cpu?.server ?? '?'}, ` +
      `${m.cpu?.database != null ? `PostgreSQL ${m.cpu.database}, ` : ''}load generator ` +
      `${m.cpu?.bench ?? '?'}, other processes ${m.cpu?.other ?? '?'}`,
  );
  if (m.disturbed) {
    console.error(
      `  WARNING: other processes used ${m.cpu?.other} cores during this run: the machine was not quiet, ` +
        'so these figures are pessimistic.',
    );
  }
  for (const [label, summary] of [
    ['measured run', m],
    ['warm-up', measurement.warmup],
  ] as const) {
    if (!summary.valid) {
      console.error(
        `\n!!!!! ${kind} ${measurement.route}: ${label} had ${summary.non2xx} non-2xx answers ` +
          `(${JSON.stringify(summary.statusCodes)}), ${summary.errors} errors and ${summary.timeouts} ` +
          'timeouts: NOT A VALID MEASUREMENT !!!!!\n',
      );
    }
  }
}

async function measureSection(
  kind: 'embedded' | 'postgresql',
  empty: { baseUrl: string; pid: number },
): Promise<DatabaseSection> {
  checkNotInterrupted();
  log(`--- ${kind} ---`);
  let database: { dataDir: string } | { url: string };
  let location: string;
  let serverVersion: string | undefined;
  if (kind === 'embedded') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-'));
    cleanups.push({
      name: `remove ${dataDir}`,
      run: () => rmSync(dataDir, { recursive: true, force: true }),
    });
    database = { dataDir };
    location = dataDir;
  } else {
    const adminUrl = postgresUrl as string;
    const created = await createBenchDatabase(adminUrl);
    cleanups.push({
      name: `drop database ${created.name}`,
      run: () => dropBenchDatabase(adminUrl, created.name),
    });
    database = { url: created.url };
    location = redact(created.url);
    serverVersion = created.serverVersion;
    log(`created database ${created.name} (PostgreSQL ${created.serverVersion})`);
  }

  const port = await freePort();
  const env = serverEnv(port, database);
  const baseUrl = `http://${HOST}:${port}`;

  const first = await startServer(env, `${kind} first start (empty data)`);
  await stopServer(first.child);
  const firstLog = first.child.output();

  const second = await startServer(env, `${kind} restart (existing data)`);
  const server = second.child;
  const stopStep = { name: `stop ${server.name}`, run: () => stopChild(server) };
  cleanups.push(stopStep);

  const cookie = await signIn(baseUrl);
  const measure = async (
    route: string,
    target: { baseUrl: string; pid: number },
    urlPath: string,
    sessionCookie?: string,
  ) => {
    checkNotInterrupted();
    log(
      `${kind}: ${route}: ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s at ` +
        `${settings.connections} connections`,
    );
    const measurement = await measureRoute({
      route,
      baseUrl: target.baseUrl,
      path: urlPath,
      headers: sessionCookie ? { cookie: sessionCookie } : {},
      settings,
      serverPid: target.pid,
      ...(kind === 'postgresql' ? { databaseProcessName: 'postgres' } : {}),
    });
    reportRun(kind, measurement);
    return measurement;
  };
  const app = { baseUrl, pid: server.pid };
  const routes = {
    empty: await measure('empty Fastify route', empty, '/'),
    health: await measure('GET /api/health', app, '/api/health'),
    me: await measure('GET /api/me', app, '/api/me', cookie),
  };
  const emptyRps = routes.empty.measured.requestsPerSecond;
  for (const measurement of Object.values(routes)) {
    measurement.ratioToEmpty =
      emptyRps > 0 ? round(measurement.measured.requestsPerSecond / emptyRps, 4) : null;
  }

  const memoryAfterLoad = readMemory(server.pid);
  cleanups.splice(cleanups.indexOf(stopStep), 1);
  await stopServer(server);
  return {
    kind,
    location,
    ...(serverVersion ? { serverVersion } : {}),
    firstStart: first.startup,
    restart: second.startup,
    routes,
    memoryAfterLoad,
    serverLog: warnLines(firstLog + server.output()),
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  const autocannonVersion: string = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules/autocannon/package.json'), 'utf8'),
  ).version;
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    nodeBinary: path.relative(ROOT, NODE) || NODE,
    autocannon: autocannonVersion,
    loadavgAtEnd: os.loadavg().map((value) => round(value, 2)),
  };
}

async function main() {
  const startedAt = new Date();
  const loadavgAtStart = os.loadavg().map((value) => round(value, 2));
  if ((loadavgAtStart[0] ?? 0) > 0.5) {
    log(`note: load average ${loadavgAtStart.join(' ')} at start: other work is running on this machine`);
  }
  log(
    `${settings.connections} connections, ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s ` +
      `measured per route; PostgreSQL: ${postgresUrl ? redact(postgresUrl) : 'not set (embedded only)'}`,
  );

  const emptyPort = await freePort();
  const empty = startChild('empty Fastify server', 'bench/empty-server.ts', {
    ...process.env,
    PORT: String(emptyPort),
  });
  cleanups.push({ name: 'stop the empty server', run: () => stopChild(empty) });
  const emptyBaseUrl = `http://${HOST}:${emptyPort}`;
  await waitForOk(`${emptyBaseUrl}/`, empty, 30_000);

  const sections: DatabaseSection[] = [];
  sections.push(await measureSection('embedded', { baseUrl: emptyBaseUrl, pid: empty.pid }));
  if (postgresUrl)
    sections.push(await measureSection('postgresql', { baseUrl: emptyBaseUrl, pid: empty.pid }));
  // Search and list on synthetic people (bench/people.ts); BENCH_PEOPLE=0 leaves them out.
  const peopleSettings = peopleSettingsFromEnv();
  const people =
    peopleSettings.people > 0
      ? await runPeopleBench(peopleSettings, postgresUrl, {
          log: (line) => log(`people: ${line}`),
          onCleanUp(name, run) {
            const step = { name, run };
            cleanups.push(step);
            return () => {
              const index = cleanups.indexOf(step);
              if (index >= 0) cleanups.splice(index, 1);
            };
          },
          checkNotInterrupted,
        })
      : null;
  await cleanUp();

  const floors = judgeFloors(
    sections.find((section) => section.kind === 'embedded'),
    settings.connections,
  );
  const invalidRuns = sections.flatMap((section) =>
    Object.values(section.routes)
      .filter((route) => !route.measured.valid || !route.warmup.valid)
      .map((route) => `${section.kind} ${route.route}`),
  );
  const disturbedRuns = sections.flatMap((section) => [
    ...(
      [
        ['first start', section.firstStart],
        ['restart', section.restart],
      ] as const
    )
      .filter(([, startup]) => startup.disturbed)
      .map(([label, startup]) => `${section.kind} ${label} (${startup.cpu?.other} cores used by others)`),
    ...Object.values(section.routes)
      .filter((route) => route.measured.disturbed)
      .map((route) => `${section.kind} ${route.route} (${route.measured.cpu?.other} cores used by others)`),
  ]);
  // Import of 50,000 rows (bench/people-import.ts, its own JSON); BENCH_IMPORT_ROWS=0 leaves it out.
  if (process.env.BENCH_IMPORT_ROWS !== '0') {
    log('people import: bench/people-import.ts');
    execFileSync(process.execPath, [path.join(ROOT, 'bench/people-import.ts')], {
      stdio: 'inherit',
      env: { ...process.env, ...(postgresUrl && { BENCH_DATABASE_URL: postgresUrl }) },
    });
  }

  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machine(), loadavgAtStart },
    settings: { ...settings, host: HOST, serverEnvironment: describeServerEnv() },
    valid: invalidRuns.length === 0,
    invalidRuns,
    disturbedRuns,
    databases: Object.fromEntries(sections.map((section) => [section.kind, section])),
    floors,
    people: people ? { results: path.relative(ROOT, people.file), floors: people.floors } : null,
  };

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);

  console.log(`\n${renderSummary(sections, floors)}\n`);
  if (people) console.log(`${renderPeopleSummary(people.sections, people.floors)}\n`);
  for (const section of sections) {
    if (section.serverLog.length > 0) {
      console.log(`The ${section.kind} server logged (warn level and above):`);
      for (const line of section.serverLog.slice(0, 10)) console.log(`  ${line}`);
    }
  }
  if (disturbedRuns.length > 0) {
    console.log(
      `\nNOTE: other processes competed for the CPU during: ${disturbedRuns.join('; ')}. ` +
        'Those figures are pessimistic (fewer req/s, longer latencies than on a quiet machine); run again.',
    );
  }
  console.log(`Results: ${path.relative(ROOT, file)} (and bench/results/latest.json)`);
  if (invalidRuns.length > 0) {
    console.error(
      `\n!!!!! INVALID MEASUREMENTS (non-2xx answers or errors): ${invalidRuns.join('; ')}. ` +
        'Those figures measure failures, not the server. !!!!!',
    );
    process.exitCode = 2;
  }
}

const suite = process.argv[2];
if (suite === 'matching') {
  // `npm run bench -- matching`: issue 6's matching and planning figures only (bench/matching.ts), in its own
  // process: it cleans up after itself on Ctrl-C (this process waits for it meanwhile).
  const { status, signal } = spawnSync(process.execPath, [path.join(ROOT, 'bench/matching.ts')], {
    stdio: 'inherit',
  });
  process.exit(status ?? (signal ? 130 : 1));
} else if (suite === 'tasks') {
  // `npm run bench -- tasks`: issue 7's task list of a PK with 200 clients (bench/tasks.ts), in its own process.
  const { status, signal } = spawnSync(process.execPath, [path.join(ROOT, 'bench/tasks.ts')], {
    stdio: 'inherit',
  });
  process.exit(status ?? (signal ? 130 : 1));
} else if (suite === 'prerelease') {
  // `npm run bench -- prerelease`: issue 7's pre-release dashboard over 300,000 people on PostgreSQL
  // (bench/prerelease.ts), in its own process.
  const { status, signal } = spawnSync(process.execPath, [path.join(ROOT, 'bench/prerelease.ts')], {
    stdio: 'inherit',
  });
  process.exit(status ?? (signal ? 130 : 1));
} else if (suite === 'insight') {
  // `npm run bench -- insight`: issue 9's program dashboard over 300,000 people and 5,000,000 activity rows, and
  // the monthly report PDF, on PostgreSQL (bench/insight.ts), in its own process.
  const { status, signal } = spawnSync(process.execPath, [path.join(ROOT, 'bench/insight.ts')], {
    stdio: 'inherit',
  });
  process.exit(status ?? (signal ? 130 : 1));
} else if (suite !== undefined) {
  console.error(
    `bench: unknown suite "${suite}". Usage: npm run bench [-- matching|tasks|prerelease|insight]`,
  );
  process.exit(1);
} else {
  main().catch(async (error) => {
    if (interrupted) {
      await cleanUp();
      process.exit(130);
    }
    console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    await cleanUp();
    process.exit(1);
  });
}
