import { createBrowserRouter } from 'react-router';
import { StatusPage } from '../components/StatusPage.tsx';
import { AgreementCreatePage } from '../features/agreements/routes/AgreementCreatePage.tsx';
import { AgreementListPage } from '../features/agreements/routes/AgreementListPage.tsx';
import { AgreementPage } from '../features/agreements/routes/AgreementPage.tsx';
import { DelegatesPage } from '../features/agreements/routes/DelegatesPage.tsx';
import { AuditLogPage } from '../features/audit/routes/AuditLogPage.tsx';
import { forgetSession, meQueryKey } from '../features/auth/api/session.ts';
import { ChangePasswordPage } from '../features/auth/routes/ChangePasswordPage.tsx';
import { SignInPage } from '../features/auth/routes/SignInPage.tsx';
import { CohortFormPage } from '../features/cohorts/routes/CohortFormPage.tsx';
import { CohortListPage } from '../features/cohorts/routes/CohortListPage.tsx';
import { CohortPage } from '../features/cohorts/routes/CohortPage.tsx';
import { GovernanceLayout } from '../features/governance/components/GovernanceLayout.tsx';
import { ActivityReportListPage } from '../features/governance/routes/ActivityReportListPage.tsx';
import { ActivityReportPage } from '../features/governance/routes/ActivityReportPage.tsx';
import { GovernanceOverviewPage } from '../features/governance/routes/GovernanceOverviewPage.tsx';
import { HandoverListPage } from '../features/handovers/routes/HandoverListPage.tsx';
import { PrereleaseDashboardPage } from '../features/handovers/routes/PrereleaseDashboardPage.tsx';
import { HomePage } from '../features/home/routes/HomePage.tsx';
import { InsightLayout } from '../features/insight/components/InsightLayout.tsx';
import { DashboardPage } from '../features/insight/routes/DashboardPage.tsx';
import { MonthlyReportPage } from '../features/insight/routes/MonthlyReportPage.tsx';
import { PublicFiguresPage } from '../features/insight/routes/PublicFiguresPage.tsx';
import { VillageInsightPage } from '../features/insight/routes/VillageInsightPage.tsx';
import { MeetingCreatePage } from '../features/meetings/routes/MeetingCreatePage.tsx';
import { MeetingListPage } from '../features/meetings/routes/MeetingListPage.tsx';
import { MeetingPage } from '../features/meetings/routes/MeetingPage.tsx';
import { OpportunityFormPage } from '../features/opportunities/routes/OpportunityFormPage.tsx';
import { OpportunityListPage } from '../features/opportunities/routes/OpportunityListPage.tsx';
import { OpportunityPage } from '../features/opportunities/routes/OpportunityPage.tsx';
import { OpportunityImportPage } from '../features/opportunity-import/routes/OpportunityImportPage.tsx';
import { OrganizationDetailPage } from '../features/organizations/routes/OrganizationDetailPage.tsx';
import { OrganizationListPage } from '../features/organizations/routes/OrganizationListPage.tsx';
import { PartnerFormPage } from '../features/partners/routes/PartnerFormPage.tsx';
import { PartnerListPage } from '../features/partners/routes/PartnerListPage.tsx';
import { PartnerPage } from '../features/partners/routes/PartnerPage.tsx';
import { PersonCreatePage } from '../features/people/routes/PersonCreatePage.tsx';
import { PersonEditPage } from '../features/people/routes/PersonEditPage.tsx';
import { PersonImportPage } from '../features/people/routes/PersonImportPage.tsx';
import { PersonListPage } from '../features/people/routes/PersonListPage.tsx';
import { PersonPage } from '../features/people/routes/PersonPage.tsx';
import { RetentionPage } from '../features/people/routes/RetentionPage.tsx';
import { PlacementBoardPage } from '../features/placements/routes/PlacementBoardPage.tsx';
import { PlanningIndex, PlanningLayout } from '../features/planning/components/PlanningLayout.tsx';
import { FairnessPage } from '../features/planning/routes/FairnessPage.tsx';
import { PlanDetailPage } from '../features/planning/routes/PlanDetailPage.tsx';
import { PlanListPage } from '../features/planning/routes/PlanListPage.tsx';
import { TrainingGapPage } from '../features/planning/routes/TrainingGapPage.tsx';
import { RulesPage } from '../features/rules/routes/RulesPage.tsx';
import { CaseloadPage } from '../features/supervision/routes/CaseloadPage.tsx';
import { ClientSupervisionPage } from '../features/supervision/routes/ClientSupervisionPage.tsx';
import { OutcomeCohortsPage } from '../features/supervision/routes/OutcomeCohortsPage.tsx';
import { VisitFormPage } from '../features/supervision/routes/VisitFormPage.tsx';
import { NotificationsPage } from '../features/tasks/routes/NotificationsPage.tsx';
import { TasksPage } from '../features/tasks/routes/TasksPage.tsx';
import { ProgramCatalogPage } from '../features/training/routes/ProgramCatalogPage.tsx';
import { ProgramFormPage } from '../features/training/routes/ProgramFormPage.tsx';
import { ProgramPage } from '../features/training/routes/ProgramPage.tsx';
import { SkillTaxonomyPage } from '../features/training/routes/SkillTaxonomyPage.tsx';
import { WaitlistPage } from '../features/training/routes/WaitlistPage.tsx';
import { UserCreatePage } from '../features/users/routes/UserCreatePage.tsx';
import { UserDetailPage } from '../features/users/routes/UserDetailPage.tsx';
import { UserListPage } from '../features/users/routes/UserListPage.tsx';
import { VillageFormPage } from '../features/villages/routes/VillageFormPage.tsx';
import { VillageListPage } from '../features/villages/routes/VillageListPage.tsx';
import { VillagePage } from '../features/villages/routes/VillagePage.tsx';
import { WorkPlanCreatePage } from '../features/workplans/routes/WorkPlanCreatePage.tsx';
import { WorkPlanListPage } from '../features/workplans/routes/WorkPlanListPage.tsx';
import { WorkPlanPage } from '../features/workplans/routes/WorkPlanPage.tsx';
import { setUnauthorizedHandler } from '../lib/api.ts';
import { queryClient } from '../lib/queryClient.ts';
import { AuthGate } from './AuthGate.tsx';
import { CHANGE_PASSWORD_PATH, PUBLIC_FIGURES_PATH, SIGN_IN_PATH } from './paths.ts';
import { RequireAccess } from './RequireAccess.tsx';

export const router = createBrowserRouter([
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  // The program's aggregate figures for anyone, without signing in (issue 9).
  { path: PUBLIC_FIGURES_PATH, element: <PublicFiguresPage /> },
  {
    element: <AuthGate />,
    children: [
      { index: true, element: <HomePage /> },
      { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
      // Everyone has her own tasks and notifications (the server derives what is hers).
      { path: 'tugas', element: <TasksPage /> },
      { path: 'notifikasi', element: <NotificationsPage /> },
      {
        // Corrections staff: who is near release, and the handovers sent (prison) or to decide (Bapas).
        element: <RequireAccess need="canReadPrerelease" />,
        children: [
          { path: 'menjelang-bebas', element: <PrereleaseDashboardPage /> },
          { path: 'serah-terima', element: <HandoverListPage /> },
        ],
      },
      {
        // A PK her own caseload, the Bapas head all of Bapas; the visit form works on a phone, offline too.
        element: <RequireAccess need="canReadSupervision" />,
        children: [
          { path: 'bimbingan', element: <CaseloadPage /> },
          { path: 'bimbingan/:personId', element: <ClientSupervisionPage /> },
          { path: 'bimbingan/:personId/kunjungan', element: <VisitFormPage /> },
        ],
      },
      {
        // Insight (issue 9): the figures of her own scope; agency heads and viewers the whole program.
        element: <RequireAccess need="canReadInsight" />,
        // The tabs Program / Kelurahan / Laporan bulanan around them.
        children: [
          {
            path: 'dasbor',
            element: <InsightLayout />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'kelurahan', element: <VillageInsightPage /> },
              { path: 'kelurahan/:villageId', element: <VillageInsightPage /> },
              { path: 'laporan-bulanan', element: <MonthlyReportPage /> },
            ],
          },
        ],
      },
      {
        element: <RequireAccess need="canReadOutcomes" />,
        children: [{ path: 'hasil', element: <OutcomeCohortsPage /> }],
      },
      {
        // Governance (issue 8): agreements, work plans, meetings and activity reports of her organization.
        path: 'tata-kelola',
        element: <GovernanceLayout />,
        children: [
          { index: true, element: <GovernanceOverviewPage /> },
          { path: 'kesepakatan', element: <AgreementListPage /> },
          { path: 'kesepakatan/baru', element: <AgreementCreatePage /> },
          { path: 'kesepakatan/:agreementId', element: <AgreementPage /> },
          { path: 'wakil', element: <DelegatesPage /> },
          { path: 'program-teknis', element: <WorkPlanListPage /> },
          { path: 'program-teknis/baru', element: <WorkPlanCreatePage /> },
          { path: 'program-teknis/:workPlanId', element: <WorkPlanPage /> },
          { path: 'rapat', element: <MeetingListPage /> },
          { path: 'rapat/baru', element: <MeetingCreatePage /> },
          { path: 'rapat/:meetingId', element: <MeetingPage /> },
          { path: 'laporan', element: <ActivityReportListPage /> },
          { path: 'laporan/:reportId', element: <ActivityReportPage /> },
        ],
      },
      { path: 'organisasi', element: <OrganizationListPage /> },
      { path: 'organisasi/:id', element: <OrganizationDetailPage /> },
      // Every signed-in user reads the kelurahan; the form page checks canEdit (the server checks again).
      { path: 'desa', element: <VillageListPage /> },
      { path: 'desa/:villageId', element: <VillagePage /> },
      { path: 'desa/:villageId/ubah', element: <VillageFormPage /> },
      {
        element: <RequireAccess need="canReadPeople" />,
        children: [
          { path: 'warga', element: <PersonListPage /> },
          { path: 'warga/:personId', element: <PersonPage /> },
        ],
      },
      {
        element: <RequireAccess need="canManagePeople" />,
        children: [
          { path: 'warga/baru', element: <PersonCreatePage /> },
          { path: 'warga/:personId/ubah', element: <PersonEditPage /> },
        ],
      },
      {
        element: <RequireAccess need="canImportPeople" />,
        children: [{ path: 'warga/impor', element: <PersonImportPage /> }],
      },
      {
        element: <RequireAccess need="canAnonymizePeople" />,
        children: [{ path: 'admin/retensi', element: <RetentionPage /> }],
      },
      {
        element: <RequireAccess need="canReadTraining" />,
        children: [
          { path: 'pelatihan', element: <ProgramCatalogPage /> },
          { path: 'pelatihan/program/:programId', element: <ProgramPage /> },
          { path: 'pelatihan/antrean', element: <WaitlistPage /> },
        ],
      },
      {
        element: <RequireAccess need="canManageTraining" />,
        children: [
          { path: 'pelatihan/program/baru', element: <ProgramFormPage /> },
          { path: 'pelatihan/program/:programId/ubah', element: <ProgramFormPage /> },
          { path: 'pelatihan/angkatan/baru', element: <CohortFormPage /> },
          { path: 'pelatihan/angkatan/:cohortId/ubah', element: <CohortFormPage /> },
        ],
      },
      {
        // Prison staff and a partner's instructors (who see only the cohorts they teach).
        element: <RequireAccess need="canReadOwnCohorts" />,
        children: [
          { path: 'pelatihan/angkatan', element: <CohortListPage /> },
          { path: 'pelatihan/angkatan/:cohortId', element: <CohortPage /> },
        ],
      },
      {
        element: <RequireAccess need="canManagePlacements" />,
        children: [{ path: 'penempatan', element: <PlacementBoardPage /> }],
      },
      {
        // Planning: one tab per part, each shown to those with its access (the layout checks any of them).
        path: 'perencanaan',
        element: <PlanningLayout />,
        children: [
          { index: true, element: <PlanningIndex /> },
          {
            element: <RequireAccess need="canPlanPlacements" />,
            children: [{ path: 'penempatan', element: <PlanListPage /> }],
          },
          {
            element: <RequireAccess need="canReadPlanning" />,
            children: [{ path: 'pelatihan', element: <TrainingGapPage /> }],
          },
          {
            element: <RequireAccess need="canReadFairness" />,
            children: [{ path: 'keadilan', element: <FairnessPage /> }],
          },
        ],
      },
      {
        element: <RequireAccess need="canPlanPlacements" />,
        children: [{ path: 'perencanaan/penempatan/:planId', element: <PlanDetailPage /> }],
      },
      {
        // The directory (a partner is sent to her own page) and the partner pages; the server decides reach.
        element: <RequireAccess need="canReadPartners" />,
        children: [
          { path: 'mitra', element: <PartnerListPage /> },
          { path: 'mitra/:partnerId', element: <PartnerPage /> },
          // Staff edit the partners they manage, a partner her own profile (the page checks canEdit).
          { path: 'mitra/:partnerId/ubah', element: <PartnerFormPage /> },
        ],
      },
      {
        element: <RequireAccess need="canManagePartners" />,
        children: [{ path: 'mitra/baru', element: <PartnerFormPage /> }],
      },
      {
        // A partner reads and drafts only her own organization's opportunities; staff create, edit and open.
        element: <RequireAccess need="canReadOpportunities" />,
        children: [
          { path: 'peluang', element: <OpportunityListPage /> },
          { path: 'peluang/baru', element: <OpportunityFormPage /> },
          { path: 'peluang/:opportunityId', element: <OpportunityPage /> },
          { path: 'peluang/:opportunityId/ubah', element: <OpportunityFormPage /> },
        ],
      },
      {
        element: <RequireAccess need="canImportOpportunities" />,
        children: [{ path: 'peluang/impor', element: <OpportunityImportPage /> }],
      },
      {
        element: <RequireAccess need="canManageSkills" />,
        children: [{ path: 'admin/keterampilan', element: <SkillTaxonomyPage /> }],
      },
      {
        element: <RequireAccess need="canReadUsers" />,
        children: [
          { path: 'admin/pengguna', element: <UserListPage /> },
          { path: 'admin/pengguna/:id', element: <UserDetailPage /> },
        ],
      },
      {
        element: <RequireAccess need="canManageUsers" />,
        children: [{ path: 'admin/pengguna/baru', element: <UserCreatePage /> }],
      },
      {
        element: <RequireAccess need="canReadAudit" />,
        children: [{ path: 'admin/audit', element: <AuditLogPage /> }],
      },
      {
        element: <RequireAccess need="canManageRules" />,
        children: [{ path: 'admin/aturan', element: <RulesPage /> }],
      },
      { path: '*', element: <StatusPage kind="notFound" /> },
    ],
  },
]);

// A 401 on any call but login means the session is gone (expired, or ended elsewhere). Clearing the user
// makes the AuthGate send the user to the sign-in page, which then says the session has ended.
setUnauthorizedHandler(() => {
  const hadSession = queryClient.getQueryData(meQueryKey) != null;
  forgetSession(hadSession ? 'expired' : undefined);
  queryClient.setQueryData(meQueryKey, null);
  if (hadSession) {
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'health',
    });
  }
});
