import { ConfigError, loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connect.ts';
import { DataDirLockedError, lockDataDir } from '../src/server/db/lock.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';

// `npm run db:migrate`: migrations, reference data and (first time, when demo is on) demo data, then exit.
try {
  const config = loadConfig();
  const release = config.database.kind === 'embedded' ? lockDataDir(config.database.dataDir) : () => {};
  const database = await openDatabase(config.database);
  try {
    const { migrations, demoSeeded } = await prepareDatabase(database.db, { demo: config.demo });
    console.log(migrations.length ? `Applied: ${migrations.join(', ')}` : 'Database already up to date.');
    if (demoSeeded) console.log('Demo data seeded.');
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
