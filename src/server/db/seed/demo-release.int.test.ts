import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { HandoverList, PersonHandovers } from '../../../shared/handovers.ts';
import type { CohortResponse } from '../../../shared/outcomes.ts';
import type { PrereleaseList } from '../../../shared/prerelease.ts';
import type { CaseloadResponse, PersonSupervision } from '../../../shared/supervision.ts';
import type { TaskSummary } from '../../../shared/tasks.ts';
import { DEMO_PASSWORD } from '../../../shared/vocabulary.ts';
import { DEMO_RELEASE } from './demo-release.ts';

// The demo's release-and-after data (issue 7) through the API, as each demo role would meet it: the stored
// packages must pass the response schemas, and every screen of the journey has something to show.

let t: TestApp;
const as: Record<string, Session> = {};
const get = async <T>(name: string, url: string): Promise<T> => {
  const response = await (as[name] as Session).request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  for (const name of ['lapas.binadik', 'kabapas', 'pk', 'viewer'])
    as[name] = await signIn(t.app, name, DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('demo release and after', () => {
  it('gives the PK a caseload with visits, one client behind on reporting with open escalations', async () => {
    const caseload = await get<CaseloadResponse>('pk', '/api/supervision/caseload?scope=own');
    expect(caseload.total).toBeGreaterThanOrEqual(3);
    const behind = caseload.items.filter((client) => client.openEscalation !== null);
    expect(behind).toHaveLength(1);
    const [client] = behind;
    const view = await get<PersonSupervision>('pk', `/api/people/${client?.personId}/supervision`);
    expect(view.sessions.slice(0, 2).map((s) => s.outcome)).toEqual(['missed', 'missed']);
    expect(view.escalations.map((e) => e.level).sort()).toEqual(['reminder', 'warning']);
    expect(view.schedule?.nextDueOn && view.schedule.nextDueOn < new Date().toISOString().slice(0, 10)).toBe(
      true,
    );
  });

  it('leaves the Bapas head one handover to decide, with the package the send step takes', async () => {
    const summary = await get<TaskSummary>('kabapas', '/api/tasks/summary');
    expect(summary.kinds.find((k) => k.kind === 'handover_to_decide')?.count).toBe(1);
    const list = await get<HandoverList>('kabapas', '/api/handovers?status=sent');
    expect(list.items).toHaveLength(1);
    const handovers = await get<PersonHandovers>(
      'kabapas',
      `/api/people/${list.items[0]?.person.id}/handovers`,
    );
    const [sent] = handovers.items;
    expect(sent?.status).toBe('sent');
    expect(sent?.package.plan.total).toBe(8);
  });

  it('shows the prison the soonest releases with plans at four stages and the others missing one', async () => {
    const list = await get<PrereleaseList>('lapas.binadik', '/api/prerelease?windowDays=180&sort=date');
    const planned = list.items.filter((item) => item.completeness !== null);
    expect(planned.map((item) => item.completeness).sort((a, b) => Number(b) - Number(a))).toEqual(
      [100, 63, 38, 13].slice(0, DEMO_RELEASE.plannedBeforeRelease),
    );
    expect(list.items.some((item) => item.missing.some((m) => m.item === 'no_plan'))).toBe(true);
    expect(planned.filter((item) => item.handover.state === 'sent')).toHaveLength(1);
  });

  it('gives the cohort view released women with checks recorded', async () => {
    // The Bapas head sees the small counts (a viewer sees "< 5").
    const cohorts = await get<CohortResponse>('kabapas', '/api/outcomes/cohorts');
    const sizes = cohorts.rows.reduce((sum, row) => sum + Number(row.size), 0);
    const released = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('released_on', '>=', cohorts.rows[0]?.from as string)
      .execute();
    expect(sizes).toBe(released.length);
    expect(sizes).toBeGreaterThanOrEqual(5);
    const checked = cohorts.rows.flatMap((row) => row.cells).filter((cell) => cell !== null);
    expect(checked.some((cell) => Number(cell?.checks) > 0)).toBe(true);
  });
});
