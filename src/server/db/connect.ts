import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// A calendar date (date of birth, release date) has no time zone: keep it as the 'yyyy-mm-dd' text the
// database sends instead of a Date at local midnight, which shifts by a day across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DatabaseTarget =
  | { kind: 'postgresql'; url: string }
  | { kind: 'embedded'; dataDir: string | null };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'embedded' | 'postgresql';
  /** Closes the pool and, for the embedded database, PGlite itself. */
  close(): Promise<void>;
  /** The embedded database's folder as a gzipped tarball (a consistent snapshot); null for PostgreSQL. */
  dump: (() => Promise<Uint8Array>) | null;
}

/** Opens the embedded PGlite (a folder, or memory when dataDir is null) or a PostgreSQL pool. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { restoreFrom?: Blob; onIdleError?: (error: Error) => void } = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the pool
    // replaces it, and the next query reports a real failure if the server stays away.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy(), dump: null };
  }
  const dataDir = target.dataDir ? path.join(target.dataDir, 'pgdata') : 'memory://';
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: options.restoreFrom });
  // The adapter PGlite ships for node-postgres: one connection, queued by pg's pool.
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'embedded',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    // Runs on PGlite's single connection, so it waits for transactions in flight and sees a consistent state.
    dump: async () => new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer()),
  };
}
