import { Button, Collapse, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover } from '../../../../shared/handovers.ts';
import type { Person } from '../../../../shared/people.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { usePersonHandovers } from '../api/handovers.ts';
import { HandoverActions } from './HandoverActions.tsx';
import { HandoverStateBadge } from './HandoverStateBadge.tsx';
import { PackageView } from './PackageView.tsx';
import { PlanRequiredAlert } from './PlanRequiredAlert.tsx';
import { SendHandoverModal } from './SendHandoverModal.tsx';

/**
 * The first section of the person's "Pembebasan" tab: her handover to Bapas (state, package, history) and
 * what the caller may do with it now (send, accept and assign a PK, return, change the PK, cancel).
 */
export function PersonHandoverSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const handovers = usePersonHandovers(person.id);
  const [sending, setSending] = useState(false);
  // The package just sent is shown open, so the officer sees what Bapas received.
  const [justSent, setJustSent] = useState<string | null>(null);

  const data = handovers.data;
  const [latest, ...earlier] = data?.items ?? [];
  const sendButton = data?.canSend && (
    <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setSending(true)}>
      {latest ? t('handovers.send.again') : t('handovers.send.open')}
    </Button>
  );

  return (
    <SectionCard
      title={t('handovers.section.title')}
      id="handover-title"
      hint={t('handovers.section.hint')}
      actions={sendButton}
    >
      {handovers.isPending ? (
        <PageLoader />
      ) : handovers.isError ? (
        <QueryError error={handovers.error} onRetry={() => void handovers.refetch()} />
      ) : (
        <Stack gap="md" data-person-handovers data-state={handovers.data.state}>
          {handovers.data.canSend && !handovers.data.hasPlan && <PlanRequiredAlert />}
          {latest ? (
            <HandoverCard
              handover={latest}
              person={person}
              packageOpen={justSent === latest.id}
              headingOrder={3}
            />
          ) : (
            <Group gap="sm">
              <HandoverStateBadge state="none" />
              <Text size="sm">{t('handovers.section.none')}</Text>
            </Group>
          )}
          {earlier.length > 0 && (
            <Stack gap="sm">
              <Title order={3} fz="h5">
                {t('handovers.section.earlier')}
              </Title>
              {earlier.map((handover) => (
                <HandoverCard
                  key={handover.id}
                  handover={handover}
                  person={person}
                  packageOpen={false}
                  headingOrder={4}
                />
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {data?.canSend && (
        <SendHandoverModal
          opened={sending}
          person={person}
          onClose={() => setSending(false)}
          onSent={(handover) => {
            setJustSent(handover.id);
            setSending(false);
          }}
        />
      )}
    </SectionCard>
  );
}

/** One sentence on where the handover stands. */
function HandoverSummary({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  return <Text size="sm">{summaryText(handover, t)}</Text>;
}

function summaryText(handover: Handover, t: TFunction) {
  switch (handover.status) {
    case 'sent':
      return t('handovers.section.sentTo', {
        bapas: handover.to.name,
        date: formatDate(handover.sentAt),
        name: handover.sentBy,
      });
    case 'accepted':
      return t('handovers.section.acceptedBy', {
        bapas: handover.to.name,
        officer: handover.officer?.name ?? t('handovers.section.noOfficer'),
      });
    case 'returned':
      return t('handovers.section.returnedBy', {
        bapas: handover.to.name,
        date: formatDate(handover.decidedAt),
      });
    case 'cancelled':
      return t('handovers.section.cancelledOn', { date: formatDate(handover.decidedAt ?? lastAt(handover)) });
    case 'ended':
      return t('handovers.section.endedOn', {
        date: formatDate(
          handover.events.findLast((event) => event.action === 'ended')?.at ?? lastAt(handover),
        ),
      });
  }
}

function lastAt(handover: Handover): string | null {
  return handover.events.at(-1)?.at ?? null;
}

function HandoverCard({
  handover,
  person,
  packageOpen,
  headingOrder,
}: {
  handover: Handover;
  person: Person;
  packageOpen: boolean;
  headingOrder: 3 | 4;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const [showPackage, setShowPackage] = useState(packageOpen);
  // A Bapas head who may decide handovers but not this one: she sent it herself (checked by the server).
  const own =
    access.canDecideHandover &&
    handover.status === 'sent' &&
    !handover.canAccept &&
    handover.to.id === me.organization.id;
  const packageId = `handover-package-${handover.id}`;

  return (
    <Paper withBorder p="sm" data-handover-id={handover.id} data-status={handover.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="xs" align="center">
            <HandoverStateBadge state={handover.status} />
            <Title order={headingOrder} fz="sm" fw={600}>
              {handover.to.name}
            </Title>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(handover.sentAt)}
          </Text>
        </Group>
        <HandoverSummary handover={handover} />
        {handover.status === 'returned' && handover.returnReason && (
          <Text size="sm" fw={500}>
            {t('handovers.section.returnReason', { reason: handover.returnReason })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <InfoField label={t('handovers.section.expectedRelease')} size="sm">
            {formatDate(handover.expectedReleaseDate)}
          </InfoField>
          {handover.status === 'accepted' && (
            <InfoField label={t('handovers.section.officer')} size="sm">
              {handover.officer?.name ?? t('handovers.section.noOfficer')}
            </InfoField>
          )}
          {handover.note && (
            <InfoField label={t('handovers.section.note')} size="sm">
              {handover.note}
            </InfoField>
          )}
        </SimpleGrid>
        {own && (
          <Text size="sm" c="dimmed">
            {t('handovers.section.ownHint')}
          </Text>
        )}
        <HandoverActions
          handover={handover}
          personName={person.displayName}
          defaultStartsOn={person.releaseDate}
        />
        <div>
          <Button
            variant="subtle"
            px={0}
            size="compact-sm"
            onClick={() => setShowPackage((open) => !open)}
            aria-expanded={showPackage}
            aria-controls={packageId}
          >
            {showPackage ? t('handovers.package.hide') : t('handovers.package.show')}
          </Button>
          <Collapse expanded={showPackage} id={packageId} keepMounted={false}>
            <PackageView pack={handover.package} headingOrder={headingOrder === 3 ? 4 : 5} />
          </Collapse>
        </div>
        <HandoverHistory handover={handover} headingOrder={headingOrder === 3 ? 4 : 5} />
      </Stack>
    </Paper>
  );
}

/** The events of one handover, oldest first: who did what, when, from which organization, and the note. */
function HandoverHistory({ handover, headingOrder }: { handover: Handover; headingOrder: 4 | 5 }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={headingOrder} fz="sm" fw={600}>
        {t('handovers.section.history')}
      </Title>
      <Stack
        component="ol"
        gap={6}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('handovers.section.historyLabel')}
      >
        {handover.events.map((event) => (
          <li key={event.id} data-event={event.action}>
            <Text size="sm">
              <Text component="span" fw={600} size="sm">
                {t(`handovers.action.${event.action}`)}
              </Text>{' '}
              · {formatDateTime(event.at)} ·{' '}
              {t('handovers.section.eventBy', {
                name: event.actorName,
                organization: event.organizationName,
              })}
            </Text>
            {event.note && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {event.note}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
