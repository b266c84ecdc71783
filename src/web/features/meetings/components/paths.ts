/** Where the meetings pages live (under the governance tabs). */
export const MEETINGS_PATH = '/tata-kelola/rapat';
export const NEW_MEETING_PATH = `${MEETINGS_PATH}/baru`;
export const meetingPagePath = (meetingId: string) => `${MEETINGS_PATH}/${meetingId}`;
export const activityReportPath = (reportId: string) => `/tata-kelola/laporan/${reportId}`;
export const agreementPath = (agreementId: string) => `/tata-kelola/kesepakatan/${agreementId}`;
export const workPlanPath = (workPlanId: string) => `/tata-kelola/program-teknis/${workPlanId}`;
