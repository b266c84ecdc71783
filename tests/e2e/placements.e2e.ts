import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_ID } from '../../src/server/db/seed/demo.ts';
import { DEMO_CATERING_ID } from '../../src/server/db/seed/demo-villages.ts';
import { LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import { createOpportunity } from '../factories/opportunities.ts';
import { AppShell } from './pages/pages.ts';
import { describedBy } from './pages/people.ts';
import { plusDays } from './pages/training.ts';
import {
  apiStatus,
  notFoundHeading,
  notification,
  OpportunityFormPage,
  OpportunityListPage,
  OpportunityPage,
  PlacementBoardPage,
  signInAs,
} from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// Partners and the placement pipeline in the browser: a partner drafts an opportunity that only the
// kelurahan opens; prison staff propose women who consented to the partner (and are refused for one who did
// not); the partner runs the pipeline to placed, and a place beyond the last is refused; a second partner
// sees nothing of the first.

const journey = journeyHooks();
const newPage = journey.newPage;

const KONVEKSI = 'Konveksi Maju Bersama (mitra demo)';
const KATERING = 'Katering Sekar Rasa (mitra demo)';

async function opportunityByTitle(title: string) {
  return journey.server.database.db
    .selectFrom('opportunity')
    .selectAll()
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
}

async function userId(username: string) {
  const user = await journey.server.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return user.id;
}

interface Woman {
  id: string;
  full_name: string;
  registration_number: string;
}

/**
 * Women held by the prison, chosen from the demo data whatever the day: in custody, with a registration
 * number and a name nobody else has; `consented` those with a current consent naming the demo partner (or
 * every partner) that shares their identity, the others with no consent any partner could rely on.
 */
async function women(consented: boolean): Promise<Woman[]> {
  const partner = JSON.stringify([DEMO_PARTNER_ID]);
  const kind = JSON.stringify(['partner']);
  const covering = sql<boolean>`exists (
    select 1 from consent c
    where c.person_id = p.id and c.withdrawn_on is null and c.given_on <= ${jakartaToday()}
      and (c.recipient_organization_ids @> ${partner}::jsonb or c.recipient_kinds @> ${kind}::jsonb)
      ${consented ? sql`and c.field_groups @> ${JSON.stringify(['identity_contact'])}::jsonb` : sql``})`;
  const { rows } = await sql<Woman>`
    select p.id, p.full_name, p.registration_number
    from person p
    where p.organization_id = ${LAPAS_ID} and p.anonymized_at is null and p.released_on is null
      and p.registration_number is not null
      and (select count(*) from person q where q.full_name = p.full_name) = 1
      and ${consented ? covering : sql`not ${covering}`}
    order by p.full_name`.execute(journey.server.database.db);
  return rows;
}

/** How the proposal dialog finds her: by name, then the option with her registration number. */
const proposal = (woman: Woman) => ({ name: woman.full_name, registrationNumber: woman.registration_number });

describe('a partner drafts an opportunity', () => {
  it('saves it as a draft without restrictions, cannot open it, and the kelurahan opens it', async () => {
    const today = jakartaToday();
    const title = `Penjahit permak jins ${today} (draf mitra)`;

    const partner = await newPage();
    await signInAs(partner, journey.server.baseUrl, 'mitra');
    await new AppShell(partner).go('Peluang');
    const list = new OpportunityListPage(partner, journey.server.baseUrl);
    await list.heading().waitFor();
    expect(await partner.getByRole('link', { name: 'Tambah peluang' }).count()).toBe(0);
    await partner.getByRole('link', { name: 'Ajukan draf peluang' }).click();
    const form = new OpportunityFormPage(partner);
    await form.heading('Draf peluang baru').waitFor();
    await partner
      .getByText('Draf Anda akan diperiksa staf kelurahan atau kecamatan sebelum dibuka.')
      .waitFor();
    // Her organization is the partner, her own kelurahan the place; restrictions are not hers to see or set.
    expect(await form.field('Mitra').inputValue()).toBe(KONVEKSI);
    expect(await form.field('Mitra').getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => form.field('Kelurahan').inputValue()).toBe('Kelurahan Krobokan');
    const sections = (await form.sectionHeadings().allInnerTexts()).map((text) => text.trim());
    expect(sections).toContain('Keterampilan yang dibutuhkan');
    expect(sections.some((text) => text.startsWith('Pembatasan'))).toBe(false);
    expect(await partner.getByLabel('Tindak pidana yang dibatasi').count()).toBe(0);
    expect(await partner.getByRole('button', { name: 'Simpan dan buka' }).count()).toBe(0);

    await form.fill({
      kind: 'Lowongan kerja',
      sector: 'Garmen & menjahit',
      title,
      description: 'Permak dan potong jins pesanan pelanggan; mesin disediakan di workshop.',
      places: 2,
      skills: [{ name: 'Menjahit', level: 'Dasar' }],
    });
    await form.pickDate('Tanggal mulai', plusDays(today, 14));
    await form.pickDate('Tanggal pendaftaran ditutup', plusDays(today, 45));
    await expectAccessible(partner, 'draft form of a partner');
    await form.saveDraft();

    const page = new OpportunityPage(partner, journey.server.baseUrl);
    await page.heading(title).waitFor();
    await notification(partner, `Peluang ${title} telah disimpan.`).waitFor();
    expect(await page.status()).toBe('Draf');
    await partner.getByText('Draf ini belum terlihat sebagai peluang terbuka.', { exact: false }).waitFor();
    expect(await page.statusButton('Buka').count()).toBe(0);
    expect(await page.restrictions().count()).toBe(0);
    await expectAccessible(partner, 'draft seen by its partner');

    const draft = await opportunityByTitle(title);
    expect(draft).toMatchObject({
      partner_id: DEMO_PARTNER_ID,
      status: 'draft',
      places: 2,
      created_by: await userId('mitra'),
    });
    expect(draft.restricted_offences).toEqual([]);
    // Opening it behind the screen's back is refused too.
    expect(
      await apiStatus(partner, 'POST', `/api/opportunities/${draft.id}/status`, {
        action: 'open',
        version: draft.version,
      }),
    ).toBe(403);
    expect((await opportunityByTitle(title)).status).toBe('draft');

    // The kelurahan finds the draft, sees its restrictions section (hidden from the partner) and opens it.
    const officer = await newPage();
    await signInAs(officer, journey.server.baseUrl, 'kelurahan.krobokan');
    const officerList = new OpportunityListPage(officer, journey.server.baseUrl);
    await officerList.open('?status=draft');
    await officerList.search(title);
    await expect.poll(() => officerList.titles()).toEqual([title]);
    await officer.getByRole('link', { name: title }).click();
    const officerPage = new OpportunityPage(officer, journey.server.baseUrl);
    await officerPage.heading(title).waitFor();
    expect(await officerPage.status()).toBe('Draf');
    await officerPage.restrictions().waitFor();
    await expectAccessible(officer, 'partner draft seen by the kelurahan');
    await officerPage.openForProposals();
    await notification(officer, 'Peluang telah dibuka.').waitFor();
    await expect.poll(() => officerPage.status()).toBe('Dibuka');
    expect(await opportunityByTitle(title)).toMatchObject({
      status: 'open',
      opened_by: await userId('kelurahan.krobokan'),
    });

    // The partner sees it open, no longer hers to edit, and still without restrictions.
    await partner.reload();
    await page.heading(title).waitFor();
    await expect.poll(() => page.status()).toBe('Dibuka');
    expect(await partner.getByRole('link', { name: 'Ubah', exact: true }).count()).toBe(0);
    expect(await page.restrictions().count()).toBe(0);
  });
});

describe('prison staff propose women and the pipeline runs to placed', () => {
  it('refuses a woman without consent, places one, and refuses a place beyond the last', async () => {
    const today = jakartaToday();
    const title = `Penjahit permak satu tempat ${today} (uji e2e)`;
    const opportunity = await createOpportunity(journey.server.database.db, {
      partnerId: DEMO_PARTNER_ID,
      title,
      places: 1,
      startOn: today,
      closesOn: plusDays(today, 30),
      skills: [{ code: 'garment.sewing' }],
    });
    const [ayu, bunga] = await women(true);
    const [citra] = await women(false);
    if (!ayu || !bunga || !citra)
      throw new Error('the demo data hold no two women consenting to the partner and one who does not');
    const placementsOf = (personId: string) =>
      journey.server.database.db
        .selectFrom('placement')
        .select(['stage', 'placed_on'])
        .where('person_id', '=', personId)
        .where('opportunity_id', '=', opportunity.id)
        .execute();

    const staff = await newPage();
    await signInAs(staff, journey.server.baseUrl, 'lapas.binadik');
    const page = new OpportunityPage(staff, journey.server.baseUrl);
    await page.open(opportunity.id);
    await page.heading(title).waitFor();
    expect(await page.status()).toBe('Dibuka');
    expect(await page.places()).toBe('0 dari 1 tempat terisi');
    expect(await page.placesLeft()).toBe('sisa 1');
    await expectAccessible(staff, 'opportunity seen by prison staff');

    // Citra never consented to share her data with a partner: refused, with the way to her consent tab.
    const refused = await page.propose(proposal(citra), 'Rajin di bengkel jahit.');
    const alert = refused.getByRole('alert').filter({ hasText: 'Belum ada persetujuan berbagi data' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Orang ini belum memberi persetujuan untuk membagikan datanya kepada mitra ini.',
    );
    await alert.getByRole('link', { name: `Buka tab Persetujuan ${citra.full_name}` }).waitFor();
    // A note by prison staff stays with corrections staff, and the form says so.
    expect(await describedBy(staff, page.proposalNote(refused))).toContain(
      'Catatan ini hanya terlihat oleh petugas Lapas dan Bapas.',
    );
    await expectAccessible(staff, 'proposal refused for want of consent');
    await refused.getByRole('button', { name: 'Batal' }).click();
    await refused.waitFor({ state: 'detached' });
    expect(await placementsOf(citra.id)).toEqual([]);

    // Ayu and Bunga consented: both proposed.
    for (const woman of [ayu, bunga]) {
      const dialog = await page.propose(
        proposal(woman),
        'Lulus pelatihan menjahit; ingin bekerja dekat rumah.',
      );
      await dialog.waitFor({ state: 'detached' });
      await notification(staff, `${woman.full_name} telah diusulkan.`).first().waitFor();
    }
    const pipeline = page.pipeline();
    await expect.poll(() => pipeline.count('Diusulkan')).toBe(2);
    await pipeline.cards('Diusulkan').filter({ hasText: ayu.full_name }).waitFor();
    await expectAccessible(staff, 'opportunity with its proposals');

    // The partner follows them on her board and moves Ayu on, step by step, to placed.
    const partner = await newPage();
    await signInAs(partner, journey.server.baseUrl, 'mitra');
    await new AppShell(partner).go('Penempatan');
    const board = new PlacementBoardPage(partner, journey.server.baseUrl);
    await board.heading().waitFor();
    await board.open(`?peluang=${opportunity.id}`);
    const partnerPipeline = board.pipeline();
    await partnerPipeline.cards('Diusulkan').filter({ hasText: ayu.full_name }).waitFor();
    await partnerPipeline.cards('Diusulkan').filter({ hasText: bunga.full_name }).waitFor();
    await expectAccessible(partner, 'placement board of the partner');
    const card = `${ayu.full_name}, ${title}`;
    // Her notes are shared with the kelurahan and corrections staff, and the dialog says so.
    const first = await partnerPipeline.openStep(card, 'Mitra dihubungi');
    expect(await describedBy(partner, partnerPipeline.noteField(first))).toContain(
      'Catatan ini terlihat oleh mitra, kelurahan dan petugas pemasyarakatan yang berhak.',
    );
    await expectAccessible(partner, 'step dialog of the partner');
    await partnerPipeline.noteField(first).fill('Dihubungi lewat telepon wali; datang wawancara Senin.');
    await first.getByRole('button', { name: 'Simpan langkah' }).click();
    await first.waitFor({ state: 'detached' });
    await partnerPipeline.cards('Mitra dihubungi').filter({ hasText: ayu.full_name }).waitFor();
    await partnerPipeline.advance(card, 'Wawancara');
    await partnerPipeline.advance(card, 'Ditawari');
    await partnerPipeline.cards('Ditawari').filter({ hasText: ayu.full_name }).waitFor();
    await partnerPipeline.advance(card, 'Ditempatkan');
    await partnerPipeline.cards('Ditempatkan').filter({ hasText: ayu.full_name }).waitFor();
    expect(await partnerPipeline.count('Ditempatkan')).toBe(1);
    expect(await partnerPipeline.count('Diusulkan')).toBe(1);
    await expectAccessible(partner, 'placement board with her placed');
    expect(await placementsOf(ayu.id)).toEqual([{ stage: 'placed', placed_on: today }]);

    // The opportunity has no place left: filled, and no more proposals.
    await staff.reload();
    await page.heading(title).waitFor();
    await expect.poll(() => page.status()).toBe('Terisi penuh');
    expect(await page.places()).toBe('1 dari 1 tempat terisi');
    expect(await page.placesLeft()).toBe('penuh');
    expect(await page.proposeButton().count()).toBe(0);
    await page.pipeline().cards('Ditempatkan').filter({ hasText: ayu.full_name }).waitFor();

    // Bunga gets as far as an offer; placing her beyond the one place is refused on the stage.
    const staffPipeline = page.pipeline();
    const bungaCard = `${bunga.full_name}, ${title}`;
    await staffPipeline.advance(bungaCard, 'Mitra dihubungi');
    await staffPipeline.advance(bungaCard, 'Wawancara');
    await staffPipeline.advance(bungaCard, 'Ditawari');
    const beyond = await staffPipeline.recordStep(bungaCard, 'Ditempatkan');
    await beyond
      .getByText(
        'Tidak ada tempat tersisa: jumlah orang yang ditempatkan sudah sama dengan jumlah tempat (1).',
      )
      .waitFor();
    await expectAccessible(staff, 'placement beyond the places refused');
    await beyond.getByRole('button', { name: 'Batal' }).click();
    await beyond.waitFor({ state: 'detached' });
    expect(await placementsOf(bunga.id)).toEqual([{ stage: 'offered', placed_on: null }]);
    expect((await opportunityByTitle(title)).status).toBe('filled');
  });
});

describe('a partner who must not see another partner', () => {
  it('mitra.katering finds nothing of Konveksi Maju Bersama, and no restrictions anywhere', async () => {
    const db = journey.server.database.db;
    const other = await db
      .selectFrom('opportunity')
      .select(['id', 'title'])
      .where('partner_id', '=', DEMO_PARTNER_ID)
      .where('status', '=', 'open')
      .orderBy('title')
      .executeTakeFirstOrThrow();
    const own = await db
      .selectFrom('opportunity')
      .select(['id', 'title', 'status'])
      .where('partner_id', '=', DEMO_CATERING_ID)
      .orderBy('title')
      .execute();
    expect(own.length).toBeGreaterThan(0);
    const ownIds = new Set(own.map((row) => row.id));
    const running = await db
      .selectFrom('placement')
      .select('id')
      .where('opportunity_id', 'in', [...ownIds])
      .where('stage', 'not in', ['ended', 'unsuccessful'])
      .execute();

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'mitra.katering');
    const shell = new AppShell(page);

    // Her profile is her own organization's page.
    await shell.go('Profil mitra');
    await page.getByRole('heading', { level: 1, name: KATERING }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/mitra/${DEMO_CATERING_ID}`);
    await expectAccessible(page, 'partner profile seen by its partner');

    // The other partner's page and opportunity do not exist for her.
    for (const path of [`/mitra/${DEMO_PARTNER_ID}`, `/peluang/${other.id}`]) {
      await page.goto(`${journey.server.baseUrl}${path}`);
      await notFoundHeading(page).waitFor();
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toContain('Konveksi Maju Bersama');
      expect(text).not.toContain(other.title);
      await expectAccessible(page, `${path} not found for another partner`);
    }

    // The list holds her opportunities only, drafts included.
    const list = new OpportunityListPage(page, journey.server.baseUrl);
    await list.open();
    await expect.poll(async () => (await list.titles()).sort()).toEqual(own.map((row) => row.title).sort());
    expect(new Set(await list.partners())).toEqual(new Set([KATERING]));
    await expectAccessible(page, 'opportunity list of a partner');

    // Her own opportunity: no restrictions on the page, none in what the server sends her.
    const open = own.find((row) => row.status === 'open') ?? own[0];
    const opportunity = new OpportunityPage(page, journey.server.baseUrl);
    await opportunity.open(open?.id ?? '');
    await opportunity.heading(open?.title ?? '').waitFor();
    await opportunity.skills().waitFor();
    expect(await opportunity.restrictions().count()).toBe(0);
    const sent = await page.evaluate(
      async (id) =>
        (await (await fetch(`/api/opportunities/${id}`, { credentials: 'same-origin' })).json()) as Record<
          string,
          unknown
        >,
      open?.id,
    );
    expect(sent.title).toBe(open?.title);
    expect(Object.keys(sent).filter((key) => /restrict/i.test(key))).toEqual([]);

    // Her board: cards of her own opportunities only.
    const board = new PlacementBoardPage(page, journey.server.baseUrl);
    await shell.go('Penempatan');
    await board.heading().waitFor();
    const cards = board.pipeline().allCards();
    await expect.poll(() => cards.count()).toBe(running.length);
    const linked = await board
      .pipeline()
      .scope.locator('[data-placement-id] a[href^="/peluang/"]')
      .evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').split('/')[2]));
    expect(linked.length).toBe(running.length);
    for (const id of linked) expect(ownIds.has(id ?? '')).toBe(true);
    expect((await page.locator('main').textContent()) ?? '').not.toContain('Konveksi Maju Bersama');
    await expectAccessible(page, 'placement board of the second partner');

    // The organization directory shows her no other partner, and no other partner's page.
    await page.goto(`${journey.server.baseUrl}/organisasi?jenis=partner`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const names = page.locator('main article a[href^="/organisasi/"]');
    await names.first().waitFor();
    expect((await names.allInnerTexts()).map((text) => text.trim())).toEqual([KATERING]);
    await expectAccessible(page, 'organization directory of a partner');
    await page.goto(`${journey.server.baseUrl}/organisasi/${DEMO_PARTNER_ID}`);
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toContain('Konveksi Maju Bersama');
  });
});
