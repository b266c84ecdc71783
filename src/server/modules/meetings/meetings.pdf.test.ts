import { describe, expect, it } from 'vitest';
import type { ActionItem, Attendee, MeetingDetail } from '../../../shared/meetings.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { longDate } from '../governance/governance.text.ts';
import {
  daftarHadirDocument,
  daftarHadirPdf,
  notulenDocument,
  notulenPdf,
  timeRange,
} from './meetings.pdf.ts';

// The notulen and daftar hadir texts, read from their document definitions before rendering (rendered text
// is glyph ids): the usual Indonesian layout, guests on the attendance list, owners and due dates of action
// items, and the signature blocks.

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-04-27T05:00:00.000Z';
const kecamatan = { id: uuid(3), name: 'Kecamatan Semarang Barat' };
const lapas = { id: uuid(1), name: 'Lapas Perempuan Kelas IIA Semarang' };

function attendee(n: number, overrides: Partial<Attendee> = {}): Attendee {
  return {
    id: uuid(100 + n),
    position: n,
    kind: 'user',
    userId: uuid(200 + n),
    name: `Peserta ${n}`,
    jobTitle: 'Kepala Seksi',
    organizationId: lapas.id,
    organizationName: lapas.name,
    attendance: 'present',
    ...overrides,
  };
}

function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: uuid(300),
    meeting: { id: uuid(10), title: 'Rapat koordinasi', heldOn: '2026-04-27' },
    decisionId: null,
    title: 'Menyusun draf MoU',
    description: null,
    ownerOrganization: lapas,
    ownerUser: null,
    ownerName: 'Kepala Seksi Binadik',
    dueOn: '2026-05-11',
    status: 'open',
    overdue: false,
    doneOn: null,
    progressNote: null,
    agreement: null,
    workPlanActivity: null,
    topic: 'Dasar hukum kerja sama',
    version: 1,
    updatedAt: at,
    canEdit: true,
    canUpdateProgress: true,
    ...overrides,
  };
}

function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: uuid(10),
    title: 'Rapat koordinasi Desa Binaan',
    heldOn: '2026-04-27',
    startsAt: '09:00',
    endsAt: '11:30',
    place: 'Aula Kantor Kecamatan Semarang Barat',
    chair: 'Camat Semarang Barat',
    noteTaker: 'Sekretaris Camat',
    status: 'held',
    organizer: kecamatan,
    previousMeeting: null,
    agenda: [
      {
        id: uuid(20),
        position: 1,
        kind: 'carry_over',
        title: 'Tindak lanjut hasil rapat sebelumnya',
        presenter: null,
        minutes: null,
      },
      {
        id: uuid(21),
        position: 2,
        kind: 'regular',
        title: 'Rencana MoU',
        presenter: 'Kepala Lapas',
        minutes: 'Paragraf satu.\n\nParagraf dua.',
      },
    ],
    attendees: [
      attendee(1),
      attendee(2, { attendance: 'absent', name: 'Tidak Datang' }),
      attendee(3, {
        kind: 'guest',
        userId: null,
        organizationId: null,
        organizationName: 'TP PKK Krobokan',
        name: 'Ibu Tamu',
        jobTitle: 'Ketua PKK',
      }),
    ],
    attendance: { total: 3, invited: 0, present: 2, absent: 1, excused: 0 },
    decisions: [
      {
        id: uuid(30),
        position: 1,
        text: 'Menyusun MoU antara LPP Semarang dan Kecamatan.',
        agendaItemId: uuid(21),
      },
    ],
    actionItems: [actionItem()],
    carriedOver: [
      actionItem({
        id: uuid(301),
        title: 'Pendataan calon peserta',
        meeting: { id: uuid(11), title: 'Rapat pendahuluan', heldOn: '2026-03-30' },
        status: 'in_progress',
        overdue: true,
      }),
    ],
    photos: [],
    createdBy: 'Sekretaris Camat',
    createdAt: at,
    updatedAt: at,
    version: 3,
    canEdit: true,
    canManageActionItems: true,
    ...overrides,
  };
}

const organizer = { name: 'Kecamatan Semarang Barat', address: 'Jl. Ronggowarsito No. 1, Semarang' };
const textOf = (definition: { content: unknown }) => JSON.stringify(definition.content);

describe('dates and times', () => {
  it('writes the day and date in Indonesian and times with a dot, in WIB', () => {
    expect(longDate('2026-04-27')).toBe('Senin, 27 April 2026');
    expect(longDate('2026-08-17')).toBe('Senin, 17 Agustus 2026');
    expect(timeRange('09:00', '11:30')).toBe('09.00–11.30 WIB');
    expect(timeRange('13:00', null)).toBe('13.00 WIB – selesai');
    expect(timeRange(null, null)).toBe('-');
  });
});

describe('notulen', () => {
  it('has the letterhead, particulars, attendees present, agenda with minutes, decisions, action items and signatures', () => {
    const text = textOf(notulenDocument(meeting(), organizer));
    for (const expected of [
      'KECAMATAN SEMARANG BARAT',
      'NOTULEN RAPAT',
      'Hari/Tanggal',
      'Senin, 27 April 2026',
      '09.00–11.30 WIB',
      'Aula Kantor Kecamatan Semarang Barat',
      'Pimpinan rapat',
      'Notulis',
      '2 dari 3 orang yang diundang',
      'A. PESERTA RAPAT YANG HADIR',
      'Ibu Tamu',
      'B. ACARA DAN PEMBAHASAN',
      '1. Tindak lanjut hasil rapat sebelumnya',
      'Pendataan calon peserta',
      'Dari rapat 30/03/2026: Rapat pendahuluan',
      'lewat tenggat',
      '2. Rencana MoU (penyaji: Kepala Lapas)',
      'Paragraf satu.',
      'Paragraf dua.',
      'C. KEPUTUSAN RAPAT',
      'Menyusun MoU antara LPP Semarang dan Kecamatan.',
      'D. TINDAK LANJUT',
      'Penanggung jawab',
      'Kepala Seksi Binadik\\nLapas Perempuan Kelas IIA Semarang',
      '11/05/2026',
      'Belum dikerjakan',
      'Topik: Dasar hukum kerja sama',
      // Signed at the meeting's place, whatever city the organizer is in.
      'Aula Kantor Kecamatan Semarang Barat, 27 April 2026',
      'Pimpinan Rapat,',
      'Notulis,',
    ])
      expect(text, expected).toContain(expected);
    // Only those present are listed as present.
    expect(text).not.toContain('Tidak Datang');
  });

  it('words the statuses as the web does, as of the day the notulen is printed', () => {
    const definition = notulenDocument(meeting(), organizer, '2026-05-04');
    const text = textOf(definition);
    // The carried item is in progress, as the web says it.
    expect(text).toContain('Sedang dikerjakan');
    expect(text).not.toContain('Sedang berjalan');
    // Under the carried items and under D. TINDAK LANJUT.
    expect(text.split('Status per 04/05/2026, tanggal notulen ini dicetak.')).toHaveLength(3);
    expect(text.indexOf('D. TINDAK LANJUT')).toBeLessThan(text.lastIndexOf('Status per 04/05/2026'));
  });

  it('says when there is nothing, and leaves signature lines when chair or note taker are not named', () => {
    const text = textOf(
      notulenDocument(
        meeting({
          agenda: [],
          decisions: [],
          actionItems: [],
          carriedOver: [],
          chair: null,
          noteTaker: null,
          status: 'cancelled',
        }),
        { name: 'Lapas Perempuan Kelas IIA Semarang', address: null },
      ),
    );
    for (const expected of [
      'LEMBAGA PEMASYARAKATAN PEREMPUAN KELAS IIA SEMARANG',
      'Rapat ini dibatalkan.',
      'Tidak ada acara.',
      'Tidak ada keputusan.',
      'Tidak ada tindak lanjut.',
      '(.................................................)',
    ])
      expect(text, expected).toContain(expected);
  });

  it('names a carried item’s meeting, an agreement or a work plan only to a reader who may open it', () => {
    const hidden = actionItem({
      id: uuid(302),
      title: 'Menyiapkan ruang pelatihan',
      meeting: null,
      topic: null,
      agreement: { id: uuid(40), title: null, kind: 'pks', canOpen: false },
    });
    const activity = actionItem({
      id: uuid(303),
      title: 'Mengundang peserta',
      topic: null,
      workPlanActivity: {
        id: uuid(41),
        title: null,
        workPlanId: uuid(42),
        workPlanTitle: null,
        canOpen: false,
      },
    });
    const text = textOf(
      notulenDocument(meeting({ carriedOver: [hidden], actionItems: [activity] }), organizer),
    );
    for (const expected of [
      'Menyiapkan ruang pelatihan',
      'Dari rapat lain',
      'Kesepakatan (PKS)',
      'Kegiatan program teknis',
    ])
      expect(text, expected).toContain(expected);
    expect(text).not.toContain('Dari rapat 30/03/2026');
    const shown = textOf(
      notulenDocument(
        meeting({
          actionItems: [
            actionItem({
              topic: null,
              agreement: { id: uuid(40), title: 'PKS Pelatihan Menjahit', kind: 'pks', canOpen: true },
            }),
          ],
        }),
        organizer,
      ),
    );
    expect(shown).toContain('Kesepakatan: PKS Pelatihan Menjahit');
  });

  it('renders as a PDF', async () => {
    const pdf = await notulenPdf(meeting(), organizer);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('daftar hadir', () => {
  it('lists every attendee, guests included, with No, Nama, Jabatan, Instansi and a signature column', async () => {
    const definition = daftarHadirDocument(meeting(), organizer);
    const text = textOf(definition);
    for (const expected of [
      'DAFTAR HADIR',
      'RAPAT KOORDINASI DESA BINAAN',
      'Senin, 27 April 2026',
      '"No"',
      '"Nama"',
      '"Jabatan"',
      '"Instansi"',
      '"Tanda tangan"',
      'Peserta 1',
      'Tidak Datang',
      'Ibu Tamu',
      'Ketua PKK',
      'TP PKK Krobokan',
      'Pimpinan Rapat,',
    ])
      expect(text, expected).toContain(expected);
    // Three attendees and blank rows to fill up to eight, each with its number to sign by: the last two
    // rows kept with the chair's signature, unbreakable, so that it never stands alone on a page.
    type Part = { table?: { body: unknown[][] }; stack?: Part[]; unbreakable?: boolean };
    const parts = definition.content as Part[];
    const table = parts.find((part) => part.table?.body?.[0]?.length === 5);
    expect(table?.table?.body).toHaveLength(1 + 6);
    const last = parts.at(-1) as Part;
    expect(last.unbreakable).toBe(true);
    expect(last.stack?.[0]?.table?.body).toHaveLength(2);
    expect(JSON.stringify(last.stack?.[0]?.table?.body)).toContain('"8."');
    expect(JSON.stringify(last.stack?.[1])).toContain('Pimpinan Rapat,');
    const pdf = await daftarHadirPdf(meeting(), organizer);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
  });

  it('fits 9 to 12 attendees on one A4 page with the signature, giving up blank rows when needed', async () => {
    const lapasRow = {
      jobTitle: 'Kasi Kegiatan Kerja',
      organizationName: 'Lapas Perempuan Kelas IIA Semarang',
    };
    const bapasRow = {
      jobTitle: 'Kepala Subseksi Bimbingan Klien Dewasa',
      organizationName: 'Balai Pemasyarakatan Kelas I Semarang',
    };
    for (const count of [9, 10, 11, 12]) {
      const attendees = Array.from({ length: count }, (_, index) =>
        attendee(index + 1, index % 3 === 0 ? bapasRow : lapasRow),
      );
      const long = meeting({
        attendees,
        chair: 'Retno Kusumawardani (Kepala Lapas Perempuan Kelas IIA Semarang)',
      });
      expect(pageCount(await daftarHadirPdf(long, organizer)), `${count} attendees`).toBe(1);
    }
    // The blank rows give way only when they would push the signature over: with 12, not all fit.
    const twelve = meeting({
      attendees: Array.from({ length: 12 }, (_, index) =>
        attendee(index + 1, { ...bapasRow, jobTitle: 'Pembimbing Kemasyarakatan Ahli Pertama' }),
      ),
      chair: 'Retno Kusumawardani (Kepala Lapas Perempuan Kelas IIA Semarang)',
    });
    expect(pageCount(await renderPdf(daftarHadirDocument(twelve, organizer)))).toBe(2);
    expect(pageCount(await daftarHadirPdf(twelve, organizer))).toBe(1);
  });
});

/** The pages of a PDF as PDFKit writes it (a /Type /Page object each). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
