import { Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSupervision, SupervisionSession } from '../../../../shared/supervision.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { supervisionKeys, useUpdateSession } from '../api/supervision.ts';
import { VisitFields, visitValidation } from './VisitFields.tsx';
import type { VisitValues } from './visitDraft.ts';
import { OutcomeBadge } from './vocabulary.tsx';

/** The sessions held, excused and missed, newest first; the PK may correct one. */
export function SessionsSection({ data }: { data: PersonSupervision }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SupervisionSession | null>(null);
  return (
    <SectionCard
      title={t('supervision.client.sessions.title')}
      id="supervision-sessions"
      hint={data.sessions.length > 0 ? t('common.total', { count: data.sessions.length }) : undefined}
    >
      {data.sessions.length === 0 ? (
        <Text size="sm">{t('supervision.client.sessions.empty')}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('supervision.client.sessions.title')}
        >
          {data.sessions.map((session) => (
            <Card key={session.id} component="li" withBorder padding="sm" data-session={session.id}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={600}>{formatDate(session.heldOn)}</Text>
                  <Text size="sm">
                    {t(`supervision.vocab.kind.${session.kind}`)} ·{' '}
                    {t(`supervision.vocab.placeKind.${session.placeKind}`)}
                    {session.place ? ` (${session.place})` : ''}
                  </Text>
                </div>
                <OutcomeBadge outcome={session.outcome} />
              </Group>
              {session.notes && (
                <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <Text span fw={600} size="sm">
                    {t('supervision.client.sessions.notes')}:
                  </Text>{' '}
                  {session.notes}
                </Text>
              )}
              {session.nextSteps && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <Text span fw={600} size="sm">
                    {t('supervision.client.sessions.nextSteps')}:
                  </Text>{' '}
                  {session.nextSteps}
                </Text>
              )}
              <Group justify="space-between" gap="xs" mt={6}>
                <Text size="xs" c="dimmed">
                  {t('supervision.client.sessions.by', { name: session.recordedBy })}
                </Text>
                {data.canRecord && (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setEditing(session)}
                    aria-label={`${t('supervision.client.sessions.edit')} ${formatDate(session.heldOn)}`}
                  >
                    {t('supervision.client.sessions.edit')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {editing && <SessionEditModal data={data} session={editing} onClose={() => setEditing(null)} />}
    </SectionCard>
  );
}

function SessionEditModal({
  data,
  session,
  onClose,
}: {
  data: PersonSupervision;
  session: SupervisionSession;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateSession(data.personId);
  const queryClient = useQueryClient();
  const form = useForm<VisitValues>({
    initialValues: {
      kind: session.kind,
      placeKind: session.placeKind,
      place: session.place ?? '',
      heldOn: session.heldOn,
      outcome: session.outcome,
      notes: session.notes ?? '',
      nextSteps: session.nextSteps ?? '',
    },
    validate: visitValidation(t),
  });

  const submit = form.onSubmit((values) => {
    if (!values.outcome) return;
    update.mutate(
      {
        sessionId: session.id,
        kind: values.kind,
        placeKind: values.placeKind,
        place: values.place.trim() || null,
        heldOn: values.heldOn,
        outcome: values.outcome,
        notes: values.notes.trim() || null,
        nextSteps: values.nextSteps.trim() || null,
        version: session.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('supervision.client.sessions.updated'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) {
            notifications.show({ color: 'red', message: t('supervision.client.stale') });
            void queryClient.invalidateQueries({ queryKey: supervisionKeys.person(data.personId) });
            onClose();
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('supervision.client.sessions.editTitle', { date: formatDate(session.heldOn) })}
      centered
    >
      <form onSubmit={submit} noValidate data-session-form>
        <Stack gap="sm">
          <VisitFields form={form} releasedOn={data.releasedOn} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={update.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
