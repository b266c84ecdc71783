import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSupervision, SupervisionEscalation } from '../../../../shared/supervision.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useEscalate, useResolveEscalation } from '../api/supervision.ts';
import { LevelBadge } from './vocabulary.tsx';

type Dialog = { kind: 'escalate' } | { kind: 'resolve'; escalation: SupervisionEscalation } | null;

/** Missed-visit escalations: automatic after missed sessions, raised by hand, resolved with a note. */
export function EscalationsSection({ data }: { data: PersonSupervision }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const sessionDates = new Map(data.sessions.map((session) => [session.id, session.heldOn]));
  const canAct = data.canRecord && data.state === 'active';

  return (
    <SectionCard
      title={t('supervision.client.escalations.title')}
      id="supervision-escalations"
      hint={t('supervision.client.escalations.hint')}
      actions={
        canAct &&
        data.nextEscalationLevel && (
          <Button
            variant="default"
            size="sm"
            leftSection={<IconAlertTriangle size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'escalate' })}
          >
            {t('supervision.client.escalations.escalate')}
          </Button>
        )
      }
    >
      {data.escalations.length === 0 ? (
        <Text size="sm">{t('supervision.client.escalations.empty')}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('supervision.client.escalations.title')}
        >
          {data.escalations.map((escalation) => {
            const sessionDate = escalation.sessionId ? sessionDates.get(escalation.sessionId) : undefined;
            return (
              <Card
                key={escalation.id}
                component="li"
                withBorder
                padding="sm"
                data-escalation={escalation.id}
              >
                <Group justify="space-between" gap="xs" align="flex-start">
                  <LevelBadge level={escalation.level} />
                  {escalation.resolvedAt ? (
                    <Badge color="gray.8" radius="sm" tt="none" variant="outline">
                      {t('supervision.client.escalations.resolved', {
                        date: formatDate(escalation.resolvedAt),
                      })}
                    </Badge>
                  ) : (
                    <Badge color="red.9" radius="sm" tt="none" variant="outline">
                      {t('supervision.client.escalations.open')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('supervision.client.escalations.createdBy', {
                    date: formatDateTime(escalation.createdAt),
                    name: escalation.createdBy,
                  })}
                  {escalation.automatic &&
                    sessionDate &&
                    ` · ${t('supervision.client.escalations.auto', { date: formatDate(sessionDate) })}`}
                </Text>
                {escalation.note && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {escalation.note}
                  </Text>
                )}
                {escalation.resolutionNote && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {t('supervision.client.escalations.resolution', { note: escalation.resolutionNote })}
                  </Text>
                )}
                {canAct && !escalation.resolvedAt && (
                  <Group justify="flex-end" mt={6}>
                    <Button
                      size="sm"
                      variant="default"
                      leftSection={<IconCheck size={16} aria-hidden />}
                      onClick={() => setDialog({ kind: 'resolve', escalation })}
                    >
                      {t('supervision.client.escalations.resolve')}
                    </Button>
                  </Group>
                )}
              </Card>
            );
          })}
        </Stack>
      )}
      {dialog && <EscalationNoteModal data={data} dialog={dialog} onClose={() => setDialog(null)} />}
    </SectionCard>
  );
}

function EscalationNoteModal({
  data,
  dialog,
  onClose,
}: {
  data: PersonSupervision;
  dialog: NonNullable<Dialog>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const escalate = useEscalate(data.personId);
  const resolve = useResolveEscalation();
  const pending = escalate.isPending || resolve.isPending;
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (value) => (value.trim() ? null : t('supervision.client.escalations.noteRequired')) },
  });
  const submit = form.onSubmit(({ note }) => {
    const options = {
      onSuccess: () => {
        notifySuccess(
          dialog.kind === 'escalate'
            ? t('supervision.client.escalations.escalated')
            : t('supervision.client.escalations.resolvedDone'),
        );
        onClose();
      },
      onError: (error: unknown) => showServerErrors(form, error),
    };
    if (dialog.kind === 'escalate') escalate.mutate({ note: note.trim() }, options);
    else resolve.mutate({ escalationId: dialog.escalation.id, note: note.trim() }, options);
  });

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={
        dialog.kind === 'escalate'
          ? t('supervision.client.escalations.escalateTitle')
          : t('supervision.client.escalations.resolveTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {dialog.kind === 'escalate' && data.nextEscalationLevel && (
            <Text size="sm">
              {t('supervision.client.escalations.escalateText', {
                level: t(`supervision.vocab.level.${data.nextEscalationLevel}`),
              })}
            </Text>
          )}
          <Textarea
            label={t('supervision.client.escalations.note')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {dialog.kind === 'escalate'
                ? t('supervision.client.escalations.escalate')
                : t('supervision.client.escalations.resolve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
