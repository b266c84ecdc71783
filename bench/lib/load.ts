import autocannon, { type Instance, type Result } from 'autocannon';
import { readMemory, round } from './children.ts';
import { type CpuUse, cpuBetween, cpuSnapshot } from './cpu.ts';

/** Other processes using more than this many cores during a run make its figures pessimistic. */
export const DISTURBANCE_CORES = 0.25;

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface RunSummary {
  /** Average of autocannon's per-second samples. */
  requestsPerSecond: number;
  /** Completed requests divided by the run's duration (a cross-check of the average). */
  requestsPerSecondOverall: number;
  totalRequests: number;
  durationSeconds: number;
  latencyMs: { average: number; p50: number; p90: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** False when any request failed or answered other than 2xx: then the figures measure failure. */
  valid: boolean;
  /** CPU used during the run by the server, by the load generator and by everything else. */
  cpu: CpuUse | null;
  /**
   * Server CPU time per request, ms: what a request costs the server's process, whatever else ran.
   * 1000 / this is the most one fully busy core could serve.
   */
  serverCpuMsPerRequest: number | null;
  /** The server's highest resident memory seen during the run (VmRSS sampled every 250 ms), MB. */
  serverMaxRssMb: number | null;
  /** True when other processes competed for the CPU during the run (see cpu.other). */
  disturbed: boolean;
}

export interface RouteMeasurement {
  route: string;
  method: 'GET';
  path: string;
  authenticated: boolean;
  connections: number;
  measured: RunSummary;
  warmup: RunSummary;
  /** requestsPerSecond / the empty route's requestsPerSecond in the same section (1 for the empty route). */
  ratioToEmpty: number | null;
}

let running: Instance | null = null;

/** Stops the load run in progress (used on SIGINT). */
export function stopLoad() {
  running?.stop();
}

async function run(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  processes: { serverPid: number; databaseProcessName?: string },
) {
  const { serverPid, databaseProcessName } = processes;
  let maxRss: number | null = null;
  const sample = () => {
    const rss = readMemory(serverPid)?.rssMb;
    if (rss !== undefined && !Number.isNaN(rss)) maxRss = Math.max(maxRss ?? 0, rss);
  };
  const sampler = setInterval(sample, 250);
  const before = cpuSnapshot(serverPid, databaseProcessName);
  try {
    const result = await runAutocannon(url, headers, connections, seconds);
    const cpu = cpuBetween(before, cpuSnapshot(serverPid, databaseProcessName));
    sample();
    return summarize(result, cpu, maxRss);
  } finally {
    clearInterval(sampler);
  }
}

function runAutocannon(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  return new Promise<Result>((resolve, reject) => {
    running = autocannon({ url, headers, connections, duration: seconds, timeout: 10 }, (error, result) => {
      running = null;
      if (error) reject(error);
      else resolve(result);
    });
  });
}

function summarize(result: Result, cpu: CpuUse | null, serverMaxRssMb: number | null): RunSummary {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const totalRequests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: round(result.requests.average, 1),
    requestsPerSecondOverall: round(totalRequests / result.duration, 1),
    totalRequests,
    durationSeconds: result.duration,
    latencyMs: {
      average: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    valid: result.non2xx === 0 && result.errors === 0 && result.timeouts === 0 && totalRequests > 0,
    cpu,
    serverCpuMsPerRequest:
      cpu?.server != null && totalRequests > 0
        ? round((cpu.server * result.duration * 1000) / totalRequests, 3)
        : null,
    serverMaxRssMb,
    disturbed: (cpu?.other ?? 0) > DISTURBANCE_CORES,
  };
}

/** A warm-up run (reported, not counted) followed by the measured run, both at the same concurrency. */
export async function measureRoute(options: {
  route: string;
  baseUrl: string;
  path: string;
  headers?: Record<string, string>;
  settings: LoadSettings;
  /** The process serving the route, whose CPU use is reported. */
  serverPid: number;
  /** Command name of local database processes to account for (`postgres`). */
  databaseProcessName?: string;
}): Promise<RouteMeasurement> {
  const { settings } = options;
  const url = `${options.baseUrl}${options.path}`;
  const headers = options.headers ?? {};
  const { connections } = settings;
  const processes = { serverPid: options.serverPid, databaseProcessName: options.databaseProcessName };
  const warmup = await run(url, headers, connections, settings.warmupSeconds, processes);
  const measured = await run(url, headers, connections, settings.durationSeconds, processes);
  return {
    route: options.route,
    method: 'GET',
    path: options.path,
    authenticated: 'cookie' in headers,
    connections: settings.connections,
    measured,
    warmup,
    ratioToEmpty: null,
  };
}
