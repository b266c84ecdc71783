import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem, ActionItemStatus } from '../../../../shared/meetings.ts';
import { DateField } from '../../../components/DateField.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { todayIso } from '../../training/components/today.ts';
import {
  useActionItemProgress,
  useCreateActionItem,
  useLinkableActivities,
  useLinkableAgreements,
  useMeetingPeople,
  useUpdateActionItem,
} from '../api/meetings.ts';
import {
  type ActionItemFormValues,
  actionItemErrorRenames,
  actionItemFormValues,
  actionItemRequest,
  actionItemUpdateRequest,
  type OwnerMode,
  type ProgressValues,
  progressRequest,
  progressStatuses,
  progressValues,
} from './actionItemForm.ts';
import { useActionItemLabels } from './actionItemLabels.ts';
import { useMeetingPage } from './MeetingPageContext.tsx';
import { type ActionItemLinkKind, activityOptions } from './meetingText.ts';

const LINK_KINDS: readonly ActionItemLinkKind[] = ['none', 'agreement', 'activity', 'topic'];

/** The work-plan activities offered: two years back and two ahead of this one. */
function activitySpan(today: string) {
  const year = Number(today.slice(0, 4));
  return { from: `${year - 2}-01-01`, to: `${year + 2}-12-31` };
}

/**
 * A new action item of the meeting, or (the organizer's staff) a change of one: title, owner organization and
 * person (a user of that organization, or a name), due date, the decision it follows, and what it is about.
 * The server's field errors land on the inputs.
 */
export function ActionItemModal({
  opened,
  item,
  onClose,
}: {
  opened: boolean;
  /** The item to change; none: a new one. */
  item?: ActionItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={item ? t('meetings.actions.editTitle') : t('meetings.actions.createTitle')}
      size="lg"
      centered
    >
      {opened && <ActionItemForm key={item?.id ?? 'new'} item={item} onClose={onClose} />}
    </Modal>
  );
}

function ActionItemForm({ item, onClose }: { item?: ActionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const access = accessFor(useSession().permissions);
  const { meeting, onError } = useMeetingPage();
  const create = useCreateActionItem(meeting.id);
  const update = useUpdateActionItem();
  const ownerModeLabel = useId();
  const labels = useActionItemLabels();
  const form = useForm<ActionItemFormValues>({
    initialValues: actionItemFormValues(item),
    validate: { title: (value) => (value.trim() ? null : t('common.required')) },
  });
  const values = form.getValues();

  const people = useMeetingPeople(
    { organizationId: values.ownerOrganizationId ?? undefined },
    values.ownerOrganizationId !== null && values.ownerMode === 'user',
  );
  const agreements = useLinkableAgreements(values.linkKind === 'agreement' && access.canReadAgreements);
  const activities = useLinkableActivities(
    activitySpan(todayIso()),
    values.linkKind === 'activity' && access.canReadWorkPlans,
  );

  const personOptions = (people.data?.items ?? []).map((person) => ({
    value: person.id,
    label: person.position ? `${person.name} — ${person.position}` : person.name,
  }));
  if (item?.ownerUser && !personOptions.some((option) => option.value === item.ownerUser?.id)) {
    personOptions.unshift({ value: item.ownerUser.id, label: item.ownerUser.name });
  }
  const agreementOptions = (agreements.data?.items ?? []).map((agreement) => ({
    value: agreement.id,
    label: `${t(`meetings.actions.agreementKind.${agreement.kind}`)}: ${agreement.title}`,
  }));
  if (item?.agreement && !agreementOptions.some((option) => option.value === item.agreement?.id)) {
    agreementOptions.unshift({ value: item.agreement.id, label: labels.agreement(item.agreement) });
  }
  const own = item?.workPlanActivity;
  const activityGroups = activityOptions(
    activities.data?.items ?? [],
    own
      ? {
          id: own.id,
          label: labels.activity(own),
          workPlanId: own.workPlanId,
          group: own.workPlanTitle ?? '',
        }
      : null,
  );

  const pending = create.isPending || update.isPending;
  const submit = form.onSubmit((submitted) => {
    const options = { renames: actionItemErrorRenames(submitted) };
    const onFailure = (error: unknown) => {
      if (isApiError(error) && isStaleVersion(error)) onClose();
      onError(error, form, options);
    };
    if (item) {
      update.mutate(
        { id: item.id, ...actionItemUpdateRequest(item, submitted) },
        {
          onSuccess: () => {
            notifySuccess(t('meetings.actions.updated'));
            onClose();
          },
          onError: onFailure,
        },
      );
    } else {
      create.mutate(actionItemRequest(submitted), {
        onSuccess: () => {
          notifySuccess(t('meetings.actions.created'));
          onClose();
        },
        onError: onFailure,
      });
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('meetings.actions.titleField')}
          withAsterisk
          maxLength={300}
          {...form.getInputProps('title')}
        />
        <Textarea
          label={t('meetings.actions.description')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          {...form.getInputProps('description')}
        />
        <OrganizationSelect
          label={t('meetings.actions.ownerOrganization')}
          placeholder={t('meetings.choose')}
          withAsterisk
          {...form.getInputProps('ownerOrganizationId')}
          onChange={(value) => {
            form.setFieldValue('ownerOrganizationId', value);
            // Another organization: the person chosen belonged to the old one.
            form.setFieldValue('ownerUserId', null);
            form.clearFieldError('ownerOrganizationId');
          }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={ownerModeLabel}>
            {t('meetings.actions.owner')}{' '}
            <Text span c="red.8" aria-hidden>
              *
            </Text>
          </Text>
          <SegmentedControl
            aria-labelledby={ownerModeLabel}
            data={[
              { value: 'user', label: t('meetings.actions.ownerUser') },
              { value: 'name', label: t('meetings.actions.ownerName') },
            ]}
            value={values.ownerMode}
            onChange={(value) => form.setFieldValue('ownerMode', value as OwnerMode)}
          />
        </Stack>
        {values.ownerMode === 'user' ? (
          <Select
            label={t('meetings.actions.ownerUserPick')}
            placeholder={
              values.ownerOrganizationId
                ? t('meetings.choose')
                : t('meetings.actions.chooseOrganizationFirst')
            }
            description={t('meetings.actions.ownerUserHint')}
            data={personOptions}
            searchable
            clearable
            disabled={!values.ownerOrganizationId}
            nothingFoundMessage={people.isFetching ? t('common.loading') : t('meetings.actions.noUsers')}
            {...form.getInputProps('ownerUserId')}
          />
        ) : (
          <TextInput
            label={t('meetings.actions.ownerNameTyped')}
            description={t('meetings.actions.ownerNameHint')}
            maxLength={200}
            {...form.getInputProps('ownerName')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('meetings.actions.dueOn')}
            withAsterisk
            clearable
            {...form.getInputProps('dueOn')}
          />
          <Select
            label={t('meetings.actions.decision')}
            placeholder={t('meetings.actions.noDecision')}
            data={meeting.decisions.map((decision, index) => ({
              value: decision.id,
              label: `${index + 1}. ${decision.text}`,
            }))}
            clearable
            {...form.getInputProps('decisionId')}
          />
        </SimpleGrid>
        <Select
          label={t('meetings.actions.linkKind')}
          description={t('meetings.actions.linkHint')}
          data={LINK_KINDS.filter(
            (kind) =>
              (kind !== 'agreement' || access.canReadAgreements || values.linkKind === kind) &&
              (kind !== 'activity' || access.canReadWorkPlans || values.linkKind === kind),
          ).map((kind) => ({ value: kind, label: t(`meetings.actions.link.${kind}`) }))}
          allowDeselect={false}
          {...form.getInputProps('linkKind')}
        />
        {values.linkKind === 'agreement' && (
          <Select
            label={t('meetings.actions.agreement')}
            placeholder={t('meetings.choose')}
            data={agreementOptions}
            searchable
            nothingFoundMessage={agreements.isFetching ? t('common.loading') : EMPTY}
            {...form.getInputProps('agreementId')}
          />
        )}
        {values.linkKind === 'activity' && (
          <Select
            label={t('meetings.actions.activity')}
            placeholder={t('meetings.choose')}
            data={activityGroups}
            searchable
            nothingFoundMessage={activities.isFetching ? t('common.loading') : EMPTY}
            {...form.getInputProps('workPlanActivityId')}
          />
        )}
        {values.linkKind === 'topic' && (
          <TextInput
            label={t('meetings.actions.topic')}
            description={t('meetings.actions.topicHint')}
            maxLength={300}
            {...form.getInputProps('topic')}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {item ? t('common.save') : t('meetings.actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The status and progress note of an item: its owner organization's staff, or the organizer's. */
export function ProgressModal({ item, onClose }: { item: ActionItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('meetings.actions.progressTitle')} centered>
      {item && <ProgressForm key={item.id} item={item} onClose={onClose} />}
    </Modal>
  );
}

function ProgressForm({ item, onClose }: { item: ActionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { onError } = useMeetingPage();
  const progress = useActionItemProgress();
  const form = useForm<ProgressValues>({ initialValues: progressValues(item) });
  const values = form.getValues();
  const submit = form.onSubmit((submitted) => {
    progress.mutate(
      { id: item.id, ...progressRequest(item, submitted) },
      {
        onSuccess: () => {
          notifySuccess(t('meetings.actions.progressSaved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) onClose();
          onError(error, form);
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        <Select
          label={t('meetings.actions.status')}
          data={progressStatuses(item).map((status) => ({
            value: status,
            label: t(`meetings.actionStatus.${status}`),
          }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
          onChange={(value) => {
            const status = (value ?? item.status) as ActionItemStatus;
            form.setFieldValue('status', status);
            if (status === 'done' && !form.getValues().doneOn) form.setFieldValue('doneOn', todayIso());
          }}
        />
        {values.status === 'done' && (
          <DateField
            label={t('meetings.actions.doneOn')}
            description={t('meetings.actions.doneOnHint')}
            maxDate={todayIso()}
            clearable
            {...form.getInputProps('doneOn')}
          />
        )}
        <Textarea
          label={t('meetings.actions.progressNote')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          {...form.getInputProps('progressNote')}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={progress.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={progress.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
