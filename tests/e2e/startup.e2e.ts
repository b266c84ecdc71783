import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real entry point, as `npm start` runs it: configuration, the data-folder lock, graceful shutdown.
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-start-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BACKUP_INTERVAL_HOURS: '0',
      ...env,
    },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(predicate: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('starting and stopping the server', () => {
  it('refuses a bad configuration with one line naming the variable', async () => {
    const run = start({ PORT: 'delapan', DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      'Configuration error: PORT Invalid input: expected number, received NaN (got "delapan")',
    );
  });

  it('serves on the embedded database, refuses a second process on the same folder, and stops cleanly on SIGTERM', async () => {
    const first = start({ PORT: '0', DATA_DIR: dataDir });
    await waitFor(() => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.test(first.output()), 60_000);
    const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(first.output())?.[1];
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: 'ok', databaseKind: 'embedded', demo: true });
    expect(fs.readFileSync(path.join(dataDir, 'sinergi.lock'), 'utf8').trim()).toBe(String(first.child.pid));

    const second = start({ PORT: '0', DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`is in use by another Sinergi process (PID ${first.child.pid})`);

    // Requests already received finish (Fastify's close); here: the process ends cleanly and frees the folder.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'sinergi.lock'))).toBe(false);
    expect(first.output()).toContain('SIGTERM: no longer accepting connections');
  });
});
