import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { Language } from '../../../shared/common.ts';
import type { ActivityReport } from '../../../shared/governance.ts';
import { message } from '../../platform/messages.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';
import { dayMonthYear, longDate, programDate, shortDate } from './governance.text.ts';

// The printable activity report (Laporan Kegiatan): the organization's letterhead (its full name, as the
// notulen of the same meeting prints it, and its address), the particulars (activity, day and date, place),
// participants, the account of the activity and its results, and the signature of the one who made the
// report, dated the day it was made final (a draft: the day it is printed, and its header says so).

type Labels = Record<Language, string>;

const TEXT = {
  title: { id: 'LAPORAN KEGIATAN', en: 'ACTIVITY REPORT' },
  activity: { id: 'Nama kegiatan', en: 'Activity' },
  day: { id: 'Hari/tanggal', en: 'Day/date' },
  place: { id: 'Tempat', en: 'Place' },
  participants: { id: 'Peserta', en: 'Participants' },
  summary: { id: 'Uraian kegiatan', en: 'Account of the activity' },
  decisions: { id: 'Hasil dan kesepakatan', en: 'Results and decisions' },
  reporter: { id: 'Pembuat laporan,', en: 'Reported by,' },
  draft: { id: 'DRAFT — belum final', en: 'DRAFT — not final' },
} satisfies Record<string, Labels>;

export interface ReportPrintOptions {
  language: Language;
  /** 'yyyy-mm-dd'. */
  printedOn: string;
  /** Where the report is signed (the city of the organization), e.g. "Semarang". */
  city: string;
  /** The organization's address, under its name in the letterhead (none when null). */
  address: string | null;
}

/** The date above the signature: a final report's is the day it was made final; a draft's, today's print. */
export function reportDate(report: ActivityReport, printedOn: string): string {
  return report.status === 'final' ? programDate(report.updatedAt) : printedOn;
}

/**
 * A justified text whose ranges ("09.00–11.30", "2026–2027") are kept whole: a line may break after an en dash,
 * and justifying the line would then open a gap inside the range ("09.00– 11.30").
 */
export function keepRanges(text: string): string | Content[] {
  const pieces = text.split(/(\S+–\S+\s*)/);
  if (pieces.length === 1) return text;
  // The ranges are the odd pieces (the split's captures).
  return pieces
    .map((piece, index) => (index % 2 === 1 ? { text: piece, noWrap: true } : { text: piece }))
    .filter((piece) => piece.text !== '');
}

/** Text into paragraphs: blank lines separate them; single line breaks are kept. */
function paragraphs(text: string | null): Content[] {
  if (!text?.trim()) return [{ text: '-', margin: [0, 0, 0, 4] }];
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({
      text: keepRanges(paragraph),
      alignment: 'justify' as const,
      margin: [0, 0, 0, 6],
    })) as Content[];
}

/** Numbered lines ("1. …") as a hanging-indent list; other lines as they are. */
function lines(text: string | null): Content[] {
  if (!text?.trim()) return [{ text: '-' }];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const numbered = /^(\d+[.)])\s+(.*)$/.exec(line);
      if (!numbered) return { text: line, margin: [0, 0, 0, 2] };
      return {
        columns: [
          { text: numbered[1] as string, width: 20 },
          { text: keepRanges(numbered[2] as string), width: '*', alignment: 'justify' },
        ],
        margin: [0, 0, 0, 2],
      } as Content;
    });
}

/** The pdfmake document of an activity report (exported for tests: its texts can be read). */
export function activityReportDocument(
  report: ActivityReport,
  { language, printedOn, city, address }: ReportPrintOptions,
): TDocumentDefinitions {
  const t = (key: keyof typeof TEXT) => TEXT[key][language];
  const section = (label: string): Content => ({ text: label, style: 'heading' });
  const content: Content[] = [
    { text: letterhead(report.organization.name), style: 'letterhead' },
    ...(address ? [{ text: address, alignment: 'center' as const, fontSize: 8 }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 14] },
    { text: t('title'), style: 'title' },
    {
      table: {
        widths: [95, 8, '*'],
        body: [
          [t('activity'), ':', { text: report.title, bold: true }],
          [t('day'), ':', longDate(report.heldOn, language)],
          [t('place'), ':', report.place ?? '-'],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
    section(t('participants')),
    ...lines(report.participants),
    section(t('summary')),
    ...paragraphs(report.summary),
  ];
  // The signature is never alone on its page: it keeps the decisions with it, or their last lines when they
  // are many.
  const decisions = [section(t('decisions')), ...lines(report.decisions)];
  const kept = decisions.length <= 4 ? decisions.length : 1;
  const signature: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width: 200,
        alignment: 'center',
        stack: [
          `${city}, ${dayMonthYear(reportDate(report, printedOn), language)}`,
          t('reporter'),
          { text: ' ', margin: [0, 40, 0, 0] },
          // The one who made the report, not its last editor.
          { text: report.createdByName ?? '(...................................)', bold: true },
          report.organization.name,
        ],
      },
    ],
    margin: [0, 24, 0, 0],
  };
  content.push(...decisions.slice(0, -kept), {
    stack: [...decisions.slice(-kept), signature],
    unbreakable: true,
  });
  return {
    info: { title: `${TEXT.title[language]} — ${report.title}`, creator: 'Sinergi' },
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: {
      letterhead: { fontSize: 13, bold: true, alignment: 'center' },
      title: {
        fontSize: 14,
        bold: true,
        alignment: 'center',
        decoration: 'underline',
        margin: [0, 0, 0, 12],
      },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
    },
    header:
      report.status === 'draft'
        ? {
            text: t('draft'),
            alignment: 'right',
            color: '#b00020',
            bold: true,
            fontSize: 9,
            margin: [0, 20, 56, 0],
          }
        : undefined,
    footer: (page, pages) => ({
      text: `${message('GOVERNANCE_PDF_PRINTED', language, { date: shortDate(printedOn) })} · ${message(
        'GOVERNANCE_PDF_PAGE',
        language,
        { page, pages },
      )}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content,
  };
}

/** The activity report as a PDF. */
export function activityReportPdf(report: ActivityReport, options: ReportPrintOptions): Promise<Buffer> {
  return renderPdf(activityReportDocument(report, options));
}
