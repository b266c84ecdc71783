import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconNotes } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PersonSupervision, SupervisionState } from '../../../../shared/supervision.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { WARNING_ALERT } from '../../people/components/vocabulary.ts';
import { usePersonSupervision } from '../api/supervision.ts';
import { EscalationsSection } from '../components/EscalationsSection.tsx';
import { ScheduleSection } from '../components/ScheduleSection.tsx';
import { SessionsSection } from '../components/SessionsSection.tsx';
import { loadDraft } from '../components/visitDraft.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATE_COLORS: Record<SupervisionState, string> = {
  awaiting_release: 'cyan.9',
  active: 'blue.9',
  ended: 'gray.8',
  not_client: 'gray.8',
};

/** /bimbingan/:personId: one client's schedule, sessions and escalations, with "Catat kunjungan" first. */
export function ClientSupervisionPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const valid = UUID.test(personId);
  const query = usePersonSupervision(personId, valid);
  const back = <BackButton to="/bimbingan">{t('supervision.client.back')}</BackButton>;
  if (!valid) return <StatusPage kind="notFound" />;
  return (
    <Stack gap="md">
      <div>{back}</div>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 403) ? (
          <Alert color="gray" role="alert">
            <Text size="sm">{t('supervision.client.notClient')}</Text>
          </Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : query.data.state === 'not_client' ? (
        <Alert color="gray" role="alert">
          <Text size="sm">{t('supervision.client.notClient')}</Text>
        </Alert>
      ) : (
        <ClientView data={query.data} />
      )}
    </Stack>
  );
}

function pendingVisit(userId: string, personId: string): boolean {
  try {
    return loadDraft(window.localStorage, { userId, personId })?.pending === true;
  } catch {
    return false;
  }
}

function ClientView({ data }: { data: PersonSupervision }) {
  const { t } = useTranslation();
  const visitPath = `/bimbingan/${data.personId}/kunjungan`;
  const me = useSession();
  const pending = pendingVisit(me.user.id, data.personId);
  // Ended by a return to custody (the schedule's end) or by the end of her supervision period.
  const endedOn = data.state === 'ended' ? (data.schedule?.endedOn ?? data.supervisionEndDate) : null;

  return (
    <Stack gap="md">
      <div>
        <PageHeader
          title={data.displayName}
          actions={
            data.canRecord &&
            data.state === 'active' && (
              <Button
                component={Link}
                to={visitPath}
                size="md"
                leftSection={<IconNotes size={18} aria-hidden />}
              >
                {t('supervision.caseload.recordVisit')}
              </Button>
            )
          }
        />
        <Group gap="xs" mt="xs">
          <Badge color={STATE_COLORS[data.state]} radius="sm" tt="none">
            {t(`supervision.client.state.${data.state}`)}
          </Badge>
          {data.registrationNumber && <Text size="sm">{data.registrationNumber}</Text>}
        </Group>
        <Stack gap={2} mt={6}>
          {data.releasedOn && (
            <Text size="sm">{t('supervision.client.released', { date: formatDate(data.releasedOn) })}</Text>
          )}
          <Text size="sm">
            {data.officer
              ? t('supervision.client.officer', { name: data.officer.name })
              : t('supervision.client.noOfficer')}{' '}
            · {data.organization?.name}
          </Text>
          {endedOn && (
            <Text size="sm">
              {t('supervision.client.ended', { date: formatDate(endedOn) })}
              {data.schedule?.endedReason === 'returned' &&
                ` (${t('supervision.client.endedReason.returned')})`}
            </Text>
          )}
          <Anchor component={Link} to={`/warga/${data.personId}?tab=pembebasan`} size="sm" c="blue.9">
            {t('supervision.client.toPerson')}
          </Anchor>
        </Stack>
      </div>

      {pending && (
        <Alert
          {...WARNING_ALERT}
          icon={<IconCloudOff aria-hidden />}
          title={t('supervision.visit.pendingTitle')}
        >
          <Button component={Link} to={visitPath} size="sm" variant="default" mt={4}>
            {t('supervision.caseload.pendingDraftsOpen')}
          </Button>
        </Alert>
      )}

      <ScheduleSection data={data} />
      <EscalationsSection data={data} />
      <SessionsSection data={data} />
    </Stack>
  );
}
