import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconBan, IconCheck, IconCircleCheck, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cohort } from '../../../../shared/cohorts.ts';
import {
  type AllocationResult,
  type CheckResult,
  type CheckStatus,
  type Enrolment,
  OVERRIDABLE_CHECKS,
  type Suitability,
  type SuitabilityCheck,
} from '../../../../shared/enrolments.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { notifyError } from '../../../lib/notify.ts';
import { useAllocate, useSuitability, useWaitlist } from '../api/cohorts.ts';
import { checkMessage } from './checkMessages.ts';
import { CheckStatusBadge, EnrolmentStatusBadge } from './StatusBadges.tsx';
import { useCohortFormat } from './useCohortFormat.ts';

type Step = 0 | 1 | 2;
const STEPS = ['choose', 'check', 'result'] as const;

/** Where the officer is: an ordered list with the current step marked (no buttons to jump around). */
function Steps({ active }: { active: Step }) {
  const { t } = useTranslation();
  return (
    <Group
      component="ol"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('cohorts.allocate.stepsLabel')}
    >
      {STEPS.map((step, index) => (
        <Group
          key={step}
          component="li"
          gap={6}
          wrap="nowrap"
          aria-current={index === active ? 'step' : undefined}
        >
          <ThemeIcon
            size={22}
            radius="xl"
            color={index <= active ? 'blue.9' : 'gray.2'}
            c={index <= active ? 'white' : 'dark.9'}
            aria-hidden
          >
            {index < active ? (
              <IconCheck size={14} />
            ) : (
              <Text size="xs" fw={700}>
                {index + 1}
              </Text>
            )}
          </ThemeIcon>
          <Text size="sm" fw={index === active ? 700 : 400}>
            {t(`cohorts.allocate.steps.${step}`)}
          </Text>
          {index < STEPS.length - 1 && (
            <Text size="sm" c="dimmed" aria-hidden>
              ›
            </Text>
          )}
        </Group>
      ))}
    </Group>
  );
}

/** Her worst check decides: blocked > warning > ok. */
export function worstStatus(checks: readonly CheckResult[]): CheckStatus {
  if (checks.some((check) => check.status === 'blocked')) return 'blocked';
  if (checks.some((check) => check.status === 'warning')) return 'warning';
  return 'ok';
}

interface Decision {
  include: boolean;
  reason: string;
}

/**
 * Allocation from the program's waitlist in three steps: choose people (search, bulk), see the suitability
 * checks per person (override warnings with a written reason; blocked people stay out), then the outcome
 * per person as the server decided it.
 */
export function AllocateModal({ cohort, onClose }: { cohort: Cohort; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [step, setStep] = useState<Step>(0);
  const [selected, setSelected] = useState<Map<string, Enrolment>>(new Map());
  const suitability = useSuitability(cohort.id);
  const allocate = useAllocate(cohort.id);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [result, setResult] = useState<AllocationResult | null>(null);

  /** Checks the chosen people; capacity is counted in the order given (those to allocate first). */
  const runChecks = (order?: string[]) => {
    setStep(1);
    suitability.mutate(
      { enrolmentIds: order ?? [...selected.keys()] },
      {
        onSuccess: (list) => {
          setDecisions((previous) =>
            Object.fromEntries(
              list.map((item) => {
                const worst = worstStatus(item.checks);
                const before = previous[item.enrolmentId];
                return [
                  item.enrolmentId,
                  {
                    include: worst === 'ok' || (worst === 'warning' && Boolean(before?.reason.trim())),
                    reason: worst === 'warning' ? (before?.reason ?? '') : '',
                  },
                ];
              }),
            ),
          );
        },
      },
    );
  };

  const submit = (list: Suitability[]) => {
    const included = list.filter((item) => decisions[item.enrolmentId]?.include);
    const overrides = included.flatMap((item) =>
      item.checks
        .filter((check) => check.status === 'warning')
        .flatMap((check) => {
          const overridable = OVERRIDABLE_CHECKS.find((code) => code === check.check);
          return overridable
            ? [
                {
                  enrolmentId: item.enrolmentId,
                  check: overridable,
                  reason: decisions[item.enrolmentId]?.reason.trim() ?? '',
                },
              ]
            : [];
        }),
    );
    allocate.mutate(
      { enrolmentIds: included.map((item) => item.enrolmentId), overrides },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setStep(2);
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('cohorts.allocate.title')}
      size="xl"
      fullScreen={phone}
      scrollAreaComponent={ScrollArea.Autosize}
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Steps active={step} />
        {step === 0 && (
          <ChooseStep
            cohort={cohort}
            selected={selected}
            onChange={setSelected}
            onCancel={onClose}
            onNext={() => runChecks()}
          />
        )}
        {step === 1 &&
          (suitability.isPending ? (
            <PageLoader />
          ) : suitability.isError ? (
            <QueryError error={suitability.error} onRetry={() => runChecks()} />
          ) : suitability.data ? (
            <CheckStep
              list={suitability.data}
              decisions={decisions}
              onDecide={(id, decision) => setDecisions((previous) => ({ ...previous, [id]: decision }))}
              onBack={() => setStep(0)}
              onRecheck={() => {
                const first = suitability.data
                  .filter((item) => decisions[item.enrolmentId]?.include)
                  .map((item) => item.enrolmentId);
                runChecks([...first, ...[...selected.keys()].filter((id) => !first.includes(id))]);
              }}
              onSubmit={() => submit(suitability.data)}
              submitting={allocate.isPending}
            />
          ) : null)}
        {step === 2 && result && (
          <ResultStep result={result} list={suitability.data ?? []} onClose={onClose} />
        )}
      </Stack>
    </Modal>
  );
}

function ChooseStep({
  cohort,
  selected,
  onChange,
  onCancel,
  onNext,
}: {
  cohort: Cohort;
  selected: Map<string, Enrolment>;
  onChange: (selected: Map<string, Enrolment>) => void;
  onCancel: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const waitlist = useWaitlist(cohort.program.id, q, true);
  const items = waitlist.data?.items ?? [];
  const allShown = items.length > 0 && items.every((item) => selected.has(item.id));
  const someShown = items.some((item) => selected.has(item.id));
  const places = Math.max(0, cohort.capacity - cohort.allocated);

  const toggle = (item: Enrolment, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(item.id, item);
    else next.delete(item.id);
    onChange(next);
  };
  const toggleAll = (on: boolean) => {
    const next = new Map(selected);
    for (const item of items) {
      if (on) next.set(item.id, item);
      else next.delete(item.id);
    }
    onChange(next);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('cohorts.allocate.intro', { program: cohort.program.name })}</Text>
      <Text size="sm" fw={500}>
        {t('cohorts.allocate.places', { count: places, capacity: cohort.capacity })}
      </Text>
      <TextInput
        label={t('cohorts.allocate.search')}
        placeholder={t('cohorts.allocate.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-autofocus
      />
      {waitlist.isPending ? (
        <PageLoader />
      ) : waitlist.isError ? (
        <QueryError error={waitlist.error} onRetry={() => void waitlist.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm">{q ? t('cohorts.allocate.emptySearch') : t('cohorts.allocate.empty')}</Text>
      ) : (
        <>
          <Checkbox
            label={t('cohorts.allocate.selectAll')}
            checked={allShown}
            indeterminate={someShown && !allShown}
            onChange={(event) => toggleAll(event.currentTarget.checked)}
          />
          {wide ? (
            <WaitlistTable items={items} selected={selected} onToggle={toggle} />
          ) : (
            <WaitlistCards items={items} selected={selected} onToggle={toggle} />
          )}
        </>
      )}
      <Group justify="space-between" gap="sm" mt="xs">
        <Text size="sm" aria-live="polite">
          {t('cohorts.allocate.selected', { count: selected.size })}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onNext} disabled={selected.size === 0}>
            {t('cohorts.allocate.checkCount', { count: selected.size })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

interface WaitlistProps {
  items: Enrolment[];
  selected: Map<string, Enrolment>;
  onToggle: (item: Enrolment, on: boolean) => void;
}

function WaitlistTable({ items, selected, onToggle }: WaitlistProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('cohorts.allocate.tableLabel')} minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>
            <VisuallyHidden>{t('cohorts.allocate.selectColumn')}</VisuallyHidden>
          </Table.Th>
          <Table.Th>{t('cohorts.allocate.name')}</Table.Th>
          <Table.Th>{t('cohorts.allocate.status')}</Table.Th>
          <Table.Th>{t('cohorts.allocate.requestedOn')}</Table.Th>
          <Table.Th>{t('cohorts.allocate.releaseDate')}</Table.Th>
          <Table.Th>{t('cohorts.allocate.source')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Checkbox
                aria-label={t('cohorts.allocate.select', { name: item.fullName })}
                checked={selected.has(item.id)}
                onChange={(event) => onToggle(item, event.currentTarget.checked)}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {item.fullName}
              </Text>
              {item.registrationNumber && (
                <Text size="xs" c="dimmed">
                  {item.registrationNumber}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <EnrolmentStatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>{formatDate(item.requestedOn)}</Table.Td>
            <Table.Td>{formatDate(item.releaseDate)}</Table.Td>
            <Table.Td>{t(`cohorts.enrolmentSource.${item.source}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function WaitlistCards({ items, selected, onToggle }: WaitlistProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('cohorts.allocate.tableLabel')}
    >
      {items.map((item) => (
        <Card key={item.id} component="li" withBorder padding="xs">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Checkbox
              mt={2}
              aria-label={t('cohorts.allocate.select', { name: item.fullName })}
              checked={selected.has(item.id)}
              onChange={(event) => onToggle(item, event.currentTarget.checked)}
            />
            <Stack gap={2} style={{ flexGrow: 1, minWidth: 0 }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.fullName}
                </Text>
                <EnrolmentStatusBadge status={item.status} />
              </Group>
              {item.registrationNumber && <Text size="xs">{item.registrationNumber}</Text>}
              <Text size="xs">
                {t('cohorts.allocate.releaseDate')}: {formatDate(item.releaseDate)}
              </Text>
              <Text size="xs">
                {t('cohorts.allocate.requestedOn')}: {formatDate(item.requestedOn)} ·{' '}
                {t(`cohorts.enrolmentSource.${item.source}`)}
              </Text>
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

const CHECK_ICONS = {
  ok: <IconCircleCheck size={18} color="var(--mantine-color-teal-9)" aria-hidden />,
  warning: <IconAlertTriangle size={18} color="var(--mantine-color-yellow-9)" aria-hidden />,
  blocked: <IconBan size={18} color="var(--mantine-color-red-9)" aria-hidden />,
} as const;

/** One check as the officer reads it: the requirement, whether it is met, and what was found. */
function CheckLine({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  const format = useCohortFormat();
  const message = checkMessage(result, {
    weekdayName: format.weekdayName,
    statusName: (status) => t(`cohorts.enrolmentStatus.${status as 'pending'}`, { defaultValue: status }),
  });
  return (
    <List.Item icon={CHECK_ICONS[result.status]}>
      <Group gap={6} wrap="wrap" align="center">
        <Text size="sm" fw={600}>
          {t(`cohorts.checks.${result.check}.label`)}
        </Text>
        <CheckStatusBadge status={result.status} />
      </Group>
      <Text size="sm">{t(message.key as 'cohorts.checks.capacity.ok', message.values)}</Text>
    </List.Item>
  );
}

/** The requirements met, in one line that opens to the details (the problems are what needs reading). */
function MetChecks({ checks, all, name }: { checks: CheckResult[]; all: boolean; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (checks.length === 0) return null;
  return (
    <>
      <Group gap="xs" mt="xs">
        {CHECK_ICONS.ok}
        <Text size="sm">
          {all ? t('cohorts.allocate.allMet') : t('cohorts.allocate.someMet', { count: checks.length })}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={open}
          aria-label={`${open ? t('cohorts.allocate.hideMet') : t('cohorts.allocate.showMet')}: ${name}`}
          onClick={() => setOpen(!open)}
        >
          {open ? t('cohorts.allocate.hideMet') : t('cohorts.allocate.showMet')}
        </Button>
      </Group>
      {open && (
        <List spacing={6} mt={4} center={false}>
          {checks.map((check) => (
            <CheckLine key={check.check} result={check} />
          ))}
        </List>
      )}
    </>
  );
}

function CheckStep({
  list,
  decisions,
  onDecide,
  onBack,
  onRecheck,
  onSubmit,
  submitting,
}: {
  list: Suitability[];
  decisions: Record<string, Decision>;
  onDecide: (enrolmentId: string, decision: Decision) => void;
  onBack: () => void;
  onRecheck: () => void;
  onSubmit: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const included = list.filter((item) => decisions[item.enrolmentId]?.include);
  const missingReason = included.filter(
    (item) => worstStatus(item.checks) === 'warning' && !decisions[item.enrolmentId]?.reason.trim(),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new check round starts without shown errors
  useEffect(() => setTried(false), [list]);

  const trySubmit = () => {
    setTried(true);
    if (included.length === 0 || missingReason.length > 0) {
      window.requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-allocate-step] [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    onSubmit();
  };

  return (
    <Stack gap="sm" data-allocate-step>
      <Text size="sm">{t('cohorts.allocate.checkIntro')}</Text>
      {list.map((item) => {
        const worst = worstStatus(item.checks);
        const decision = decisions[item.enrolmentId] ?? { include: false, reason: '' };
        const needsReason = tried && decision.include && worst === 'warning' && !decision.reason.trim();
        return (
          <Card key={item.enrolmentId} withBorder padding="sm" component="section" aria-label={item.fullName}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Checkbox
                label={
                  <Text component="span" fw={600}>
                    {t('cohorts.allocate.include', { name: item.fullName })}
                  </Text>
                }
                checked={decision.include}
                disabled={worst === 'blocked'}
                onChange={(event) =>
                  onDecide(item.enrolmentId, { ...decision, include: event.currentTarget.checked })
                }
              />
              <CheckStatusBadge status={worst} />
            </Group>
            {worst === 'blocked' && (
              <Text size="sm" c="red.9" mt={4}>
                {t('cohorts.allocate.blockedNote')}
              </Text>
            )}
            {item.checks.some((check) => check.status !== 'ok') && (
              <List spacing={6} mt="xs" center={false}>
                {item.checks
                  .filter((check) => check.status !== 'ok')
                  .map((check) => (
                    <CheckLine key={check.check} result={check} />
                  ))}
              </List>
            )}
            <MetChecks
              checks={item.checks.filter((check) => check.status === 'ok')}
              all={worst === 'ok'}
              name={item.fullName}
            />
            {worst === 'warning' && (
              <Textarea
                mt="sm"
                label={t('cohorts.allocate.overrideReasonShort')}
                aria-label={t('cohorts.allocate.overrideReason', { name: item.fullName })}
                description={t('cohorts.allocate.warningNote')}
                placeholder={t('cohorts.allocate.overridePlaceholder')}
                autosize
                minRows={2}
                maxLength={500}
                value={decision.reason}
                error={needsReason ? t('cohorts.allocate.overrideRequired') : undefined}
                onChange={(event) => {
                  const reason = event.currentTarget.value;
                  // Writing a reason is the decision to allocate her anyway.
                  onDecide(item.enrolmentId, {
                    reason,
                    include: reason.trim() ? true : decision.include,
                  });
                }}
              />
            )}
          </Card>
        );
      })}
      {tried && included.length === 0 && (
        <Alert color="red" role="alert" p="sm">
          <Text size="sm">{t('cohorts.allocate.noneSelected')}</Text>
        </Alert>
      )}
      <Group justify="space-between" gap="sm" mt="xs">
        <Button variant="default" onClick={onBack}>
          {t('cohorts.allocate.back')}
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={onRecheck}>
            {t('cohorts.allocate.recheck')}
          </Button>
          <Button onClick={trySubmit} loading={submitting}>
            {t('cohorts.allocate.submit', { count: included.length })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function ResultStep({
  result,
  list,
  onClose,
}: {
  result: AllocationResult;
  list: Suitability[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const names = new Map(list.map((item) => [item.enrolmentId, item.fullName]));
  const reasons = (codes: SuitabilityCheck[]) =>
    codes.map((code) => t(`cohorts.checks.${code}.label`)).join(', ');
  return (
    <Stack gap="sm">
      <Text fw={600} role="status">
        {t('cohorts.allocate.resultIntro', { allocated: result.allocated, total: result.results.length })}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {result.results.map((item) => (
          <Card key={item.enrolmentId} component="li" withBorder padding="xs">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600}>
                {names.get(item.enrolmentId) ?? EMPTY}
              </Text>
              <Badge
                color={item.outcome === 'allocated' ? 'teal.9' : 'red.9'}
                radius="sm"
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {item.outcome === 'allocated'
                  ? t('cohorts.allocate.allocated')
                  : t('cohorts.allocate.refused')}
              </Badge>
            </Group>
            {item.outcome === 'refused' && item.reasons.length > 0 && (
              <Text size="sm" mt={4}>
                {t('cohorts.allocate.refusedBecause', { reasons: reasons(item.reasons) })}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('cohorts.allocate.close')}</Button>
      </Group>
    </Stack>
  );
}
