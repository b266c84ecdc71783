import fs from 'node:fs';
import path from 'node:path';
import { mirrorDocuments } from '../src/server/db/backup.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { runScript, ScriptError } from './script.ts';

// `npm run db:restore -- <backup.tar.gz>`: replaces the embedded database with a backup. The server must be
// stopped; the current database folder is kept beside it as pgdata.before-restore-<time>.
await runScript(async (config) => {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    throw new ScriptError('Usage: npm run db:restore -- <path to sinergi-YYYYMMDD-HHMMSS.tar.gz>');
  }
  if (config.database.kind !== 'embedded') {
    throw new ScriptError('DATABASE_URL is set: restore PostgreSQL with pg_restore/psql (see README).');
  }
  const current = path.join(config.database.dataDir, 'pgdata');
  if (fs.existsSync(current)) {
    const aside = `${current}.before-restore-${Date.now()}`;
    fs.renameSync(current, aside);
    console.log(`Current database moved to ${aside}`);
  }
  const database = await openDatabase(config.database, { restoreFrom: new Blob([fs.readFileSync(file)]) });
  try {
    const users = await database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(`Restored ${file} (${users.n} users).`);
    // The documents as of the latest backup: the mirror beside the backup files.
    const mirror = path.join(path.dirname(file), 'documents');
    if (fs.existsSync(mirror)) {
      const current = config.documentsDir;
      if (fs.existsSync(current)) {
        const aside = `${current}.before-restore-${Date.now()}`;
        fs.renameSync(current, aside);
        console.log(`Current documents moved to ${aside}`);
      }
      const { copied } = mirrorDocuments(mirror, current);
      console.log(`Restored ${copied} documents from ${mirror}.`);
    }
  } finally {
    await database.close();
  }
});
