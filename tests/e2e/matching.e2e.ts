import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_CATERING_ID } from '../../src/server/db/seed/demo-villages.ts';
import { LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import { createMatchablePerson } from '../factories/matching.ts';
import { createOpportunity } from '../factories/opportunities.ts';
import { villageByCode } from '../factories/villages.ts';
import {
  CandidatesTab,
  ComparisonDialog,
  formatPoints,
  overflowingRight,
  PersonMatchesTab,
} from './pages/matching.ts';
import { plusDays } from './pages/training.ts';
import { horizontalOverflow, notification, OpportunityPage, Pipeline, signInAs } from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// Matching in the browser, on the demo data: prison staff open a released woman's "Peluang cocok" tab, read
// each option's score and reasons, compare two side by side, propose the best with one click (the placement
// carries the score and the weights version), set another aside with a reason and bring it back; a kelurahan
// officer sees an opportunity's candidates among the women who consented to her only, without the review
// of restrictions that prison staff see; and the tab reads on a phone without sideways scrolling.

const journey = journeyHooks();
const newPage = journey.newPage;

const KROBOKAN = '33.74.13.1013';
const FACTORS = [
  'Keterampilan wajib',
  'Keterampilan opsional',
  'Lokasi',
  'Waktu mulai',
  'Minat dan pola kerja',
  'Kebutuhan kelurahan',
];

interface Woman {
  id: string;
  full_name: string;
}

/**
 * Women the prison released (not returned) whatever the day: free to start now, with a current consent
 * naming every partner and kelurahan of the program (the demo's job-seeking consent), a name nobody else
 * has, and no placement running, so every open opportunity is weighed for them.
 */
async function releasedWomen(): Promise<Woman[]> {
  const { rows } = await sql<Woman>`
    select p.id, p.full_name
    from person p
    where p.organization_id = ${LAPAS_ID} and p.anonymized_at is null
      and p.released_on is not null and p.returned_on is null
      and (select count(*) from person q where q.full_name = p.full_name) = 1
      and exists (
        select 1 from consent c
        where c.person_id = p.id and c.withdrawn_on is null and c.given_on <= ${jakartaToday()}
          and c.recipient_kinds @> ${JSON.stringify(['partner', 'village'])}::jsonb)
      and not exists (
        select 1 from placement pl
        where pl.person_id = p.id and pl.stage not in ('ended', 'unsuccessful'))
    order by p.full_name`.execute(journey.server.database.db);
  return rows;
}

async function user(username: string) {
  return journey.server.database.db
    .selectFrom('app_user')
    .innerJoin('organization', 'organization.id', 'app_user.organization_id')
    .select(['app_user.id', 'app_user.full_name', 'organization.short_name as organization'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

async function opportunityId(title: string) {
  const row = await journey.server.database.db
    .selectFrom('opportunity')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The score the server recorded when it showed the pair under a weights version. */
async function recordedScore(personId: string, opportunity: string, ruleVersion: number) {
  const row = await journey.server.database.db
    .selectFrom('match_recommendation')
    .select(['score', 'gate'])
    .where('person_id', '=', personId)
    .where('opportunity_id', '=', opportunity)
    .where('rule_version', '=', ruleVersion)
    .executeTakeFirst();
  return row ? { score: Number(row.score), gate: row.gate } : null;
}

describe('prison staff and a released woman’s recommendations', () => {
  it('reads scores and reasons, compares two, proposes one, sets one aside and brings it back', async () => {
    const [woman] = await releasedWomen();
    if (!woman) throw new Error('the demo data hold no released woman who consented to the program');
    const staff = await user('lapas.binadik');
    const note = 'Diusulkan dari peluang cocok: ia ingin bekerja dekat rumah (uji e2e).';
    const asideNote = 'Jaraknya terlalu jauh dari rumah ibunya (uji e2e).';

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'lapas.binadik');
    await page.goto(`${journey.server.baseUrl}/warga/${woman.id}`);
    await page.getByRole('heading', { level: 1, name: woman.full_name }).waitFor();
    const matches = new PersonMatchesTab(page, journey.server.baseUrl);
    await matches.tab().click();
    await matches.heading().waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('peluang');
    await matches.cards().first().waitFor();
    await matches.summary().waitFor();
    await expectAccessible(page, 'recommendations of a released woman');

    // Best first, each with its score (as the server recorded it, under the weights version shown),
    // what each factor adds, and the reasons in Indonesian.
    const titles = await matches.titles();
    expect(titles.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = titles as [string, string, string];
    const scores: number[] = [];
    for (const title of titles) {
      const score = await matches.score(title);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      const version = await matches.ruleVersion(title);
      expect(await recordedScore(woman.id, await opportunityId(title), version)).toEqual({
        score,
        gate: 'eligible',
      });
      scores.push(score);
    }
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const title of [first, second, third]) {
      expect(await matches.factors(title)).toEqual(FACTORS);
      const reasons = await matches.reasons(title);
      // She is free: when she can start is said in days from now, and where it is against where she lives.
      expect(reasons).toContainEqual(expect.stringMatching(/^(dapat segera mulai|mulai \d+ hari lagi)$/));
      expect(reasons).toContainEqual(
        expect.stringMatching(
          /kelurahan yang sama|kecamatan yang sama|kota yang sama|di luar kota|belum tercatat/,
        ),
      );
      for (const reason of reasons) expect(reason).not.toMatch(/\b(the|she|her|lives|starts)\b/);
    }

    // The first two side by side: the score row and the verdict agree with the cards.
    const [firstScore, secondScore] = scores as [number, number];
    const firstReasons = await matches.reasons(first);
    const comparison = new ComparisonDialog(await matches.compare(first, second));
    expect(new URL(page.url()).searchParams.get('bandingkan')).toBe(
      `${await opportunityId(first)},${await opportunityId(second)}`,
    );
    expect(await comparison.titles()).toEqual([first, second]);
    expect(await comparison.scores()).toEqual([firstScore, secondScore]);
    const gap = Math.round((firstScore - secondScore) * 10) / 10;
    expect(await comparison.verdict()).toBe(
      gap === 0
        ? 'Kedua pilihan sama cocoknya.'
        : `Pilihan 1 lebih cocok dengan selisih ${formatPoints(gap)} poin.`,
    );
    expect(await comparison.factorNames()).toEqual([...FACTORS, 'Skor']);
    expect(await comparison.row('Skor')).toEqual([
      formatPoints(firstScore),
      formatPoints(secondScore),
      gap === 0 ? '0' : `+${formatPoints(gap)}`,
    ]);
    expect(await comparison.reasons(1)).toEqual(firstReasons);
    await expectAccessible(page, 'comparison of two opportunities');
    const compared = await journey.server.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'match.compared')
      .where('actor_user_id', '=', staff.id)
      .where('subject_id', '=', woman.id)
      .execute();
    expect(compared.length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await comparison.dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('bandingkan')).toBeNull();
    await page.getByRole('button', { name: 'Selesai membandingkan' }).click();
    await matches.compareButton().waitFor();

    // One click (and a note) proposes her for the best: the card says so, the placement keeps the score.
    const version = await matches.ruleVersion(first);
    const proposal = await matches.propose(first, woman.full_name, note);
    await proposal.waitFor({ state: 'detached' });
    await notification(page, `${woman.full_name} diusulkan untuk ${first}.`).waitFor();
    const proposed = matches.card(first);
    await proposed.getByText('Sudah diusulkan', { exact: true }).waitFor();
    await proposed.getByRole('link', { name: 'Lihat penempatan' }).waitFor();
    expect(await matches.proposeButton(first).count()).toBe(0);
    await expectAccessible(page, 'recommendation proposed');
    const placement = await journey.server.database.db
      .selectFrom('placement')
      .selectAll()
      .where('person_id', '=', woman.id)
      .where('opportunity_id', '=', await opportunityId(first))
      .executeTakeFirstOrThrow();
    expect(placement).toMatchObject({ stage: 'proposed', match_rule_version: version, plan_id: null });
    expect(Number(placement.match_score)).toBe(firstScore);
    expect(placement.match_factors).not.toBeNull();

    // The third is set aside with a reason: gone from the list, kept under "Disisihkan (1)" with who and why.
    const thirdId = await opportunityId(third);
    const aside = await matches.dismiss(third, 'Jarak atau transportasi', asideNote);
    await aside.waitFor({ state: 'detached' });
    await notification(page, `Peluang ${third} disisihkan.`).waitFor();
    await matches.card(third).waitFor({ state: 'detached' });
    await expect.poll(() => matches.dismissedToggle().textContent()).toBe('Disisihkan (1)');
    const entry = await matches.dismissedEntry(third);
    await entry.waitFor();
    const entryText = (await entry.textContent()) ?? '';
    expect(entryText).toMatch(
      new RegExp(
        `Disisihkan oleh ${staff.full_name} \\(${staff.organization}\\) pada \\d{2}/\\d{2}/\\d{4} \\d{2}[.:]\\d{2}`,
      ),
    );
    expect(entryText).toContain('Alasan: Jarak atau transportasi');
    expect(entryText).toContain(`Catatan: ${asideNote}`);
    await expectAccessible(page, 'recommendation set aside');
    const decisions = () =>
      journey.server.database.db
        .selectFrom('match_decision')
        .select(['kind', 'reason_code', 'note', 'decided_by', 'revoked_at'])
        .where('person_id', '=', woman.id)
        .where('opportunity_id', '=', thirdId)
        .execute();
    expect(await decisions()).toEqual([
      {
        kind: 'dismissed',
        reason_code: 'distance_or_transport',
        note: asideNote,
        decided_by: staff.id,
        revoked_at: null,
      },
    ]);

    // …and brought back: recommended again, the set-aside kept on record as revoked.
    await matches.restoreButton(third).click();
    await notification(page, `Peluang ${third} dikembalikan ke daftar.`).waitFor();
    await matches.card(third).waitFor();
    await matches.dismissedToggle().waitFor({ state: 'detached' });
    const [revoked] = await decisions();
    expect(revoked?.revoked_at).not.toBeNull();
    expect(await matches.dismissButton(third).count()).toBe(1);

    // The proposal is in her Penempatan tab, at its first stage.
    await proposed.getByRole('link', { name: 'Lihat penempatan' }).click();
    await page.getByRole('tab', { name: 'Penempatan', exact: true, selected: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('penempatan');
    const pipeline = new Pipeline(page, page.getByRole('tabpanel'));
    await pipeline.cards('Diusulkan').filter({ hasText: first }).waitFor();
    await expectAccessible(page, 'her placements after the proposal');

    // Asked again, the pair in her pipeline is no longer suggested, and the tab says how many are.
    await matches.open(woman.id);
    await matches.cards().first().waitFor();
    expect(await matches.titles()).not.toContain(first);
    await page.getByText(/^1 peluang lain sudah dalam alur penempatannya\./).waitFor();
  }, 120_000);
});

describe('a kelurahan officer and the candidates of an opportunity in her kelurahan', () => {
  it('lists only women who consented to her, none in review, and no review section', async () => {
    const db = journey.server.database.db;
    const today = jakartaToday();
    const krobokan = await villageByCode(db, KROBOKAN);
    const title = `Juru masak katering pesanan ${today} (uji e2e)`;
    const opportunity = await createOpportunity(db, {
      partnerId: DEMO_CATERING_ID,
      villageId: krobokan.id,
      title,
      sector: 'food',
      places: 3,
      startOn: plusDays(today, 14),
      closesOn: plusDays(today, 45),
      restrictedOffences: ['narcotics'],
      restrictionNote: 'Dapur sekolah: tinjau dahulu riwayat narkotika.',
      skills: [{ code: 'food.catering' }, { code: 'food.cooking', essential: false }],
    });
    // Three released cooks, equally able: one consented to the program's partners and kelurahan; one to
    // the caterer only (not to Krobokan); one consented too, but the kitchen's restriction touches her offence.
    const cook = (
      fullName: string,
      offence: string,
      consent: { organizationIds?: string[]; kinds?: string[] },
    ) =>
      createMatchablePerson(db, {
        fullName,
        skills: [
          { code: 'food.catering', level: 'intermediate', evidence: 'certified' },
          { code: 'food.cooking', level: 'intermediate', evidence: 'trained' },
        ],
        preferredSectors: ['food'],
        intendedVillageId: krobokan.id,
        releasedOn: plusDays(today, -20),
        offence,
        consent,
      });
    const consented = await cook('Wulandari Puspitasari (uji e2e)', 'theft', {
      kinds: ['partner', 'village'],
    });
    const notConsented = await cook('Yuliana Kartikasari (uji e2e)', 'theft', {
      organizationIds: [DEMO_CATERING_ID],
    });
    const restricted = await cook('Sri Rejeki Handayani (uji e2e)', 'narcotics', {
      kinds: ['partner', 'village'],
    });

    // Prison staff see her candidates, with the restricted pair waiting in their review.
    const staff = await newPage();
    await signInAs(staff, journey.server.baseUrl, 'lapas.binadik');
    const staffTab = new CandidatesTab(staff, journey.server.baseUrl);
    await staffTab.open(opportunity.id);
    await staffTab.candidate(consented.full_name).waitFor();
    await staffTab.proposeButton(consented.full_name).waitFor();
    await staffTab.review().getByRole('heading', { name: restricted.full_name }).waitFor();
    expect(await staffTab.names()).not.toContain(notConsented.full_name);
    await expectAccessible(staff, 'candidates seen by prison staff');

    // The kelurahan officer: the opportunity's "Kandidat" tab.
    const officer = await newPage();
    await signInAs(officer, journey.server.baseUrl, 'kelurahan.krobokan');
    const page = new OpportunityPage(officer, journey.server.baseUrl);
    await page.open(opportunity.id);
    await page.heading(title).waitFor();
    const tab = new CandidatesTab(officer, journey.server.baseUrl);
    await tab.tab().click();
    await tab.region().waitFor();
    expect(new URL(officer.url()).searchParams.get('tab')).toBe('kandidat');
    await tab.candidate(consented.full_name).waitFor();
    await expectAccessible(officer, 'candidates seen by a kelurahan officer');

    const names = await tab.names();
    expect(names).toContain(consented.full_name);
    expect(names).not.toContain(notConsented.full_name);
    expect(names).not.toContain(restricted.full_name);
    const text = (await officer.getByRole('main').textContent()) ?? '';
    expect(text).not.toContain(notConsented.full_name);
    expect(text).not.toContain(restricted.full_name);
    expect(await tab.review().count()).toBe(0);
    expect(await officer.getByRole('button', { name: /^(Izinkan|Tolak|Usulkan)/ }).count()).toBe(0);
    const reasons = await tab.reasons(consented.full_name);
    expect(reasons).toContain('akan tinggal di kelurahan yang sama');
    for (const reason of reasons) expect(reason).not.toMatch(/narkotika|pencurian|pidana|pembatasan/i);

    // Every woman listed consented to Krobokan, and only such women were weighed at all.
    const visible = sql<boolean>`exists (
      select 1 from consent c
      where c.person_id = p.id and c.withdrawn_on is null and c.given_on <= ${today}
        and (c.recipient_organization_ids @> ${JSON.stringify([krobokan.id])}::jsonb
          or c.recipient_kinds @> ${JSON.stringify(['village'])}::jsonb))`;
    const { rows: consenting } = await sql<{ full_name: string }>`
      select p.full_name from person p where p.anonymized_at is null and ${visible}`.execute(db);
    const consentingNames = new Set(consenting.map((row) => row.full_name));
    for (const name of names) expect(consentingNames.has(name), `${name} consented to Krobokan`).toBe(true);
    expect(consentingNames.has(notConsented.full_name)).toBe(false);
    const summary = await tab.summary();
    expect(summary.shown).toBe(names.length);
    expect(summary.evaluated).toBe(consenting.length);
  });
});

describe('the Peluang cocok tab on a phone (390 px)', () => {
  it('shows every card within the screen, without sideways scroll, and the comparison too', async () => {
    const women = await releasedWomen();
    const woman = women[1] ?? women[0];
    if (!woman) throw new Error('the demo data hold no released woman who consented to the program');
    const page = await newPage({ width: 390, height: 844 });
    await signInAs(page, journey.server.baseUrl, 'lapas.binadik');
    const matches = new PersonMatchesTab(page, journey.server.baseUrl);
    await matches.open(woman.id);
    await matches.cards().first().waitFor();
    const titles = await matches.titles();
    expect(titles.length).toBeGreaterThanOrEqual(2);
    const [first, second] = titles as [string, string];

    expect(await horizontalOverflow(page), 'page overflow at 390 px').toBeLessThanOrEqual(0);
    expect(await overflowingRight(matches.cards(), 390)).toEqual([]);
    expect(await overflowingRight(matches.list().getByRole('button'), 390)).toEqual([]);
    await matches.proposeButton(first).scrollIntoViewIfNeeded();
    expect(await matches.proposeButton(first).isVisible()).toBe(true);
    // The title and the score are read at a readable size.
    const fontSize = (locator: ReturnType<typeof matches.card>) =>
      locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(await fontSize(matches.card(first).getByRole('heading', { level: 3 }))).toBeGreaterThanOrEqual(14);
    expect(
      await fontSize(matches.card(first).getByRole('heading', { name: 'Alasan' })),
    ).toBeGreaterThanOrEqual(12);
    await expectAccessible(page, 'recommendations at 390 px');

    const comparison = new ComparisonDialog(await matches.compare(first, second));
    expect(await comparison.titles()).toEqual([first, second]);
    expect(await horizontalOverflow(page), 'comparison overflow at 390 px').toBeLessThanOrEqual(0);
    expect(await overflowingRight(comparison.dialog.getByRole('region'), 390)).toEqual([]);
    await expectAccessible(page, 'comparison at 390 px');
  });
});
