import type { Memory } from './children.ts';
import type { CpuUse } from './cpu.ts';
import type { RouteMeasurement } from './load.ts';

export interface Startup {
  /** Spawning `node src/server/main.ts` to the first 200 from /api/health, ms. */
  toHealthyMs: number;
  /** CPU used meanwhile (cores); `disturbed` when other processes competed for it. */
  cpu: CpuUse | null;
  disturbed: boolean;
  /** Memory right after that first 200. */
  memory: Memory | null;
  /** Memory after `settleSeconds` idle; its peakRssMb is the highest the process reached so far. */
  settledMemory: Memory | null;
  settleSeconds: number;
}

export interface DatabaseSection {
  kind: 'embedded' | 'postgresql';
  /** Where the data lived: a temp DATA_DIR, or the PostgreSQL database (password redacted). */
  location: string;
  serverVersion?: string;
  /** First-ever start: empty data, so migrations and the demo seed run. */
  firstStart: Startup;
  /** Second start of the same data (the everyday `node src/server/main.ts` path). */
  restart: Startup;
  routes: { empty: RouteMeasurement; health: RouteMeasurement; me: RouteMeasurement };
  /** The server's memory after all load runs. */
  memoryAfterLoad: Memory | null;
  /** Lines the server logged at warn level or above during the section (a clean run has none). */
  serverLog: string[];
}

export type FloorStatus = 'pass' | 'fail' | 'invalid' | 'not-measured';

export interface Floor {
  description: string;
  /** A floor is the issue's requirement; an aim is a target the architecture brief sets. */
  kind: 'floor' | 'aim';
  comparison: '>=' | '<=';
  limit: number;
  unit: string;
  measured: number | null;
  status: FloorStatus;
  note?: string;
}

function judge(
  floor: Omit<Floor, 'status' | 'measured'>,
  measured: number | null | undefined,
  valid = true,
): Floor {
  if (measured === null || measured === undefined || Number.isNaN(measured))
    return { ...floor, measured: null, status: 'not-measured' };
  const ok = floor.comparison === '>=' ? measured >= floor.limit : measured <= floor.limit;
  return { ...floor, measured, status: valid ? (ok ? 'pass' : 'fail') : 'invalid' };
}

/** The issue's floors and the architecture's aims, judged on the embedded section. */
export function judgeFloors(embedded: DatabaseSection | undefined, connections: number) {
  const me = embedded?.routes.me.measured;
  const notes = [
    connections === 50 ? null : `measured at ${connections} connections; the floor is set at 50`,
    me?.disturbed
      ? `other processes used ${me.cpu?.other} cores during the run: the figure is pessimistic`
      : null,
  ].filter((line) => line !== null);
  const note = notes.length > 0 ? notes.join('; ') : undefined;
  const floors: Record<string, Floor> = {
    meRequestsPerSecond: judge(
      {
        description: 'GET /api/me (authenticated), embedded database, 50 connections',
        kind: 'floor',
        comparison: '>=',
        limit: 3000,
        unit: 'req/s',
        ...(note ? { note } : {}),
      },
      me?.requestsPerSecond,
      me?.valid,
    ),
    meLatencyP99: judge(
      {
        description: 'GET /api/me p99 latency, embedded database, 50 connections',
        kind: 'floor',
        comparison: '<=',
        limit: 50,
        unit: 'ms',
        ...(note ? { note } : {}),
      },
      me?.latencyMs.p99,
      me?.valid,
    ),
    rssAfterStart: judge(
      {
        description:
          'Server resident memory (VmRSS) after a start on existing data, idle a few seconds, embedded',
        kind: 'aim',
        comparison: '<=',
        limit: 500,
        unit: 'MB',
        ...(embedded?.restart.settledMemory
          ? {
              note:
                `${embedded.restart.memory?.rssMb} MB at the first 200, peak ` +
                `${embedded.restart.settledMemory.peakRssMb} MB during the start`,
            }
          : {}),
      },
      embedded?.restart.settledMemory?.rssMb,
    ),
    restartToHealthy: judge(
      {
        description: 'Start on existing data (node src/server/main.ts) to the first 200 from /api/health',
        kind: 'aim',
        comparison: '<=',
        limit: 5000,
        unit: 'ms',
        ...(embedded?.restart.disturbed
          ? {
              note: `other processes used ${embedded.restart.cpu?.other} cores during the start: the time is pessimistic`,
            }
          : {}),
      },
      embedded?.restart.toHealthyMs,
    ),
  };
  return floors;
}

function pad(cells: string[], widths: number[]) {
  return cells
    .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = widths.map((width) => '-'.repeat(width)).join('  ');
  return [pad(header, widths), line, ...rows.map((row) => pad(row, widths))].join('\n');
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The readable summary printed at the end of a run. */
export function renderSummary(sections: DatabaseSection[], floors: Record<string, Floor>): string {
  const out: string[] = [];
  const rows: string[][] = [];
  for (const section of sections) {
    for (const measurement of Object.values(section.routes)) {
      const m = measurement.measured;
      rows.push([
        section.kind,
        `${measurement.route}${measurement.authenticated ? ' (cookie)' : ''}`,
        number(m.requestsPerSecond),
        number(m.latencyMs.p50),
        number(m.latencyMs.p99),
        measurement.ratioToEmpty === null ? '-' : `${number(measurement.ratioToEmpty * 100, 1)}%`,
        number(m.non2xx),
        number(m.errors + m.timeouts),
        m.serverCpuMsPerRequest == null ? '-' : number(m.serverCpuMsPerRequest, 3),
        m.cpu?.database == null ? '-' : number(m.cpu.database, 2),
        m.serverMaxRssMb == null ? '-' : number(m.serverMaxRssMb),
        m.cpu?.other == null ? '-' : number(m.cpu.other, 2),
        m.valid ? (m.disturbed ? 'disturbed' : 'ok') : 'INVALID',
      ]);
    }
  }
  out.push(
    table(
      [
        'database',
        'route',
        'req/s',
        'p50 ms',
        'p99 ms',
        'vs empty',
        'non-2xx',
        'errors',
        'server CPU ms/req',
        'PG CPU',
        'max RSS MB',
        'other CPU',
        'run',
      ],
      rows,
    ),
  );

  out.push('');
  const mb = (memory: Memory | null | undefined, field: keyof Memory) =>
    memory ? number(memory[field]) : '-';
  const startRows = sections.flatMap((section) =>
    (
      [
        ['first start (empty data)', section.firstStart],
        ['restart (existing data)', section.restart],
      ] as const
    ).map(([label, startup]) => [
      section.kind,
      label,
      number(startup.toHealthyMs),
      mb(startup.memory, 'rssMb'),
      mb(startup.settledMemory, 'rssMb'),
      mb(startup.settledMemory, 'peakRssMb'),
      label.startsWith('restart') ? mb(section.memoryAfterLoad, 'rssMb') : '',
      label.startsWith('restart') ? mb(section.memoryAfterLoad, 'peakRssMb') : '',
    ]),
  );
  out.push(
    table(
      [
        'database',
        'start',
        'to 200 ms',
        'RSS at 200 MB',
        `RSS ${sections[0]?.restart.settleSeconds ?? ''} s later`,
        'peak MB',
        'RSS after load',
        'peak after load',
      ],
      startRows,
    ),
  );

  out.push('');
  out.push('Floors and aims:');
  for (const [name, floor] of Object.entries(floors)) {
    const measured = floor.measured === null ? 'not measured' : `${number(floor.measured, 1)} ${floor.unit}`;
    out.push(
      `  ${floor.status.toUpperCase().padEnd(12)} ${floor.kind.padEnd(5)} ${name}: ${measured} ` +
        `(${floor.comparison} ${number(floor.limit)} ${floor.unit})${floor.note ? ` - ${floor.note}` : ''}`,
    );
  }
  return out.join('\n');
}
