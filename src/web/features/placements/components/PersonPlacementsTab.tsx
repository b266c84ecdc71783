import { Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import { PLACEMENT_STAGES } from '../../../../shared/placements.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { type ApiError, isApiError } from '../../../lib/api.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOpportunityOptions, usePersonPlacements, useProposePlacement } from '../api/placements.ts';
import { PipelineView } from './PipelineView.tsx';
import { NO_CONSENT, NoConsentAlert } from './ProposeButton.tsx';

/** The person page's "Penempatan" tab: her placements by stage, and proposing her for an open opportunity. */
export function PersonPlacementsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const placements = usePersonPlacements(person.id);
  const [proposing, setProposing] = useState(false);

  if (placements.isPending) return <PageLoader />;
  if (placements.isError) {
    return <QueryError error={placements.error} onRetry={() => void placements.refetch()} />;
  }
  const { items, canPropose } = placements.data;
  const proposeButton = canPropose && (
    <Button leftSection={<IconBriefcase size={16} aria-hidden />} onClick={() => setProposing(true)}>
      {t('placements.person.propose')}
    </Button>
  );

  return (
    <Stack gap="md" data-person-placements>
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h4">
          {t('placements.person.title')}
        </Title>
        {proposeButton}
      </Group>
      {items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text size="sm">{t('placements.person.empty')}</Text>
        </Paper>
      ) : (
        <PipelineView
          items={items}
          stages={PLACEMENT_STAGES}
          layout="list"
          hide={{ person: true }}
          headingOrder={3}
          label={t('placements.person.title')}
        />
      )}
      {canPropose && (
        <Modal
          opened={proposing}
          onClose={() => setProposing(false)}
          title={t('placements.person.proposeTitle', { name: person.displayName })}
          centered
          size="lg"
        >
          {proposing && <ProposeForPersonForm person={person} onClose={() => setProposing(false)} />}
        </Modal>
      )}
    </Stack>
  );
}

const OPPORTUNITY_REFUSALS = new Set([
  'PLACEMENT_EXISTS',
  'PLACEMENT_NO_PLACES',
  'PLACEMENT_OPPORTUNITY_NOT_OPEN',
]);

interface Values {
  opportunityId: string | null;
  note: string;
}

function ProposeForPersonForm({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const propose = useProposePlacement();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  // Choosing an option puts its label in the search box: that is no search (the list stays as it was).
  const text = q && q !== chosenLabel ? q.slice(0, 100) : '';
  const opportunities = useOpportunityOptions({
    status: 'open',
    hasOpenPlaces: 'true',
    sort: 'title',
    pageSize: 50,
    ...(text ? { q: text } : {}),
  });
  const form = useForm<Values>({
    initialValues: { opportunityId: null, note: '' },
    validate: { opportunityId: (value) => (value ? null : t('common.required')) },
  });

  const options = (opportunities.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.title} — ${item.partner.name}, ${item.village.name} (${t('placements.person.placesLeft', { count: item.placesLeft })})`,
  }));
  const chosen = form.values.opportunityId;
  if (chosen && chosenLabel && !options.some((option) => option.value === chosen)) {
    options.unshift({ value: chosen, label: chosenLabel });
  }

  const submit = form.onSubmit((values) => {
    if (!values.opportunityId) return;
    setRefusal(null);
    propose.mutate(
      { personId: person.id, opportunityId: values.opportunityId, note: values.note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('placements.propose.done', { name: person.displayName }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, NO_CONSENT)) {
            setRefusal(error);
            return;
          }
          // Already proposed, full or no longer open: that belongs to the opportunity's field.
          if (isApiError(error) && OPPORTUNITY_REFUSALS.has(error.code)) {
            form.setErrors({ opportunityId: error.message });
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-propose-form>
      <Stack gap="sm">
        <Select
          label={t('placements.person.opportunity')}
          description={t('placements.person.opportunityHint')}
          placeholder={t('placements.person.opportunityPlaceholder')}
          data={options}
          searchable
          withAsterisk
          searchValue={search}
          onSearchChange={setSearch}
          // The server searches title, partner and place: its answer is shown as it is.
          filter={({ options: all }) => all}
          nothingFoundMessage={opportunities.isFetching ? t('common.loading') : t('placements.person.noOpen')}
          {...form.getInputProps('opportunityId')}
          onChange={(value, option) => {
            form.setFieldValue('opportunityId', value);
            setChosenLabel(option?.label ?? null);
            setRefusal(null);
          }}
        />
        <Textarea
          label={t('placements.propose.note')}
          description={t('placements.propose.noteAudience')}
          placeholder={t('placements.propose.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        {refusal && <NoConsentAlert error={refusal} personId={person.id} name={person.displayName} />}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={propose.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={propose.isPending}>
            {t('placements.propose.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
