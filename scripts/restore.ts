import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { DataDirLockedError, lockDataDir } from '../src/server/db/lock.ts';

// `npm run db:restore -- <backup.tar.gz>`: replaces the embedded database with a backup. The server must be
// stopped; the current database folder is kept beside it as pgdata.before-restore-<time>.
try {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error('Usage: npm run db:restore -- <path to sinergi-YYYYMMDD-HHMMSS.tar.gz>');
    process.exit(1);
  }
  const config = loadConfig();
  if (config.database.kind !== 'embedded') {
    console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore/psql (see README).');
    process.exit(1);
  }
  const dataDir = config.database.dataDir;
  const release = lockDataDir(dataDir);
  try {
    const current = path.join(dataDir, 'pgdata');
    if (fs.existsSync(current)) {
      const aside = `${current}.before-restore-${Date.now()}`;
      fs.renameSync(current, aside);
      console.log(`Current database moved to ${aside}`);
    }
    const database = await openDatabase(config.database, { restoreFrom: new Blob([fs.readFileSync(file)]) });
    const users = await database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await database.close();
    console.log(`Restored ${file} (${users.n} users).`);
  } finally {
    release();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
