import { openDatabase } from '../src/server/db/connect.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';
import { runScript } from './script.ts';

// `npm run db:migrate`: migrations, reference data and (first time, when demo is on) demo data, then exit.
await runScript(async (config) => {
  const database = await openDatabase(config.database);
  try {
    const { migrations, demoSeeded } = await prepareDatabase(database.db, { demo: config.demo });
    console.log(migrations.length ? `Applied: ${migrations.join(', ')}` : 'Database already up to date.');
    if (demoSeeded) console.log('Demo data seeded.');
  } finally {
    await database.close();
  }
});
