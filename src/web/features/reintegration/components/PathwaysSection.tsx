import {
  Accordion,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconHistory, IconPencil, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NEED_STATUSES,
  PATHWAY_STATUSES,
  type PathwayStatus,
  type PlanGoal,
  type PlanGoalStep,
  type PlanNeed,
  type PlanPathway,
  type PlanStatusChange,
  type ReintegrationPlanView,
} from '../../../../shared/reintegration.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { useUpdateGoalStep, useUpdatePathway } from '../api/reintegration.ts';
import { GoalFormModal, type GoalTarget } from './GoalFormModal.tsx';
import { NeedFormModal, type NeedTarget } from './NeedFormModal.tsx';
import { GoalStatusBadge, NeedStatusBadge, PathwayStatusBadge } from './StatusBadges.tsx';

interface PathwaysProps {
  view: ReintegrationPlanView;
  pathways: PlanPathway[];
  canManage: boolean;
  restricted: boolean;
  /** Someone else changed the plan first: the tab shows its reload alert. */
  onStale: () => void;
}

/** The pathways as an accordion: each one's status, note, needs, goals with steps, and history. */
export function PathwaysSection({ view, pathways, canManage, restricted, onStale }: PathwaysProps) {
  const { t } = useTranslation();
  const [needTarget, setNeedTarget] = useState<NeedTarget | null>(null);
  const [goalTarget, setGoalTarget] = useState<GoalTarget | null>(null);
  const [opened, setOpened] = useState<string[]>([]);
  return (
    <SectionCard
      title={t('reintegration.pathways.title')}
      id="plan-pathways"
      hint={canManage ? t('reintegration.pathways.hint') : undefined}
    >
      <Accordion
        multiple
        variant="separated"
        value={opened}
        onChange={setOpened}
        chevronPosition="left"
        order={3}
      >
        {pathways.map((pathway) => (
          <Accordion.Item key={pathway.pathway} value={pathway.pathway} data-pathway={pathway.pathway}>
            <Accordion.Control>
              <Group gap="xs" justify="space-between" wrap="wrap" pr="xs">
                <Text fw={600} span>
                  {t(`reintegration.pathway.${pathway.pathway}`)}
                </Text>
                <Group gap={6} wrap="wrap">
                  <PathwayStatusBadge status={pathway.status} />
                  {pathway.needs.length > 0 && (
                    <Badge variant="default" radius="sm" tt="none">
                      {t('reintegration.pathways.needsCount', { count: pathway.needs.length })}
                    </Badge>
                  )}
                  {pathway.goals.length > 0 && (
                    <Badge variant="default" radius="sm" tt="none">
                      {t('reintegration.pathways.goalsCount', { count: pathway.goals.length })}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <PathwayPanel
                personId={view.person.id}
                pathway={pathway}
                canManage={canManage}
                restricted={restricted}
                onStale={onStale}
                onNeed={(need) => setNeedTarget({ pathway: pathway.pathway, need })}
                onGoal={(goal) => setGoalTarget({ pathway: pathway.pathway, goal })}
              />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {canManage && (
        <>
          <NeedFormModal personId={view.person.id} target={needTarget} onClose={() => setNeedTarget(null)} />
          <GoalFormModal person={view.person} target={goalTarget} onClose={() => setGoalTarget(null)} />
        </>
      )}
    </SectionCard>
  );
}

function PathwayPanel({
  personId,
  pathway,
  canManage,
  restricted,
  onStale,
  onNeed,
  onGoal,
}: {
  personId: string;
  pathway: PlanPathway;
  canManage: boolean;
  restricted: boolean;
  onStale: () => void;
  onNeed: (need: PlanNeed | null) => void;
  onGoal: (goal: PlanGoal | null) => void;
}) {
  const { t } = useTranslation();
  const name = t(`reintegration.pathway.${pathway.pathway}`);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t(`reintegration.pathwayHint.${pathway.pathway}`)}
      </Text>
      {canManage ? (
        <PathwayStatusForm
          key={`${pathway.version}`}
          personId={personId}
          pathway={pathway}
          onStale={onStale}
        />
      ) : (
        !restricted && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {pathway.note ?? t('reintegration.pathways.noNote')}
          </Text>
        )
      )}

      {/* Needs are not shared with a restricted reader (the server sends none). */}
      {!restricted && (
        <ItemsBlock
          title={t('reintegration.needs.title')}
          addLabel={canManage ? t('reintegration.needs.add') : null}
          pathwayName={name}
          onAdd={() => onNeed(null)}
          empty={pathway.needs.length === 0 ? t('reintegration.needs.empty') : null}
        >
          {pathway.needs.map((need) => (
            <NeedRow key={need.id} need={need} canManage={canManage} onEdit={() => onNeed(need)} />
          ))}
        </ItemsBlock>
      )}

      <ItemsBlock
        title={t('reintegration.goals.title')}
        addLabel={canManage ? t('reintegration.goals.add') : null}
        pathwayName={name}
        onAdd={() => onGoal(null)}
        empty={pathway.goals.length === 0 ? t('reintegration.goals.empty') : null}
      >
        {pathway.goals.map((goal) => (
          <GoalRow
            key={goal.id}
            personId={personId}
            goal={goal}
            canManage={canManage}
            onEdit={() => onGoal(goal)}
            onStale={onStale}
          />
        ))}
      </ItemsBlock>

      <History pathway={pathway} />
    </Stack>
  );
}

/** A titled list of a pathway's needs or goals, with its add button (staff) and its empty text. */
function ItemsBlock({
  title,
  addLabel,
  pathwayName,
  onAdd,
  empty,
  children,
}: {
  title: string;
  /** Null: the reader may not add. */
  addLabel: string | null;
  pathwayName: string;
  onAdd: () => void;
  /** The text shown instead of the list when it is empty, else null. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={4} fz="md">
          {title}
        </Title>
        {addLabel && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={onAdd}
            aria-label={`${addLabel}: ${pathwayName}`}
          >
            {addLabel}
          </Button>
        )}
      </Group>
      {empty !== null ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {children}
        </Stack>
      )}
    </Stack>
  );
}

/** The pathway's status and note; saved together (the server keeps a history row when the status changes). */
function PathwayStatusForm({
  personId,
  pathway,
  onStale,
}: {
  personId: string;
  pathway: PlanPathway;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdatePathway(personId);
  const [status, setStatus] = useState<PathwayStatus>(pathway.status);
  const [note, setNote] = useState(pathway.note ?? '');
  const name = t(`reintegration.pathway.${pathway.pathway}`);
  const changed = status !== pathway.status || note.trim() !== (pathway.note ?? '');
  return (
    <form
      noValidate
      data-pathway-form={pathway.pathway}
      onSubmit={(event) => {
        event.preventDefault();
        if (!changed) return;
        save.mutate(
          { pathway: pathway.pathway, status, note: note.trim() || null, version: pathway.version },
          {
            onSuccess: () => notifySuccess(t('reintegration.pathways.saved', { pathway: name })),
            onError: (error) => {
              if (isApiError(error) && isStaleVersion(error)) onStale();
              else notifyError(error);
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Select
          label={t('reintegration.pathways.statusLabel', { pathway: name })}
          data={optionsOf(PATHWAY_STATUSES, (code) => t(`reintegration.status.${code}`))}
          value={status}
          onChange={(value) => value && setStatus(value as PathwayStatus)}
          allowDeselect={false}
          maw={320}
        />
        <Textarea
          label={t('reintegration.pathways.note')}
          description={t('reintegration.pathways.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={save.isPending} disabled={!changed}>
            {t('reintegration.pathways.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NeedRow({ need, canManage, onEdit }: { need: PlanNeed; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const overdue =
    need.dueOn !== null &&
    need.dueOn < todayIso() &&
    (need.status === 'open' || need.status === 'in_progress');
  return (
    <Paper withBorder p="sm" component="li" data-need={need.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {need.description}
          </Text>
          <Text size="sm" c="dimmed">
            {need.responsibleOrganization?.name ?? t(`reintegration.responsibleKind.${need.responsibleKind}`)}
            {need.dueOn && ` · ${t('reintegration.needs.due', { date: formatDate(need.dueOn) })}`}
          </Text>
          <Group gap={6}>
            <NeedStatusBadge status={need.status} />
            {overdue && (
              <Badge color="red.9" radius="sm" tt="none">
                {t('reintegration.needs.overdue')}
              </Badge>
            )}
          </Group>
        </Stack>
        {canManage && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t('reintegration.needs.editNamed', { description: need.description })}
            style={{ flexShrink: 0 }}
          >
            {t('reintegration.needs.edit')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function GoalRow({
  personId,
  goal,
  canManage,
  onEdit,
  onStale,
}: {
  personId: string;
  goal: PlanGoal;
  canManage: boolean;
  onEdit: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const done = goal.steps.filter((step) => step.doneOn !== null).length;
  return (
    <Paper withBorder p="sm" component="li" data-goal={goal.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {goal.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`reintegration.horizon.${goal.horizonMonths === 3 ? 3 : goal.horizonMonths === 12 ? 12 : 6}`)}{' '}
            · {t('reintegration.goals.target', { date: formatDate(goal.targetDate) })}
          </Text>
          <Group gap={6}>
            <GoalStatusBadge status={goal.status} />
            {goal.steps.length > 0 && (
              <Text size="sm">{t('reintegration.goals.stepsDone', { done, total: goal.steps.length })}</Text>
            )}
          </Group>
        </Stack>
        {canManage && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t('reintegration.goals.editNamed', { title: goal.title })}
            style={{ flexShrink: 0 }}
          >
            {t('reintegration.goals.edit')}
          </Button>
        )}
      </Group>
      {goal.steps.length > 0 && (
        <Stack gap={6} mt="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {goal.steps.map((step) => (
            <li key={step.id}>
              <StepItem
                personId={personId}
                goalId={goal.id}
                step={step}
                canManage={canManage}
                onStale={onStale}
              />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function StepItem({
  personId,
  goalId,
  step,
  canManage,
  onStale,
}: {
  personId: string;
  goalId: string;
  step: PlanGoalStep;
  canManage: boolean;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateGoalStep(personId);
  const detail = [
    step.doneOn ? t('reintegration.goals.stepDone', { date: formatDate(step.doneOn) }) : null,
    step.dueOn && !step.doneOn ? t('reintegration.goals.stepDueOn', { date: formatDate(step.dueOn) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  if (!canManage) {
    return (
      <Text size="sm" td={step.doneOn ? 'line-through' : undefined}>
        {step.doneOn ? '✓ ' : '○ '}
        {step.title}
        {detail && (
          <Text span size="sm" c="dimmed">
            {' '}
            ({detail})
          </Text>
        )}
      </Text>
    );
  }
  return (
    <Checkbox
      checked={step.doneOn !== null}
      disabled={update.isPending}
      label={step.title}
      description={detail || undefined}
      data-step={step.id}
      onChange={(event) => {
        update.mutate(
          { goalId, stepId: step.id, done: event.currentTarget.checked, version: step.version },
          {
            onSuccess: () => notifySuccess(t('reintegration.goals.stepSaved')),
            onError: (error) => {
              if (isApiError(error) && isStaleVersion(error)) onStale();
              else notifyError(error);
            },
          },
        );
      }}
    />
  );
}

/** A status in words: a pathway's or a need's vocabulary (the history holds both). */
function useStatusLabel() {
  const { t } = useTranslation();
  return (change: PlanStatusChange, status: string | null): string => {
    if (status === null) return '—';
    if (change.needId) {
      const need = NEED_STATUSES.find((code) => code === status);
      return need ? t(`reintegration.needStatus.${need}`) : status;
    }
    const pathway = PATHWAY_STATUSES.find((code) => code === status);
    return pathway ? t(`reintegration.status.${pathway}`) : status;
  };
}

function History({ pathway }: { pathway: PlanPathway }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const label = useStatusLabel();
  if (pathway.history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reintegration.history.empty')}
      </Text>
    );
  }
  const needs = new Map(pathway.needs.map((need) => [need.id, need.description]));
  return (
    <div>
      <Button
        variant="subtle"
        size="xs"
        px={0}
        leftSection={<IconHistory size={14} aria-hidden />}
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
      >
        {open
          ? t('reintegration.history.hide')
          : t('reintegration.history.show', { count: pathway.history.length })}
      </Button>
      {open && (
        <Stack
          gap={6}
          mt="xs"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-history
        >
          {pathway.history.map((change) => {
            const need = change.needId ? needs.get(change.needId) : undefined;
            return (
              <li key={change.id}>
                <Text size="sm">
                  {need && (
                    <Text span size="sm" fw={600}>
                      {t('reintegration.history.need', { description: need })}{' '}
                    </Text>
                  )}
                  {change.fromStatus === null
                    ? t('reintegration.history.created', { to: label(change, change.toStatus) })
                    : t('reintegration.history.change', {
                        from: label(change, change.fromStatus),
                        to: label(change, change.toStatus),
                      })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('reintegration.history.by', {
                    name: change.changedBy,
                    organization: change.organizationName,
                    date: formatDateTime(change.at),
                  })}
                </Text>
                {change.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {change.note}
                  </Text>
                )}
              </li>
            );
          })}
        </Stack>
      )}
    </div>
  );
}
