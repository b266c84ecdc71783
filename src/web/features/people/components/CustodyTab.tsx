import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCustody } from '../api/people.ts';
import { BehaviourScoresSection } from './BehaviourScoresSection.tsx';
import { CustodyForm, CustodySummary } from './CustodyForm.tsx';
import { MilestonesPanel } from './MilestonesPanel.tsx';
import { RemissionsSection } from './RemissionsSection.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Sentence, remissions, behaviour and the milestones computed from them: corrections staff only. */
export function CustodyTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = accessFor(me.permissions).canManageCustody && !person.anonymized;
  const custody = useCustody(person.id);

  if (custody.isPending) return <PageLoader />;
  if (custody.isError) return <QueryError error={custody.error} onRetry={() => void custody.refetch()} />;
  const view = custody.data;

  return (
    <Stack gap="md">
      <Section title={t('people.milestones.title')}>
        <MilestonesPanel milestones={view.milestones} />
      </Section>
      <Section title={t('people.custody.title')}>
        {canManage ? (
          <CustodyForm key={person.id} personId={person.id} view={view} />
        ) : (
          <CustodySummary custody={view.custody} />
        )}
      </Section>
      <Section title={t('people.custody.remissions')}>
        {view.custody ? (
          <RemissionsSection personId={person.id} remissions={view.remissions} canManage={canManage} />
        ) : (
          <Text size="sm">{t('people.custody.needCustodyFirst')}</Text>
        )}
      </Section>
      <Section title={t('people.custody.scores')}>
        {view.custody ? (
          <BehaviourScoresSection personId={person.id} scores={view.behaviourScores} canManage={canManage} />
        ) : (
          <Text size="sm">{t('people.custody.needCustodyFirst')}</Text>
        )}
      </Section>
    </Stack>
  );
}
