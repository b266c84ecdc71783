import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { round } from './children.ts';

// Linux reports /proc CPU times in USER_HZ ticks, 100 a second on every mainstream architecture.
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  at: number;
  machineBusy: number;
  machineTotal: number;
  server: number | null;
  bench: NodeJS.CpuUsage;
  /** CPU ticks of each local database process (PostgreSQL's backends), by pid. */
  database: Map<number, number> | null;
}

/** CPU used during a run, in cores (1 = one core fully busy). */
export interface CpuUse {
  /** Every process on the machine together (the machine has `cores` of them). */
  machine: number;
  /** The server under load. */
  server: number | null;
  /** This process: autocannon generating the load. */
  bench: number;
  /** Local PostgreSQL processes (part of the system under test in the PostgreSQL section). */
  database: number | null;
  /** Everything else: anything well above 0 means other work competed with the run. */
  other: number | null;
  cores: number;
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

function readStat(pid: number): { name: string; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU ticks of every process with this command name (e.g. `postgres`), by pid. */
function ticksByName(name: string): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.name === name) found.set(Number(entry), stat.ticks);
  }
  return found;
}

export function cpuSnapshot(serverPid: number, databaseProcessName?: string): CpuSnapshot {
  const machine = machineTicks();
  return {
    at: performance.now(),
    machineBusy: machine?.busy ?? Number.NaN,
    machineTotal: machine?.total ?? Number.NaN,
    server: readStat(serverPid)?.ticks ?? null,
    bench: process.cpuUsage(),
    database: databaseProcessName ? ticksByName(databaseProcessName) : null,
  };
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse | null {
  const seconds = (after.at - before.at) / 1000;
  const totalTicks = after.machineTotal - before.machineTotal;
  if (!(seconds > 0) || !(totalTicks > 0)) return null;
  const cores = os.cpus().length;
  const machine = ((after.machineBusy - before.machineBusy) / totalTicks) * cores;
  const server =
    before.server === null || after.server === null
      ? null
      : (after.server - before.server) / TICKS_PER_SECOND / seconds;
  const bench =
    (after.bench.user - before.bench.user + after.bench.system - before.bench.system) / 1e6 / seconds;
  let database: number | null = null;
  if (before.database && after.database) {
    let ticks = 0;
    for (const [pid, now] of after.database) ticks += now - (before.database.get(pid) ?? 0);
    database = ticks / TICKS_PER_SECOND / seconds;
  }
  const other = server === null ? null : Math.max(0, machine - server - bench - (database ?? 0));
  return {
    machine: round(machine, 2),
    server: server === null ? null : round(server, 2),
    bench: round(bench, 2),
    database: database === null ? null : round(database, 2),
    other: other === null ? null : round(other, 2),
    cores,
  };
}
