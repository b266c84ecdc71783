import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { ActionItem, ActionItemStatus, MeetingDetail } from '../../../shared/meetings.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { dayMonthYear, longDate, shortDate } from '../governance/governance.text.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';

// The printable notulen (minutes) and daftar hadir (attendance list) of a coordination meeting, in the usual
// Indonesian layout: the organizer's letterhead, the meeting's particulars, and signature blocks. Official
// documents: always in Indonesian, whatever the reader's language.

export interface Organizer {
  name: string;
  address: string | null;
}

const ACTION_STATUS: Record<ActionItemStatus, string> = {
  open: 'Belum dikerjakan',
  in_progress: 'Sedang berjalan',
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

/** The pdfmake document of the notulen (exported for tests: its texts can be read before rendering). */
export function notulenDocument(meeting: MeetingDetail, organizer: Organizer): TDocumentDefinitions {
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
          ? actionTable(meeting.carriedOver, true)
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
      meeting.actionItems.length
        ? actionTable(meeting.actionItems, false)
        : { text: 'Tidak ada tindak lanjut.', italics: true, color: '#555555' },
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

/** The pdfmake document of the daftar hadir (exported for tests). */
export function daftarHadirDocument(meeting: MeetingDetail, organizer: Organizer): TDocumentDefinitions {
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
  // A few blank rows for those who come uninvited.
  const spare = Math.max(2, 8 - rows.length);
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
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [20, '*', 105, 120, 90],
        heights: (row: number) => (row === 0 ? 16 : 30),
        body: [head, ...rows],
      },
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 5, paddingBottom: () => 3 },
    },
    {
      stack: [
        { text: placeAndDate(meeting), margin: [0, 0, 0, 2] },
        'Pimpinan Rapat,',
        { text: ' ', margin: [0, 40, 0, 0] },
        {
          text: meeting.chair ?? '(.................................................)',
          bold: Boolean(meeting.chair),
        },
      ],
      alignment: 'center',
      margin: [280, 24, 0, 0],
      unbreakable: true,
    },
  ];
  return definition('Daftar hadir', meeting, content);
}

/** The notulen as a PDF. */
export function notulenPdf(meeting: MeetingDetail, organizer: Organizer): Promise<Buffer> {
  return renderPdf(notulenDocument(meeting, organizer));
}

/** The daftar hadir as a PDF (guests included; blank rows at the end for late arrivals). */
export function daftarHadirPdf(meeting: MeetingDetail, organizer: Organizer): Promise<Buffer> {
  return renderPdf(daftarHadirDocument(meeting, organizer));
}
