import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeWindowState } from '../../../../shared/outcomes.ts';
import type { EscalationLevel, SessionOutcome } from '../../../../shared/supervision.ts';

// Colours per code (labels from i18n supervision.vocab.*). Filled shade-9 badges keep white text above
// 4.5:1; the yellow ones carry dark text for the same reason.

export const OUTCOME_COLORS: Record<SessionOutcome, string> = {
  attended: 'teal.9',
  excused: 'blue.9',
  missed: 'red.9',
};

export const LEVEL_COLORS: Record<EscalationLevel, string> = {
  reminder: 'yellow.3',
  warning: 'orange.4',
  report_to_head: 'red.9',
};

export const WINDOW_STATE_COLORS: Record<OutcomeWindowState, string> = {
  not_released: 'gray.8',
  upcoming: 'gray.8',
  due: 'blue.9',
  overdue: 'red.9',
  recorded: 'teal.9',
};

const DARK_TEXT = new Set(['yellow.3', 'orange.4']);

function CodeBadge({ color, children }: { color: string; children: string }) {
  return (
    <Badge
      color={color}
      c={DARK_TEXT.has(color) ? 'dark.9' : undefined}
      radius="sm"
      tt="none"
      // Long labels ("Dilaporkan ke Kepala Bapas") wrap on a phone instead of being cut off.
      h="auto"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      style={{ flexShrink: 0, maxWidth: '100%' }}
    >
      {children}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: SessionOutcome }) {
  const { t } = useTranslation();
  return <CodeBadge color={OUTCOME_COLORS[outcome]}>{t(`supervision.vocab.outcome.${outcome}`)}</CodeBadge>;
}

export function LevelBadge({ level }: { level: EscalationLevel }) {
  const { t } = useTranslation();
  return <CodeBadge color={LEVEL_COLORS[level]}>{t(`supervision.vocab.level.${level}`)}</CodeBadge>;
}

/**
 * The next due date's urgency: overdue (red, "Terlambat N hari"), today (orange), within 7 days (blue),
 * nothing later. `days` = days from today to the due date.
 */
export function DueBadge({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null || days > 7) return null;
  if (days < 0) return <CodeBadge color="red.9">{t('supervision.due.overdue', { count: -days })}</CodeBadge>;
  if (days === 0) return <CodeBadge color="orange.4">{t('supervision.due.today')}</CodeBadge>;
  return <CodeBadge color="blue.9">{t('supervision.due.inDays', { count: days })}</CodeBadge>;
}

export function WindowStateBadge({ state }: { state: OutcomeWindowState }) {
  const { t } = useTranslation();
  if (state === 'not_released') return null;
  return <CodeBadge color={WINDOW_STATE_COLORS[state]}>{t(`supervision.outcomes.state.${state}`)}</CodeBadge>;
}

/** The place a session kind usually takes place at: chosen with the kind, the officer may change it. */
export const DEFAULT_PLACE_KIND = {
  reporting_visit: 'bapas',
  home_visit: 'home',
  workplace_visit: 'workplace',
  group_guidance: 'bapas',
} as const;
