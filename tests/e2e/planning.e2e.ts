import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import { createMatchablePerson } from '../factories/matching.ts';
import { createOpportunity } from '../factories/opportunities.ts';
import { villageByCode } from '../factories/villages.ts';
import {
  FairnessPage,
  formatPlanScore,
  PersonMatchesTab,
  PlanListPage,
  PlanPage,
  parsePoints,
  planningTabs,
  TrainingGapPage,
} from './pages/matching.ts';
import { AppShell } from './pages/pages.ts';
import { byLabel } from './pages/people.ts';
import { RulesPage } from './pages/records.ts';
import { pickDate, plusDays, shown } from './pages/training.ts';
import { notification, signInAs } from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// Planning in the browser, on the demo data: prison staff make a placement plan for the coming year's
// releases, read its total beside the simple (greedy) assignment and why the others have no place, and
// accept it (the proposals carry the plan); the training-gap table and its XLSX export; the fairness report
// for the viewer, who sees planning but no plan; and an administrator saving new matching weights.

const journey = journeyHooks();
const newPage = journey.newPage;

const KROBOKAN = '33.74.13.1013';

/** The unassigned reasons' sentences, as the plan page says them (their words without the figures). */
const UNASSIGNED_TEXTS: Record<string, RegExp> = {
  no_eligible_opportunity: /Tidak ada peluang terbuka yang memenuhi syarat untuknya\./,
  below_min_score: /Ada peluang yang terbuka untuknya, tetapi skor tertingginya/,
  restriction_review: /peluang untuknya menunggu peninjauan pembatasan/,
  places_taken: /Ia cocok untuk \d+ peluang, tetapi tempatnya diberikan kepada orang lain/,
  removed_by_staff: /Tempatnya dikosongkan oleh petugas\./,
};

describe('prison staff plan the placements of a release window', () => {
  it('make a plan that beats the greedy total, read why the others have no place, and accept it', async () => {
    const db = journey.server.database.db;
    const today = jakartaToday();
    const windowTo = plusDays(today, 365);
    const krobokan = await villageByCode(db, KROBOKAN);

    // Beside the demo data, two kitchens with one place each and three cooks released today, who consented
    // to these two partners only: Ayu fits both (best the catering kitchen, certified), Bunga and Citra only
    // the catering kitchen (trained, and self-taught). Highest score first gives Ayu the catering place and
    // leaves the others nothing; the best plan sends Ayu to the home kitchen and Bunga to catering.
    const kitchen = (title: string, skill: string) =>
      createOpportunity(db, {
        villageId: krobokan.id,
        title: `${title} ${today} (uji rencana)`,
        sector: 'food',
        places: 1,
        startOn: plusDays(today, 14),
        closesOn: plusDays(today, 45),
        skills: [{ code: skill }],
      });
    const catering = await kitchen('Juru masak katering kantor', 'food.catering');
    const homeKitchen = await kitchen('Juru masak dapur rumahan', 'food.cooking');
    const cook = (
      fullName: string,
      skills: { code: string; evidence: 'certified' | 'trained' | 'self_reported' }[],
      partners: string[],
    ) =>
      createMatchablePerson(db, {
        fullName,
        skills: skills.map((skill) => ({ ...skill, level: 'intermediate' as const })),
        preferredSectors: ['food'],
        intendedVillageId: krobokan.id,
        releasedOn: today,
        consent: { organizationIds: [...partners, krobokan.id] },
      });
    const ayu = await cook(
      'Ayu Wandira (uji rencana)',
      [
        { code: 'food.catering', evidence: 'certified' },
        { code: 'food.cooking', evidence: 'trained' },
      ],
      [catering.partner_id, homeKitchen.partner_id],
    );
    const bunga = await cook(
      'Bunga Maharani (uji rencana)',
      [{ code: 'food.catering', evidence: 'trained' }],
      [catering.partner_id],
    );
    const citra = await cook(
      'Citra Kirana (uji rencana)',
      [{ code: 'food.catering', evidence: 'self_reported' }],
      [catering.partner_id],
    );

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'lapas.binadik');
    await new AppShell(page).go('Perencanaan');
    const list = new PlanListPage(page, journey.server.baseUrl);
    await list.region().waitFor();
    expect(new URL(page.url()).pathname).toBe('/perencanaan/penempatan');
    // The fairness report is for the heads of the prison and Bapas, not for her.
    expect(await planningTabs(page)).toEqual(['Rencana penempatan', 'Kesenjangan pelatihan']);
    await expectAccessible(page, 'placement plans');

    // The window: from today (the form's own start) to a year on.
    const dialog = await list.openCreate();
    expect(await byLabel(dialog, 'Bebas mulai tanggal').textContent()).toBe(shown(today));
    await pickDate(page, 'Bebas sampai tanggal', windowTo, dialog);
    expect(await byLabel(dialog, 'Bebas sampai tanggal').textContent()).toBe(shown(windowTo));
    await expectAccessible(page, 'new plan dialog');
    await dialog.getByRole('button', { name: 'Buat rencana', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const window = `${shown(today)} – ${shown(windowTo)}`;
    const plan = new PlanPage(page);
    await plan.heading(window).waitFor();
    const planId = plan.id();
    const stored = await db
      .selectFrom('placement_plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'draft', window_from: today, window_to: windowTo });
    await notification(
      page,
      `Rencana dibuat: ${stored.assigned_count} dari ${stored.people_count} orang mendapat tempat.`,
    ).waitFor();
    const items = await db
      .selectFrom('placement_plan_item as i')
      .innerJoin('person as p', 'p.id', 'i.person_id')
      .leftJoin('opportunity as o', 'o.id', 'i.opportunity_id')
      .select([
        'p.full_name',
        'i.person_id',
        'i.opportunity_id',
        'o.title',
        'i.score',
        'i.unassigned_reason',
        'i.unassigned_params',
      ])
      .where('i.plan_id', '=', planId)
      .execute();
    const itemOf = (personId: string) => items.find((item) => item.person_id === personId);
    expect(itemOf(ayu.id)).toMatchObject({ opportunity_id: homeKitchen.id, unassigned_reason: null });
    expect(itemOf(bunga.id)).toMatchObject({ opportunity_id: catering.id, unassigned_reason: null });
    expect(itemOf(citra.id)).toMatchObject({ opportunity_id: null, unassigned_reason: 'places_taken' });

    // The summary: the plan's total beside highest-score-first, which places one woman fewer.
    const total = Number(stored.total_score);
    const greedy = Number(stored.greedy_total);
    expect(total).toBeGreaterThan(greedy);
    expect(stored.greedy_assigned).toBe(stored.assigned_count - 1);
    expect(await plan.figure('Warga binaan dalam rentang')).toBe(String(stored.people_count));
    expect(await plan.figure('Mendapat tempat')).toBe(
      `${stored.assigned_count} dari ${stored.people_count} orang`,
    );
    expect(parsePoints(await plan.figure('Jumlah skor'))).toBe(total);
    expect(await plan.figure('Hasil perhitungan optimal')).toBe(
      `${formatPlanScore(total)} untuk ${stored.assigned_count} orang`,
    );
    expect(await plan.figure('Cara sederhana (skor tertinggi dahulu)')).toBe(
      `${formatPlanScore(greedy)} untuk ${stored.greedy_assigned} orang`,
    );
    expect(await plan.comparison().textContent()).toBe(
      `Rencana ini ${formatPlanScore(total - greedy)} poin lebih tinggi daripada cara sederhana.`,
    );

    // Who has a place, where, with what score; who has none, and why.
    const assigned = items.filter((item) => item.opportunity_id !== null);
    const unassigned = items.filter((item) => item.opportunity_id === null);
    expect(assigned.length).toBe(stored.assigned_count);
    expect((await plan.names(plan.assigned())).sort()).toEqual(assigned.map((item) => item.full_name).sort());
    expect((await plan.names(plan.unassigned())).sort()).toEqual(
      unassigned.map((item) => item.full_name).sort(),
    );
    for (const item of assigned) {
      const row = plan.item(plan.assigned(), item.full_name);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(item.title ?? '');
      expect(text).toContain(formatPlanScore(Number(item.score)));
    }
    for (const item of unassigned) {
      const text = (await plan.item(plan.unassigned(), item.full_name).textContent()) ?? '';
      const expected = UNASSIGNED_TEXTS[item.unassigned_reason ?? ''];
      expect(expected, `a sentence for ${item.unassigned_reason}`).toBeDefined();
      expect(text).toMatch(expected as RegExp);
    }
    const citraText = (await plan.item(plan.unassigned(), citra.full_name).textContent()) ?? '';
    expect(citraText).toContain(
      'Ia cocok untuk 1 peluang, tetapi tempatnya diberikan kepada orang lain agar jumlah skor rencana setinggi mungkin.',
    );
    await expectAccessible(page, 'draft plan');

    // Accepted: one proposal per woman with a place, each carrying the plan, its score and weights.
    await plan.accept();
    await notification(
      page,
      `Rencana diterima: ${stored.assigned_count} usulan penempatan dibuat.`,
    ).waitFor();
    await page
      .getByText(
        new RegExp(`^Rencana ini diterima .* oleh .*: ${stored.assigned_count} usulan penempatan dibuat\\.$`),
      )
      .waitFor();
    await expect
      .poll(() => plan.assigned().getByText('Sudah diusulkan', { exact: true }).count())
      .toBe(stored.assigned_count);
    expect(await plan.acceptButton().count()).toBe(0);
    await expectAccessible(page, 'accepted plan');
    const proposals = await db
      .selectFrom('placement')
      .select(['person_id', 'opportunity_id', 'stage', 'match_score', 'match_rule_version'])
      .where('plan_id', '=', planId)
      .execute();
    expect(proposals.length).toBe(stored.assigned_count);
    for (const item of assigned) {
      const proposal = proposals.find((row) => row.person_id === item.person_id);
      expect(proposal).toMatchObject({
        opportunity_id: item.opportunity_id,
        stage: 'proposed',
        match_rule_version: stored.rule_version,
      });
      expect(Number(proposal?.match_score)).toBe(Number(item.score));
    }
    expect(
      (await db.selectFrom('placement_plan').select('status').where('id', '=', planId).executeTakeFirst())
        ?.status,
    ).toBe('accepted');

    // The list shows it accepted.
    await list.open();
    const row = list.row(window);
    await row.waitFor();
    await row.getByText('Diterima', { exact: true }).waitFor();
    expect(await row.textContent()).toContain(
      `${formatPlanScore(total)} (cara sederhana ${formatPlanScore(greedy)})`,
    );
  }, 180_000);
});

describe('the training gap', () => {
  it('lists demand, supply and gap per skill, and exports the same as XLSX', async () => {
    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'lapas.binadik');
    await page.goto(`${journey.server.baseUrl}/perencanaan`);
    await page.getByRole('tab', { name: 'Rencana penempatan', selected: true }).waitFor();
    await page.getByRole('tab', { name: 'Kesenjangan pelatihan' }).click();
    const gap = new TrainingGapPage(page, journey.server.baseUrl);
    await gap.skills().waitFor();
    expect(new URL(page.url()).pathname).toBe('/perencanaan/pelatihan');
    await gap.rows().first().waitFor();
    await gap.summary().waitFor();
    await gap.cohorts().waitFor();
    await expectAccessible(page, 'training gap');

    // Every skill the server counts is a row, in its order, each with its figures.
    const report = await page.evaluate(async () => {
      const response = await fetch('/api/planning/training-gap', { credentials: 'same-origin' });
      return (await response.json()) as {
        releases: number;
        skills: { skill: { nameId: string }; demand: number; supply: number; gap: number }[];
      };
    });
    expect(report.skills.length).toBeGreaterThan(0);
    const names = await gap.skillNames();
    expect(names).toEqual(report.skills.map((row) => row.skill.nameId));
    const count = (value: number) => new Intl.NumberFormat('id-ID').format(value);
    const [first] = report.skills;
    const firstRow = (await gap.rows().first().textContent()) ?? '';
    expect(firstRow).toContain(count(first?.demand ?? Number.NaN));
    expect(firstRow).toContain(count(first?.supply ?? Number.NaN));
    expect(await gap.summary().textContent()).toContain(`${report.releases} warga binaan akan bebas`);

    // The export: an XLSX file (a zip) holding the same skills.
    const downloaded = page.waitForEvent('download');
    await gap.exportButton().click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path()) ?? '');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells = new Set<string>();
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.add(String(cell.value ?? '').trim());
        });
      });
    for (const name of names) expect(cells.has(name), `${name} in the export`).toBe(true);
    const exported = await journey.server.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'planning.gap_exported')
      .execute();
    expect(exported.length).toBe(1);
  });
});

describe('the fairness report', () => {
  it('is read by the viewer, who sees planning but no plan, group by group without names', async () => {
    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'viewer');
    await new AppShell(page).go('Perencanaan');
    // Her first tab is the training gap: placement plans are not hers.
    await page.getByRole('tab', { name: 'Kesenjangan pelatihan', selected: true }).waitFor();
    expect(await planningTabs(page)).toEqual(['Kesenjangan pelatihan', 'Keadilan pencocokan']);
    await page.getByRole('tab', { name: 'Keadilan pencocokan' }).click();
    const fairness = new FairnessPage(page, journey.server.baseUrl);
    await fairness.dimension('Kelompok umur').waitFor();
    expect(new URL(page.url()).pathname).toBe('/perencanaan/keadilan');
    await fairness.summary().waitFor();
    await page
      .getByText('Umur, jenis kelamin, agama, suku dan tindak pidana tidak pernah menjadi masukan skor.', {
        exact: false,
      })
      .waitFor();
    for (const dimension of ['Kelompok umur', 'Pendidikan terakhir', 'Domisili']) {
      const groups = await fairness.groups(dimension);
      expect(groups[0]).toBe('Semua');
      expect(groups.length).toBeGreaterThan(1);
    }
    expect(await fairness.groups('Domisili')).toEqual(
      expect.arrayContaining(['Di Kecamatan Semarang Barat', 'Di luar Semarang Barat']),
    );
    // Figures only: not one woman's name on the page.
    const people = await journey.server.database.db.selectFrom('person').select('full_name').execute();
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const person of people) expect(text).not.toContain(person.full_name);
    await expectAccessible(page, 'fairness report');

    await page.goto(`${journey.server.baseUrl}/perencanaan/penempatan`);
    await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
    await expectAccessible(page, 'placement plans refused to the viewer');
  });
});

describe('an administrator and the matching weights', () => {
  it('saves new weights as version 2, and recommendations are scored with it', async () => {
    const db = journey.server.database.db;
    const admin = await newPage();
    await signInAs(admin, journey.server.baseUrl, 'admin');
    await admin.goto(`${journey.server.baseUrl}/admin/aturan`);
    await new RulesPage(admin, journey.server.baseUrl).sentenceSection().waitFor();
    await admin.getByRole('tab', { name: 'Bobot pencocokan' }).click();
    const section = admin.getByRole('region', { name: 'Bobot pencocokan', exact: true });
    await section.getByRole('button', { name: 'Simpan sebagai versi baru' }).waitFor();
    await expectAccessible(admin, 'matching weights');

    const before = await db
      .selectFrom('rule_set')
      .select(['version', 'rules'])
      .where('kind', '=', 'matching')
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const versionBefore = before?.version ?? 0;
    const location = byLabel(section, 'Lokasi').first();
    const current = Number((await location.inputValue()) || '0');
    const next = current === 30 ? 25 : 30;
    await location.fill(String(next));
    await byLabel(section, 'Alasan perubahan').fill('Rapat koordinasi: jarak lebih menentukan (uji e2e).');
    await section.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    const saved = versionBefore + 1;
    await notification(admin, `Aturan disimpan sebagai versi ${saved}.`).waitFor();
    await section.getByText(`Versi ${saved}`, { exact: true }).waitFor();
    await expectAccessible(admin, 'matching weights saved');
    const after = await db
      .selectFrom('rule_set')
      .select(['version', 'rules', 'note'])
      .where('kind', '=', 'matching')
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(saved);
    expect((after.rules as { weights: Record<string, number> }).weights.location).toBe(next);

    // A woman's recommendations are now scored with the new version.
    const released = await db
      .selectFrom('person')
      .select(['id'])
      .where('released_on', 'is not', null)
      .where('returned_on', 'is', null)
      .where('anonymized_at', 'is', null)
      .orderBy('full_name')
      .execute();
    const staff = await newPage();
    await signInAs(staff, journey.server.baseUrl, 'lapas.binadik');
    const matches = new PersonMatchesTab(staff, journey.server.baseUrl);
    for (const candidate of released) {
      await matches.open(candidate.id);
      await staff
        .getByRole('list', { name: 'Daftar peluang cocok' })
        .or(staff.getByText('Belum ada peluang yang cocok'))
        .first()
        .waitFor();
      if ((await matches.cards().count()) === 0) continue;
      const [title] = await matches.titles();
      expect(await matches.ruleVersion(title ?? '')).toBe(saved);
      return;
    }
    throw new Error('no released woman has recommendations');
  });
});
