import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from './connect.ts';

const NAME = /^sinergi-\d{8}-\d{6}\.tar\.gz$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

const DOCUMENT_KEY = /^[0-9a-f]{32}$/;

/**
 * Makes `target` hold exactly the document files of `source`: new ones copied, removed ones deleted.
 * Documents never change once stored (each has its own random key), so a mirror is a faithful copy; and
 * files removed when a person is anonymized or a retention period ends are removed from the mirror too.
 */
export function mirrorDocuments(source: string, target: string): { copied: number; removed: number } {
  // A folder that is not there (an unmounted disk) is not an empty one: mirroring it would wipe the copy.
  if (!fs.existsSync(source))
    throw new Error(`The documents folder ${source} is missing; its copy is left as it is`);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  const wanted = fs.readdirSync(source).filter((name) => DOCUMENT_KEY.test(name));
  const present = new Set(fs.readdirSync(target).filter((name) => DOCUMENT_KEY.test(name)));
  let copied = 0;
  for (const name of wanted) {
    if (present.delete(name)) continue;
    fs.copyFileSync(path.join(source, name), path.join(target, `${name}.partial`));
    fs.renameSync(path.join(target, `${name}.partial`), path.join(target, name));
    copied += 1;
  }
  for (const name of present) fs.rmSync(path.join(target, name));
  return { copied, removed: present.size };
}

/**
 * Writes a backup of the embedded database into `folder` and keeps only the newest `keep` files; with a
 * documents folder, also brings `folder/documents` up to date with it.
 */
export async function backupEmbedded(
  database: DatabaseHandle,
  folder: string,
  keep: number,
  documentsDir?: string,
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
  // No documents folder yet (nothing uploaded) means nothing to copy.
  if (documentsDir && fs.existsSync(documentsDir))
    mirrorDocuments(documentsDir, path.join(folder, 'documents'));
  return file;
}

/** Backs up every `hours` hours (and once shortly after start) while the server runs; returns a stop function. */
export function scheduleBackups(
  database: DatabaseHandle,
  options: { folder: string; hours: number; keep: number; documentsDir?: string; log: FastifyBaseLogger },
): () => void {
  const run = async () => {
    try {
      const file = await backupEmbedded(database, options.folder, options.keep, options.documentsDir);
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
