/** Bahasa Indonesia for attendance (the grid, a session's record) and results (assessments, certificates). */
export const attendanceId = {
  tab: 'Absensi',
  resultsTab: 'Hasil',
};

export type AttendanceMessages = typeof attendanceId;
