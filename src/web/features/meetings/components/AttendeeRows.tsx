import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RemoveRowButton } from '../../../components/RowButtons.tsx';
import { EMPTY } from '../../../lib/format.ts';
import type { AttendeeRow } from './meetingForm.ts';

/**
 * The attendees chosen on the create page: one bordered row each (name, job title, organization, user or
 * guest), stacking on a phone, with its remove button and the server's error of that row under it.
 */
export function AttendeeRows({
  rows,
  errors,
  onRemove,
}: {
  rows: readonly AttendeeRow[];
  /** Field errors by path (`attendees.2.userId`, `attendees.2.name`, …). */
  errors: Record<string, unknown>;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm">{t('meetings.attendees.none')}</Text>;
  return (
    <Stack
      gap="xs"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('meetings.attendees.listLabel')}
    >
      {rows.map((row, index) => {
        const rowErrors = Object.entries(errors)
          .filter(([path]) => path.startsWith(`attendees.${index}.`) || path === `attendees.${index}`)
          .map(([, message]) => String(message));
        return (
          <Paper
            key={row.key}
            withBorder
            p="xs"
            component="li"
            data-testid="attendee-row"
            style={rowErrors.length > 0 ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {index + 1}. {row.name}
                  </Text>
                  <Badge color={row.kind === 'user' ? 'blue.9' : 'gray.8'} radius="sm" tt="none" size="sm">
                    {t(row.kind === 'user' ? 'meetings.attendees.user' : 'meetings.attendees.guest')}
                  </Badge>
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {[row.jobTitle, row.organizationName].filter(Boolean).join(', ') || EMPTY}
                </Text>
                {rowErrors.map((message) => (
                  <Text key={message} size="sm" c="red.8" role="alert">
                    {message}
                  </Text>
                ))}
              </div>
              <RemoveRowButton
                label={t('meetings.attendees.remove', { name: row.name })}
                onClick={() => onRemove(index)}
              />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
