import { Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverPackage } from '../../../../shared/handovers.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { GoalStatusBadge, PathwayStatusBadge } from '../../reintegration/components/StatusBadges.tsx';
import { completenessColor } from '../../reintegration/components/vocabulary.ts';
import { usePackageLabels } from './vocabulary.ts';

type HeadingOrder = 4 | 5;

/**
 * The handover package as Bapas received it (a snapshot taken when it was sent): plan completeness, the
 * pathways with their status, goals, skills and certificates, documents (titles only) and consents.
 */
export function PackageView({ pack, headingOrder }: { pack: HandoverPackage; headingOrder: HeadingOrder }) {
  const { t } = useTranslation();
  const label = usePackageLabels();
  const { plan } = pack;
  const none = (
    <Text size="sm" c="dimmed">
      {t('handovers.package.none')}
    </Text>
  );

  return (
    <Stack gap="sm" mt="xs" data-handover-package>
      <Text size="xs" c="dimmed">
        {t('handovers.package.title')} · {formatDateTime(pack.takenAt)}
      </Text>
      <Part title={t('handovers.package.completeness')} order={headingOrder}>
        <Group gap="sm" wrap="nowrap" maw={360}>
          <Progress
            value={plan.percent}
            color={completenessColor(plan.percent)}
            size="lg"
            style={{ flex: 1 }}
            aria-label={t('handovers.prerelease.completenessLabel', { percent: plan.percent })}
          />
          <Text size="sm" fw={600}>
            {t('handovers.prerelease.completenessValue', { percent: plan.percent })}
          </Text>
        </Group>
        {plan.intendedVillage && (
          <Text size="sm">{t('handovers.package.village', { name: plan.intendedVillage.name })}</Text>
        )}
        <Text size="sm">
          {plan.guaranteeAcknowledgedOn
            ? t('handovers.package.guaranteeOn', { date: formatDate(plan.guaranteeAcknowledgedOn) })
            : t('handovers.package.guaranteeNone')}
        </Text>
      </Part>
      <Part title={t('handovers.package.pathways')} order={headingOrder}>
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="xl"
          verticalSpacing={6}
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {plan.pathways.map((item) => (
            <Group component="li" key={item.pathway} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm">{label.pathway(item.pathway)}</Text>
              <PathwayStatusBadge status={item.status} />
            </Group>
          ))}
        </SimpleGrid>
      </Part>
      <Part title={t('handovers.package.goals')} order={headingOrder}>
        {plan.goals.length === 0 ? (
          none
        ) : (
          <List size="sm" spacing={4}>
            {plan.goals.map((goal, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a package is a snapshot that never reorders
              <List.Item key={`${goal.pathway}-${index}`}>
                {goal.title} ({label.pathway(goal.pathway)},{' '}
                {t('handovers.package.goalTarget', { date: formatDate(goal.targetDate) })}){' '}
                <GoalStatusBadge status={goal.status} />
                {goal.steps.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('handovers.package.steps', {
                      done: goal.steps.filter((step) => step.doneOn).length,
                      total: goal.steps.length,
                    })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Part>
      <Part title={t('handovers.package.skills')} order={headingOrder}>
        {pack.skills.length === 0 ? (
          none
        ) : (
          <List size="sm" spacing={4}>
            {pack.skills.map((skill, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a package is a snapshot that never reorders
              <List.Item key={`${skill.name}-${index}`}>
                {skill.name} — {label.skillLevel(skill.level)}, {label.skillEvidence(skill.evidence)}
                {skill.certificate && (
                  <Text size="xs" c="dimmed">
                    {t('handovers.package.certificate', {
                      number: skill.certificate.number,
                      issuer: skill.certificate.issuer,
                      date: formatDate(skill.certificate.issuedOn),
                    })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Part>
      <Part title={t('handovers.package.documents')} order={headingOrder}>
        {pack.documents.length === 0 ? (
          none
        ) : (
          <List size="sm" spacing={4}>
            {pack.documents.map((document, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a package is a snapshot that never reorders
              <List.Item key={`${document.title}-${index}`}>
                {t('handovers.package.documentDated', {
                  title: document.title,
                  date: formatDate(document.addedOn),
                })}{' '}
                · {label.documentCategory(document.category)}
              </List.Item>
            ))}
          </List>
        )}
      </Part>
      <Part title={t('handovers.package.consents')} order={headingOrder}>
        {pack.consents.length === 0 ? (
          none
        ) : (
          <List size="sm" spacing={6}>
            {pack.consents.map((consent, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a package is a snapshot that never reorders
              <List.Item key={`${consent.givenOn}-${index}`}>
                <Text size="sm" span>
                  {t('handovers.package.consentTo', {
                    purpose: consent.purpose,
                    recipients: recipientsText(consent, label.recipientKind),
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('handovers.package.consentGroups', {
                    groups: consent.fieldGroups.map(label.fieldGroup).join(', '),
                  })}{' '}
                  ·{' '}
                  {consent.withdrawnOn
                    ? t('handovers.package.consentWithdrawn', {
                        from: formatDate(consent.givenOn),
                        to: formatDate(consent.withdrawnOn),
                      })
                    : t('handovers.package.consentFrom', { from: formatDate(consent.givenOn) })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Part>
    </Stack>
  );
}

function recipientsText(
  consent: HandoverPackage['consents'][number],
  kindLabel: (kind: string) => string,
): string {
  const names = [...consent.recipients, ...consent.recipientKinds.map(kindLabel)];
  return names.length > 0 ? names.join(', ') : '—';
}

function Part({ title, order, children }: { title: string; order: HeadingOrder; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={order} fz="sm" fw={600}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
