import type { CanvasElement, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { MonthlyReport } from '../../../shared/insightReport.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { cityOf, dayMonthYear } from '../governance/governance.text.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';
import {
  AGREEMENT_EVENT_NAMES,
  AGREEMENT_KIND_SHORT,
  AGREEMENT_STATUS_NAMES,
  activityKindName,
  activityStatusName,
  countText,
  dateText,
  FLOW_LABELS,
  KIND_NAMES,
  monthLabel,
  NOT_OPEN,
  NOTES,
  PROVISIONAL,
  percentText,
  REPORT_TITLE,
  SUMMARY_LABELS,
  sectorName,
  summaryValueText,
} from './report.labels.ts';

// The printed monthly report (portrait A4, Indonesian): the organization's letterhead, the title and month,
// A. the summary with the month's flow as a bar chart, B. training cohorts (prison and partners), C. placements
// by kelurahan and by sector (a bar chart), D. outcome checks by window, E. governance; notes on hidden
// counts, a signature block dated the month's last day and page numbers. Charts are pdfmake vectors (canvas
// rectangles) with each figure printed beside its bar; a hidden count has no bar and reads "< 5". The
// creation date is the month's last day, so the same report gives the same bytes.

/** Portrait A4 (595.28 pt) less 40 pt margins. */
const WIDTH = 515;
const BAR = '#1971c2';
const GRID = '#adb5bd';

type Margin = [number, number, number, number];

const th = (text: string, alignment: 'left' | 'right' | 'center' = 'left'): TableCell => ({
  text,
  style: 'th',
  alignment,
});
const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', noWrap: true, bold });

/** The layout of the data tables: light rules, a little padding. */
const TABLE_LAYOUT = {
  hLineWidth: (row: number, node: { table: { body: unknown[] } }) =>
    row === 0 || row === 1 || row === node.table.body.length ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => '#868e96',
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/**
 * A horizontal bar chart: one row per bar (label, bar, figure). Bars scale to the largest shown figure; a
 * hidden figure gets no bar.
 */
export function horizontalBars(
  bars: { label: string; value: number | null }[],
  options: { labelWidth?: number; color?: string } = {},
): Content {
  const labelWidth = options.labelWidth ?? 150;
  const valueWidth = 44;
  const barMax = WIDTH - labelWidth - valueWidth - 24;
  const max = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  return {
    table: {
      widths: [labelWidth, barMax, valueWidth],
      body: bars.map((bar): TableCell[] => {
        const width = bar.value && max ? Math.max(1, (bar.value / max) * barMax) : 0;
        const shapes: CanvasElement[] = [
          // The axis, so every row has the same height and the bars a common origin.
          { type: 'line', x1: 0, y1: 0, x2: 0, y2: 14, lineWidth: 0.6, lineColor: GRID },
        ];
        if (width > 0)
          shapes.push({ type: 'rect', x: 0, y: 2, w: width, h: 10, color: options.color ?? BAR });
        // A hidden figure: a short outlined stub, not a bar of any size.
        if (bar.value === null)
          shapes.push({
            type: 'rect',
            x: 0,
            y: 2,
            w: 10,
            h: 10,
            lineColor: GRID,
            lineWidth: 0.6,
            dash: { length: 2 },
          });
        return [
          { text: bar.label, fontSize: 9 },
          { canvas: shapes },
          { text: countText(bar.value), fontSize: 9, alignment: 'right', bold: true },
        ];
      }),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  };
}

/**
 * A vertical bar chart of a few stages (the month's flow): one column per stage with its figure above the
 * bar and its name below, bars on a common baseline.
 */
export function verticalBars(bars: { label: string; value: number | null }[]): Content {
  const height = 110;
  const columnWidth = Math.floor(WIDTH / Math.max(bars.length, 1));
  const barWidth = Math.min(56, columnWidth - 20);
  const max = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  return {
    columns: bars.map((bar) => {
      const h = bar.value && max ? Math.max(1, (bar.value / max) * (height - 4)) : 0;
      const x = (columnWidth - barWidth) / 2;
      const shapes: CanvasElement[] = [
        { type: 'line', x1: 0, y1: height, x2: columnWidth, y2: height, lineWidth: 0.8, lineColor: GRID },
      ];
      if (h > 0) shapes.push({ type: 'rect', x, y: height - h, w: barWidth, h, color: BAR });
      // A hidden figure: a short outlined stub, not a bar of any size.
      if (bar.value === null)
        shapes.push({
          type: 'rect',
          x,
          y: height - 10,
          w: barWidth,
          h: 10,
          lineColor: GRID,
          lineWidth: 0.6,
          dash: { length: 2 },
        });
      return {
        width: columnWidth,
        stack: [
          { text: countText(bar.value), alignment: 'center', bold: true, fontSize: 11, margin: [0, 0, 0, 2] },
          { canvas: shapes },
          { text: bar.label, alignment: 'center', fontSize: 8, margin: [0, 3, 0, 0] },
        ],
      } as Content;
    }),
    columnGap: 0,
  };
}

function heading(text: string): Content {
  return { text, style: 'heading' };
}

function subheading(text: string): Content {
  return { text, style: 'subheading' };
}

/**
 * A data table with its header row and, optionally, its title: a short one (≤ 16 rows) stays on one page
 * with its title; a longer one may break, its header row repeated.
 */
function dataTable(
  title: Content | null,
  widths: (number | string)[],
  head: TableCell[],
  rows: TableCell[][],
  options: { total?: TableCell[] } = {},
): Content {
  const body = [head, ...rows, ...(options.total ? [options.total] : [])];
  const table: Content = {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: TABLE_LAYOUT,
    fontSize: 9,
  };
  const items = title ? [title, table] : [table];
  return body.length <= 17 ? { stack: items, unbreakable: true } : { stack: items };
}

const none = (text = 'Tidak ada pada bulan ini.'): Content => ({
  text,
  style: 'muted',
  margin: [0, 0, 0, 4],
});

const notOpen = () => ({ text: NOT_OPEN, italics: true, color: '#666666' });

/** Who signs the report for the organization. */
function signatory(organization: MonthlyReport['organization']): string {
  switch (organization.kind) {
    case 'prison':
    case 'probation':
      return `Kepala ${organization.shortName ?? organization.name}`;
    case 'district':
      return `Camat ${organization.name.replace(/^kecamatan\s+/i, '')}`;
    case 'village':
      return `Lurah ${organization.name.replace(/^kelurahan\s+/i, '')}`;
    case 'partner':
      return `Pimpinan ${organization.name}`;
  }
}

/** The pdfmake document (exported for tests: its texts can be read before rendering). */
export function monthlyReportDocument(report: MonthlyReport): TDocumentDefinitions {
  const organization = report.organization;
  const contact = [
    organization.address,
    organization.phone ? `Telp. ${organization.phone}` : null,
    organization.email,
  ]
    .filter(Boolean)
    .join(' · ');
  const month = monthLabel(report.month);
  const content: Content[] = [
    { text: letterhead(organization.name), style: 'letterhead' },
    ...(contact ? [{ text: contact, alignment: 'center' as const, fontSize: 8 }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: WIDTH, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 10] },
    { text: REPORT_TITLE, style: 'title' },
    {
      text: [
        `BULAN ${month.toLocaleUpperCase('id-ID')}`,
        ...(report.provisional ? [{ text: `  (${PROVISIONAL})`, color: '#c92a2a' }] : []),
      ],
      style: 'subtitle',
    },
    {
      table: {
        widths: [110, 8, '*'],
        body: [
          ['Organisasi', ':', { text: organization.name, bold: true }],
          ['Jenis', ':', KIND_NAMES[organization.kind]],
          ['Periode', ':', `${dateText(report.periodStart)} – ${dateText(report.periodEnd)}`],
          [
            'Keadaan data',
            ':',
            report.provisional
              ? `Sementara, sampai ${dateText(report.periodEnd)}`
              : `Sampai ${dateText(report.periodEnd)}`,
          ],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 6],
    },
  ];

  // A section's heading stays with the block that follows it: merged into it when that block is kept on
  // one page, else put just before it (a long table starts on the same page with its header row). No
  // pageBreakBefore callback: pdfmake lays the whole document out again for it, seconds for a large prison.
  let pending: Content[] = [];
  const add = (block: Content) => {
    const kept = block as { stack?: Content[]; unbreakable?: boolean };
    if (pending.length === 0) content.push(block);
    else if (kept.unbreakable && kept.stack)
      content.push({ ...kept, stack: [...pending, ...kept.stack] } as Content);
    else if (kept.unbreakable || !kept.stack) content.push({ stack: [...pending, block], unbreakable: true });
    else content.push(...pending, block);
    pending = [];
  };

  // A. Summary and the month's flow.
  pending.push(heading('A. Ringkasan bulan ini'));
  add(
    dataTable(
      null,
      [22, '*', 90],
      [th('No', 'center'), th('Uraian'), th('Jumlah', 'right')],
      report.summary.map((row, index): TableCell[] => [
        { text: String(index + 1), alignment: 'center' },
        SUMMARY_LABELS[row.key],
        right(summaryValueText(row), true),
      ]),
    ),
  );
  if (report.flow.length > 1)
    add({
      stack: [
        subheading('Grafik 1. Alur warga binaan bulan ini'),
        verticalBars(report.flow.map((stage) => ({ label: FLOW_LABELS[stage.stage], value: stage.count }))),
        {
          text: 'Jumlah kejadian pada bulan ini di tiap tahap (bukan orang yang sama yang diikuti dari tahap ke tahap).',
          style: 'muted',
          margin: [0, 4, 0, 0],
        },
      ],
      unbreakable: true,
      margin: [0, 6, 0, 0],
    });

  // B. Training (prison and partners), then the other sections lettered in order.
  let section = 'B';
  const next = () => {
    const letter = section;
    section = String.fromCharCode(section.charCodeAt(0) + 1);
    return letter;
  };
  if (report.training) {
    pending.push(heading(`${next()}. Pelatihan keterampilan`));
    if (report.training.cohorts.length)
      add(
        dataTable(
          null,
          ['*', 104, 40, 30, 50, 40, 56],
          [
            th('Angkatan / program'),
            th('Periode'),
            th('Peserta', 'right'),
            th('Sesi', 'right'),
            th('Kehadiran', 'right'),
            th('Selesai', 'right'),
            th('Bersertifikat', 'right'),
          ],
          report.training.cohorts.map((cohort): TableCell[] => [
            // One text of two lines, not a stack: a large prison prints a thousand rows.
            {
              text: [
                { text: cohort.name, bold: true },
                { text: `\n${cohort.programName} · ${cohort.providerName}`, fontSize: 8, color: '#444444' },
              ],
            },
            { text: `${dateText(cohort.startDate)} – ${dateText(cohort.endDate)}`, noWrap: true },
            right(countText(cohort.enrolled)),
            right(String(cohort.sessionsHeld)),
            right(percentText(cohort.attendanceRate)),
            right(countText(cohort.completed)),
            right(countText(cohort.certified)),
          ]),
        ),
      );
    else add(none('Tidak ada angkatan pelatihan yang berjalan pada bulan ini.'));
    add({
      text: 'Peserta, selesai, dan bersertifikat: keadaan pada akhir bulan. Sesi dan kehadiran: sesi bulan ini yang presensinya tercatat.',
      style: 'muted',
      margin: [0, 2, 0, 0],
    });
  }

  // Placements.
  const placements = report.placements;
  pending.push(heading(`${next()}. Penempatan kerja`));
  pending.push({
    text: ['Penempatan pada bulan ini: ', { text: countText(placements.total), bold: true }],
    margin: [0, 0, 0, 4],
  });
  if (placements.byVillage.length) {
    add(
      dataTable(
        subheading('Tabel menurut kelurahan'),
        ['*', 90],
        [th('Kelurahan'), th('Penempatan', 'right')],
        placements.byVillage.map((row): TableCell[] => [row.villageName, right(countText(row.count))]),
        { total: [{ text: 'Jumlah', bold: true }, right(countText(placements.total), true)] },
      ),
    );
    add({
      stack: [
        subheading('Grafik 2. Penempatan menurut sektor'),
        horizontalBars(
          placements.bySector.map((row) => ({ label: sectorName(row.sector), value: row.count })),
        ),
        {
          text: `Jumlah: ${countText(placements.total)}`,
          fontSize: 9,
          bold: true,
          alignment: 'right',
          margin: [0, 2, 0, 0],
        },
      ],
      unbreakable: true,
    });
  } else add(none('Tidak ada penempatan kerja pada bulan ini.'));

  // Outcomes.
  pending.push(heading(`${next()}. Pemantauan pascabebas`));
  const outcomes = report.outcomes;
  add(
    dataTable(
      null,
      ['*', 90, 110, 70],
      [
        th('Jendela pemantauan'),
        th('Tercatat', 'right'),
        th('Bekerja/usaha sendiri', 'right'),
        th('Persentase', 'right'),
      ],
      outcomes.rows.map((row): TableCell[] => [
        `${row.windowMonths} bulan setelah bebas`,
        right(countText(row.checks)),
        right(countText(row.working)),
        right(percentText(row.workingRate)),
      ]),
      {
        total: [
          { text: 'Jumlah', bold: true },
          right(countText(outcomes.total.checks), true),
          right(countText(outcomes.total.working), true),
          right(percentText(outcomes.total.workingRate), true),
        ],
      },
    ),
  );

  // Governance.
  const governance = report.governance;
  pending.push(heading(`${next()}. Tata kelola`));
  const meetingsTitle = subheading(`1. Rapat koordinasi yang dilaksanakan: ${governance.meetings.length}`);
  if (governance.meetings.length)
    add(
      dataTable(
        meetingsTitle,
        [60, '*', 160],
        [th('Tanggal'), th('Rapat'), th('Penyelenggara')],
        governance.meetings.map((meeting): TableCell[] => [
          dateText(meeting.heldOn),
          meeting.title ?? notOpen(),
          meeting.organizer.name,
        ]),
      ),
    );
  else add(meetingsTitle);
  const itemsTitle = subheading('2. Tindak lanjut rapat menurut organisasi pelaksana');
  if (governance.actionItems.length)
    add(
      dataTable(
        itemsTitle,
        ['*', 70, 70, 110],
        [
          th('Organisasi'),
          th('Dibuka', 'right'),
          th('Selesai', 'right'),
          th('Terlambat akhir bulan', 'right'),
        ],
        governance.actionItems.map((row): TableCell[] => [
          row.organization.name,
          right(String(row.opened)),
          right(String(row.done)),
          right(String(row.overdue)),
        ]),
        {
          total: [
            { text: 'Jumlah', bold: true },
            right(String(governance.actionItemTotals.opened), true),
            right(String(governance.actionItemTotals.done), true),
            right(String(governance.actionItemTotals.overdue), true),
          ],
        },
      ),
    );
  else add({ stack: [itemsTitle, none()], unbreakable: true });
  const activitiesTitle = subheading('3. Kegiatan program teknis pada bulan ini');
  if (governance.activities.length)
    add(
      dataTable(
        activitiesTitle,
        ['*', 110, 110, 58],
        [th('Kegiatan / program teknis'), th('Penanggung jawab'), th('Waktu'), th('Status')],
        governance.activities.map((activity): TableCell[] => [
          {
            stack: [
              activity.title ? { text: activity.title, bold: true } : notOpen(),
              {
                text: [activityKindName(activity.kind), activity.workPlanTitle].filter(Boolean).join(' · '),
                style: 'small',
              },
            ],
          },
          activity.responsible.name,
          activity.startsOn === activity.endsOn
            ? dateText(activity.startsOn)
            : `${dateText(activity.startsOn)} – ${dateText(activity.endsOn)}`,
          activityStatusName(activity.status),
        ]),
      ),
    );
  else add({ stack: [activitiesTitle, none()], unbreakable: true });
  const agreementsTitle = subheading('4. Kesepakatan yang ditandatangani atau berakhir masa berlakunya');
  if (governance.agreements.length)
    add(
      dataTable(
        agreementsTitle,
        [32, '*', 120, 60, 62],
        [th('Jenis'), th('Kesepakatan / para pihak'), th('Pada bulan ini'), th('Berlaku s.d.'), th('Status')],
        governance.agreements.map((agreement): TableCell[] => [
          AGREEMENT_KIND_SHORT[agreement.kind],
          {
            stack: [
              agreement.title ? { text: agreement.title, bold: true } : notOpen(),
              { text: agreement.parties.join('; '), style: 'small' },
            ],
          },
          agreement.events
            .map((event) =>
              event === 'signed'
                ? `${AGREEMENT_EVENT_NAMES.signed} ${dateText(agreement.signedOn)}`
                : AGREEMENT_EVENT_NAMES.expiring,
            )
            .join('; '),
          dateText(agreement.validUntil),
          AGREEMENT_STATUS_NAMES[agreement.status],
        ]),
      ),
    );
  else add({ stack: [agreementsTitle, none()], unbreakable: true });

  // Notes and signature.
  const notes = [
    NOTES.period(report),
    ...(report.provisional ? [NOTES.provisional] : []),
    report.smallCountsHidden ? NOTES.hidden : NOTES.exact,
    NOTES.notOpen,
  ];
  add({
    stack: [
      { text: 'Catatan', bold: true, fontSize: 9, margin: [0, 12, 0, 2] },
      { ol: notes, style: 'muted' },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 220,
            alignment: 'center',
            stack: [
              `${cityOf(organization.address)}, ${dayMonthYear(report.periodEnd)}`,
              signatory(organization),
              { text: ' ', margin: [0, 40, 0, 0] as Margin },
              '(...................................)',
            ],
          },
        ],
        margin: [0, 16, 0, 0] as Margin,
      },
    ],
    unbreakable: true,
  });

  const creationDate = new Date(`${report.periodEnd}T23:59:59+07:00`);
  return {
    info: {
      title: `Laporan bulanan ${organization.shortName ?? organization.name} ${month}`,
      author: organization.name,
      subject: REPORT_TITLE,
      creator: 'Sinergi',
      producer: 'Sinergi',
      creationDate,
      modDate: creationDate,
    },
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 36, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      letterhead: { fontSize: 13, bold: true, alignment: 'center' },
      title: { fontSize: 14, bold: true, alignment: 'center' },
      subtitle: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 2, 0, 10] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      subheading: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 3] },
      muted: { color: '#555555', fontSize: 8 },
      small: { color: '#444444', fontSize: 8 },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    footer: (page, pages) => ({
      text: `${organization.shortName ?? organization.name} · Laporan bulanan ${month}${
        report.provisional ? ' (sementara)' : ''
      } · halaman ${page} dari ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content,
  };
}

/** The monthly report as PDF bytes. */
export function monthlyReportPdf(report: MonthlyReport): Promise<Buffer> {
  return renderPdf(monthlyReportDocument(report));
}
