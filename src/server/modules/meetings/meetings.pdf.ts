import type { Column, Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { ActionItem, ActionItemStatus, MeetingDetail } from '../../../shared/meetings.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { dayMonthYear, longDate, programDate, shortDate } from '../governance/governance.text.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';

// The printable notulen (minutes) and daftar hadir (attendance list) of a coordination meeting, in the usual
// Indonesian layout: the organizer's letterhead, the meeting's particulars, and signature blocks. Official
// documents: always in Indonesian, whatever the reader's language.

export interface Organizer {
  name: string;
  address: string | null;
}

// The web's words (src/web/lib/i18n/meetings/id.ts, actionStatus): the paper and the screen say the same.
const ACTION_STATUS: Record<ActionItemStatus, string> = {
  open: 'Belum dikerjakan',
  in_progress: 'Sedang dikerjakan',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

/** "09.00–11.00 WIB", "09.00 WIB – selesai", or "-". */
export function timeRange(startsAt: string | null, endsAt: string | null): string {
  const dot = (time: string) => time.replace(':', '.');
  if (!startsAt) return '-';
  return endsAt ? `${dot(startsAt)}–${dot(endsAt)} WIB` : `${dot(startsAt)} WIB – selesai`;
}

function header(organizer: Organizer): Content[] {
  return [
    { text: letterhead(organizer.name), style: 'letterhead' },
    ...(organizer.address ? [{ text: organizer.address, alignment: 'center' as const, fontSize: 8 }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 523, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 10] },
  ];
}

function particularsTable(rows: [string, string][]): Content {
  return {
    table: {
      widths: [110, 8, '*'],
      body: rows.map(([label, value]) => [label, ':', { text: value, bold: true }]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/** The place and date above the signatures: the meeting's place, "Aula Kecamatan …, 27 April 2026". */
function placeAndDate(meeting: MeetingDetail) {
  return `${meeting.place}, ${dayMonthYear(meeting.heldOn)}`;
}

function signature(role: string, name: string | null, width: string): Column {
  return {
    width,
    alignment: 'center',
    stack: [
      role,
      { text: ' ', margin: [0, 40, 0, 0] },
      { text: name ? name : '(.................................................)', bold: Boolean(name) },
    ],
  };
}

const ownerOf = (item: ActionItem) => `${item.ownerName}\n${item.ownerOrganization.name}`;

/** The agreement an item is about; its title only for a reader who may open it. */
function agreementLine(agreement: NonNullable<ActionItem['agreement']>) {
  const kind = agreement.kind === 'mou' ? 'MoU' : 'PKS';
  return agreement.title ? `Kesepakatan: ${agreement.title}` : `Kesepakatan (${kind})`;
}

/** Where a carried item was decided: a meeting the reader may not open is "rapat lain". */
const fromMeeting = (meeting: ActionItem['meeting']) =>
  meeting ? `Dari rapat ${shortDate(meeting.heldOn)}: ${meeting.title}` : 'Dari rapat lain';

/** Under an action-item table's heading: the statuses are those of the day the notulen is printed. */
const statusAsOf = (printedOn: string): Content => ({
  text: `Status per ${shortDate(printedOn)}, tanggal notulen ini dicetak.`,
  italics: true,
  fontSize: 8,
  color: '#555555',
  margin: [0, 0, 0, 2],
});

function actionTable(items: ActionItem[], withMeeting: boolean): Content {
  const head: TableCell[] = [
    { text: 'No', style: 'th' },
    { text: 'Tindak lanjut', style: 'th' },
    { text: 'Penanggung jawab', style: 'th' },
    { text: 'Tenggat', style: 'th' },
    { text: 'Status', style: 'th' },
  ];
  const body: TableCell[][] = items.map((item, index) => {
    const about = [
      item.agreement ? agreementLine(item.agreement) : null,
      item.workPlanActivity
        ? item.workPlanActivity.title
          ? `Kegiatan: ${item.workPlanActivity.title}`
          : 'Kegiatan program teknis'
        : null,
      item.topic ? `Topik: ${item.topic}` : null,
      withMeeting ? fromMeeting(item.meeting) : null,
      item.progressNote ? `Perkembangan: ${item.progressNote}` : null,
    ].filter((line): line is string => line !== null);
    return [
      { text: String(index + 1), alignment: 'center' },
      {
        stack: [
          { text: item.title, bold: true },
          ...(item.description ? [item.description] : []),
          ...about.map((line) => ({ text: line, fontSize: 8, color: '#444444' })),
        ],
      },
      ownerOf(item),
      { text: shortDate(item.dueOn), alignment: 'center' },
      item.status === 'done' && item.doneOn
        ? `${ACTION_STATUS[item.status]} (${shortDate(item.doneOn)})`
        : item.overdue
          ? { stack: [ACTION_STATUS[item.status], { text: 'lewat tenggat', bold: true }] }
          : ACTION_STATUS[item.status],
    ];
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [20, '*', 120, 58, 70], body: [head, ...body] },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 2, 0, 8],
  };
}

/** Minutes as paragraphs (blank lines separate them). */
function paragraphs(text: string | null): Content[] {
  if (!text) return [{ text: 'Tidak ada catatan.', italics: true, color: '#555555', margin: [0, 0, 0, 4] }];
  return text.split(/\n\s*\n/).map((paragraph) => ({
    text: paragraph.trim(),
    margin: [0, 0, 0, 4] as [number, number, number, number],
  }));
}

const definition = (title: string, meeting: MeetingDetail, content: Content[]): TDocumentDefinitions => ({
  info: { title: `${title} ${meeting.title} ${meeting.heldOn}`, creator: 'Sinergi' },
  pageSize: 'A4',
  pageMargins: [36, 36, 36, 40],
  defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
  styles: {
    letterhead: { fontSize: 13, bold: true, alignment: 'center' },
    title: { fontSize: 14, bold: true, alignment: 'center' },
    subtitle: { fontSize: 11, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    heading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    item: { bold: true, margin: [0, 4, 0, 2] },
    th: { bold: true, alignment: 'center', fillColor: '#eeeeee' },
  },
  footer: (page, pages) => ({
    text: `${title} · ${meeting.title} · ${shortDate(meeting.heldOn)} · halaman ${page} dari ${pages}`,
    alignment: 'center',
    fontSize: 8,
    color: '#555555',
  }),
  content,
});

/**
 * The pdfmake document of the notulen (exported for tests: its texts can be read before rendering).
 * `printedOn` ('yyyy-mm-dd', default today in the program's time zone): the day the action items' statuses
 * are as of.
 */
export function notulenDocument(
  meeting: MeetingDetail,
  organizer: Organizer,
  printedOn: string = programDate(new Date()),
): TDocumentDefinitions {
  const present = meeting.attendees.filter((attendee) => attendee.attendance === 'present');
  const content: Content[] = [
    ...header(organizer),
    { text: 'NOTULEN RAPAT', style: 'title' },
    { text: meeting.title, style: 'subtitle' },
    particularsTable([
      ['Hari/Tanggal', longDate(meeting.heldOn)],
      ['Waktu', timeRange(meeting.startsAt, meeting.endsAt)],
      ['Tempat', meeting.place],
      ['Penyelenggara', meeting.organizer.name],
      ['Pimpinan rapat', meeting.chair ?? '-'],
      ['Notulis', meeting.noteTaker ?? '-'],
      ['Jumlah peserta hadir', `${present.length} dari ${meeting.attendees.length} orang yang diundang`],
    ]),
    ...(meeting.status === 'cancelled'
      ? [
          {
            text: 'Rapat ini dibatalkan.',
            bold: true,
            margin: [0, 0, 0, 8] as [number, number, number, number],
          },
        ]
      : []),
    { text: 'A. PESERTA RAPAT YANG HADIR', style: 'heading' },
    present.length
      ? {
          ol: present.map((attendee) => ({
            text: [
              { text: attendee.name, bold: true },
              [attendee.jobTitle, attendee.organizationName].filter(Boolean).length
                ? ` — ${[attendee.jobTitle, attendee.organizationName].filter(Boolean).join(', ')}`
                : '',
            ],
          })),
          margin: [0, 0, 0, 4],
        }
      : { text: 'Kehadiran belum dicatat.', italics: true, color: '#555555' },
    { text: 'B. ACARA DAN PEMBAHASAN', style: 'heading' },
  ];
  if (meeting.agenda.length === 0)
    content.push({ text: 'Tidak ada acara.', italics: true, color: '#555555' });
  meeting.agenda.forEach((item, index) => {
    content.push({
      text: `${index + 1}. ${item.title}${item.presenter ? ` (penyaji: ${item.presenter})` : ''}`,
      style: 'item',
    });
    if (item.kind === 'carry_over')
      content.push(
        meeting.carriedOver.length
          ? { stack: [statusAsOf(printedOn), actionTable(meeting.carriedOver, true)] }
          : { text: 'Tidak ada tindak lanjut yang terbuka.', italics: true },
      );
    content.push({ stack: paragraphs(item.minutes), margin: [14, 0, 0, 0] });
  });
  content.push({ text: 'C. KEPUTUSAN RAPAT', style: 'heading' });
  content.push(
    meeting.decisions.length
      ? { ol: meeting.decisions.map((decision) => decision.text), margin: [0, 0, 0, 4] }
      : { text: 'Tidak ada keputusan.', italics: true, color: '#555555' },
  );
  // The heading stays with its table when the table is short enough to move to the next page whole.
  content.push({
    stack: [
      { text: 'D. TINDAK LANJUT', style: 'heading' },
      ...(meeting.actionItems.length
        ? [statusAsOf(printedOn), actionTable(meeting.actionItems, false)]
        : [{ text: 'Tidak ada tindak lanjut.', italics: true, color: '#555555' }]),
    ],
    unbreakable: meeting.actionItems.length <= 8,
  });
  content.push({
    stack: [
      { text: placeAndDate(meeting), alignment: 'right', margin: [0, 0, 0, 6] },
      {
        columns: [
          signature('Pimpinan Rapat,', meeting.chair, '50%'),
          signature('Notulis,', meeting.noteTaker, '50%'),
        ],
      },
    ],
    margin: [0, 24, 0, 0],
    unbreakable: true,
  });
  return definition('Notulen rapat', meeting, content);
}

/** How many of the daftar hadir's last rows stay on the page of the chair's signature. */
const LAST_ROWS_WITH_SIGNATURE = 2;

/** Blank rows for those who come uninvited: at least two, and the list filled up to eight rows. */
const spareRows = (attendees: number) => Math.max(2, 8 - attendees);

/** The pdfmake document of the daftar hadir (exported for tests), with `spare` blank rows at the end. */
export function daftarHadirDocument(
  meeting: MeetingDetail,
  organizer: Organizer,
  spare: number = spareRows(meeting.attendees.length),
): TDocumentDefinitions {
  const head: TableCell[] = [
    { text: 'No', style: 'th' },
    { text: 'Nama', style: 'th' },
    { text: 'Jabatan', style: 'th' },
    { text: 'Instansi', style: 'th' },
    { text: 'Tanda tangan', style: 'th' },
  ];
  const rows: TableCell[][] = meeting.attendees.map((attendee, index) => [
    { text: String(index + 1), alignment: 'center' },
    attendee.name,
    attendee.jobTitle ?? '',
    attendee.organizationName ?? '',
    // The signature column alternates left and right, as on the paper registers.
    { text: `${index + 1}.`, alignment: index % 2 === 0 ? 'left' : 'center', color: '#777777' },
  ]);
  for (let extra = 0; extra < spare; extra++) {
    const number = rows.length + 1;
    rows.push([
      { text: String(number), alignment: 'center' },
      '',
      '',
      '',
      { text: `${number}.`, alignment: (number - 1) % 2 === 0 ? 'left' : 'center', color: '#777777' },
    ]);
  }
  // The last rows go with the chair's signature, unbreakable: were the list to run over the page, the
  // signature would take them along to the next page rather than stand there alone.
  const tail = rows.length > LAST_ROWS_WITH_SIGNATURE ? rows.splice(-LAST_ROWS_WITH_SIGNATURE) : [];
  const table = (body: TableCell[][], headerRows: number): ContentTable => ({
    table: {
      headerRows,
      dontBreakRows: true,
      widths: [20, '*', 140, 130, 80],
      heights: (row: number) => (row < headerRows ? 16 : 26),
      body,
    },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 2 },
    lineHeight: 1.05,
  });
  const content: Content[] = [
    ...header(organizer),
    { text: 'DAFTAR HADIR', style: 'title' },
    { text: meeting.title.toLocaleUpperCase('id-ID'), style: 'subtitle' },
    particularsTable([
      ['Hari/Tanggal', longDate(meeting.heldOn)],
      ['Waktu', timeRange(meeting.startsAt, meeting.endsAt)],
      ['Tempat', meeting.place],
      ['Pimpinan rapat', meeting.chair ?? '-'],
    ]),
    ...(tail.length ? [table([head, ...rows], 1)] : []),
    {
      stack: [
        // Drawn over the list's bottom line, so that the two tables look as one.
        tail.length ? { ...table(tail, 0), margin: [0, -0.6, 0, 0] } : table([head, ...rows], 1),
        {
          stack: [
            { text: placeAndDate(meeting), margin: [0, 0, 0, 2] },
            'Pimpinan Rapat,',
            { text: ' ', margin: [0, 36, 0, 0] },
            {
              text: meeting.chair ?? '(.................................................)',
              bold: Boolean(meeting.chair),
            },
          ],
          alignment: 'center',
          margin: [250, 16, 0, 0],
        },
      ],
      unbreakable: true,
    },
  ];
  return definition('Daftar hadir', meeting, content);
}

/** The notulen as a PDF (action items' statuses as of `printedOn`, default today). */
export function notulenPdf(
  meeting: MeetingDetail,
  organizer: Organizer,
  printedOn?: string,
): Promise<Buffer> {
  return renderPdf(notulenDocument(meeting, organizer, printedOn));
}

/** A document as a PDF and its number of pages (as its footer is told). */
async function renderCounted(definition: TDocumentDefinitions): Promise<{ pdf: Buffer; pages: number }> {
  const { footer } = definition;
  let pages = 0;
  const pdf = await renderPdf({
    ...definition,
    footer: (page, count, size) => {
      pages = count;
      return typeof footer === 'function' ? footer(page, count, size) : footer;
    },
  });
  return { pdf, pages };
}

/**
 * The daftar hadir as a PDF (guests included; blank rows at the end for late arrivals). The blank rows
 * give way when they would push the list and its signature onto another page: fewer of them, or none.
 */
export async function daftarHadirPdf(meeting: MeetingDetail, organizer: Organizer): Promise<Buffer> {
  const spare = spareRows(meeting.attendees.length);
  const full = await renderCounted(daftarHadirDocument(meeting, organizer, spare));
  if (full.pages <= 1) return full.pdf;
  for (const fewer of [1, 0].filter((count) => count < spare)) {
    const shorter = await renderCounted(daftarHadirDocument(meeting, organizer, fewer));
    if (shorter.pages < full.pages) return shorter.pdf;
  }
  return full.pdf;
}
