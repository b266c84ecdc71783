import type { EffectiveAgreementStatus } from '../../../shared/agreements.ts';
import type { MonthlyReport, ReportFlowStage, ReportSummaryKey } from '../../../shared/insightReport.ts';
import { monthName } from '../governance/governance.text.ts';
import { SECTOR } from '../planning/planning.xlsx.ts';
import { ACTIVITY_STATUS_LABELS, KIND_LABELS } from '../workplans/workplans.labels.ts';

// The words of the printed monthly report (PDF and XLSX), in Indonesian: a report leaves the app as an
// official document of the organization. Kept in step with the web's insight report namespace.

export const REPORT_TITLE = 'LAPORAN BULANAN PROGRAM DESA BINAAN';

export const SUMMARY_LABELS: Record<ReportSummaryKey, string> = {
  people_entered: 'Warga binaan baru masuk/terdaftar',
  enrolments_started: 'Peserta mulai pelatihan',
  trainings_completed: 'Peserta selesai pelatihan',
  sessions_held: 'Sesi pelatihan terlaksana',
  attendance_rate: 'Tingkat kehadiran pelatihan',
  certificates_issued: 'Sertifikat kompetensi terbit',
  handovers_sent: 'Serah terima ke Bapas dikirim',
  handovers_accepted: 'Serah terima ke Bapas diterima',
  placements_made: 'Penempatan kerja',
  supervision_attended: 'Wajib lapor/bimbingan: hadir',
  supervision_missed: 'Wajib lapor/bimbingan: tidak hadir',
  outcome_checks_recorded: 'Pemantauan pascabebas tercatat',
  outcome_working: 'Di antaranya bekerja atau berusaha sendiri',
  returns_to_custody: 'Kembali menjalani pidana',
};

export const FLOW_LABELS: Record<ReportFlowStage, string> = {
  registered: 'Terdaftar',
  trained: 'Selesai pelatihan',
  certified: 'Bersertifikat',
  handed_over: 'Diserahterimakan',
  placed: 'Ditempatkan',
};

export const KIND_NAMES: Record<MonthlyReport['organization']['kind'], string> = {
  prison: 'Lembaga Pemasyarakatan',
  probation: 'Balai Pemasyarakatan',
  district: 'Kecamatan',
  village: 'Kelurahan',
  partner: 'Mitra',
};

export const AGREEMENT_STATUS_NAMES: Record<EffectiveAgreementStatus, string> = {
  draft: 'Draf',
  in_review: 'Dalam pembahasan',
  agreed: 'Disepakati',
  signed: 'Ditandatangani',
  in_force: 'Berlaku',
  expired: 'Berakhir',
  terminated: 'Diakhiri',
  renewed: 'Diperpanjang',
  discarded: 'Dibatalkan',
};

export const AGREEMENT_EVENT_NAMES = { signed: 'Ditandatangani', expiring: 'Masa berlaku habis' } as const;
export const AGREEMENT_KIND_SHORT = { mou: 'MoU', pks: 'PKS' } as const;

export const activityStatusName = (status: keyof typeof ACTIVITY_STATUS_LABELS) =>
  ACTIVITY_STATUS_LABELS[status].id;
export const activityKindName = (kind: keyof typeof KIND_LABELS) => KIND_LABELS[kind].id;
export const sectorName = (sector: string) => SECTOR[sector] ?? sector;

/** A hidden count (1–4 outside corrections). */
export const HIDDEN = '< 5';
/** A record the reader's organization may not open: its title is not printed. */
export const NOT_OPEN = '(tidak dapat dibuka)';
export const PROVISIONAL = 'SEMENTARA';

/** "Oktober 2026" for '2026-10'. */
export function monthLabel(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return `${monthName(index, 'id')} ${year}`;
}

// Built once: toLocaleString builds a formatter per call, which shows when a large prison prints 1,000 rows.
const COUNT = new Intl.NumberFormat('id-ID');
const PERCENT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** A count as printed: "1.234", "< 5" when hidden. */
export function countText(value: number | null): string {
  return value === null ? HIDDEN : COUNT.format(value);
}

/** A percentage as printed: "85,7%", "–" when it cannot be shown. */
export function percentText(value: number | null): string {
  return value === null ? '–' : `${PERCENT.format(value)}%`;
}

/** dd/mm/yyyy. */
export function dateText(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '-';
}

/** A summary row's value as printed. */
export function summaryValueText(row: { unit: 'count' | 'percent'; value: number | null }): string {
  return row.unit === 'percent' ? percentText(row.value) : countText(row.value);
}

export const NOTES = {
  period: (report: MonthlyReport) =>
    `Angka dihitung dari data bertanggal sampai ${dateText(report.periodEnd)}; data yang dicatat dengan tanggal sesudahnya tidak mengubah laporan ini.`,
  provisional: 'Bulan ini belum berakhir: angka bersifat sementara dan dapat bertambah sampai akhir bulan.',
  hidden:
    'Jumlah 1–4 orang ditampilkan "< 5" untuk melindungi identitas warga binaan; bila perlu, satu angka lain di baris atau kolom yang sama ikut disamarkan agar tidak dapat dihitung dari jumlahnya.',
  exact: 'Angka ditampilkan lengkap (pengguna Lapas/Bapas).',
  notOpen:
    'Judul rapat, program teknis, atau kesepakatan yang tidak dapat dibuka oleh organisasi pembaca ditulis "(tidak dapat dibuka)".',
};
