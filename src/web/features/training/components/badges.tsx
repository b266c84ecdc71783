import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CohortStatus } from '../../../../shared/cohorts.ts';
import type { EnrolmentStatus } from '../../../../shared/enrolments.ts';
import type { CertificationPath, ProgramSkill } from '../../../../shared/programs.ts';
import {
  CERTIFICATION_COLORS,
  COHORT_STATUS_COLORS,
  ENROLMENT_STATUS_COLORS,
  EVIDENCE_COLORS,
  type SkillEvidence,
} from './vocabulary.ts';

// The label never truncates: in a narrow table column the badge keeps its words and the column widens.
const BADGE = {
  radius: 'sm',
  tt: 'none',
  style: { flexShrink: 0 },
  styles: { label: { overflow: 'visible' } },
} as const;

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ENROLMENT_STATUS_COLORS[status]} {...BADGE}>
      {t(`cohorts.enrolmentStatus.${status}`)}
    </Badge>
  );
}

export function CohortStatusBadge({ status }: { status: CohortStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COHORT_STATUS_COLORS[status]} {...BADGE}>
      {t(`cohorts.status.${status}`)}
    </Badge>
  );
}

export function CertificationBadge({ path }: { path: CertificationPath }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={CERTIFICATION_COLORS[path]}
      variant={path === 'none' ? 'default' : 'filled'}
      title={t(`training.certification.${path}`)}
      {...BADGE}
    >
      {t(`training.certificationShort.${path}`)}
    </Badge>
  );
}

export function EvidenceBadge({ evidence }: { evidence: SkillEvidence }) {
  const { t } = useTranslation();
  return (
    <Badge color={EVIDENCE_COLORS[evidence]} {...BADGE}>
      {t(`training.evidence.${evidence}`)}
    </Badge>
  );
}

/** The skills a program teaches, each with the level reached: "Menjahit · Kompeten". */
export function ProgramSkillBadges({ skills }: { skills: ProgramSkill[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {skills.map((skill) => (
        <Badge key={skill.skillId} component="li" variant="default" {...BADGE}>
          {english ? skill.nameEn : skill.name} · {t(`training.level.${skill.level}`)}
        </Badge>
      ))}
    </Group>
  );
}
