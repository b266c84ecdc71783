import path from 'node:path';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { backupEmbedded } from '../src/server/db/backup.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { DataDirLockedError, lockDataDir } from '../src/server/db/lock.ts';

// `npm run db:backup`: a backup of the embedded database now, while the server is stopped.
// (A running server backs itself up every BACKUP_INTERVAL_HOURS.) PostgreSQL: use pg_dump.
try {
  const config = loadConfig();
  if (config.database.kind !== 'embedded') {
    console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump (see README).');
    process.exit(1);
  }
  const release = lockDataDir(config.database.dataDir);
  const database = await openDatabase(config.database);
  try {
    const file = await backupEmbedded(
      database,
      path.join(config.database.dataDir, 'backups'),
      config.backup.keep,
    );
    console.log(`Backup written: ${file}`);
  } finally {
    await database.close();
    release();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
