import type { Insertable, Kysely, Transaction } from 'kysely';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { OUTCOME_WINDOWS, outcomeDueOn } from '../../../shared/outcomes.ts';
import { PATHWAYS, type PathwayStatus } from '../../../shared/reintegration.ts';
import { escalationLevelFor, nextDueOn } from '../../../shared/supervision.ts';
import { buildPackage } from '../../modules/handovers/handovers.repository.ts';
import type { Database } from '../schema.ts';
import { programToday } from './demo-people.ts';
import { BAPAS_ID, LAPAS_ID } from './reference.ts';

// Release and after (issue 7) on the demo's women, seeded once after the people: reintegration plans for
// the released women and the soonest releases, accepted handovers (PK `pk`) for the women on parole,
// monthly reporting with one client who missed her last two visits (reminder, then warning), outcome checks
// at 1/3/6/12 months where due (one left undone, so it shows as a task), a handover waiting for the Bapas
// head, and a few pre-release women without a plan (tasks for the prison). Deterministic for a seeding date.

type Trx = Kysely<Database> | Transaction<Database>;

/** How many of the soonest releases get a plan, and which of them (by release order) has a handover waiting. */
export const DEMO_RELEASE = {
  plannedBeforeRelease: 4,
  handoverWaitingIndex: 0,
  /** The supervised client (by release order) who missed her last two reporting visits. */
  missingClientIndex: 1,
} as const;

const ASSESSED: PathwayStatus[] = [
  'done',
  'in_progress',
  'done',
  'in_progress',
  'in_progress',
  'support_required',
  'done',
  'done',
];

interface DemoWoman {
  id: string;
  full_name: string;
  release_date: string | null;
  released_on: string | null;
  returned_on: string | null;
  supervision_end_date: string | null;
  intended_village_id: string | null;
  release_kind: string | null;
  handover_linked: boolean;
}

export async function seedDemoRelease(db: Trx, options: { today?: string } = {}) {
  const today = options.today ?? programToday();
  const users = await db.selectFrom('app_user').select(['id', 'username', 'full_name']).execute();
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`Demo user ${username} is missing`);
    return { id: found.id, name: found.full_name };
  };
  const binadik = user('lapas.binadik');
  const kabapas = user('kabapas');
  const pk = user('pk');
  const organizations = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', [LAPAS_ID, BAPAS_ID])
    .execute();
  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? '';

  const rows = await db
    .selectFrom('person as p')
    .innerJoin('custody as c', 'c.person_id', 'p.id')
    .select([
      'p.id',
      'p.full_name',
      'p.release_date',
      'p.released_on',
      'p.returned_on',
      'p.supervision_end_date',
      'p.intended_village_id',
      'c.release_kind',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('person_link as l')
            .select('l.id')
            .whereRef('l.person_id', '=', 'p.id')
            .where('l.kind', '=', 'handover')
            .where('l.active', '=', true),
        )
        .as('handover_linked'),
    )
    .where('p.organization_id', '=', LAPAS_ID)
    .orderBy('p.release_date')
    .orderBy('p.id')
    .execute();
  const women: DemoWoman[] = rows.map((row) => ({ ...row, handover_linked: Boolean(row.handover_linked) }));

  const at = (date: string, hour = 3) => `${date}T${String(hour).padStart(2, '0')}:00:00Z`;
  const events: Insertable<Database['person_event']>[] = [];
  const event = (
    personId: string,
    kind: string,
    date: string,
    actor: { id: string; name: string },
    organizationId: string,
    details: object = {},
  ) =>
    events.push({
      person_id: personId,
      at: at(date, 4),
      kind,
      visibility: 'corrections',
      actor_user_id: actor.id,
      actor_name: actor.name,
      organization_id: organizationId,
      organization_name: orgName(organizationId),
      details: JSON.stringify(details),
    });

  /** A plan made `madeOn`, with `assessed` of the eight pathways no longer "not started". */
  async function plan(woman: DemoWoman, madeOn: string, assessed: number, expectedRelease: string) {
    const row = await db
      .insertInto('reintegration_plan')
      .values({
        person_id: woman.id,
        organization_id: LAPAS_ID,
        intended_village_id: woman.intended_village_id,
        guarantee_letter_number: assessed >= 6 ? `470/${madeOn.slice(0, 4)}/${woman.id.slice(0, 4)}` : null,
        guarantee_acknowledged_on: assessed >= 6 ? addDays(madeOn, 10) : null,
        guarantee_acknowledged_by: assessed >= 6 ? 'Lurah (tanda tangan dan cap kelurahan)' : null,
        summary: 'Rencana disusun bersama warga binaan dan keluarga penjamin.',
        pathways_started: assessed,
        next_review_on: addDays(madeOn, 30) > today ? addDays(madeOn, 30) : addDays(today, 5),
        created_by: binadik.id,
        created_at: at(madeOn),
        updated_at: at(madeOn),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reintegration_pathway')
      .values(
        PATHWAYS.map((pathway, i) => ({
          plan_id: row.id,
          pathway,
          status: i < assessed ? (ASSESSED[i] as PathwayStatus) : ('not_started' as const),
          updated_by: binadik.id,
          updated_at: at(madeOn),
        })),
      )
      .execute();
    const history = PATHWAYS.slice(0, assessed).map((pathway, i) => ({
      plan_id: row.id,
      pathway,
      from_status: 'not_started',
      to_status: ASSESSED[i] as string,
      changed_by: binadik.id,
      changed_by_name: binadik.name,
      organization_name: orgName(LAPAS_ID),
      at: at(madeOn, 5),
    }));
    if (history.length) await db.insertInto('reintegration_status_change').values(history).execute();
    await db
      .insertInto('reintegration_need')
      .values([
        {
          plan_id: row.id,
          pathway: 'identity_documents',
          description: 'Perbarui KTP elektronik dan kartu BPJS Kesehatan sebelum bebas.',
          responsible_kind: 'prison',
          responsible_organization_id: LAPAS_ID,
          status: assessed >= 1 ? 'done' : 'open',
          due_on: addDays(expectedRelease, -14),
          created_by: binadik.id,
        },
        {
          plan_id: row.id,
          pathway: 'skills_work',
          description: 'Hubungkan dengan kelompok usaha jahit di kelurahan tujuan.',
          responsible_kind: 'village',
          responsible_organization_id: woman.intended_village_id,
          status: 'in_progress',
          due_on: addMonths(expectedRelease, 1),
          created_by: binadik.id,
        },
      ])
      .execute();
    const goal = await db
      .insertInto('reintegration_goal')
      .values({
        plan_id: row.id,
        pathway: 'skills_work',
        title: 'Bekerja atau membuka usaha jahit rumahan',
        horizon_months: 6,
        target_date: addMonths(expectedRelease, 6),
        created_by: binadik.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reintegration_goal_step')
      .values([
        {
          goal_id: goal.id,
          position: 1,
          title: 'Menyelesaikan pelatihan menjahit tingkat dasar',
          due_on: addDays(expectedRelease, -30),
          done_on: assessed >= 4 ? addDays(madeOn, 20) : null,
        },
        {
          goal_id: goal.id,
          position: 2,
          title: 'Mengikuti uji kompetensi menjahit',
          due_on: addDays(expectedRelease, -7),
          done_on: null,
        },
        {
          goal_id: goal.id,
          position: 3,
          title: 'Mendapat mesin jahit dari program kelurahan',
          due_on: addMonths(expectedRelease, 2),
          done_on: null,
        },
      ])
      .execute();
    event(woman.id, 'reintegration.plan_created', madeOn, binadik, LAPAS_ID);
    return row.id;
  }

  /** A handover sent `sentOn`, accepted the next days by the Bapas head for PK `pk` when `accepted`. */
  async function handover(
    woman: DemoWoman,
    planId: string,
    sentOn: string,
    accepted: boolean,
    expected: string,
  ) {
    const plan = await db
      .selectFrom('reintegration_plan')
      .select('guarantee_acknowledged_on')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    // The same snapshot the send step takes (plan summary, skills, documents, consents).
    const content = await buildPackage(db, woman.id, plan.guarantee_acknowledged_on);
    const row = await db
      .insertInto('handover')
      .values({
        person_id: woman.id,
        from_organization_id: LAPAS_ID,
        to_organization_id: BAPAS_ID,
        plan_id: planId,
        status: accepted ? 'accepted' : 'sent',
        package: JSON.stringify({ takenAt: at(sentOn), ...content }),
        note: 'Paket serah terima: rencana reintegrasi, keterampilan, dokumen dan persetujuan.',
        expected_release_date: expected,
        sent_by: binadik.id,
        sent_by_name: binadik.name,
        sent_at: at(sentOn),
        decided_by: accepted ? kabapas.id : null,
        decided_by_name: accepted ? kabapas.name : null,
        decided_at: accepted ? at(addDays(sentOn, 3)) : null,
        officer_user_id: accepted ? pk.id : null,
        updated_at: at(accepted ? addDays(sentOn, 3) : sentOn),
      } as Insertable<Database['handover']>)
      .returning('id')
      .executeTakeFirstOrThrow();
    const handoverEvents: Insertable<Database['handover_event']>[] = [
      {
        handover_id: row.id,
        action: 'sent',
        note: null,
        actor_user_id: binadik.id,
        actor_name: binadik.name,
        organization_name: orgName(LAPAS_ID),
        at: at(sentOn),
      },
    ];
    event(woman.id, 'handover.sent', sentOn, binadik, LAPAS_ID, { organizationId: BAPAS_ID });
    if (accepted) {
      handoverEvents.push({
        handover_id: row.id,
        action: 'accepted',
        note: `PK: ${pk.name}`,
        actor_user_id: kabapas.id,
        actor_name: kabapas.name,
        organization_name: orgName(BAPAS_ID),
        at: at(addDays(sentOn, 3)),
      });
      event(woman.id, 'handover.accepted', addDays(sentOn, 3), kabapas, BAPAS_ID, { officerName: pk.name });
    } else {
      await db
        .insertInto('notification')
        .values({
          user_id: kabapas.id,
          kind: 'handover_sent',
          person_id: woman.id,
          params: JSON.stringify({ organizationName: orgName(LAPAS_ID) }),
          link: `/warga/${woman.id}?tab=pembebasan`,
          created_at: at(sentOn),
        })
        .execute();
    }
    await db.insertInto('handover_event').values(handoverEvents).execute();
    // The Bapas sees her through the handover link (issue 3's access); the people seed made it for parole.
    if (!woman.handover_linked)
      await db
        .insertInto('person_link')
        .values({
          person_id: woman.id,
          organization_id: BAPAS_ID,
          kind: 'handover',
          note: 'Serah terima ke Bapas.',
          created_by: binadik.id,
          created_at: at(sentOn),
        })
        .execute();
  }

  /** Monthly reporting from release to today; `missLast` of the last due visits were missed. */
  async function supervise(woman: DemoWoman, releasedOn: string, missLast: number, endedOn: string | null) {
    const until = endedOn && endedOn < today ? endedOn : today;
    const due: string[] = [];
    for (let month = 1; addMonths(releasedOn, month) <= until; month++)
      due.push(addMonths(releasedOn, month));
    const sessions: Insertable<Database['supervision_session']>[] = due.map((dueOn, i) => {
      const missed = i >= due.length - missLast;
      return {
        person_id: woman.id,
        organization_id: BAPAS_ID,
        officer_user_id: pk.id,
        kind: i % 3 === 2 ? 'home_visit' : 'reporting_visit',
        place_kind: i % 3 === 2 ? 'home' : 'bapas',
        place: i % 3 === 2 ? 'Rumah penjamin' : 'Bapas Semarang, Jl. Siliwangi 508',
        due_on: dueOn,
        held_on: missed ? dueOn : addDays(dueOn, i % 2),
        outcome: missed ? 'missed' : 'attended',
        notes: missed
          ? 'Klien tidak datang wajib lapor dan tidak dapat dihubungi.'
          : 'Klien hadir, menceritakan kegiatan usaha dan keadaan keluarga.',
        next_steps: missed
          ? 'Hubungi penjamin dan jadwalkan kunjungan rumah.'
          : 'Lanjutkan wajib lapor bulan depan.',
        recorded_by: pk.id,
        recorded_by_name: pk.name,
        created_at: at(missed ? dueOn : addDays(dueOn, i % 2), 6),
      };
    });
    if (sessions.length) {
      const stored = await db
        .insertInto('supervision_session')
        .values(sessions)
        .returning(['id', 'held_on', 'outcome'])
        .execute();
      let missedRun = 0;
      for (const session of stored) {
        if (session.outcome !== 'missed') {
          missedRun = 0;
          continue;
        }
        missedRun += 1;
        const level = escalationLevelFor(missedRun);
        if (!level) continue;
        await db
          .insertInto('supervision_escalation')
          .values({
            person_id: woman.id,
            organization_id: BAPAS_ID,
            session_id: session.id,
            level,
            note: 'Tercatat otomatis karena klien tidak hadir.',
            created_by: pk.id,
            created_by_name: pk.name,
            created_at: at(session.held_on, 7),
          })
          .execute();
        event(woman.id, 'supervision.escalated', session.held_on, pk, BAPAS_ID, { level });
      }
      for (const session of stored)
        event(woman.id, 'supervision.session_recorded', session.held_on, pk, BAPAS_ID, {
          outcome: session.outcome,
        });
    }
    const kept = sessions.filter((s) => s.outcome !== 'missed').map((s) => s.held_on as string);
    await db
      .insertInto('supervision_schedule')
      .values({
        person_id: woman.id,
        organization_id: BAPAS_ID,
        kind: 'reporting_visit',
        interval: 'monthly',
        place: 'Bapas Semarang, Jl. Siliwangi 508',
        starts_on: releasedOn,
        next_due_on:
          endedOn && endedOn <= today ? null : nextDueOn(releasedOn, 'monthly', kept.at(-1) ?? null),
        active: !(endedOn && endedOn <= today),
        ended_on: endedOn && endedOn <= today ? endedOn : null,
        ended_reason: endedOn && endedOn <= today ? 'supervision_ended' : null,
        updated_by: pk.id,
      })
      .execute();
  }

  /** Outcome checks for every window already due, but `skipLatest` of the latest left undone. */
  async function outcomes(
    woman: DemoWoman,
    releasedOn: string,
    skipLatest: number,
    recorder: { id: string; name: string },
    organizationId: string,
  ) {
    const due = OUTCOME_WINDOWS.filter((w) => outcomeDueOn(releasedOn, w) <= today);
    const recorded = due.slice(0, Math.max(0, due.length - skipLatest));
    const rows: Insertable<Database['outcome_check']>[] = recorded.map((windowMonths, i) => {
      const dueOn = outcomeDueOn(releasedOn, windowMonths);
      const returned = woman.returned_on !== null && woman.returned_on <= dueOn;
      return {
        person_id: woman.id,
        organization_id: organizationId,
        window_months: windowMonths,
        due_on: dueOn,
        checked_on: returned ? (woman.returned_on as string) : addDays(dueOn, 3),
        work_status: returned ? null : i === 0 ? 'in_training' : i % 2 ? 'self_employed' : 'employed',
        income_band: returned ? null : i === 0 ? 'none' : i % 2 ? '1m_2m' : '2m_3m',
        business_started: returned ? null : i % 2 === 1,
        housing_stable: returned ? null : true,
        in_host_village: returned ? null : true,
        returned_to_custody_on: returned ? woman.returned_on : null,
        note: returned ? 'Kembali ke lapas.' : 'Dipantau melalui wajib lapor dan kunjungan rumah.',
        recorded_by: recorder.id,
        recorded_by_name: recorder.name,
      };
    });
    if (rows.length) await db.insertInto('outcome_check').values(rows).execute();
    for (const row of rows)
      event(woman.id, 'outcome.recorded', row.checked_on as string, recorder, organizationId, {
        windowMonths: row.window_months,
      });
  }

  const released = women.filter((w) => w.released_on !== null);
  const onParole = released.filter((w) => w.handover_linked && w.returned_on === null);
  const supervisedIndex = new Map(onParole.map((w, i) => [w.id, i]));
  for (const woman of released) {
    const releasedOn = woman.released_on as string;
    const planId = await plan(woman, addDays(releasedOn, -75), 8, releasedOn);
    if (supervisedIndex.has(woman.id)) {
      await handover(woman, planId, addDays(releasedOn, -30), true, releasedOn);
      const missing = supervisedIndex.get(woman.id) === DEMO_RELEASE.missingClientIndex ? 2 : 0;
      await supervise(woman, releasedOn, missing, woman.supervision_end_date);
      await outcomes(woman, releasedOn, supervisedIndex.get(woman.id) === 0 ? 1 : 0, pk, BAPAS_ID);
    } else {
      await outcomes(woman, releasedOn, 0, binadik, LAPAS_ID);
    }
  }

  // The soonest releases still inside: plans at different stages, one handover waiting for the Bapas head.
  const soonest = women.filter(
    (w) => w.released_on === null && w.release_date !== null && w.release_date > today,
  );
  for (const [i, woman] of soonest.slice(0, DEMO_RELEASE.plannedBeforeRelease).entries()) {
    const expected = woman.release_date as string;
    const planId = await plan(woman, addDays(today, -40 + i * 7), [8, 5, 3, 1][i] ?? 1, expected);
    if (i === DEMO_RELEASE.handoverWaitingIndex)
      await handover(woman, planId, addDays(today, -2), false, expected);
  }

  if (events.length) await db.insertInto('person_event').values(events).execute();
}
