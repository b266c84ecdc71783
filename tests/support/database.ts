import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/connect.ts';
import { prepareDatabase } from '../../src/server/db/setup.ts';

/**
 * A fresh, migrated database with reference data for one test file: an in-memory PGlite, or (TEST_DB=postgresql)
 * a new database on the TEST_DATABASE_URL server, dropped on close.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (process.env.TEST_DB === 'postgresql') {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('TEST_DB=postgresql needs TEST_DATABASE_URL');
    const name = `sinergi_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ kind: 'postgresql', url: url.toString() });
    handle = {
      ...opened,
      close: async () => {
        await opened.close();
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      },
    };
  } else {
    handle = await openDatabase({ kind: 'embedded', dataDir: null });
  }
  await prepareDatabase(handle.db, { demo: options.demo ?? false });
  return handle;
}

async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
