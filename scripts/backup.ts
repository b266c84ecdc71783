import path from 'node:path';
import { backupEmbedded } from '../src/server/db/backup.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { runScript, ScriptError } from './script.ts';

// `npm run db:backup`: a backup of the embedded database now, while the server is stopped.
// (A running server backs itself up every BACKUP_INTERVAL_HOURS.) PostgreSQL: use pg_dump.
await runScript(async (config) => {
  if (config.database.kind !== 'embedded') {
    throw new ScriptError('DATABASE_URL is set: back up PostgreSQL with pg_dump (see README).');
  }
  const database = await openDatabase(config.database);
  try {
    const file = await backupEmbedded(
      database,
      path.join(config.database.dataDir, 'backups'),
      config.backup.keep,
      config.documentsDir,
    );
    console.log(`Backup written: ${file} (documents mirrored in ${path.dirname(file)}/documents)`);
  } finally {
    await database.close();
  }
});
