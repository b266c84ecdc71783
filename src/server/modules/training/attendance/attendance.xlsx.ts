import ExcelJS from 'exceljs';
import type { AttendanceGrid } from '../../../../shared/attendance.ts';
import { codeOf, ENROLMENT_STATUS_LABEL, LEGEND } from './attendance.labels.ts';
import { displayDate } from './attendance.presenter.ts';

export interface AttendanceWorkbook {
  grid: AttendanceGrid;
  programName: string;
  /** Registration numbers are left out for a partner's instructor. */
  withRegistrationNumbers: boolean;
}

/**
 * The roster and the attendance grid as a workbook: sheet "Peserta" (one row per person, with her rate)
 * and sheet "Absensi" (people × sessions with the register's letter codes, then the legend).
 */
export async function attendanceXlsx(input: AttendanceWorkbook): Promise<Buffer> {
  const { grid } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  workbook.created = new Date();

  const roster = workbook.addWorksheet('Peserta', { views: [{ state: 'frozen', ySplit: 1 }] });
  roster.columns = [
    { header: 'No', key: 'no', width: 5 },
    { header: 'Nama', key: 'name', width: 32 },
    ...(input.withRegistrationNumbers ? [{ header: 'No. Registrasi', key: 'registration', width: 18 }] : []),
    { header: 'Status', key: 'status', width: 12 },
    { header: 'Hadir', key: 'present', width: 8 },
    { header: 'Tidak hadir', key: 'absent', width: 12 },
    { header: 'Tingkat kehadiran', key: 'rate', width: 18, style: { numFmt: '0%' } },
  ];
  roster.getRow(1).font = { bold: true };
  grid.people.forEach((person, index) => {
    roster.addRow({
      no: index + 1,
      name: person.fullName,
      registration: person.registrationNumber ?? '',
      status: ENROLMENT_STATUS_LABEL[person.status] ?? person.status,
      present: person.present,
      absent: person.absent,
      rate: person.attendanceRate,
    });
  });
  roster.addRow({});
  roster.addRow({ name: 'Program', status: input.programName });
  roster.addRow({ name: 'Angkatan', status: grid.cohort.name });
  roster.addRow({
    name: 'Masa angkatan',
    status: `${displayDate(grid.cohort.startDate)} – ${displayDate(grid.cohort.endDate)}`,
  });
  const total = roster.addRow({ name: 'Tingkat kehadiran angkatan', status: grid.cohortRate });
  total.getCell('status').numFmt = '0%';

  const sheet = workbook.addWorksheet('Absensi', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: 'No', key: 'no', width: 5 },
    { header: 'Nama', key: 'name', width: 32 },
    ...grid.sessions.map((session, j) => ({
      header: `${displayDate(session.date)}${session.status === 'cancelled' ? ' (batal)' : ''}`,
      key: `s${j}`,
      width: 12,
      style: { alignment: { horizontal: 'center' as const } },
    })),
    { header: 'Hadir', key: 'present', width: 8 },
    { header: 'Tidak hadir', key: 'absent', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  grid.people.forEach((person, i) => {
    const row: Record<string, string | number | null> = {
      no: i + 1,
      name: person.fullName,
      present: person.present,
      absent: person.absent,
    };
    grid.sessions.forEach((session, j) => {
      // An unrecorded session stays an empty cell.
      row[`s${j}`] = session.status === 'cancelled' ? '-' : codeOf(grid.cells[i]?.[j] ?? null) || null;
    });
    sheet.addRow(row);
  });
  sheet.addRow({});
  const legendTitle = sheet.addRow({ name: 'Keterangan' });
  legendTitle.font = { bold: true };
  for (const [code, meaning] of LEGEND) sheet.addRow({ no: code, name: meaning });
  sheet.addRow({ name: 'Kosong: absensi sesi belum dicatat' });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
