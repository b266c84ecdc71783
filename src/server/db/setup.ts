import type { Kysely } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { seedDemo } from './seed/demo.ts';
import { seedReference } from './seed/reference.ts';

/** Brings a database up to date: migrations, reference data, and (first time only, when asked) demo data. */
export async function prepareDatabase(db: Kysely<Database>, options: { demo: boolean }) {
  const migrations = await migrateToLatest(db);
  await seedReference(db);
  const demoSeeded = options.demo ? await seedDemo(db) : false;
  return { migrations, demoSeeded };
}
