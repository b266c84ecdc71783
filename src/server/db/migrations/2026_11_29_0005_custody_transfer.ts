import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// A planned transfer to another facility (date and destination) is part of the custody record, so the
// training allocation checks can warn when a woman leaves before a cohort ends.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('custody').addColumn('transfer_planned_on', 'date').execute();
  await db.schema.alterTable('custody').addColumn('transfer_destination', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table custody drop column if exists transfer_destination`.execute(db);
  await sql`alter table custody drop column if exists transfer_planned_on`.execute(db);
}
