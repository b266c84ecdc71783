import type { AttendanceMessages } from './id.ts';

export const attendanceEn: AttendanceMessages = {
  tab: 'Attendance',
  resultsTab: 'Results',
};
