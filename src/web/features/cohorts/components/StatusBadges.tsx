import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CohortStatus, SessionStatus } from '../../../../shared/cohorts.ts';
import type { CheckStatus, EnrolmentStatus } from '../../../../shared/enrolments.ts';
import {
  type BadgeColour,
  CHECK_STATUS_COLOURS,
  COHORT_STATUS_COLOURS,
  ENROLMENT_STATUS_COLOURS,
  SESSION_STATUS_COLOURS,
} from './vocabulary.ts';

function StatusBadge({ colour, label }: { colour: BadgeColour; label: string }) {
  return (
    <Badge
      color={colour.color}
      c={colour.dark ? 'dark.9' : undefined}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
    >
      {label}
    </Badge>
  );
}

export function CohortStatusBadge({ status }: { status: CohortStatus }) {
  const { t } = useTranslation();
  return <StatusBadge colour={COHORT_STATUS_COLOURS[status]} label={t(`cohorts.status.${status}`)} />;
}

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return <StatusBadge colour={SESSION_STATUS_COLOURS[status]} label={t(`cohorts.sessionStatus.${status}`)} />;
}

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge colour={ENROLMENT_STATUS_COLOURS[status]} label={t(`cohorts.enrolmentStatus.${status}`)} />
  );
}

export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge colour={CHECK_STATUS_COLOURS[status]} label={t(`cohorts.allocate.checkStatus.${status}`)} />
  );
}
