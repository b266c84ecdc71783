import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from './connect.ts';

const NAME = /^sinergi-\d{8}-\d{6}\.tar\.gz$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Writes a backup of the embedded database into `folder` and keeps only the newest `keep` files. */
export async function backupEmbedded(
  database: DatabaseHandle,
  folder: string,
  keep: number,
): Promise<string> {
  if (!database.dump)
    throw new Error('Backups here are for the embedded database; use pg_dump for PostgreSQL');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `sinergi-${stamp(new Date())}.tar.gz`);
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, await database.dump());
  fs.renameSync(partial, file);
  const old = fs
    .readdirSync(folder)
    .filter((name) => NAME.test(name))
    .sort()
    .reverse()
    .slice(keep);
  for (const name of old) fs.rmSync(path.join(folder, name));
  return file;
}

/** Backs up every `hours` hours (and once shortly after start) while the server runs; returns a stop function. */
export function scheduleBackups(
  database: DatabaseHandle,
  options: { folder: string; hours: number; keep: number; log: FastifyBaseLogger },
): () => void {
  const run = async () => {
    try {
      const file = await backupEmbedded(database, options.folder, options.keep);
      options.log.info({ file }, 'backup written');
    } catch (error) {
      options.log.error({ err: error }, 'backup failed');
    }
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, options.hours * 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
