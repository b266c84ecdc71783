import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { AttendanceMark } from '../../../../shared/attendance.ts';
import { renderPdf } from '../../../platform/pdf.ts';
import { dayAndDate, remarkOf } from './attendance.labels.ts';

export interface DaftarHadir {
  organization: { name: string; kind: string; address: string | null };
  programName: string;
  cohortName: string;
  session: {
    date: string;
    start: string;
    end: string;
    status: 'scheduled' | 'cancelled';
    cancelReason: string | null;
    recorded: boolean;
  };
  room: string | null;
  instructorName: string | null;
  /** Registration numbers are left out for a partner's instructor. */
  withRegistrationNumbers: boolean;
  people: { fullName: string; registrationNumber: string | null; mark: AttendanceMark | null }[];
}

/** The letterhead: the institution's full name in capitals ("Lapas …" → "LEMBAGA PEMASYARAKATAN …"). */
export function letterhead(name: string): string {
  return name
    .replace(/^lapas\b/i, 'Lembaga Pemasyarakatan')
    .replace(/^bapas\b/i, 'Balai Pemasyarakatan')
    .toLocaleUpperCase('id-ID');
}

/**
 * The printable attendance list of one session (daftar hadir): letterhead, the session's particulars, one
 * row per participant with her remark (blank for signing when the session is not recorded yet) and a
 * signature column, and the signature block of the instructor.
 */
export async function daftarHadirPdf(input: DaftarHadir): Promise<Buffer> {
  const { session } = input;
  const header: TableCell[] = [
    { text: 'No', style: 'th' },
    { text: 'Nama', style: 'th' },
    ...(input.withRegistrationNumbers ? [{ text: 'No. Registrasi', style: 'th' }] : []),
    { text: 'Keterangan', style: 'th' },
    { text: 'Tanda tangan', style: 'th' },
  ];
  const rows: TableCell[][] = input.people.map((person, index) => [
    { text: String(index + 1), alignment: 'center' },
    person.fullName,
    ...(input.withRegistrationNumbers ? [person.registrationNumber ?? ''] : []),
    session.recorded ? remarkOf(person.mark) : '',
    // The signature column alternates left and right, as on the paper registers.
    { text: `${index + 1}.`, alignment: index % 2 === 0 ? 'left' : 'center', color: '#777777' },
  ]);
  const particulars: [string, string][] = [
    ['Program pelatihan', input.programName],
    ['Angkatan', input.cohortName],
    ['Hari/Tanggal', dayAndDate(session.date)],
    ['Waktu', `${session.start}–${session.end} WIB`],
    ['Ruang', input.room ?? '-'],
    ['Instruktur', input.instructorName ?? '-'],
  ];
  const content: Content[] = [
    { text: letterhead(input.organization.name), style: 'letterhead' },
    ...(input.organization.address
      ? [{ text: input.organization.address, alignment: 'center' as const, fontSize: 8 }]
      : []),
    {
      canvas: [{ type: 'line', x1: 0, y1: 4, x2: 523, y2: 4, lineWidth: 1.5 }],
      margin: [0, 2, 0, 10],
    },
    { text: 'DAFTAR HADIR', style: 'title' },
    { text: 'PESERTA PELATIHAN KETERAMPILAN', style: 'subtitle' },
    {
      table: {
        widths: [100, 8, '*'],
        body: particulars.map(([label, value]) => [label, ':', { text: value, bold: true }]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
    ...(session.status === 'cancelled'
      ? [
          {
            text: `Sesi ini dibatalkan${session.cancelReason ? `: ${session.cancelReason}` : ''}.`,
            bold: true,
            margin: [0, 0, 0, 8] as [number, number, number, number],
          },
        ]
      : []),
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: input.withRegistrationNumbers ? [22, '*', 80, 110, 90] : [22, '*', 130, 100],
        heights: (row: number) => (row === 0 ? 16 : 22),
        body: [header, ...rows],
      },
      layout: {
        hLineWidth: () => 0.6,
        vLineWidth: () => 0.6,
        paddingTop: () => 5,
        paddingBottom: () => 3,
      },
    },
    {
      text: `Jumlah peserta: ${input.people.length} orang${
        session.recorded
          ? `; hadir ${input.people.filter((person) => person.mark?.present).length}, tidak hadir ${
              input.people.filter((person) => person.mark && !person.mark.present).length
            }`
          : ''
      }.`,
      margin: [0, 6, 0, 0],
    },
    {
      columns: [
        {
          width: '50%',
          alignment: 'center',
          stack: [
            'Mengetahui,',
            'Kepala Seksi Kegiatan Kerja',
            { text: ' ', margin: [0, 36, 0, 0] },
            '(.................................................)',
          ],
        },
        {
          width: '50%',
          alignment: 'center',
          stack: [
            dayAndDate(session.date).split(', ')[1] ?? '',
            'Instruktur,',
            { text: ' ', margin: [0, 36, 0, 0] },
            `( ${input.instructorName ?? '..........................................'} )`,
          ],
        },
      ],
      margin: [0, 24, 0, 0],
      unbreakable: true,
    },
  ];
  const definition: TDocumentDefinitions = {
    info: { title: `Daftar hadir ${input.cohortName} ${session.date}`, creator: 'Sinergi' },
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      letterhead: { fontSize: 13, bold: true, alignment: 'center' },
      title: { fontSize: 14, bold: true, alignment: 'center' },
      subtitle: { fontSize: 10, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      th: { bold: true, alignment: 'center', fillColor: '#eeeeee' },
    },
    footer: (page, pages) => ({
      text: `${input.cohortName} · ${dayAndDate(session.date)} · halaman ${page} dari ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content,
  };
  return renderPdf(definition);
}
