import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgreementDetail } from '../../../../shared/agreements.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { notifyError } from '../../../lib/notify.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useSession } from '../../auth/api/session.ts';
import { downloadFile } from '../../people/api/peopleData.ts';
import { todayIso } from '../../training/components/today.ts';
import { agreementPdfPath, agreementScanPath, useAgreement } from '../api/agreements.ts';
import { AgreementKindBadge, AgreementStatusBadge, ExpiryBadge } from '../components/AgreementBadges.tsx';
import { HistoryTab } from '../components/HistoryTab.tsx';
import { ObligationsTab } from '../components/ObligationsTab.tsx';
import { PartiesTab } from '../components/PartiesTab.tsx';
import { AGREEMENTS_PATH, agreementPagePath } from '../components/paths.ts';
import { RelatedTab } from '../components/RelatedTab.tsx';
import { TextTab } from '../components/TextTab.tsx';
import { VersionsTab } from '../components/VersionsTab.tsx';
import { daysBetween } from '../components/vocabulary.ts';
import { WorkflowActions } from '../components/WorkflowActions.tsx';

const TABS = ['naskah', 'pihak', 'kewajiban', 'versi', 'riwayat', 'terkait'] as const;
type Tab = (typeof TABS)[number];

/** /tata-kelola/kesepakatan/:agreementId: the agreement's state, its workflow and its sections (`?tab=`). */
export function AgreementPage() {
  const { agreementId = '' } = useParams();
  const { t } = useTranslation();
  const query = useAgreement(agreementId);
  const back = <BackButton to={AGREEMENTS_PATH}>{t('agreements.backToList')}</BackButton>;
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <AgreementView agreement={query.data} back={back} />;
}

function AgreementView({ agreement, back }: { agreement: AgreementDetail; back: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const showRelated = agreement.kind === 'mou' || access.canReadWorkPlans;
  const tabs: readonly Tab[] = showRelated ? TABS : TABS.filter((tab) => tab !== 'terkait');
  const { tab, selectTab } = useTabParam(tabs);
  const [downloading, setDownloading] = useState<'pdf' | 'scan' | null>(null);
  const daysLeft = agreement.validUntil ? daysBetween(todayIso(), agreement.validUntil) : null;

  const download = async (what: 'pdf' | 'scan') => {
    setDownloading(what);
    try {
      if (what === 'pdf') {
        await downloadFile(agreementPdfPath(agreement.id, currentLanguage()), 'kesepakatan.pdf');
      } else {
        await downloadFile(agreementScanPath(agreement.id), agreement.signedScan?.fileName ?? 'pindaian.pdf');
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(null);
    }
  };

  const canCreatePks =
    access.canManageAgreements && agreement.kind === 'mou' && agreement.effectiveStatus !== 'terminated';

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={agreement.title}
          actions={
            <>
              {agreement.actions.print && (
                <Button
                  variant="default"
                  leftSection={<IconPrinter size={16} aria-hidden />}
                  loading={downloading === 'pdf'}
                  onClick={() => void download('pdf')}
                >
                  {t('agreements.page.print')}
                </Button>
              )}
              {agreement.actions.downloadScan && agreement.signedScan && (
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  loading={downloading === 'scan'}
                  onClick={() => void download('scan')}
                >
                  {t('agreements.page.downloadScan')}
                </Button>
              )}
            </>
          }
        />
        <Group gap="xs" mt="xs" wrap="wrap">
          <AgreementKindBadge kind={agreement.kind} />
          <AgreementStatusBadge status={agreement.effectiveStatus} />
          <ExpiryBadge status={agreement.effectiveStatus} daysLeft={daysLeft} />
          <Text size="sm">{t('agreements.page.textVersion', { version: agreement.textVersion })}</Text>
        </Group>
      </div>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="xs">
        <InfoField label={t('agreements.page.kind')} size="sm">
          {t(`agreements.kind.${agreement.kind}`)}
        </InfoField>
        <InfoField
          label={
            agreement.status === 'signed' || agreement.signedOn
              ? t('agreements.validity.title')
              : t('agreements.validity.planned')
          }
          size="sm"
        >
          {agreement.validFrom || agreement.validUntil
            ? t('agreements.validity.range', {
                from: formatDate(agreement.validFrom),
                until: formatDate(agreement.validUntil),
              })
            : t('agreements.validity.none')}
        </InfoField>
        <InfoField label={t('agreements.page.drafter')} size="sm">
          {agreement.organization.name}
          {agreement.createdByName ? ` · ${agreement.createdByName}` : ''}
        </InfoField>
        {agreement.signedOn && (
          <InfoField label={t('agreements.page.signed')} size="sm">
            {t('agreements.page.signedValue', {
              date: formatDate(agreement.signedOn),
              place: agreement.signedPlace ?? '',
            })}
          </InfoField>
        )}
        {agreement.parent && (
          <InfoField label={t('agreements.page.parent')} size="sm">
            <Anchor component={Link} to={agreementPagePath(agreement.parent.id)} c="blue.9">
              {agreement.parent.title}
            </Anchor>
          </InfoField>
        )}
        {agreement.renews && (
          <InfoField label={t('agreements.page.renews')} size="sm">
            <Anchor component={Link} to={agreementPagePath(agreement.renews.id)} c="blue.9">
              {agreement.renews.title}
            </Anchor>
          </InfoField>
        )}
        {agreement.renewedBy && (
          <InfoField label={t('agreements.page.renewedBy')} size="sm">
            <Anchor component={Link} to={agreementPagePath(agreement.renewedBy.id)} c="blue.9">
              {agreement.renewedBy.title}
            </Anchor>
          </InfoField>
        )}
      </SimpleGrid>

      {agreement.terminatedOn && (
        <Alert
          color="gray"
          title={t('agreements.page.terminated', { date: formatDate(agreement.terminatedOn) })}
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {agreement.terminationReason}
          </Text>
        </Alert>
      )}
      {agreement.status === 'in_review' && agreement.partiesMissing.length > 0 && (
        <Text size="sm" data-testid="parties-missing">
          {t('agreements.page.waitingFor', { parties: agreement.partiesMissing.join(', ') })}
        </Text>
      )}
      {agreement.status === 'agreed' && <Text size="sm">{t('agreements.page.allAgreed')}</Text>}

      <WorkflowActions agreement={agreement} />

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('agreements.page.tabsLabel')}>
          {tabs.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {item === 'terkait'
                ? agreement.kind === 'mou'
                  ? t('agreements.page.tabs.terkaitMou')
                  : t('agreements.page.tabs.terkaitPks')
                : t(`agreements.page.tabs.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* The two editors stay mounted (hidden) so text typed but not yet saved survives a look at another tab. */}
        <Tabs.Panel value="naskah" pt="md" keepMounted>
          <TextTab agreement={agreement} />
        </Tabs.Panel>
        <Tabs.Panel value="pihak" pt="md" keepMounted>
          <PartiesTab agreement={agreement} />
        </Tabs.Panel>
        <Tabs.Panel value="kewajiban" pt="md">
          <ObligationsTab agreement={agreement} />
        </Tabs.Panel>
        <Tabs.Panel value="versi" pt="md">
          <VersionsTab agreement={agreement} />
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="md">
          <HistoryTab agreement={agreement} />
        </Tabs.Panel>
        {showRelated && (
          <Tabs.Panel value="terkait" pt="md">
            <RelatedTab
              agreement={agreement}
              canCreatePks={canCreatePks}
              canReadWorkPlans={access.canReadWorkPlans}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
