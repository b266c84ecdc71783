import type { WorkPlan } from '../../../shared/workplans.ts';
import { displayDate, excelDate, writeXlsx } from '../people/export/people-export.labels.ts';
import {
  ACTIVITY_STATUS_LABELS,
  AGREEMENT_KIND_LABELS,
  KIND_LABELS,
  METRIC_LABELS,
  PLAN_STATUS_LABELS,
  RUPIAH_FORMAT,
  SOURCE_LABELS,
  suppressedCount,
} from './workplans.labels.ts';

// The work plan as a workbook: sheet "Program" (which plan it is: title, agreement, parties, maker, period,
// status, objectives, export date), sheet "Kegiatan" (one row per activity, then the budget total) and sheet
// "Target" (one row per target with its actual and percentage). Indonesian headers and labels (a file leaves
// the app), dates as Excel dates shown dd/mm/yyyy, Rupiah as numbers formatted "Rp #,##0".

export const PLAN_SHEET = 'Program';
export const ACTIVITY_SHEET = 'Kegiatan';
export const TARGET_SHEET = 'Target';
export const TOTAL_LABEL = 'Jumlah anggaran (tanpa kegiatan dibatalkan)';

/** The plan's particulars, as label and value (the same as the PDF's header). */
export function planParticulars(plan: WorkPlan, exportedOn: string): [string, string][] {
  return [
    ['Program teknis', plan.title],
    ['Dasar kesepakatan', `${AGREEMENT_KIND_LABELS[plan.agreement.kind].id}: ${plan.agreement.title}`],
    ['Para pihak', plan.agreement.parties.map((party) => party.name).join('; ')],
    ['Dibuat oleh', plan.organization.name],
    ['Periode', `${displayDate(plan.periodStart)} – ${displayDate(plan.periodEnd)}`],
    ['Status', PLAN_STATUS_LABELS[plan.status].id],
    ['Tujuan', plan.objectives ?? '-'],
    ['Diekspor', displayDate(exportedOn)],
  ];
}

export function workPlanXlsx(plan: WorkPlan, exportedOn: string): Promise<Buffer> {
  return writeXlsx(async (addSheet) => {
    const particulars = addSheet(PLAN_SHEET, [
      { header: 'Keterangan', key: 'label', width: 20 },
      { header: 'Isi', key: 'value', width: 90 },
    ]);
    for (const [label, value] of planParticulars(plan, exportedOn))
      particulars.addRow({ label, value }).commit();

    const activities = addSheet(ACTIVITY_SHEET, [
      { header: 'No', key: 'no', width: 5 },
      { header: 'Kegiatan', key: 'title', width: 34 },
      { header: 'Jenis', key: 'kind', width: 22 },
      { header: 'Uraian', key: 'description', width: 40 },
      { header: 'Penanggung jawab', key: 'responsible', width: 30 },
      { header: 'Lokasi', key: 'location', width: 22 },
      { header: 'Mulai', key: 'startsOn', width: 12, date: true },
      { header: 'Selesai', key: 'endsOn', width: 12, date: true },
      { header: 'Anggaran (Rp)', key: 'amount', width: 18 },
      { header: 'Sumber anggaran', key: 'source', width: 16 },
      { header: 'Status', key: 'status', width: 14 },
      { header: 'Angkatan pelatihan', key: 'cohort', width: 26 },
    ]);
    activities.getColumn('amount').numFmt = RUPIAH_FORMAT;
    plan.activities.forEach((activity, index) => {
      activities
        .addRow({
          no: index + 1,
          title: activity.title,
          kind: KIND_LABELS[activity.kind].id,
          description: activity.description,
          responsible: activity.responsibleOrganization.name,
          location: activity.location,
          startsOn: excelDate(activity.startsOn),
          endsOn: excelDate(activity.endsOn),
          amount: activity.budgetAmount,
          source: SOURCE_LABELS[activity.budgetSource].id,
          status: ACTIVITY_STATUS_LABELS[activity.status].id,
          cohort: activity.cohort?.name ?? null,
        })
        .commit();
    });
    activities.addRow({}).commit();
    const total = activities.addRow({ title: TOTAL_LABEL, amount: plan.budget.total });
    total.font = { bold: true };
    total.commit();
    for (const line of plan.budget.bySource)
      activities.addRow({ title: SOURCE_LABELS[line.source].id, amount: line.amount }).commit();

    const targets = addSheet(TARGET_SHEET, [
      { header: 'No', key: 'no', width: 5 },
      { header: 'Sasaran', key: 'label', width: 36 },
      { header: 'Ukuran', key: 'metric', width: 34 },
      { header: 'Kegiatan', key: 'activity', width: 30 },
      { header: 'Target', key: 'target', width: 10 },
      { header: 'Capaian', key: 'actual', width: 10 },
      { header: 'Persentase (%)', key: 'percent', width: 14 },
    ]);
    plan.targets.forEach((target, index) => {
      targets
        .addRow({
          no: index + 1,
          label: target.label,
          metric: METRIC_LABELS[target.metric].id,
          activity: target.activity?.title ?? null,
          target: target.targetValue,
          actual: target.suppressed ? suppressedCount() : target.actual,
          percent: target.percent,
        })
        .commit();
    });
  });
}
