import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../src/server/db/connect.ts';
import { LAPAS_ID } from '../src/server/db/seed/reference.ts';
import { listPeople } from '../src/server/modules/people/people.repository.ts';
import type { RequestContext } from '../src/server/platform/access.ts';
import type { PersonListQuery } from '../src/shared/people.ts';
import { DEFAULT_SENTENCE_RULES } from '../src/shared/sentence.ts';
import { DEMO_PASSWORD } from '../src/shared/vocabulary.ts';
import { freePort, NODE, ROOT, round, startChild, stopChild, waitForOk } from './lib/children.ts';
import { type CpuUse, cpuBetween, cpuSnapshot } from './lib/cpu.ts';
import { DISTURBANCE_CORES } from './lib/load.ts';
import { createBenchDatabase, dropBenchDatabase, redact } from './lib/postgres.ts';

// The people benchmarks (issue 3, item 16): on N synthetic people (`db:synth`), as a prison officer through
// HTTP, the fuzzy name search `GET /api/people?q=` and a filtered list page, with their latency percentiles
// and, for the slowest query of each, the EXPLAIN ANALYZE of the repository's own SQL. Run alone
// (`node bench/people.ts`) or as part of `npm run bench`. See bench/README.md.

const HOST = '127.0.0.1';
const OFFICER = { username: 'lapas.binadik', password: DEMO_PASSWORD };

export interface PeopleSettings {
  /** Synthetic people to generate per database. */
  people: number;
  seed: number;
  /** Measured requests per route (after the warm-up). */
  requests: number;
  warmup: number;
  /** Requests in flight at once (1: one officer after another; latency without queueing). */
  concurrency: number;
}

/**
 * Misspelt and partial queries an officer types, each with the spelling she is looking for: some name on the
 * first page must contain it (among 300,000 synthetic women many share a name part, so any of them will do),
 * or null for a broad query that only has to answer.
 */
const SEARCHES: ReadonlyArray<readonly [query: string, expected: string | null]> = [
  ['siti nur haliza', 'Siti Nurhaliza'],
  ['Nurhalisa', 'Nurhaliza'],
  ['sri wahyuni', 'Sri Wahyuni'],
  ['sri wahyu ni', 'Sri Wahyuni'],
  ['dewi lestary', 'Dewi Lestari'],
  ['rina marlena', 'Rina Marlina'],
  ['yuliana kristanty', 'Yuliana Kristanti'],
  ['juliana kristanti', 'Kristanti'],
  ['lim mei lin', 'Lim Mei Ling'],
  ['meilinda', 'Lim Mei Ling'],
  ['endang sulastry', 'Endang Sulastri'],
  ['retno wulandary', 'Retno Wulandari'],
  ['tutik handayani', 'Tutik Handayani'],
  ['yuni setiowati', 'Yuni Setyowati'],
  ['mbak yuni', 'Yuni Setyowati'],
  ['kusmiati', 'Kusmiyati'],
  ['ambar wati', 'Ambarwati'],
  ['indah kurniasi', 'Indah Kurniasih'],
  ['setianingsih', 'Setyaningsih'],
  ['nurul hidayat', 'Nurul Hidayah'],
  ['fatimah az zahra', 'Fatimah Azzahra'],
  ['khoirunisa', 'Khoirunnisa'],
  ['umi kulsom', 'Umi Kulsum'],
  ['laila fauziyah', 'Laila Fauziah'],
  ['novi safitry', 'Novi Safitri'],
  ['istikomah', 'Istiqomah'],
  ['euis komariyah', 'Euis Komariah'],
  ['neneng yuyun', 'Neneng Yuyun'],
  ['imas masithoh', 'Imas Masitoh'],
  ['theresia novita sari', 'Theresia Novitasari'],
  ['veronica damayanti', 'Veronika Damayanti'],
  ['tan siok hua', 'Tan Siok Hwa'],
  ['rosmawaty siregar', 'Rosmawati Siregar'],
  ['lamtiur simanjutak', 'Lamtiur Simanjuntak'],
  ['purwaningsi', null],
  ['wulandari', null],
  ['siti', null],
  ['hasanah', null],
  ['margaretha widjaja', null],
  ['ngatinah', null],
];

const FILTERS: ReadonlyArray<{ status: string; releaseWithinDays: number }> = [
  { status: 'pre_release', releaseWithinDays: 30 },
  { status: 'pre_release', releaseWithinDays: 60 },
  { status: 'pre_release', releaseWithinDays: 90 },
  { status: 'in_custody', releaseWithinDays: 180 },
  { status: 'in_custody', releaseWithinDays: 365 },
];

export interface LatencySummary {
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** Slowest queries: the path and its latency. */
  slowest: { path: string; ms: number }[];
  cpu: CpuUse | null;
  serverCpuMsPerRequest: number | null;
  disturbed: boolean;
  non2xx: number;
}

export interface PeopleSection {
  kind: 'embedded' | 'postgresql';
  location: string;
  people: number;
  /** How the synthetic people got there (null when existing data was reused). */
  synth: { seconds: number; output: string[] } | null;
  search: LatencySummary & {
    /** Queries with the spelling looked for in a name on the first page, of those with one. */
    foundOnFirstPage: { found: number; of: number; missed: string[] };
    zeroResults: string[];
    /** Matches per query (the list's total), as the officer would see it. */
    totals: Record<string, number>;
  };
  list: LatencySummary & { totals: Record<string, number> };
  /** EXPLAIN (ANALYZE, BUFFERS) of the slowest search and list queries, as the repository builds them. */
  explain: { search: ExplainedQuery[]; list: ExplainedQuery[] };
  serverLog: string[];
}

interface ExplainedQuery {
  description: string;
  sql: string;
  plan: string;
}

export interface PeopleHooks {
  log(line: string): void;
  /** Registers a clean-up step (newest first on exit, error and Ctrl-C). */
  onCleanUp(name: string, run: () => unknown): () => void;
  checkNotInterrupted(): void;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Runs `paths` in order, `concurrency` at a time, each timed from sending to the last byte. */
async function measure(
  baseUrl: string,
  cookie: string,
  paths: string[],
  concurrency: number,
  serverPid: number,
  databaseProcessName: string | undefined,
): Promise<{ summary: LatencySummary; bodies: Map<string, { total: number; names: string[] }> }> {
  const latencies: { path: string; ms: number }[] = [];
  const bodies = new Map<string, { total: number; names: string[] }>();
  let non2xx = 0;
  let next = 0;
  const before = cpuSnapshot(serverPid, databaseProcessName);
  const started = performance.now();
  const worker = async () => {
    while (next < paths.length) {
      const urlPath = paths[next++] as string;
      const sent = performance.now();
      const response = await fetch(`${baseUrl}${urlPath}`, { headers: { cookie } });
      const text = await response.text();
      const ms = performance.now() - sent;
      latencies.push({ path: urlPath, ms });
      if (response.status !== 200) {
        non2xx++;
        if (non2xx === 1) throw new Error(`GET ${urlPath}: ${response.status} ${text.slice(0, 300)}`);
        continue;
      }
      const body = JSON.parse(text) as { total: number; items: { displayName: string }[] };
      bodies.set(urlPath, { total: body.total, names: body.items.map((item) => item.displayName) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(before, cpuSnapshot(serverPid, databaseProcessName));
  const sorted = latencies.map((entry) => entry.ms).sort((a, b) => a - b);
  const summary: LatencySummary = {
    requests: latencies.length,
    concurrency,
    seconds: round(seconds, 2),
    requestsPerSecond: round(latencies.length / seconds, 1),
    latencyMs: {
      p50: round(percentile(sorted, 0.5), 1),
      p95: round(percentile(sorted, 0.95), 1),
      p99: round(percentile(sorted, 0.99), 1),
      mean: round(sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(1, sorted.length), 1),
      max: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
    },
    slowest: [...latencies]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((entry) => ({ path: entry.path, ms: round(entry.ms, 1) })),
    cpu,
    serverCpuMsPerRequest:
      cpu?.server != null && latencies.length > 0
        ? round((cpu.server * seconds * 1000) / latencies.length, 2)
        : null,
    disturbed: (cpu?.other ?? 0) > DISTURBANCE_CORES,
    non2xx,
  };
  return { summary, bodies };
}

/** `count` paths cycling through `base` in a shuffled (but fixed) order. */
function cycle(base: string[], count: number): string[] {
  const out: string[] = [];
  let state = 12345;
  const order = base.map((_, i) => i);
  while (out.length < count) {
    for (let i = order.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const j = state % (i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) if (out.length < count) out.push(base[i] as string);
  }
  return out;
}

/** `node scripts/synth.ts ...`, its output streamed with a prefix; resolves with its last lines. */
function runSynth(args: string[], env: NodeJS.ProcessEnv, hooks: PeopleHooks): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(NODE, ['scripts/synth.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const removeCleanUp = hooks.onCleanUp('stop db:synth', () => child.kill('SIGKILL'));
    const lines: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        hooks.log(`  synth: ${line}`);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      removeCleanUp();
      if (code === 0) resolve(lines.slice(-3));
      else
        reject(
          new Error(`db:synth exited with code ${code}, signal ${signal}:\n${lines.slice(-20).join('\n')}`),
        );
    });
  });
}

function serverEnv(port: number, database: { dataDir: string } | { url: string }): NodeJS.ProcessEnv {
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
    ...('url' in database ? { DATABASE_URL: database.url } : { DATA_DIR: database.dataDir }),
  };
}

function synthEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DEMO: '1' };
  for (const name of ['DATABASE_URL', 'DATA_DIR']) delete env[name];
  return env;
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

function warnLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /"level":(40|50|60)/.test(line) || /\b(WARN|ERROR|FATAL)\b/.test(line))
    .slice(0, 20);
}

/** The prison officer as the repository sees her (visibility: the people of LPP Semarang). */
function officerContext(): RequestContext {
  return {
    principal: {
      sessionId: 'bench',
      userId: '00000000-0000-4000-8000-00000000bbbb',
      username: OFFICER.username,
      fullName: 'Bench',
      position: null,
      organizationId: LAPAS_ID,
      organizationName: 'Lapas Perempuan Kelas IIA Semarang',
      organizationShortName: 'LPP Semarang',
      organizationKind: 'prison',
      organizationCode: null,
      roles: ['prison_binadik'],
      permissions: ['read:person:organization'],
      language: 'id',
      mustChangePassword: false,
      csrfToken: '',
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    correlationId: 'bench',
    ip: '127.0.0.1',
  };
}

/** One database: data (synthetic people, or reused), the server, the two measurements, EXPLAIN. */
async function measureSection(
  kind: 'embedded' | 'postgresql',
  settings: PeopleSettings,
  source: { adminUrl?: string; reuseDataDir?: string; reuseUrl?: string },
  hooks: PeopleHooks,
): Promise<PeopleSection> {
  const { log } = hooks;
  let database: { dataDir: string } | { url: string };
  let location: string;
  let synth: PeopleSection['synth'] = null;
  const synthArgs = ['--people', String(settings.people), '--seed', String(settings.seed), '--batch', '2000'];
  if (kind === 'embedded') {
    if (source.reuseDataDir) {
      database = { dataDir: path.resolve(source.reuseDataDir) };
      location = `${database.dataDir} (reused)`;
    } else {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-people-'));
      hooks.onCleanUp('remove the people data folder', () =>
        rmSync(dataDir, { recursive: true, force: true }),
      );
      database = { dataDir };
      location = dataDir;
    }
  } else if (source.reuseUrl) {
    database = { url: source.reuseUrl };
    location = `${redact(source.reuseUrl)} (reused)`;
  } else {
    const adminUrl = source.adminUrl as string;
    const created = await createBenchDatabase(adminUrl);
    hooks.onCleanUp(`drop ${created.name}`, () => dropBenchDatabase(adminUrl, created.name));
    database = { url: created.url };
    location = `${redact(created.url)} (PostgreSQL ${created.serverVersion})`;
  }
  if (!(kind === 'embedded' ? source.reuseDataDir : source.reuseUrl)) {
    log(`${kind}: generating ${settings.people.toLocaleString('en-US')} people with db:synth`);
    const started = performance.now();
    const output = await runSynth(
      [
        ...synthArgs,
        ...('url' in database ? ['--database-url', database.url] : ['--data-dir', database.dataDir]),
      ],
      synthEnv(),
      hooks,
    );
    synth = { seconds: round((performance.now() - started) / 1000, 1), output };
  }

  hooks.checkNotInterrupted();
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const server = startChild(`server (${kind}, people)`, 'src/server/main.ts', serverEnv(port, database));
  const removeStop = hooks.onCleanUp(`stop the ${kind} server (people)`, () => stopChild(server));
  await waitForOk(`${baseUrl}/api/health`, server, 180_000);
  const cookie = await signIn(baseUrl);
  const villagesResponse = await fetch(`${baseUrl}/api/organizations?kind=village`, {
    headers: { cookie },
  });
  if (villagesResponse.status !== 200)
    throw new Error(
      `GET /api/organizations?kind=village: ${villagesResponse.status} ${await villagesResponse.text()}`,
    );
  const villages = ((await villagesResponse.json()) as { items: { id: string; code: string | null }[] }).items
    .filter((village) => village.code?.startsWith('33.74.13.'))
    .map((village) => village.id);
  if (villages.length === 0)
    throw new Error('No kelurahan of Semarang Barat found through /api/organizations');

  const databaseProcessName = kind === 'postgresql' ? 'postgres' : undefined;
  const searchPaths = SEARCHES.map(([query]) => `/api/people?q=${encodeURIComponent(query)}`);
  const listPaths = villages.flatMap((villageId) =>
    FILTERS.map(
      (filter) =>
        `/api/people?status=${filter.status}&releaseWithinDays=${filter.releaseWithinDays}` +
        `&villageId=${villageId}&sort=release_date&order=asc`,
    ),
  );

  log(
    `${kind}: search, ${settings.warmup} warm-up + ${settings.requests} measured, concurrency ${settings.concurrency}`,
  );
  await measure(
    baseUrl,
    cookie,
    cycle(searchPaths, settings.warmup),
    settings.concurrency,
    server.pid,
    databaseProcessName,
  );
  const search = await measure(
    baseUrl,
    cookie,
    cycle(searchPaths, settings.requests),
    settings.concurrency,
    server.pid,
    databaseProcessName,
  );
  log(`${kind}: filtered list, ${settings.warmup} warm-up + ${settings.requests} measured`);
  await measure(
    baseUrl,
    cookie,
    cycle(listPaths, settings.warmup),
    settings.concurrency,
    server.pid,
    databaseProcessName,
  );
  const list = await measure(
    baseUrl,
    cookie,
    cycle(listPaths, settings.requests),
    settings.concurrency,
    server.pid,
    databaseProcessName,
  );
  removeStop();
  await stopChild(server);

  const found = SEARCHES.filter(([, target]) => target !== null);
  const missed = found
    .filter(([query, target]) => {
      const body = search.bodies.get(`/api/people?q=${encodeURIComponent(query)}`);
      const expected = (target as string).toLowerCase();
      return !body?.names.some((name) => name.toLowerCase().includes(expected));
    })
    .map(([query, target]) => `${query} → ${target}`);
  const searchTotals = Object.fromEntries(
    SEARCHES.map(([query]) => [
      query,
      search.bodies.get(`/api/people?q=${encodeURIComponent(query)}`)?.total ?? -1,
    ]),
  );
  const listTotals = Object.fromEntries(
    FILTERS.map((filter) => {
      const totals = [...list.bodies.entries()]
        .filter(([p]) => p.includes(`status=${filter.status}&releaseWithinDays=${filter.releaseWithinDays}&`))
        .map(([, body]) => body.total);
      return [
        `${filter.status} within ${filter.releaseWithinDays} days (per kelurahan, max)`,
        Math.max(0, ...totals),
      ];
    }),
  );

  // The slowest query of each kind, explained on the same data with the repository's own SQL.
  const slowestSearch = decodeURIComponent(
    (search.summary.slowest[0]?.path ?? searchPaths[0] ?? '').replace('/api/people?q=', ''),
  );
  const slowestList = new URLSearchParams(
    (list.summary.slowest[0]?.path ?? listPaths[0] ?? '').split('?')[1],
  );
  log(`${kind}: EXPLAIN ANALYZE of the slowest search ("${slowestSearch}") and list queries`);
  const target =
    'url' in database
      ? { kind: 'postgresql' as const, url: database.url }
      : { kind: 'embedded' as const, dataDir: database.dataDir };
  const explain = {
    search: await explainQueries(target, `search "${slowestSearch}"`, { q: slowestSearch }),
    list: await explainQueries(target, `list ${slowestList.toString()}`, {
      status: slowestList.get('status') as PersonListQuery['status'],
      releaseWithinDays: Number(slowestList.get('releaseWithinDays')),
      villageId: slowestList.get('villageId') ?? undefined,
      sort: 'release_date',
      order: 'asc',
    }),
  };

  return {
    kind,
    location,
    people: settings.people,
    synth,
    search: {
      ...search.summary,
      foundOnFirstPage: { found: found.length - missed.length, of: found.length, missed },
      zeroResults: Object.entries(searchTotals)
        .filter(([, total]) => total === 0)
        .map(([query]) => query),
      totals: searchTotals,
    },
    list: { ...list.summary, totals: listTotals },
    explain,
    serverLog: warnLines(server.output()),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement the repository's listPeople runs for `query`. */
async function explainQueries(
  target: { kind: 'embedded'; dataDir: string } | { kind: 'postgresql'; url: string },
  description: string,
  query: Partial<PersonListQuery>,
): Promise<ExplainedQuery[]> {
  const handle = await openDatabase(target);
  try {
    // A pass-through plugin that compiles each statement as the server would: the repository's own SQL
    // and parameters, not a copy of them.
    const executor = handle.db.getExecutor();
    const captured: CompiledQuery[] = [];
    const recording = handle.db.withPlugin({
      transformQuery: (args) => {
        captured.push(executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    await listPeople(recording, officerContext(), {
      query: { page: 1, pageSize: 50, ...query } as PersonListQuery,
      windowDays: DEFAULT_SENTENCE_RULES.preReleaseWindowDays,
      withGroups: false,
    });
    const explained: ExplainedQuery[] = [];
    for (const compiled of captured) {
      const result = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
      );
      explained.push({
        description,
        sql: compiled.sql,
        plan: result.rows.map((row) => row['QUERY PLAN']).join('\n'),
      });
    }
    return explained;
  } finally {
    await handle.close();
  }
}

export interface PeopleFloor {
  description: string;
  limit: number;
  unit: 'ms';
  measured: number | null;
  status: 'pass' | 'fail' | 'not-measured';
  note?: string;
}

/** The issue's targets for search and list, judged on the sections measured. */
export function judgePeopleFloors(
  sections: PeopleSection[],
  settings: PeopleSettings,
): Record<string, PeopleFloor> {
  const section = (kind: string) => sections.find((s) => s.kind === kind);
  const judge = (description: string, limit: number, summary: LatencySummary | undefined): PeopleFloor => {
    const measured = summary?.latencyMs.p95 ?? null;
    const notes = [
      settings.people < 300_000
        ? `measured on ${settings.people.toLocaleString('en-US')} people, not 300,000`
        : null,
      summary?.disturbed ? `other processes used ${summary.cpu?.other} cores: pessimistic` : null,
    ].filter((n) => n !== null);
    return {
      description,
      limit,
      unit: 'ms',
      measured,
      status: measured === null ? 'not-measured' : measured <= limit ? 'pass' : 'fail',
      ...(notes.length ? { note: notes.join('; ') } : {}),
    };
  };
  return {
    searchP95Postgresql: judge('GET /api/people?q= p95, PostgreSQL', 50, section('postgresql')?.search),
    searchP95Embedded: judge('GET /api/people?q= p95, PGlite', 150, section('embedded')?.search),
    listP95Postgresql: judge(
      'GET /api/people filtered (status, releaseWithinDays, villageId, sort release_date) p95, PostgreSQL',
      50,
      section('postgresql')?.list,
    ),
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The readable summary. */
export function renderPeopleSummary(sections: PeopleSection[], floors: Record<string, PeopleFloor>): string {
  const rows = sections.flatMap((s) =>
    (
      [
        ['search ?q=', s.search],
        ['filtered list', s.list],
      ] as const
    ).map(([name, m]) => [
      s.kind,
      name,
      String(m.requests),
      m.latencyMs.p50.toFixed(1),
      m.latencyMs.p95.toFixed(1),
      m.latencyMs.p99.toFixed(1),
      m.latencyMs.max.toFixed(1),
      m.requestsPerSecond.toFixed(1),
      m.serverCpuMsPerRequest === null ? '-' : m.serverCpuMsPerRequest.toFixed(2),
      m.cpu?.database == null ? '-' : m.cpu.database.toFixed(2),
      m.cpu?.other == null ? '-' : m.cpu.other.toFixed(2),
      m.non2xx > 0 ? 'INVALID' : m.disturbed ? 'disturbed' : 'ok',
    ]),
  );
  const out = [
    table(
      [
        'database',
        'people route',
        'requests',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'req/s',
        'server CPU ms/req',
        'PG CPU',
        'other CPU',
        'run',
      ],
      rows,
    ),
  ];
  for (const s of sections) {
    const f = s.search.foundOnFirstPage;
    out.push(
      `${s.kind}: ${f.found}/${f.of} misspelt searches had the spelling looked for on page 1` +
        (f.missed.length ? ` (missed: ${f.missed.join('; ')})` : '') +
        (s.synth ? `; db:synth took ${s.synth.seconds} s` : ''),
    );
  }
  out.push('', 'People targets:');
  for (const [name, floor] of Object.entries(floors)) {
    const measured = floor.measured === null ? 'not measured' : `${floor.measured} ms`;
    out.push(
      `  ${floor.status.toUpperCase().padEnd(12)} ${name}: ${measured} (<= ${floor.limit} ms)${floor.note ? ` - ${floor.note}` : ''}`,
    );
  }
  return out.join('\n');
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}")`);
  return value;
}

/** The settings from BENCH_PEOPLE* variables; people 0 turns the people benchmarks off. */
export function peopleSettingsFromEnv(): PeopleSettings {
  return {
    people: positive('BENCH_PEOPLE', 300_000),
    seed: positive('BENCH_PEOPLE_SEED', 42),
    requests: Math.max(1, positive('BENCH_PEOPLE_REQUESTS', 400)),
    warmup: positive('BENCH_PEOPLE_WARMUP', 40),
    concurrency: Math.max(1, positive('BENCH_PEOPLE_CONCURRENCY', 1)),
  };
}

/** Measures the embedded database, and PostgreSQL when a URL is given; writes the JSON; returns its path. */
export async function runPeopleBench(
  settings: PeopleSettings,
  postgresUrl: string | null,
  hooks: PeopleHooks,
): Promise<{ file: string; sections: PeopleSection[]; floors: Record<string, PeopleFloor> }> {
  const startedAt = new Date();
  const sections: PeopleSection[] = [];
  const reuseDataDir = process.env.BENCH_PEOPLE_DATA_DIR || undefined;
  const reuseUrl = process.env.BENCH_PEOPLE_DATABASE_URL || undefined;
  // BENCH_PEOPLE_DATABASES=postgresql measures one of the two (default: both, PostgreSQL when a URL is given).
  const only = process.env.BENCH_PEOPLE_DATABASES?.split(',') ?? ['embedded', 'postgresql'];
  if (only.includes('embedded'))
    sections.push(await measureSection('embedded', settings, { reuseDataDir }, hooks));
  if ((postgresUrl || reuseUrl) && only.includes('postgresql')) {
    sections.push(
      await measureSection('postgresql', settings, { adminUrl: postgresUrl ?? undefined, reuseUrl }, hooks),
    );
  }
  const floors = judgePeopleFloors(sections, settings);
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
      node: process.version,
      loadavgAtEnd: os.loadavg().map((value) => round(value, 2)),
    },
    settings,
    databases: Object.fromEntries(sections.map((section) => [section.kind, section])),
    floors,
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `people-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(path.join(dir, 'people-latest.json'), json);
  return { file, sections, floors };
}

// Run alone: `node bench/people.ts` (BENCH_DATABASE_URL for PostgreSQL too).
if (import.meta.main) {
  const cleanups: { name: string; run: () => unknown }[] = [];
  let interrupted = false;
  const cleanUp = async () => {
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
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`\nbench: ${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  const hooks: PeopleHooks = {
    log: (line) => console.log(`[bench:people] ${line}`),
    onCleanUp(name, run) {
      const step = { name, run };
      cleanups.push(step);
      return () => {
        const index = cleanups.indexOf(step);
        if (index >= 0) cleanups.splice(index, 1);
      };
    },
    checkNotInterrupted() {
      if (interrupted) throw new Error('interrupted');
    },
  };
  try {
    const settings = peopleSettingsFromEnv();
    const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;
    const { file, sections, floors } = await runPeopleBench(settings, postgresUrl, hooks);
    await cleanUp();
    console.log(`\n${renderPeopleSummary(sections, floors)}\nResults: ${path.relative(ROOT, file)}`);
  } catch (error) {
    console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    await cleanUp();
    process.exit(1);
  }
}
