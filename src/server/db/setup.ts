import type { Kysely } from 'kysely';
import { seedRules } from '../modules/rules/rules.service.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { seedDemo } from './seed/demo.ts';
import { getMeta, seedReference, setMeta } from './seed/reference.ts';

/**
 * Brings a database up to date: migrations, reference data, and demo data the first time when asked.
 * A database remembers whether it was first started for demo or for real: a real one never gets the
 * demo accounts later, even when a restart forgets NODE_ENV=production.
 */
export async function prepareDatabase(db: Kysely<Database>, options: { demo: boolean }) {
  const migrations = await migrateToLatest(db);
  await seedReference(db);
  await seedRules(db);
  let mode = await getMeta(db, 'mode');
  if (!mode) {
    mode = options.demo ? 'demo' : 'production';
    await setMeta(db, 'mode', mode);
  }
  const demoRefused = options.demo && mode !== 'demo';
  const demoSeeded = options.demo && mode === 'demo' ? await seedDemo(db) : false;
  return { migrations, demoSeeded, demoRefused };
}
