import { type AbsenceReason, ATTENDANCE_CODES, type AttendanceMark } from '../../../../shared/attendance.ts';

// Indonesian labels for the files (a file leaves the app: it cannot follow the user's language switch, and
// the prison's registers are in Indonesian). Kept in step with the web's attendance.reason.*.

export const REASON_LABEL: Record<AbsenceReason, string> = {
  sick: 'Sakit',
  family_visit: 'Izin (kunjungan keluarga)',
  court: 'Persidangan',
  refused: 'Menolak hadir',
  other: 'Lainnya',
};

export const ENROLMENT_STATUS_LABEL: Record<string, string> = {
  allocated: 'Peserta',
  completed: 'Selesai',
  deallocated: 'Keluar',
};

/** The sheet's legend: code and meaning, in the order of the codes. */
export const LEGEND: [code: string, meaning: string][] = [
  [ATTENDANCE_CODES.present, 'Hadir'],
  ...(Object.keys(REASON_LABEL) as AbsenceReason[]).map(
    (reason) => [ATTENDANCE_CODES[reason], REASON_LABEL[reason]] as [string, string],
  ),
  ['-', 'Sesi dibatalkan'],
];

export function codeOf(mark: AttendanceMark | null): string {
  if (!mark) return '';
  return mark.present ? ATTENDANCE_CODES.present : ATTENDANCE_CODES[mark.reason];
}

/** The Keterangan column of the daftar hadir. */
export function remarkOf(mark: AttendanceMark | null): string {
  if (!mark) return '';
  if (mark.present) return 'Hadir';
  const reason = REASON_LABEL[mark.reason];
  return mark.reason === 'other' && mark.note ? `${reason}: ${mark.note}` : reason;
}

const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** 'yyyy-mm-dd' as "Senin, 02/11/2026". */
export function dayAndDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}, ${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** A file name part from a cohort name: ASCII letters, digits and dashes. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'angkatan';
}

/** Content-Disposition for a download named after the cohort (ASCII name, and the UTF-8 one). */
export function attachment(fileName: string, utf8Name: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}
