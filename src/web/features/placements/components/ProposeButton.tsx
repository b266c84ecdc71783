import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accessFor } from '../../../lib/access.ts';
import { type ApiError, isApiError } from '../../../lib/api.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { usePeople } from '../../people/api/people.ts';
import { useOpportunitySummary, useProposePlacement } from '../api/placements.ts';

/** The code of a proposal refused because she has not consented to share her data with the partner. */
export const NO_CONSENT = 'PLACEMENT_NO_CONSENT';

const PERSON_REFUSALS = new Set(['PLACEMENT_EXISTS', 'PERSON_ANONYMIZED']);

/** The person's consent tab, where an officer records her consent before proposing her again. */
export function consentPath(personId: string): string {
  return `/warga/${personId}?tab=persetujuan`;
}

/**
 * "Usulkan warga" on an opportunity: choose a woman in the caller's care, add a note, propose. Shown only
 * to corrections staff (propose:placement); the server checks again, and refuses without her consent.
 */
export function ProposeButton({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const [opened, setOpened] = useState(false);
  if (!accessFor(me.permissions).canProposePlacements) return null;
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t('placements.propose.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('placements.propose.title')}
        centered
        size="lg"
      >
        {opened && <ProposeForm opportunityId={opportunityId} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

interface ProposeValues {
  personId: string | null;
  note: string;
}

function ProposeForm({ opportunityId, onClose }: { opportunityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const propose = useProposePlacement();
  const opportunity = useOpportunitySummary(opportunityId, true);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  // The chosen woman: her option's label (name and number) and her name alone for the messages.
  const [chosenOption, setChosenOption] = useState<{ label: string; name: string } | null>(null);
  const [refusal, setRefusal] = useState<{ error: ApiError; personId: string; name: string } | null>(null);
  const people = usePeople({ q: q.length >= 2 ? q : undefined, page: 1, pageSize: 10 });
  const form = useForm<ProposeValues>({
    initialValues: { personId: null, note: '' },
    validate: { personId: (value) => (value ? null : t('common.required')) },
  });

  const options =
    q.length >= 2
      ? (people.data?.items ?? []).map((item) => ({
          value: item.id,
          label: item.registrationNumber
            ? `${item.displayName} (${item.registrationNumber})`
            : item.displayName,
        }))
      : [];
  // The chosen woman stays in the options when the search moves on.
  const chosen = form.values.personId;
  if (chosen && chosenOption && !options.some((option) => option.value === chosen)) {
    options.unshift({ value: chosen, label: chosenOption.label });
  }

  const submit = form.onSubmit((values) => {
    if (!values.personId) return;
    const personId = values.personId;
    const name = chosenOption?.name ?? EMPTY;
    setRefusal(null);
    propose.mutate(
      { personId, opportunityId, note: values.note.trim() || null },
      {
        onSuccess: (placement) => {
          notifySuccess(t('placements.propose.done', { name: placement.person?.displayName ?? name }));
          onClose();
        },
        onError: (error) => {
          // Without her consent the proposal is refused: say why and where to record it, in the dialog.
          if (isApiError(error, NO_CONSENT)) {
            setRefusal({ error, personId, name });
            return;
          }
          // Already proposed, or her record anonymized: that belongs to her field.
          if (isApiError(error) && PERSON_REFUSALS.has(error.code)) {
            form.setErrors({ personId: error.message });
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
        <Text size="sm">{t('placements.propose.intro')}</Text>
        {opportunity.data && (
          <Text size="sm" fw={600}>
            {t('placements.propose.forOpportunity', {
              title: opportunity.data.title,
              partner: opportunity.data.partner.name,
            })}
          </Text>
        )}
        <Select
          label={t('placements.propose.person')}
          description={t('placements.propose.personHint')}
          placeholder={t('placements.propose.personPlaceholder')}
          data={options}
          searchable
          withAsterisk
          searchValue={search}
          onSearchChange={setSearch}
          // The server searches names fuzzily: its answer is shown as it is.
          filter={({ options: all }) => all}
          nothingFoundMessage={
            q.length < 2
              ? t('placements.propose.personHint')
              : people.isFetching
                ? t('common.loading')
                : t('placements.propose.nothingFound')
          }
          {...form.getInputProps('personId')}
          onChange={(value, option) => {
            form.setFieldValue('personId', value);
            const item = people.data?.items.find((person) => person.id === value);
            setChosenOption(option ? { label: option.label, name: item?.displayName ?? option.label } : null);
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
        {refusal && <NoConsentAlert {...refusal} />}
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

/** The server's reason (she must consent first) and the way to her consent tab. */
export function NoConsentAlert({
  error,
  personId,
  name,
}: {
  error: ApiError;
  personId: string;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red.9"
      variant="filled"
      role="alert"
      icon={<IconAlertCircle aria-hidden />}
      title={t('placements.propose.noConsentTitle')}
      data-no-consent
    >
      <Text size="sm" c="white">
        {error.message}
      </Text>
      <Anchor component={Link} to={consentPath(personId)} c="white" fw={700} td="underline" size="sm">
        {t('placements.propose.toConsent', { name })}
      </Anchor>
    </Alert>
  );
}
