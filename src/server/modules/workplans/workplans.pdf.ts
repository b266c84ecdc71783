import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';
import type { Language } from '../../../shared/common.ts';
import { BUDGET_SOURCES, type WorkPlan } from '../../../shared/workplans.ts';
import { message } from '../../platform/messages.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { displayDate } from '../people/export/people-export.labels.ts';
import { letterhead } from '../training/attendance/daftar-hadir.pdf.ts';
import {
  ACTIVITY_STATUS_LABELS,
  AGREEMENT_KIND_LABELS,
  KIND_LABELS,
  type Labels,
  METRIC_LABELS,
  PLAN_STATUS_LABELS,
  rupiah,
  SOURCE_LABELS,
  suppressedCount,
} from './workplans.labels.ts';

// The printable work plan (Program Teknis), landscape A4: the letterhead of the organization that made it,
// the plan's particulars (agreement, parties, period, status, objectives), A. the activities table, B. the
// budget by source, C. the targets with their actual and percentage, and a signature block for the parties.
// In the language of the user who prints it.

const TEXT = {
  title: { id: 'PROGRAM TEKNIS', en: 'TECHNICAL WORK PLAN' },
  agreement: { id: 'Dasar kesepakatan', en: 'Agreement' },
  parties: { id: 'Para pihak', en: 'Parties' },
  period: { id: 'Periode', en: 'Period' },
  status: { id: 'Status', en: 'Status' },
  objectives: { id: 'Tujuan', en: 'Objectives' },
  activities: { id: 'A. Kegiatan', en: 'A. Activities' },
  budget: { id: 'B. Anggaran', en: 'B. Budget' },
  targets: { id: 'C. Target dan capaian', en: 'C. Targets and results' },
  no: { id: 'No', en: 'No' },
  activity: { id: 'Kegiatan', en: 'Activity' },
  responsible: { id: 'Penanggung jawab', en: 'Responsible' },
  location: { id: 'Lokasi', en: 'Location' },
  time: { id: 'Waktu', en: 'Dates' },
  amount: { id: 'Anggaran', en: 'Budget' },
  source: { id: 'Sumber', en: 'Source' },
  cohort: { id: 'Angkatan', en: 'Cohort' },
  sourceOfFunds: { id: 'Sumber anggaran', en: 'Source of funds' },
  activityCount: { id: 'Jumlah kegiatan', en: 'Activities' },
  total: { id: 'Jumlah', en: 'Total' },
  unfunded: { id: 'Kegiatan tanpa anggaran', en: 'Activities without a budget' },
  cancelledLeftOut: {
    id: 'Kegiatan yang dibatalkan tidak dihitung.',
    en: 'Cancelled activities are not counted.',
  },
  target: { id: 'Sasaran', en: 'Target' },
  metric: { id: 'Ukuran', en: 'Measure' },
  value: { id: 'Target', en: 'Target' },
  actual: { id: 'Capaian', en: 'Actual' },
  percent: { id: '%', en: '%' },
  actualNote: {
    id: 'Capaian selain "Diisi manual" dihitung oleh sistem dari data para pihak kesepakatan selama periode ini (jumlah, tanpa nama; jumlah 1–4 ditampilkan "< 5" di luar Lapas dan Bapas).',
    en: 'Actuals other than "Entered by hand" are counted by the system from the agreement parties’ data over this period (counts, no names; counts of 1–4 are shown "< 5" outside the prison and probation office).',
  },
  none: { id: 'Belum ada.', en: 'None yet.' },
  phone: { id: 'Telp.', en: 'Tel.' },
  party: { id: 'PIHAK', en: 'PARTY' },
  positions: {
    id: 'PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM',
    en: 'ONE|TWO|THREE|FOUR|FIVE|SIX',
  },
} satisfies Record<string, Labels>;

export interface WorkPlanPrintOptions {
  language: Language;
  /** 'yyyy-mm-dd'. */
  printedOn: string;
  /** The organization that made the plan: its letterhead. */
  organization: { name: string; address: string | null; phone: string | null };
}

/** dd/mm/yyyy, '-' when empty. */
const date = (value: string | null | undefined) => displayDate(value) || '-';
const span = (start: string, end: string) => (start === end ? date(start) : `${date(start)} – ${date(end)}`);

/** The cells of a row in grey (each cell, so a stack's own colours give way too). */
function greyIf(grey: boolean, cells: TableCell[]): TableCell[] {
  if (!grey) return cells;
  const color = '#888888';
  return cells.map((cell): TableCell => {
    if (typeof cell !== 'object' || cell === null) return { text: String(cell ?? ''), color };
    const stack = (cell as { stack?: unknown }).stack;
    if (Array.isArray(stack))
      return {
        ...cell,
        stack: stack.map((item) => ({ ...(item as object), color }) as Content),
      } as TableCell;
    return { ...cell, color } as TableCell;
  });
}

/** Landscape A4 (841.89 × 595.28 pt) less 36 pt margins. */
const WIDTH = 770;

export function workPlanPdf(plan: WorkPlan, options: WorkPlanPrintOptions): Promise<Buffer> {
  return renderPdf(workPlanDocument(plan, options));
}

/** The pdfmake document (exported for tests: its texts can be read before rendering). */
export function workPlanDocument(
  plan: WorkPlan,
  { language, printedOn, organization }: WorkPlanPrintOptions,
): TDocumentDefinitions {
  const t = (key: Exclude<keyof typeof TEXT, 'positions'>) => TEXT[key][language];
  const th = (text: string, alignment: 'left' | 'right' | 'center' = 'left'): TableCell => ({
    text,
    style: 'th',
    alignment,
  });
  const right = (text: string): TableCell => ({ text, alignment: 'right', noWrap: true });
  const positions = TEXT.positions[language].split('|');
  const contact = [organization.address, organization.phone ? `${t('phone')} ${organization.phone}` : null]
    .filter(Boolean)
    .join(' · ');

  const particulars: [string, string][] = [
    [t('agreement'), `${AGREEMENT_KIND_LABELS[plan.agreement.kind][language]}: ${plan.agreement.title}`],
    [t('parties'), plan.agreement.parties.map((party) => party.name).join('; ') || '-'],
    [t('period'), span(plan.periodStart, plan.periodEnd)],
    [t('status'), PLAN_STATUS_LABELS[plan.status][language]],
  ];
  const content: Content[] = [
    { text: letterhead(organization.name), style: 'letterhead' },
    ...(contact ? [{ text: contact, alignment: 'center' as const, fontSize: 8 }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: WIDTH, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 10] },
    { text: t('title'), style: 'title' },
    { text: plan.title, style: 'subtitle' },
    {
      table: {
        widths: [110, 8, '*'],
        body: particulars.map(([label, value]) => [label, ':', { text: value, bold: true }]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 4],
    },
  ];
  if (plan.objectives)
    content.push({
      table: { widths: [110, 8, '*'], body: [[t('objectives'), ':', plan.objectives]] },
      layout: 'noBorders',
    });

  // A. Activities.
  content.push({ text: t('activities'), style: 'heading' });
  if (plan.activities.length)
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [20, '*', 110, 90, 95, 80, 55, 62],
        body: [
          [
            th(t('no'), 'center'),
            th(t('activity')),
            th(t('responsible')),
            th(t('location')),
            th(t('time')),
            th(t('amount'), 'right'),
            th(t('source')),
            th(t('status')),
          ],
          ...plan.activities.map((activity, index): TableCell[] =>
            // A cancelled activity stays on the page, greyed: it is left out of the budget.
            greyIf(activity.status === 'cancelled', [
              { text: String(index + 1), alignment: 'center' },
              {
                stack: [
                  { text: activity.title, bold: true },
                  { text: KIND_LABELS[activity.kind][language], style: 'small' },
                  ...(activity.cohort
                    ? [{ text: `${t('cohort')}: ${activity.cohort.name}`, style: 'small' }]
                    : []),
                  ...(activity.description ? [{ text: activity.description, style: 'small' }] : []),
                ],
              },
              activity.responsibleOrganization.name,
              activity.location ?? '-',
              span(activity.startsOn, activity.endsOn),
              right(activity.budgetAmount ? rupiah(activity.budgetAmount) : '-'),
              SOURCE_LABELS[activity.budgetSource][language],
              ACTIVITY_STATUS_LABELS[activity.status][language],
            ]),
          ),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    });
  else content.push({ text: t('none'), style: 'muted' });

  // B. Budget by source: kept on one page with its heading.
  const budget: Content[] = [{ text: t('budget'), style: 'heading' }];
  budget.push({
    table: {
      headerRows: 1,
      widths: [160, 90, 110],
      body: [
        [th(t('sourceOfFunds')), th(t('activityCount'), 'right'), th(t('amount'), 'right')],
        ...BUDGET_SOURCES.map((source): TableCell[] => {
          const line = plan.budget.bySource.find((item) => item.source === source);
          return [
            SOURCE_LABELS[source][language],
            right(String(line?.activityCount ?? 0)),
            right(rupiah(line?.amount ?? 0)),
          ];
        }),
        [
          { text: t('total'), bold: true },
          right(String(plan.budget.bySource.reduce((sum, item) => sum + item.activityCount, 0))),
          { text: rupiah(plan.budget.total), alignment: 'right', bold: true, noWrap: true },
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  });
  budget.push({
    text: `${t('unfunded')}: ${plan.budget.unfundedCount}. ${t('cancelledLeftOut')}`,
    style: 'muted',
    margin: [0, 2, 0, 0],
  });
  content.push({ stack: budget, unbreakable: true });

  // C. Targets.
  content.push({ text: t('targets'), style: 'heading' });
  if (plan.targets.length) {
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [20, '*', 170, 150, 50, 50, 40],
        body: [
          [
            th(t('no'), 'center'),
            th(t('target')),
            th(t('metric')),
            th(t('activity')),
            th(t('value'), 'right'),
            th(t('actual'), 'right'),
            th(t('percent'), 'right'),
          ],
          ...plan.targets.map((target, index): TableCell[] => [
            { text: String(index + 1), alignment: 'center' },
            target.label,
            METRIC_LABELS[target.metric][language],
            target.activity?.title ?? '-',
            right(target.targetValue.toLocaleString('id-ID')),
            right(
              target.suppressed
                ? suppressedCount()
                : target.actual === null
                  ? '-'
                  : target.actual.toLocaleString('id-ID'),
            ),
            right(target.percent === null ? '-' : `${target.percent}%`),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    });
    content.push({ text: t('actualNote'), style: 'muted', margin: [0, 2, 0, 0] });
  } else content.push({ text: t('none'), style: 'muted' });

  // Signatures: one column per party, PIHAK PERTAMA first.
  const parties = plan.agreement.parties;
  if (parties.length)
    content.push({
      columns: parties.map((party, index) => ({
        width: '*',
        alignment: 'center' as const,
        stack: [
          { text: `${t('party')} ${positions[index] ?? index + 1}`, bold: true },
          party.name,
          { text: ' ', margin: [0, 40, 0, 0] as [number, number, number, number] },
          '(...................................)',
        ],
      })),
      columnGap: 12,
      margin: [0, 24, 0, 0],
      unbreakable: true,
    });

  return {
    info: { title: `${TEXT.title[language]} ${plan.title}`, creator: 'Sinergi' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 30, 36, 36],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      letterhead: { fontSize: 13, bold: true, alignment: 'center' },
      title: { fontSize: 14, bold: true, alignment: 'center' },
      subtitle: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 2, 0, 10] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: '#555555', fontSize: 8 },
      small: { color: '#444444', fontSize: 8 },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    footer: (page, pages) => ({
      text: `${organization.name} · ${plan.title} · ${message('WORK_PLAN_PDF_PRINTED', language, {
        date: date(printedOn),
      })} · ${message('WORK_PLAN_PDF_PAGE', language, { page, pages })}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content,
  };
}
