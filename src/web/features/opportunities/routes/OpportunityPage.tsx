import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Opportunity } from '../../../../shared/opportunities.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY, formatDate, formatDateTime, orDash } from '../../../lib/format.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useSession } from '../../auth/api/session.ts';
import {
  CANDIDATES_TAB,
  OpportunityCandidatesTab,
} from '../../matching/components/OpportunityCandidatesTab.tsx';
import { PlacementPipeline } from '../../placements/components/PlacementPipeline.tsx';
import { ProposeButton } from '../../placements/components/ProposeButton.tsx';
import { useOpportunity } from '../api/opportunities.ts';
import { OpportunityStatusBadge, WorkingPatternBadges } from '../components/badges.tsx';
import { Pay, Places } from '../components/parts.tsx';
import { RestrictionsReviewModal, RestrictionsView } from '../components/RestrictionsSection.tsx';
import { StatusActions } from '../components/StatusActions.tsx';

/** /peluang/:opportunityId: the opportunity, its skills and working pattern, its status, restrictions and pipeline. */
export function OpportunityPage() {
  const { opportunityId = '' } = useParams();
  const { t } = useTranslation();
  const query = useOpportunity(opportunityId);
  const back = <BackButton to="/peluang">{t('opportunities.page.back')}</BackButton>;
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
  return <OpportunityView opportunity={query.data} back={back} />;
}

function OpportunityView({ opportunity, back }: { opportunity: Opportunity; back: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const [reviewing, setReviewing] = useState(false);
  const { permissions, restrictions } = opportunity;
  const canPropose = access.canProposePlacements && opportunity.status === 'open' && permissions.canPropose;
  // Candidates: for those who see how people match (the server lists only people the viewer may see).
  const showCandidates = access.canReadMatches;
  const { tab, selectTab } = useTabParam(showCandidates ? ['rincian', CANDIDATES_TAB] : ['rincian']);

  const details = (
    <>
      <SectionCard title={t('opportunities.page.overview')} id="opportunity-overview">
        <Stack gap="md">
          {opportunity.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {opportunity.description}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <InfoField label={t('opportunities.page.partner')}>
              <Anchor component={Link} to={`/mitra/${opportunity.partner.id}`} c="blue.9" fw={500}>
                {opportunity.partner.name}
              </Anchor>
            </InfoField>
            <InfoField label={t('opportunities.page.village')}>
              <Anchor component={Link} to={`/desa/${opportunity.village.id}`} c="blue.9" fw={500}>
                {opportunity.village.name}
              </Anchor>
            </InfoField>
            <InfoField label={t('opportunities.page.location')}>{orDash(opportunity.location)}</InfoField>
            <InfoField label={t('opportunities.page.sector')}>
              {t(`people.vocab.sector.${opportunity.sector}`)}
            </InfoField>
            <InfoField label={t('opportunities.page.places')}>
              <Places opportunity={opportunity} />
            </InfoField>
            <InfoField label={t('opportunities.page.startOn')}>{formatDate(opportunity.startOn)}</InfoField>
            <InfoField label={t('opportunities.page.closesOn')}>
              {opportunity.closesOn ? formatDate(opportunity.closesOn) : t('opportunities.page.noClosing')}
            </InfoField>
            <InfoField label={t('opportunities.page.status')}>
              <OpportunityStatusBadge status={opportunity.status} />
              {opportunity.statusReason && (
                <Text size="sm" fw={400} mt={4}>
                  {t('opportunities.page.statusReason')}: {opportunity.statusReason}
                </Text>
              )}
              {opportunity.openedAt && (
                <Text size="sm" fw={400} mt={4}>
                  {t('opportunities.page.openedBy', {
                    name: opportunity.openedBy ?? EMPTY,
                    date: formatDateTime(opportunity.openedAt),
                  })}
                </Text>
              )}
            </InfoField>
            <InfoField label={t('opportunities.page.asimilasi')}>
              {opportunity.openToAsimilasi
                ? t('opportunities.page.asimilasiYes')
                : t('opportunities.page.asimilasiNo')}
            </InfoField>
          </SimpleGrid>
        </Stack>
      </SectionCard>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard title={t('opportunities.page.skills')} id="opportunity-skills">
          <Skills opportunity={opportunity} />
        </SectionCard>
        <SectionCard title={t('opportunities.page.workingPattern')} id="opportunity-pattern">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <InfoField label={t('opportunities.page.hoursPerWeek')}>
              {opportunity.hoursPerWeek === null
                ? EMPTY
                : t('opportunities.hoursPerWeek', { count: opportunity.hoursPerWeek })}
            </InfoField>
            <InfoField label={t('opportunities.page.workHours')}>{orDash(opportunity.workHours)}</InfoField>
            <InfoField label={t('opportunities.page.patternFlags')}>
              {opportunity.partTime || opportunity.flexible || opportunity.shiftWork ? (
                <WorkingPatternBadges pattern={opportunity} />
              ) : (
                t('opportunities.page.noFlags')
              )}
            </InfoField>
            <InfoField label={t('opportunities.page.pay')}>
              <Pay opportunity={opportunity} />
            </InfoField>
          </SimpleGrid>
        </SectionCard>
      </SimpleGrid>

      {restrictions && (
        <SectionCard title={t('opportunities.restrictions.title')} id="opportunity-restrictions">
          <RestrictionsView
            restrictions={restrictions}
            canReview={permissions.canReviewRestrictions && access.canReviewRestrictions}
            onReview={() => setReviewing(true)}
          />
          {reviewing && (
            <RestrictionsReviewModal
              opportunity={opportunity}
              restrictions={restrictions}
              onClose={() => setReviewing(false)}
            />
          )}
        </SectionCard>
      )}

      <SectionCard
        title={t('opportunities.page.pipeline')}
        id="opportunity-pipeline"
        actions={canPropose && <ProposeButton opportunityId={opportunity.id} />}
      >
        <PlacementPipeline opportunityId={opportunity.id} />
      </SectionCard>
    </>
  );

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={opportunity.title}
          actions={
            <>
              <StatusActions opportunity={opportunity} />
              {permissions.canEdit && (
                <Button
                  component={Link}
                  to={`/peluang/${opportunity.id}/ubah`}
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden />}
                >
                  {t('opportunities.page.edit')}
                </Button>
              )}
            </>
          }
        />
        <Group gap="xs" mt="xs">
          <OpportunityStatusBadge status={opportunity.status} />
          <Badge variant="default" radius="sm" tt="none">
            {t(`opportunities.kind.${opportunity.kind}`)}
          </Badge>
          {opportunity.openToAsimilasi && (
            <Badge color="indigo.9" radius="sm" tt="none">
              {t('opportunities.pattern.asimilasi')}
            </Badge>
          )}
        </Group>
      </div>

      {opportunity.status === 'draft' && (
        <Alert color="blue.9" variant="filled" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('opportunities.page.draftNote')}</Text>
        </Alert>
      )}

      {showCandidates ? (
        <Tabs value={tab} onChange={selectTab} keepMounted={false}>
          <Tabs.List aria-label={t('matching.opportunityTabs.label')}>
            <Tabs.Tab value="rincian">{t('matching.opportunityTabs.details')}</Tabs.Tab>
            <Tabs.Tab value={CANDIDATES_TAB}>{t('matching.opportunityTabs.candidates')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rincian" pt="md">
            <Stack gap="md">{details}</Stack>
          </Tabs.Panel>
          <Tabs.Panel value={CANDIDATES_TAB} pt="md">
            <OpportunityCandidatesTab opportunity={opportunity} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        details
      )}
    </Stack>
  );
}

function Skills({ opportunity }: { opportunity: Opportunity }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  if (opportunity.skills.length === 0) return <Text size="sm">{t('opportunities.page.noSkills')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {opportunity.skills.map((skill) => (
        <Group key={skill.skillId} component="li" justify="space-between" gap="xs" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {english ? skill.nameEn : skill.nameId}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`people.vocab.sector.${skill.sector}`)} ·{' '}
              {t('opportunities.page.minLevel', { level: t(`training.level.${skill.minLevel}`) })}
            </Text>
          </div>
          <Badge
            color={skill.essential ? 'teal.9' : 'gray.8'}
            radius="sm"
            tt="none"
            style={{ flexShrink: 0 }}
            data-essential={skill.essential ? 'yes' : 'no'}
          >
            {skill.essential ? t('opportunities.essential') : t('opportunities.optional')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
