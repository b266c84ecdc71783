import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { JourneyStatus, PersonListQuery } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { groupGranted, visiblePeople } from './people.access.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The journey status in SQL, the same rule as `journeyStatus` in src/shared/people.ts (a test keeps the
 * two in step): returned → released (supervised or not) → freed at the end of the sentence → pre-release
 * within the window → in custody.
 */
export function statusSql(windowDays: number, alias = 'p'): RawBuilder<JourneyStatus> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<JourneyStatus>`case
    when ${c('returned_on')} <= ${TODAY_SQL}
      and (${c('released_on')} is null or ${c('returned_on')} >= ${c('released_on')}) then 'returned_to_custody'
    when ${c('released_on')} <= ${TODAY_SQL} then
      case when ${c('supervision_end_date')} > ${TODAY_SQL} then 'released_supervised' else 'supervision_ended' end
    when ${c('release_date')} <= ${TODAY_SQL} then 'supervision_ended'
    when ${c('release_date')} <= ${TODAY_SQL} + ${sql.lit(Math.trunc(windowDays))}::integer then 'pre_release'
    else 'in_custody' end`;
}

function personQuery(db: Db) {
  return db
    .selectFrom('person as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .leftJoin('organization as v', 'v.id', 'p.intended_village_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'v.name as intended_village_name']);
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>['executeTakeFirstOrThrow']>>;

export function findPerson(db: Db, id: string) {
  return personQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export function findSkills(db: Db, personId: string) {
  return db
    .selectFrom('person_skill')
    .select(['id', 'skill_id', 'name', 'sector', 'level', 'evidence', 'note'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

export function findLinks(db: Db, personId: string) {
  return db
    .selectFrom('person_link as l')
    .innerJoin('organization as o', 'o.id', 'l.organization_id')
    .select([
      'l.id',
      'l.kind',
      'l.organization_id',
      'o.name as organization_name',
      'o.kind as organization_kind',
    ])
    .select('l.created_at')
    .where('l.person_id', '=', personId)
    .where('l.active', '=', true)
    .orderBy('l.created_at')
    .execute();
}

/** Escapes LIKE wildcards in user input. */
const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Lower-case, single-spaced: how names are stored for search and how queries are compared with them. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ListOptions {
  query: PersonListQuery;
  windowDays: number;
  /** Non-corrections callers also get the consented field groups of each person. */
  withGroups: boolean;
}

/** A page of the people visible to the caller, filtered, sorted, with the total. */
export async function listPeople(db: Db, ctx: RequestContext, options: ListOptions) {
  const { query, windowDays } = options;
  const corrections = !options.withGroups;
  const status = statusSql(windowDays);
  const q = query.q ? searchText(query.q) : '';
  let base = db
    .selectFrom('person as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .leftJoin('organization as v', 'v.id', 'p.intended_village_id')
    .where(visiblePeople(ctx));
  if (query.includeAnonymized !== 'true') base = base.where('p.anonymized_at', 'is', null);
  // Each filter on a field is also a filter on the consent to that field's group (see groupGranted).
  const identity = groupGranted(ctx, 'identity_contact');
  const availability = groupGranted(ctx, 'availability_status');
  const skills = groupGranted(ctx, 'skills_training');
  const guarded = (granted: RawBuilder<boolean>, condition: RawBuilder<boolean>) =>
    sql<boolean>`(${condition} and ${granted})`;
  if (query.status) base = base.where(guarded(availability, sql<boolean>`${status} = ${query.status}`));
  if (query.releaseWithinDays !== undefined) {
    base = base
      .where('p.released_on', 'is', null)
      .where(
        guarded(
          availability,
          sql<boolean>`p.release_date between ${TODAY_SQL} and ${TODAY_SQL} + ${query.releaseWithinDays}::integer`,
        ),
      );
  }
  if (query.villageId)
    base = base.where(guarded(availability, sql<boolean>`p.intended_village_id = ${query.villageId}`));
  if (query.domicileVillageCode)
    base = base.where(
      guarded(identity, sql<boolean>`p.domicile_village_code = ${query.domicileVillageCode}`),
    );
  if (query.organizationId) base = base.where('p.organization_id', '=', query.organizationId);
  if (query.skill) {
    const pattern = likePattern(query.skill.toLowerCase());
    base = base.where(
      guarded(
        skills,
        sql<boolean>`exists (select 1 from person_skill s where s.person_id = p.id and lower(s.name) like ${pattern})`,
      ),
    );
  }
  if (query.sector) {
    const sector = query.sector;
    base = base.where(
      guarded(
        skills,
        sql<boolean>`(p.preferred_sectors @> ${JSON.stringify([sector])}::jsonb
          or exists (select 1 from person_skill s where s.person_id = p.id and s.sector = ${sector}))`,
      ),
    );
  }

  // The filters without the name: whole-word matches are read from it directly (see byRelevance below).
  const filtered = base;
  if (q) {
    // Word similarity: the query against the best-matching part of the names ("nurhalisa" finds "siti
    // nurhaliza", "siti nur haliza" finds it too), on the GIN trigram index.
    base = base.where(guarded(identity, sql<boolean>`${q} <% p.search_name`));
  }

  const sort = query.sort ?? (q ? 'relevance' : 'name');
  const descending = query.order === 'desc';
  const rowsOf = (source: typeof base) =>
    source
      .select([
        'p.id',
        'p.full_name',
        'p.registration_number',
        'p.birth_date',
        'p.release_date',
        'p.domicile_village_name',
        'p.anonymized_at',
        'o.name as organization_name',
        'v.name as intended_village_name',
        status.as('status'),
        sql<string[]>`coalesce((select array_agg(s.name order by s.name) from person_skill s
        where s.person_id = p.id), '{}')`.as('skills'),
      ])
      .$if(options.withGroups, (qb) =>
        qb.select(
          sql<string[] | null>`(select array_agg(distinct g) from consent c
          cross join lateral jsonb_array_elements_text(c.field_groups) g
          where c.person_id = p.id and c.withdrawn_on is null and c.given_on <= ${TODAY_SQL}
            and (c.recipient_organization_ids @> ${JSON.stringify([ctx.principal.organizationId])}::jsonb
              or c.recipient_kinds @> ${JSON.stringify([ctx.principal.organizationKind])}::jsonb))`.as(
            'groups',
          ),
        ),
      );
  let page = rowsOf(base);
  const byRelevance = sort === 'relevance' && q !== '';
  const paged = (ordered: typeof page) =>
    ordered
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
  // A name search counts its matches up to a cap: "siti" matches thousands, and counting them all costs more
  // than the page itself (the list then says "more than 1,000"). The matches are a MATERIALIZED CTE read
  // lazily up to the cap: planned without the LIMIT, the filter takes the GIN index; with the LIMIT inside,
  // PostgreSQL chose a sequential scan that computed the similarity of every row (140 ms).
  const countMatches = () =>
    sql<{ total: string }>`with matches as materialized (${base.select(sql`1`.as('one'))})
        select count(*) as total from (select 1 from matches limit ${SEARCH_COUNT_CAP + 1}) capped`
      .execute(db)
      .then((result) => Number(result.rows[0]?.total ?? 0));

  if (byRelevance) {
    // One order for every page of one search: people having every word typed as a whole word first, then
    // by word similarity, ties by id. (A GiST index walked nearest-first answered "siti" in 1 ms instead of
    // 36–60 ms, but its order of equally near names changed with the page asked for: people repeated and
    // went missing across pages.) Whole-word matches are all matches (their similarity is 1), so when they
    // fill the page it is read from the word index in id order, without scoring thousands of matches.
    const words = sql`${q.split(' ')}::text[]`;
    const wholeWords = sql<boolean>`p.search_words @> ${words}`;
    const [direct, counted] = await Promise.all([
      paged(rowsOf(filtered.where(guarded(identity, wholeWords))).orderBy('p.id')),
      countMatches(),
    ]);
    const items =
      direct.length === query.pageSize
        ? direct
        : await paged(
            page
              .orderBy(sql`(${wholeWords})`, 'desc')
              .orderBy(sql`word_similarity(${q}, p.search_name)`, 'desc')
              .orderBy('p.id'),
          );
    return { items, total: Math.min(counted, SEARCH_COUNT_CAP), totalCapped: counted > SEARCH_COUNT_CAP };
  }

  if (sort === 'release_date') {
    // Outside corrections, a person whose availability is not shared sorts after the others, by id.
    const key = corrections ? sql`p.release_date` : sql`case when ${availability} then p.release_date end`;
    page = page.orderBy(sql`${key} ${sql.raw(descending ? 'desc' : 'asc')} nulls last`);
  } else if (sort === 'created_at') {
    page = page.orderBy('p.created_at', descending ? 'asc' : 'desc');
  } else {
    const key = corrections ? sql`p.full_name` : sql`case when ${identity} then p.full_name end`;
    page = page.orderBy(sql`${key} ${sql.raw(descending ? 'desc' : 'asc')} nulls last`);
  }
  page = page.orderBy('p.id');
  // A name search sorted otherwise still counts up to the cap; a plain list counts everyone.
  const [items, counted] = await Promise.all([
    paged(page),
    q
      ? countMatches()
      : base
          .select(sql<string>`count(*)`.as('total'))
          .executeTakeFirstOrThrow()
          .then((row) => Number(row.total)),
  ]);
  const capped = q !== '' && counted > SEARCH_COUNT_CAP;
  return { items, total: capped ? SEARCH_COUNT_CAP : counted, totalCapped: capped };
}

/** The most matches a name search counts. */
export const SEARCH_COUNT_CAP = 1000;

export type PersonListRow = Awaited<ReturnType<typeof listPeople>>['items'][number];

/** People with a similar name and the same birth date, among those the caller may see. */
export function findSimilar(
  db: Db,
  ctx: RequestContext,
  input: { fullName: string; birthDate: string; excludeId?: string },
) {
  const q = searchText(input.fullName);
  return db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.full_name',
      'p.birth_date',
      'p.registration_number',
      sql<number>`greatest(similarity(p.search_name, ${q}), word_similarity(${q}, p.search_name))`.as(
        'similarity',
      ),
    ])
    .where('p.birth_date', '=', input.birthDate)
    .where('p.anonymized_at', 'is', null)
    .where(sql<boolean>`${q} <% p.search_name`)
    .where(visiblePeople(ctx))
    .$if(input.excludeId !== undefined, (qb) => qb.where('p.id', '<>', input.excludeId as string))
    .orderBy('similarity', 'desc')
    .limit(10)
    .execute();
}

export async function nikOwner(db: Db, nik: string) {
  const row = await db.selectFrom('person').select('id').where('nik', '=', nik).executeTakeFirst();
  return row?.id ?? null;
}

export async function registrationOwner(db: Db, organizationId: string, registrationNumber: string) {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('registration_number', '=', registrationNumber)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function organizationKind(db: Db, id: string) {
  const row = await db.selectFrom('organization').select('kind').where('id', '=', id).executeTakeFirst();
  return row?.kind ?? null;
}

/** The columns of `person` written from the form (and from an import). */
export interface PersonValues {
  full_name: string;
  aliases: string;
  search_name: string;
  nik: string | null;
  birth_place: string | null;
  birth_date: string | null;
  education_level: string | null;
  marital_status: string | null;
  dependent_children: number | null;
  phone: string | null;
  guarantor: string | null;
  domicile_address: string | null;
  domicile_village_code: string | null;
  domicile_village_name: string | null;
  intended_village_id: string | null;
  registration_number: string | null;
  interests: string | null;
  preferred_sectors: string;
  constraints: string;
  religion: string | null;
  ethnicity: string | null;
}

export async function insertPerson(
  db: Db,
  values: PersonValues & { organization_id: string; created_by: string | null },
) {
  const row = await db.insertInto('person').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates when the version still matches; returns false when someone else saved first. */
export async function updatePersonIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<PersonValues> & {
    release_date?: string | null;
    released_on?: string | null;
    supervision_end_date?: string | null;
    returned_on?: string | null;
  },
) {
  const result = await db
    .updateTable('person')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The sentence dates stored on the person (see people.release.ts journeyMilestoneDates). */
export interface JourneyMilestoneDates {
  release_date: string | null;
  asimilasi_date: string | null;
  parole_date: string | null;
  conditional_leave_date: string | null;
  pre_release_leave_date: string | null;
}

/** Sets the dates that decide the journey status and the milestone dates (kept in step with the custody record). */
export async function setJourneyDates(
  db: Db,
  id: string,
  dates: JourneyMilestoneDates & {
    released_on: string | null;
    supervision_end_date: string | null;
    returned_on: string | null;
  },
) {
  // Not a change of her record's own fields: neither its version nor its time changes, so an open edit
  // form stays valid and nobody outside corrections can tell from the record that her sentence changed.
  await db.updateTable('person').set(dates).where('id', '=', id).execute();
}

/**
 * The SQL of "the taxonomy skill a self-reported name maps onto": the skill whose Indonesian name equals
 * the lower-cased name, or that lists it among its aliases (active skills first, then by code).
 */
export function taxonomySkillOf(name: RawBuilder<string>): RawBuilder<string | null> {
  return sql<string | null>`(select s.id from skill s
    where lower(s.name_id) = lower(btrim(${name})) or s.aliases @> to_jsonb(lower(btrim(${name})))
    order by s.active desc, s.code limit 1)`;
}

export async function replaceSkills(
  db: Db,
  personId: string,
  organizationId: string,
  skills: {
    name: string;
    sector: string | null;
    level: 'basic' | 'intermediate' | 'competent';
    note: string | null;
  }[],
) {
  // Only self-reported skills are the form's to replace: trained, assessed and certified skills come from
  // the training records and stay.
  await db
    .deleteFrom('person_skill')
    .where('person_id', '=', personId)
    .where('evidence', '=', 'self_reported')
    .execute();
  if (skills.length === 0) return;
  // Each name maps onto the taxonomy (by name or alias; the sector follows the skill when none was given).
  // A self-report of a skill she already holds with stronger evidence adds nothing and is left out, as is
  // a second report of the same skill in the list.
  const rows = JSON.stringify(skills.map((skill, position) => ({ ...skill, position })));
  await sql`insert into person_skill (person_id, organization_id, name, sector, level, note, skill_id)
    select ${personId}::uuid, ${organizationId}::uuid, m.name, coalesce(m.sector, k.sector), m.level, m.note,
      m.skill_id
    from (
      select distinct on (coalesce(t.skill_id::text, lower(v.name))) v.*, t.skill_id
      from jsonb_to_recordset(${rows}::jsonb)
        as v(name text, sector text, level text, note text, position integer)
      cross join lateral (select ${taxonomySkillOf(sql.ref('v.name'))} as skill_id) t
      order by coalesce(t.skill_id::text, lower(v.name)), v.position
    ) m
    left join skill k on k.id = m.skill_id
    where not exists (
      select 1 from person_skill held
      where held.person_id = ${personId}::uuid and held.evidence <> 'self_reported'
        and (held.skill_id = m.skill_id or lower(held.name) = lower(m.name)))
    order by m.position
    -- Training may raise the same skill at the same moment: its row wins, this self-report adds nothing.
    on conflict (person_id, skill_id) where skill_id is not null do nothing`.execute(db);
}

// ── Custody ──

export function findCustody(db: Db, personId: string) {
  return db.selectFrom('custody').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export type CustodyRow = NonNullable<Awaited<ReturnType<typeof findCustody>>>;

export function findRemissions(db: Db, personId: string) {
  return db
    .selectFrom('remission')
    .select(['id', 'kind', 'days', 'decree_number', 'decree_date'])
    .where('person_id', '=', personId)
    .orderBy('decree_date')
    .orderBy('created_at')
    .execute();
}

export function findBehaviourScores(db: Db, personId: string) {
  return db
    .selectFrom('behaviour_score')
    .select(['month', 'score', 'note'])
    .where('person_id', '=', personId)
    .orderBy('month', 'desc')
    .execute();
}

export interface CustodyValues {
  offence_category: string | null;
  court_decision_number: string | null;
  court_decision_date: string | null;
  sentence_kind: 'fixed' | 'life' | 'death';
  sentence_years: number;
  sentence_months: number;
  sentence_days: number;
  fine_amount: number | null;
  fine_substitute_months: number;
  fine_substitute_days: number;
  fine_paid: boolean;
  detention_start_date: string | null;
  release_kind: string | null;
  released_on: string | null;
  supervision_end_date: string | null;
  returned_on: string | null;
  transfer_planned_on: string | null;
  transfer_destination: string | null;
}

/** Sets many people's sentence dates (release and milestone dates) in one statement. */
export async function setReleaseDates(db: Db, updates: ({ id: string } & JourneyMilestoneDates)[]) {
  if (updates.length === 0) return;
  await sql`update person set release_date = u.release_date::date, asimilasi_date = u.asimilasi_date::date,
      parole_date = u.parole_date::date, conditional_leave_date = u.conditional_leave_date::date,
      pre_release_leave_date = u.pre_release_leave_date::date
    from json_to_recordset(${JSON.stringify(updates)}::json)
      as u(id uuid, release_date text, asimilasi_date text, parole_date text, conditional_leave_date text,
        pre_release_leave_date text)
    where person.id = u.id`.execute(db);
}

export async function insertCustody(db: Db, personId: string, organizationId: string, values: CustodyValues) {
  await db
    .insertInto('custody')
    .values({ ...values, person_id: personId, organization_id: organizationId })
    .execute();
}

export async function updateCustodyIfVersion(
  db: Db,
  personId: string,
  version: number,
  values: CustodyValues,
) {
  const result = await db
    .updateTable('custody')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks the custody record changed (a remission or score added) so a concurrent form save is refused. */
export async function touchCustody(db: Db, personId: string) {
  await db
    .updateTable('custody')
    .set({ updated_at: sql`now()`, version: sql`version + 1` })
    .where('person_id', '=', personId)
    .execute();
}

export async function insertRemission(
  db: Db,
  values: {
    person_id: string;
    organization_id: string;
    kind: string;
    days: number;
    decree_number: string | null;
    decree_date: string;
  },
) {
  const row = await db.insertInto('remission').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteRemission(db: Db, personId: string, remissionId: string) {
  const row = await db
    .deleteFrom('remission')
    .where('person_id', '=', personId)
    .where('id', '=', remissionId)
    .returning(['kind', 'days', 'decree_number'])
    .executeTakeFirst();
  return row ?? null;
}

export async function upsertBehaviourScore(
  db: Db,
  values: {
    person_id: string;
    organization_id: string;
    month: string;
    score: number;
    note: string | null;
    recorded_by: string;
  },
) {
  await db
    .insertInto('behaviour_score')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['person_id', 'month']).doUpdateSet({
        score: values.score,
        note: values.note,
        recorded_by: values.recorded_by,
      }),
    )
    .execute();
}

// ── Links and timeline ──

export async function activeLinkExists(db: Db, personId: string, organizationId: string, kind: string) {
  const row = await db
    .selectFrom('person_link')
    .select('id')
    .where('person_id', '=', personId)
    .where('organization_id', '=', organizationId)
    .where('kind', '=', kind as 'referral')
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLink(
  db: Db,
  values: {
    person_id: string;
    organization_id: string;
    kind: 'referral';
    note: string | null;
    created_by: string;
  },
) {
  await db.insertInto('person_link').values(values).execute();
}

export async function listTimeline(
  db: Db,
  personId: string,
  options: { correctionsOnlyVisible: boolean; excludeKinds: string[]; page: number; pageSize: number },
) {
  let base = db.selectFrom('person_event').where('person_id', '=', personId);
  if (!options.correctionsOnlyVisible) base = base.where('visibility', '=', 'shared');
  if (options.excludeKinds.length > 0) base = base.where('kind', 'not in', options.excludeKinds);
  const [items, count] = await Promise.all([
    base
      .select(['id', 'at', 'kind', 'actor_name', 'organization_name', 'details'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}
