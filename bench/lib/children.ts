import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

// The project's own Node 24 (the system node may be older); under `npm run bench` it is the same binary.
const PINNED_NODE = path.join(ROOT, 'node_modules/.bin/node');
export const NODE = existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;

const OUTPUT_LIMIT = 64 * 1024;

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** The last 64 KB of its stdout and stderr, for diagnostics. */
  output(): string;
}

const live = new Set<Child>();

/** Starts `node <script>` from the project root with exactly the given environment. */
export function startChild(name: string, script: string, env: NodeJS.ProcessEnv): Child {
  const proc = spawn(NODE, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`Could not start ${name} (${NODE} ${script})`);
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => {
      done = true;
      live.delete(child);
      resolve({ code, signal });
    });
  });
  const child: Child = {
    name,
    process: proc,
    pid: proc.pid,
    exited,
    hasExited: () => done,
    output: () => output,
  };
  live.add(child);
  return child;
}

/** SIGTERM (the server's graceful path), then SIGKILL when it has not exited within the timeout. */
export async function stopChild(child: Child, timeoutMs = 10_000) {
  if (child.hasExited()) return child.exited;
  child.process.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const first = await Promise.race([child.exited, timedOut]);
  clearTimeout(timer);
  if (first === 'timeout') {
    child.process.kill('SIGKILL');
    return child.exited;
  }
  return first;
}

/** Last line of defence (also safe inside a process 'exit' handler): SIGKILL every child still running. */
export function killAllChildren() {
  for (const child of live) {
    try {
      child.process.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** A port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port'));
      });
    });
  });
}

/**
 * Polls `url` until it answers 200; returns the time it happened (performance.now()).
 * Fails fast, with the child's output, when the child exits first or the timeout passes.
 */
export async function waitForOk(url: string, child: Child, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (performance.now() < deadline) {
    if (child.hasExited()) {
      const { code, signal } = await child.exited;
      throw new Error(
        `${child.name} exited (code ${code}, signal ${signal}) before ${url} answered 200.\n${child.output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now();
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem =
        error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : '?';
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(
    `${child.name}: ${url} did not answer 200 within ${timeoutMs} ms (${lastProblem}).\n${child.output()}`,
  );
}

export interface Memory {
  /** Resident set size now (VmRSS), MB. */
  rssMb: number;
  /** Peak resident set size so far (VmHWM), MB. */
  peakRssMb: number;
}

/** The process's resident memory from /proc/<pid>/status (Linux only; null elsewhere). */
export function readMemory(pid: number): Memory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match?.[1] ? Number(match[1]) : Number.NaN;
  };
  return { rssMb: round(kb('VmRSS') / 1024, 1), peakRssMb: round(kb('VmHWM') / 1024, 1) };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
