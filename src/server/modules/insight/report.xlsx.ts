import ExcelJS from 'exceljs';
import type { MonthlyReport } from '../../../shared/insightReport.ts';
import { excelDate } from '../people/export/people-export.labels.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';
import {
  AGREEMENT_EVENT_NAMES,
  AGREEMENT_KIND_SHORT,
  AGREEMENT_STATUS_NAMES,
  activityKindName,
  activityStatusName,
  dateText,
  FLOW_LABELS,
  HIDDEN,
  KIND_NAMES,
  monthLabel,
  NOT_OPEN,
  NOTES,
  PROVISIONAL,
  REPORT_TITLE,
  SUMMARY_LABELS,
  sectorName,
} from './report.labels.ts';

// The monthly report as a workbook: sheets Ringkasan (summary and the month's flow), Pelatihan (cohorts),
// Penempatan (by kelurahan, by sector), Hasil (outcome checks by window), Tata kelola (meetings, action items,
// work-plan activities, agreements). Each sheet starts with the organization's letterhead rows. Indonesian
// (a file that leaves the app); counts as numbers, a hidden count as the text "< 5"; dates as Excel dates.
// exceljs cannot write charts: the count columns of the chart tables carry data bars (conditional
// formatting) instead, so the bars show in Excel and LibreOffice. Created/modified are the month's last day.

export const SHEETS = ['Ringkasan', 'Pelatihan', 'Penempatan', 'Hasil', 'Tata kelola'] as const;
const DATE_FORMAT = 'dd/mm/yyyy';
const PERCENT_FORMAT = '0.0';
const BAR_COLOR = 'FF1971C2';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

type Cell = string | number | Date | null;

/** A count as a cell: the number, or "< 5" when hidden. */
const count = (value: number | null): Cell => (value === null ? HIDDEN : value);

interface SheetWriter {
  sheet: ExcelJS.Worksheet;
  /** The next empty row's number. */
  row: number;
}

/** The letterhead rows: organization, contact, title with month, period; then a blank row. */
function startSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  report: MonthlyReport,
  widths: number[],
): SheetWriter {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const organization = report.organization;
  const contact = [organization.address, organization.phone ? `Telp. ${organization.phone}` : null]
    .filter(Boolean)
    .join(' · ');
  const lines: [string, Partial<ExcelJS.Font>][] = [
    [letterhead(organization.name), { bold: true, size: 13 }],
    [contact, { size: 9 }],
    [
      `${REPORT_TITLE} — BULAN ${monthLabel(report.month).toLocaleUpperCase('id-ID')}${
        report.provisional ? ` (${PROVISIONAL})` : ''
      }`,
      { bold: true, size: 12 },
    ],
    [
      `${KIND_NAMES[organization.kind]} · periode ${dateText(report.periodStart)} – ${dateText(
        report.periodEnd,
      )} · data sampai ${dateText(report.periodEnd)}`,
      { size: 9 },
    ],
  ];
  lines.forEach(([text, font], index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = font;
    sheet.mergeCells(index + 1, 1, index + 1, widths.length);
    row.getCell(1).alignment = { horizontal: 'center' };
  });
  sheet.getRow(4).getCell(1).border = { bottom: { style: 'medium' } };
  return { sheet, row: lines.length + 2 };
}

function title(writer: SheetWriter, text: string) {
  const cell = writer.sheet.getRow(writer.row).getCell(1);
  cell.value = text;
  cell.font = { bold: true, size: 11 };
  writer.row += 1;
}

function header(writer: SheetWriter, labels: string[]) {
  const row = writer.sheet.getRow(writer.row);
  labels.forEach((label, index) => {
    const cell = row.getCell(index + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  writer.row += 1;
}

function line(
  writer: SheetWriter,
  values: Cell[],
  options: { bold?: boolean; formats?: (string | null)[] } = {},
) {
  const row = writer.sheet.getRow(writer.row);
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    cell.value = value;
    const format = options.formats?.[index] ?? (value instanceof Date ? DATE_FORMAT : null);
    if (format) cell.numFmt = format;
    if (typeof value === 'string' && value === HIDDEN) cell.alignment = { horizontal: 'right' };
    if (options.bold) cell.font = { bold: true };
  });
  writer.row += 1;
}

function gap(writer: SheetWriter, rows = 1) {
  writer.row += rows;
}

/** Data bars over a column's rows (the chart of that table). */
function dataBars(writer: SheetWriter, column: string, firstRow: number, lastRow: number, priority: number) {
  if (lastRow < firstRow) return;
  writer.sheet.addConditionalFormatting({
    ref: `${column}${firstRow}:${column}${lastRow}`,
    rules: [
      {
        type: 'dataBar',
        priority,
        gradient: false,
        cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
        color: { argb: BAR_COLOR },
      } as ExcelJS.DataBarRuleType,
    ],
  });
}

function notes(writer: SheetWriter, report: MonthlyReport) {
  gap(writer);
  title(writer, 'Catatan');
  const lines = [
    NOTES.period(report),
    ...(report.provisional ? [NOTES.provisional] : []),
    report.smallCountsHidden ? NOTES.hidden : NOTES.exact,
    'Grafik: batang data (data bar) pada kolom jumlah.',
  ];
  for (const text of lines) line(writer, [text]);
}

/** The workbook (exported for tests: its cells can be read without a file). */
export function monthlyReportWorkbook(report: MonthlyReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const created = new Date(`${report.periodEnd}T23:59:59+07:00`);
  workbook.creator = 'Sinergi';
  workbook.lastModifiedBy = 'Sinergi';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = `Laporan bulanan ${report.organization.shortName ?? report.organization.name} ${monthLabel(
    report.month,
  )}`;

  // Ringkasan: the summary, then the flow (with data bars).
  const summary = startSheet(workbook, 'Ringkasan', report, [6, 48, 16]);
  title(summary, 'A. Ringkasan bulan ini');
  header(summary, ['No', 'Uraian', 'Jumlah']);
  report.summary.forEach((row, index) => {
    line(
      summary,
      [index + 1, SUMMARY_LABELS[row.key], row.unit === 'percent' ? row.value : count(row.value)],
      {
        formats: [null, null, row.unit === 'percent' ? `${PERCENT_FORMAT}"%"` : null],
      },
    );
  });
  if (report.flow.length > 1) {
    gap(summary);
    title(summary, 'Alur warga binaan bulan ini (grafik: batang data)');
    header(summary, ['No', 'Tahap', 'Jumlah']);
    const first = summary.row;
    report.flow.forEach((stage, index) => {
      line(summary, [index + 1, FLOW_LABELS[stage.stage], count(stage.count)]);
    });
    dataBars(summary, 'C', first, summary.row - 1, 1);
  }
  notes(summary, report);

  // Pelatihan.
  const training = startSheet(workbook, 'Pelatihan', report, [32, 30, 24, 12, 12, 10, 10, 16, 10, 14]);
  title(training, 'B. Angkatan pelatihan yang berjalan pada bulan ini');
  header(training, [
    'Angkatan',
    'Program',
    'Penyelenggara',
    'Mulai',
    'Selesai',
    'Peserta',
    'Sesi',
    'Kehadiran (%)',
    'Selesai',
    'Bersertifikat',
  ]);
  if (!report.training) line(training, ['Organisasi ini tidak menyelenggarakan pelatihan.']);
  else if (report.training.cohorts.length === 0)
    line(training, ['Tidak ada angkatan pelatihan yang berjalan pada bulan ini.']);
  else
    for (const cohort of report.training.cohorts)
      line(
        training,
        [
          cohort.name,
          cohort.programName,
          cohort.providerName,
          excelDate(cohort.startDate),
          excelDate(cohort.endDate),
          count(cohort.enrolled),
          cohort.sessionsHeld,
          cohort.attendanceRate,
          count(cohort.completed),
          count(cohort.certified),
        ],
        { formats: [null, null, null, DATE_FORMAT, DATE_FORMAT, null, null, PERCENT_FORMAT, null, null] },
      );
  gap(training);
  line(training, [
    'Peserta, selesai, dan bersertifikat: keadaan pada akhir bulan. Sesi dan kehadiran: sesi bulan ini yang presensinya tercatat.',
  ]);

  // Penempatan: by kelurahan and by sector, each with its total and data bars.
  const placements = startSheet(workbook, 'Penempatan', report, [36, 16]);
  title(placements, 'C. Penempatan kerja menurut kelurahan');
  header(placements, ['Kelurahan', 'Penempatan']);
  let first = placements.row;
  for (const row of report.placements.byVillage) line(placements, [row.villageName, count(row.count)]);
  dataBars(placements, 'B', first, placements.row - 1, 1);
  line(placements, ['Jumlah', count(report.placements.total)], { bold: true });
  gap(placements);
  title(placements, 'Penempatan kerja menurut sektor (grafik: batang data)');
  header(placements, ['Sektor', 'Penempatan']);
  first = placements.row;
  for (const row of report.placements.bySector) line(placements, [sectorName(row.sector), count(row.count)]);
  dataBars(placements, 'B', first, placements.row - 1, 2);
  line(placements, ['Jumlah', count(report.placements.total)], { bold: true });

  // Hasil: outcome checks by window.
  const outcomes = startSheet(workbook, 'Hasil', report, [30, 14, 22, 16]);
  title(outcomes, 'D. Pemantauan pascabebas yang tercatat pada bulan ini');
  header(outcomes, ['Jendela pemantauan', 'Tercatat', 'Bekerja/usaha sendiri', 'Persentase (%)']);
  first = outcomes.row;
  for (const row of report.outcomes.rows)
    line(
      outcomes,
      [`${row.windowMonths} bulan setelah bebas`, count(row.checks), count(row.working), row.workingRate],
      { formats: [null, null, null, PERCENT_FORMAT] },
    );
  dataBars(outcomes, 'B', first, outcomes.row - 1, 1);
  line(
    outcomes,
    [
      'Jumlah',
      count(report.outcomes.total.checks),
      count(report.outcomes.total.working),
      report.outcomes.total.workingRate,
    ],
    { bold: true, formats: [null, null, null, PERCENT_FORMAT] },
  );

  // Tata kelola.
  const governance = report.governance;
  const board = startSheet(workbook, 'Tata kelola', report, [14, 44, 30, 16, 16, 22, 30]);
  title(board, `E.1 Rapat koordinasi yang dilaksanakan (${governance.meetings.length})`);
  header(board, ['Tanggal', 'Rapat', 'Penyelenggara']);
  for (const meeting of governance.meetings)
    line(board, [excelDate(meeting.heldOn), meeting.title ?? NOT_OPEN, meeting.organizer.name]);
  gap(board);
  title(board, 'E.2 Tindak lanjut rapat menurut organisasi pelaksana');
  header(board, ['No', 'Organisasi', 'Dibuka', 'Selesai', 'Terlambat akhir bulan']);
  governance.actionItems.forEach((row, index) => {
    line(board, [index + 1, row.organization.name, row.opened, row.done, row.overdue]);
  });
  line(
    board,
    [
      null,
      'Jumlah',
      governance.actionItemTotals.opened,
      governance.actionItemTotals.done,
      governance.actionItemTotals.overdue,
    ],
    { bold: true },
  );
  gap(board);
  title(board, 'E.3 Kegiatan program teknis pada bulan ini');
  header(board, ['Mulai', 'Kegiatan', 'Program teknis', 'Selesai', 'Jenis', 'Status', 'Penanggung jawab']);
  for (const activity of governance.activities)
    line(board, [
      excelDate(activity.startsOn),
      activity.title ?? NOT_OPEN,
      activity.workPlanTitle ?? NOT_OPEN,
      excelDate(activity.endsOn),
      activityKindName(activity.kind),
      activityStatusName(activity.status),
      activity.responsible.name,
    ]);
  gap(board);
  title(board, 'E.4 Kesepakatan yang ditandatangani atau berakhir masa berlakunya');
  header(board, [
    'Jenis',
    'Kesepakatan',
    'Para pihak',
    'Ditandatangani',
    'Berlaku s.d.',
    'Status',
    'Pada bulan ini',
  ]);
  for (const agreement of governance.agreements)
    line(board, [
      AGREEMENT_KIND_SHORT[agreement.kind],
      agreement.title ?? NOT_OPEN,
      agreement.parties.join('; '),
      excelDate(agreement.signedOn),
      excelDate(agreement.validUntil),
      AGREEMENT_STATUS_NAMES[agreement.status],
      agreement.events.map((event) => AGREEMENT_EVENT_NAMES[event]).join('; '),
    ]);
  return workbook;
}

/** The monthly report as XLSX bytes. */
export async function monthlyReportXlsx(report: MonthlyReport): Promise<Buffer> {
  const data = await monthlyReportWorkbook(report).xlsx.writeBuffer();
  return Buffer.from(data);
}
