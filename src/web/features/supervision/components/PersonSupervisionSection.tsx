import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../../shared/people.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { daysFromToday } from '../../people/components/dates.ts';
import { usePersonSupervision } from '../api/supervision.ts';
import { DueBadge, LevelBadge, OutcomeBadge } from './vocabulary.tsx';

const TITLE_ID = 'person-supervision';

/**
 * Her supervision in short on the person's release tab (PK and Bapas head only), with the way to the full
 * client page. Prison staff do not see it: supervision is the Bapas's.
 */
export function PersonSupervisionSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const query = usePersonSupervision(person.id, access.canReadSupervision && !person.anonymized);
  if (!access.canReadSupervision || person.anonymized) return null;

  let body: ReactNode;
  if (query.isPending) body = <PageLoader />;
  else if (query.isError) {
    // Not a client of hers (or of her Bapas): nothing to show, and nothing is wrong.
    body =
      isApiError(query.error) && (query.error.status === 404 || query.error.status === 403) ? (
        <Text size="sm">{t('supervision.person.notClient')}</Text>
      ) : (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      );
  } else if (query.data.state === 'not_client') {
    // She is someone the caller may see, but not (yet) a client of hers: a short neutral line.
    body = <Text size="sm">{t('supervision.person.notYourClient')}</Text>;
  } else {
    const data = query.data;
    const schedule = data.schedule;
    const openLevel = data.escalations.find((escalation) => !escalation.resolvedAt)?.level ?? null;
    const last = data.sessions[0];
    body = (
      <>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
          <InfoField label={t('supervision.caseload.officer')}>
            {data.officer?.name ?? t('supervision.client.noOfficer')}
          </InfoField>
          <InfoField label={t('supervision.person.nextDue')}>
            {schedule?.active ? (
              <Group gap={6} component="span">
                <span>{formatDate(schedule.nextDueOn)}</span>
                <DueBadge days={daysFromToday(schedule.nextDueOn)} />
              </Group>
            ) : schedule ? (
              t('supervision.due.ended')
            ) : (
              t('supervision.due.none')
            )}
          </InfoField>
          <InfoField label={t('supervision.person.lastSession')}>
            {last ? (
              <Group gap={6} component="span">
                <span>{formatDate(last.heldOn)}</span>
                <OutcomeBadge outcome={last.outcome} />
              </Group>
            ) : (
              t('supervision.caseload.noSession')
            )}
          </InfoField>
          <InfoField label={t('supervision.person.escalation')}>
            {openLevel ? <LevelBadge level={openLevel} /> : t('supervision.person.none')}
          </InfoField>
        </SimpleGrid>
        <Text size="sm">
          {t(`supervision.client.state.${data.state}`)} · {data.organization?.name}
        </Text>
        <div>
          <Button
            component={Link}
            to={`/bimbingan/${person.id}`}
            variant="default"
            rightSection={<IconArrowRight size={16} aria-hidden />}
          >
            {t('supervision.person.open')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <SectionCard title={t('supervision.person.title')} id={TITLE_ID}>
      {body}
    </SectionCard>
  );
}
