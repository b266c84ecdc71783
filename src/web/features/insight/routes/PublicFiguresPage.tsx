import { Alert, Anchor, Box, Container, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicFigures } from '../../../../shared/publicFigures.ts';
import { SIGN_IN_PATH } from '../../../app/paths.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useHealth } from '../../auth/api/session.ts';
import { usePublicFigures } from '../api/public.ts';
import { FunnelSection } from '../components/public/FunnelSection.tsx';
import { OutcomesSection } from '../components/public/OutcomesSection.tsx';
import { PlacementSections } from '../components/public/PlacementSections.tsx';
import { PublicHeader } from '../components/public/PublicHeader.tsx';
import { StatGrid } from '../components/public/StatGrid.tsx';

/** The fewest people a published count may hold before the server has answered (its `minCell`). */
const DEFAULT_MIN_CELL = 5;

/**
 * /capaian: the program's aggregate figures for anyone, without signing in (issue 9). Outside the sign-in
 * gate: it asks only /api/public/figures (no cookie) and /api/health (the demo banner), never /api/me.
 */
export function PublicFiguresPage() {
  const { t } = useTranslation();
  const figures = usePublicFigures();
  const health = useHealth();
  const minCell = figures.data?.minCell ?? DEFAULT_MIN_CELL;
  const documentTitle = t('insight.public.documentTitle');

  // The browser tab names the page (it is shared as a link); the app's own title comes back on leaving.
  useEffect(() => {
    const before = document.title;
    document.title = documentTitle;
    return () => {
      document.title = before;
    };
  }, [documentTitle]);

  return (
    <Box mih="100dvh" bg="gray.0">
      <PublicHeader demo={health.data?.demo === true} />
      <Container component="main" size="lg" px={{ base: 'sm', sm: 'md' }} py={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1} fz={{ base: 'h2', sm: 'h1' }} c="blue.9">
              {t('insight.public.title')}
            </Title>
            <Text size="md">{t('insight.public.subtitle')}</Text>
            <div>
              <Text size="sm" fw={600}>
                {t('insight.public.agenciesLabel')}
              </Text>
              <List
                size="sm"
                spacing={2}
                icon={<IconBuildingCommunity size={16} aria-hidden style={{ marginTop: 3 }} />}
              >
                <List.Item>{t('insight.public.agencies.prison')}</List.Item>
                <List.Item>{t('insight.public.agencies.probation')}</List.Item>
                <List.Item>{t('insight.public.agencies.district')}</List.Item>
              </List>
            </div>
            {figures.data && (
              <Text size="sm" data-testid="public-as-of">
                <strong>{t('insight.public.asOf', { date: formatDate(figures.data.asOf) })}</strong>
                {' · '}
                {t('insight.public.asOfHint')}
              </Text>
            )}
            <Alert
              color="blue"
              variant="light"
              title={t('insight.public.privacyTitle')}
              icon={<IconShieldLock aria-hidden />}
              role="note"
            >
              <Text size="sm" c="dark.9">
                {t('insight.public.privacy', { min: minCell, max: minCell - 1 })}
              </Text>
            </Alert>
          </Stack>

          {figures.isPending ? (
            <PageLoader />
          ) : figures.isError ? (
            <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
          ) : (
            <Figures data={figures.data} />
          )}

          <Paper component="footer" withBorder p="md">
            <Text size="sm">
              {t('insight.public.signInHint')}{' '}
              <Anchor component={Link} to={SIGN_IN_PATH} fw={600}>
                {t('insight.public.signInLink')}
              </Anchor>
            </Text>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}

function Figures({ data }: { data: PublicFigures }) {
  const { t } = useTranslation();
  const keyTitle = useId();
  const trainingTitle = useId();
  const first = data.funnel[0]?.count ?? null;
  const last = data.funnel.at(-1)?.count ?? null;
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby={keyTitle} data-testid="public-key-figures">
        <Title order={2} fz="h3" id={keyTitle}>
          {t('insight.public.key.title')}
        </Title>
        <StatGrid
          label={t('insight.public.key.peopleNote')}
          stats={[
            { key: 'inProgram', label: t('insight.public.key.inProgram'), value: first },
            { key: 'placed', label: t('insight.public.key.placed'), value: data.placements.total },
            { key: 'working12', label: t('insight.public.key.working12'), value: last },
            {
              key: 'womenCertified',
              label: t('insight.public.training.womenCertified'),
              value: data.training.womenCertified,
            },
          ]}
        />
        <StatGrid
          label={t('insight.public.key.programNote')}
          stats={[
            {
              key: 'villagesHosting',
              label: t('insight.public.key.villagesHosting'),
              value: data.program.villagesHosting,
            },
            {
              key: 'partners',
              label: t('insight.public.key.partners'),
              value: data.program.partnersWithOpportunity,
            },
            {
              key: 'agreements',
              label: t('insight.public.key.agreements'),
              value: data.program.agreementsInForce,
            },
            { key: 'meetings', label: t('insight.public.key.meetings'), value: data.program.meetingsHeld },
          ]}
        />
      </Stack>

      <FunnelSection funnel={data.funnel} />

      <Stack gap="xs" component="section" aria-labelledby={trainingTitle} data-testid="public-training">
        <Title order={2} fz="h3" id={trainingTitle}>
          {t('insight.public.training.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('insight.public.training.description')}
        </Text>
        <StatGrid
          stats={[
            {
              key: 'cohortsCompleted',
              label: t('insight.public.training.cohortsCompleted'),
              value: data.training.cohortsCompleted,
            },
            {
              key: 'womenTrained',
              label: t('insight.public.training.womenTrained'),
              value: data.training.womenTrained,
            },
            {
              key: 'certificatesIssued',
              label: t('insight.public.training.certificatesIssued'),
              value: data.training.certificatesIssued,
            },
            {
              key: 'womenCertified',
              label: t('insight.public.training.womenCertified'),
              value: data.training.womenCertified,
            },
          ]}
        />
      </Stack>

      <PlacementSections placements={data.placements} />
      <OutcomesSection years={data.outcomes} />
    </Stack>
  );
}
