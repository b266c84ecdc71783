import { type Kysely, sql } from 'kysely';
import type { PlanningSkill } from '../../../shared/planning.ts';
import type { SkillLevel } from '../../../shared/skills.ts';
import type { Database } from '../../db/schema.ts';
import { placedOf } from '../opportunities/opportunities.fill.ts';
import type { DemandItem, ProgramInput, SupplyCounts } from './planning.gap.ts';

// The planner's aggregates: set-based GROUP BY queries that hand back counts per skill, kelurahan, level and
// release date, never a person's row. Plain joins of person and person_skill with a hash aggregate each (no
// per-person grouping, no sort): a few thousand rows come back for 300,000 people.

type Db = Kysely<Database>;

const LEVEL_OF: readonly SkillLevel[] = ['basic', 'intermediate', 'competent'];
/** A level column as its rank (basic 0, intermediate 1, competent 2). */
const rank = (column: string) =>
  sql<number>`(array_position(array['basic', 'intermediate', 'competent']::text[], ${sql.ref(column)}::text) - 1)`;
const levelOf = (value: number | string | null): SkillLevel | null =>
  value === null ? null : (LEVEL_OF[Number(value)] ?? null);

export interface GapWindow {
  today: string;
  to: string;
  /** The months (1–12) the horizon touches, for seasonal needs. */
  months: number[];
  villageId: string | null;
}

export async function listSkills(db: Db): Promise<PlanningSkill[]> {
  const rows = await db
    .selectFrom('skill')
    .select(['id', 'code', 'name_id', 'name_en', 'sector'])
    .orderBy('name_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    nameId: row.name_id,
    nameEn: row.name_en,
    sector: row.sector as PlanningSkill['sector'],
  }));
}

export function listVillages(db: Db) {
  return db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('kind', '=', 'village')
    .orderBy('name')
    .execute();
}

export function findVillage(db: Db, villageId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', '=', villageId)
    .where('kind', '=', 'village')
    .executeTakeFirst();
}

/**
 * Demand per skill, kelurahan, source and level: places of open and draft opportunities (not past closing,
 * starting by the horizon's end; a draft only when it has not started), less those placed; needs naming a
 * skill whose season touches the horizon (planning.gap.ts needDemand: a labour demand its size, 1 when
 * unknown; a service needed or a market 1); potentials naming a skill with strength 4–5 (`strength` people).
 */
export async function loadDemand(db: Db, window: GapWindow): Promise<DemandItem[]> {
  const { today, to, villageId } = window;
  const village = (column: string) => (villageId ? sql`and ${sql.ref(column)} = ${villageId}` : sql``);
  const months = `{${window.months.join(',')}}`;
  const [places, needs, potentials] = await Promise.all([
    sql<{ skill_id: string; village_id: string; essential: boolean; level: string; people: string }>`
      with open_places as materialized (
        -- Materialized: the places left are counted once per opportunity, not once per required skill.
        select o.id, o.village_id, greatest(o.places - ${placedOf('o.id')}, 0) as places_left
        from opportunity o
        where o.status in ('open', 'draft')
          and (o.closes_on is null or o.closes_on >= ${today})
          and o.start_on <= ${to}
          and (o.status = 'open' or o.start_on >= ${today})
          ${village('o.village_id')}
      )
      select os.skill_id, o.village_id, os.essential, os.min_level as level, sum(o.places_left) as people
      from open_places o
      join opportunity_skill os on os.opportunity_id = o.id
      group by os.skill_id, o.village_id, os.essential, os.min_level`.execute(db),
    sql<{ skill_id: string; village_id: string; people: string }>`
      -- The rule of needs (planning.gap.ts needDemand): only a labour demand's size counts people.
      select n.skill_id, n.village_id,
        sum(case when n.kind = 'labour_demand' then coalesce(n.size, 1) else 1 end) as people
      from village_need n
      where n.skill_id is not null
        and (jsonb_array_length(n.season_months) = 0
          or exists (select 1 from jsonb_array_elements_text(n.season_months) m
            where m.value::integer = any(${months}::integer[])))
        ${village('n.village_id')}
      group by n.skill_id, n.village_id`.execute(db),
    // The rule of potentials (planning.gap.ts potentialDemand): strength 4–5 counts `strength` people.
    sql<{ skill_id: string; village_id: string; people: string }>`
      select p.skill_id, p.village_id, sum(p.strength) as people
      from village_potential p
      where p.skill_id is not null and p.strength >= 4
        ${village('p.village_id')}
      group by p.skill_id, p.village_id`.execute(db),
  ]);
  return [
    ...places.rows.map((row) => ({
      skillId: row.skill_id,
      villageId: row.village_id,
      source: row.essential ? ('place' as const) : ('place_optional' as const),
      level: row.level as SkillLevel,
      people: Number(row.people),
    })),
    ...needs.rows.map((row) => ({
      skillId: row.skill_id,
      villageId: row.village_id,
      source: 'need' as const,
      level: 'basic' as const,
      people: Number(row.people),
    })),
    ...potentials.rows.map((row) => ({
      skillId: row.skill_id,
      villageId: row.village_id,
      source: 'potential' as const,
      level: 'basic' as const,
      people: Number(row.people),
    })),
  ];
}

/**
 * "She is a woman of the horizon", over the person aliased `p`: not released, not anonymized, expected
 * release in [today, to]; with a kelurahan, intending to live there.
 */
function ofHorizon(window: GapWindow) {
  return sql<boolean>`p.released_on is null and p.anonymized_at is null
    and p.release_date between ${window.today} and ${window.to}
    ${window.villageId ? sql`and p.intended_village_id = ${window.villageId}` : sql``}`;
}

/**
 * Supply and release dates, as aggregates: skills recorded per (skill, intended kelurahan, level) and per
 * (skill, release date, level), everyone per release date, and the few women with a certificate still valid
 * or an allocation to a cohort ending before their release, per (skill, kelurahan, release date, recorded
 * level, certificate level, trained level). `mergeSupply` (planning.gap.ts) folds the last into the first.
 * Plain joins and GROUP BY, no per-person row.
 */
export async function loadSupply(db: Db, window: GapWindow): Promise<SupplyCounts> {
  const horizon = ofHorizon(window);
  const recorded = (key: 'village' | 'date') => sql<{
    skill_id: string;
    key: string | null;
    level: SkillLevel;
    people: string;
  }>`
    select ps.skill_id, ${key === 'village' ? sql`p.intended_village_id` : sql`p.release_date::text`} as key,
      ps.level, count(*) as people
    from person p join person_skill ps on ps.person_id = p.id
    where ${horizon} and ps.skill_id is not null
    group by ps.skill_id, key, ps.level`;
  const [byVillage, byDate, everyone, extra] = await Promise.all([
    recorded('village').execute(db),
    recorded('date').execute(db),
    sql<{ release_date: string; people: string }>`
      select p.release_date::text as release_date, count(*) as people
      from person p where ${horizon} group by p.release_date`.execute(db),
    sql<{
      skill_id: string;
      village_id: string | null;
      release_date: string;
      recorded: number | null;
      certified: number | null;
      trained: number | null;
      people: string;
    }>`
      select x.skill_id, p.intended_village_id as village_id, p.release_date::text as release_date,
        ${rank('ps.level')} as recorded, x.certified, x.trained, count(*) as people
      from (
        select person_id, skill_id, max(certified) as certified, max(trained) as trained
        from (
          select c.person_id, c.skill_id, ${rank('c.level')} as certified, null::integer as trained
          from certificate c
          where c.valid_until is null or c.valid_until >= ${window.today}
          union all
          select e.person_id, tps.skill_id, null::integer, ${rank('tps.level')}
          from training_enrolment e
          join person p on p.id = e.person_id
          join training_cohort c on c.id = e.cohort_id
          join training_program_skill tps on tps.program_id = c.program_id
          where e.status = 'allocated' and c.status in ('planned', 'enrolling', 'running')
            and c.end_date < p.release_date
        ) sources
        group by person_id, skill_id
      ) x
      join person p on p.id = x.person_id
      left join person_skill ps on ps.person_id = x.person_id and ps.skill_id = x.skill_id
      where ${horizon}
      group by x.skill_id, p.intended_village_id, p.release_date, ps.level, x.certified, x.trained`.execute(
      db,
    ),
  ]);
  return {
    recordedByVillage: byVillage.rows.map((row) => ({
      skillId: row.skill_id,
      villageId: row.key,
      level: row.level,
      people: Number(row.people),
    })),
    recordedByDate: byDate.rows.map((row) => ({
      skillId: row.skill_id,
      releaseDate: row.key ?? '',
      level: row.level,
      people: Number(row.people),
    })),
    everyone: everyone.rows.map((row) => ({ releaseDate: row.release_date, people: Number(row.people) })),
    extra: extra.rows.map((row) => ({
      skillId: row.skill_id,
      villageId: row.village_id,
      releaseDate: row.release_date,
      recorded: levelOf(row.recorded),
      certified: levelOf(row.certified),
      trained: levelOf(row.trained),
      people: Number(row.people),
    })),
  };
}

/** Active programs with the skills they teach, and their cohorts' weekly sessions (rounded mean). */
export async function loadPrograms(db: Db): Promise<ProgramInput[]> {
  const [programs, skills] = await Promise.all([
    db
      .selectFrom('training_program as tp')
      .innerJoin('organization as o', 'o.id', 'tp.organization_id')
      .select([
        'tp.id',
        'tp.name',
        'tp.organization_id',
        'o.name as organization_name',
        'tp.default_capacity',
        'tp.sessions_count',
        sql<string | null>`(select round(avg(jsonb_array_length(c.schedule)))
          from training_cohort c where c.program_id = tp.id and c.status <> 'cancelled'
            and jsonb_array_length(c.schedule) > 0)`.as('sessions_per_week'),
      ])
      .where('tp.active', '=', true)
      .execute(),
    db
      .selectFrom('training_program_skill as tps')
      .innerJoin('training_program as tp', 'tp.id', 'tps.program_id')
      .select(['tps.program_id', 'tps.skill_id', 'tps.level'])
      .where('tp.active', '=', true)
      .execute(),
  ]);
  return programs.map((program) => ({
    id: program.id,
    name: program.name,
    organizationId: program.organization_id,
    organizationName: program.organization_name,
    defaultCapacity: program.default_capacity,
    sessionsCount: program.sessions_count,
    sessionsPerWeek: program.sessions_per_week === null ? null : Number(program.sessions_per_week),
    skills: skills
      .filter((skill) => skill.program_id === program.id)
      .map((skill) => ({ skillId: skill.skill_id, level: skill.level as SkillLevel })),
  }));
}

/**
 * The fairness report's population: women (not anonymized) still held whose expected release falls in the
 * window, or released in it and not returned (the engine loader's `releaseWindow`), across all
 * organizations; with what groups them (birth date, education, domicile code) and whether she was ever
 * proposed (any placement) and placed (a placement that reached placed).
 */
export function fairnessPopulation(db: Db, window: { from: string; to: string }) {
  return db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.birth_date',
      'p.education_level',
      'p.domicile_village_code',
      sql<boolean>`exists (select 1 from placement pl where pl.person_id = p.id)`.as('proposed'),
      sql<boolean>`exists (select 1 from placement pl where pl.person_id = p.id
        and (pl.placed_on is not null or pl.stage in ('placed', 'ended')))`.as('placed'),
    ])
    .where('p.anonymized_at', 'is', null)
    .where(
      sql<boolean>`((p.released_on is null and p.release_date between ${window.from}::date and ${window.to}::date)
        or (p.released_on between ${window.from}::date and ${window.to}::date and p.returned_on is null))`,
    )
    .orderBy('p.id')
    .execute();
}
