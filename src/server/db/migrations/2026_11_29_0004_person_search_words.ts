import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Name search ranks whole-word matches first: `search_words` (the words of `search_name`, kept by the
// database) on a GIN index answers "which people have the word 'wulandari'" without scoring thousands of
// trigram matches (bench/README.md).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table person add column search_words text[]
    generated always as (string_to_array(search_name, ' ')) stored`.execute(db);
  await sql`create index person_search_words_idx on person using gin (search_words)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table person drop column if exists search_words`.execute(db);
}
