import type { Language } from '../../../shared/common.ts';
import {
  type StoredBudgetSource,
  WORK_PLAN_MIN_COUNT,
  type WorkPlanActivityKind,
  type WorkPlanActivityStatus,
  type WorkPlanMetric,
  type WorkPlanStatus,
} from '../../../shared/workplans.ts';

// The words of the printed and exported work plan, in Indonesian and English (kept in step with the web's
// workplans namespace). The XLSX is always Indonesian (a file that leaves the app); the PDF is in the
// language of the user who prints it.

export type Labels = Record<Language, string>;

export const KIND_LABELS: Record<WorkPlanActivityKind, Labels> = {
  training_cohort: { id: 'Pelatihan keterampilan', en: 'Skills training' },
  village_socialization: { id: 'Sosialisasi di kelurahan', en: 'Village outreach' },
  bazaar: { id: 'Bazar', en: 'Bazaar' },
  monitoring_visit: { id: 'Kunjungan monitoring', en: 'Monitoring visit' },
  coordination_meeting: { id: 'Rapat koordinasi', en: 'Coordination meeting' },
  mentoring: { id: 'Pendampingan', en: 'Mentoring' },
  other: { id: 'Lainnya', en: 'Other' },
};

export const ACTIVITY_STATUS_LABELS: Record<WorkPlanActivityStatus, Labels> = {
  planned: { id: 'Direncanakan', en: 'Planned' },
  in_progress: { id: 'Berjalan', en: 'In progress' },
  done: { id: 'Selesai', en: 'Done' },
  postponed: { id: 'Ditunda', en: 'Postponed' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

export const PLAN_STATUS_LABELS: Record<WorkPlanStatus, Labels> = {
  draft: { id: 'Draf', en: 'Draft' },
  active: { id: 'Berjalan', en: 'Active' },
  closed: { id: 'Ditutup', en: 'Closed' },
};

export const SOURCE_LABELS: Record<StoredBudgetSource, Labels> = {
  apbn: { id: 'APBN', en: 'APBN (state budget)' },
  apbd: { id: 'APBD', en: 'APBD (regional budget)' },
  partner: { id: 'Mitra', en: 'Partner' },
  other: { id: 'Lainnya', en: 'Other' },
  none: { id: 'Tanpa anggaran', en: 'No budget' },
};

export const METRIC_LABELS: Record<WorkPlanMetric, Labels> = {
  women_trained: { id: 'Perempuan selesai pelatihan', en: 'Women who completed training' },
  women_certified: { id: 'Perempuan bersertifikat', en: 'Women certified' },
  women_handed_over: { id: 'Serah terima ke Bapas diterima', en: 'Handovers to Bapas accepted' },
  women_placed: { id: 'Perempuan ditempatkan kerja', en: 'Women placed in work' },
  // The outcomes module's "working": work status employed or self-employed (not a business merely started).
  working_6_months: {
    id: 'Bekerja atau usaha sendiri 6 bulan setelah bebas',
    en: 'Working (employed or self-employed) 6 months after release',
  },
  manual: { id: 'Diisi manual', en: 'Entered by hand' },
};

export const AGREEMENT_KIND_LABELS: Record<'mou' | 'pks', Labels> = {
  mou: { id: 'Nota Kesepahaman (MoU)', en: 'Memorandum of Understanding (MoU)' },
  pks: { id: 'Perjanjian Kerja Sama (PKS)', en: 'Cooperation Agreement (PKS)' },
};

/** A hidden small figure (1–4, callers outside corrections): "< 5". */
export const suppressedCount = () => `< ${WORK_PLAN_MIN_COUNT}`;

/** Whole Rupiah as "Rp 1.500.000". */
export const rupiah = (amount: number) =>
  `Rp ${amount.toLocaleString('id-ID', { maximumFractionDigits: 0 })}`;

/** The Excel number format of a Rupiah amount (shown "Rp 1.500.000" in an Indonesian Excel). */
export const RUPIAH_FORMAT = '"Rp" #,##0';
