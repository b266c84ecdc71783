import { Button, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY } from '../../../lib/format.ts';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { useMeetingPeople } from '../api/meetings.ts';
import { type AttendeeRow, emptyGuest, type GuestValues, guestRow, hasUser, userRow } from './meetingForm.ts';

type Mode = 'user' | 'guest';

/**
 * Adds an attendee: a user of the directory found by name (her position and organization come from her
 * account), or a guest with name, job title and organization (from the directory, or typed). No form element
 * of its own: it sits inside the create form, and its buttons add a row without submitting.
 */
export function AttendeePicker({
  rows,
  onAdd,
  busy = false,
}: {
  /** The attendees so far (a user already on the list is not offered again). */
  rows: readonly AttendeeRow[];
  onAdd: (row: AttendeeRow) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('user');
  const modeLabel = useId();
  return (
    <Paper withBorder p="sm" data-testid="attendee-picker">
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={modeLabel}>
            {t('meetings.attendees.addKind')}
          </Text>
          <SegmentedControl
            aria-labelledby={modeLabel}
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            data={[
              { value: 'user', label: t('meetings.attendees.kindUser') },
              { value: 'guest', label: t('meetings.attendees.kindGuest') },
            ]}
          />
        </Stack>
        {mode === 'user' ? (
          <UserSearch rows={rows} onAdd={onAdd} busy={busy} />
        ) : (
          <GuestFields onAdd={onAdd} busy={busy} />
        )}
      </Stack>
    </Paper>
  );
}

function UserSearch({
  rows,
  onAdd,
  busy,
}: {
  rows: readonly AttendeeRow[];
  onAdd: (row: AttendeeRow) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = useMeetingPeople({ q }, q.length >= 2);
  const found = q.length >= 2 ? (people.data?.items ?? []) : [];
  const options = found
    .filter((person) => !hasUser(rows, person.id))
    .map((person) => ({
      value: person.id,
      label: [person.name, person.position, person.organization.name].filter(Boolean).join(' — '),
    }));
  return (
    <Select
      label={t('meetings.attendees.searchUser')}
      description={t('meetings.attendees.searchUserHint')}
      placeholder={t('meetings.attendees.searchUserPlaceholder')}
      data={options}
      value={null}
      searchable
      disabled={busy}
      searchValue={search}
      onSearchChange={setSearch}
      // The server searches the names: its answer is shown as it is.
      filter={({ options: all }) => all}
      nothingFoundMessage={
        q.length < 2
          ? t('meetings.attendees.typeTwoLetters')
          : people.isFetching
            ? t('common.loading')
            : EMPTY
      }
      onChange={(value) => {
        const person = found.find((item) => item.id === value);
        if (!person) return;
        onAdd(userRow(person));
        setSearch('');
      }}
    />
  );
}

function GuestFields({ onAdd, busy }: { onAdd: (row: AttendeeRow) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [guest, setGuest] = useState<GuestValues>(emptyGuest);
  const [nameError, setNameError] = useState<string | null>(null);
  const orgModeLabel = useId();
  const set = (changes: Partial<GuestValues>) => setGuest((current) => ({ ...current, ...changes }));

  const add = () => {
    if (!guest.name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    onAdd(guestRow(guest));
    setGuest(emptyGuest());
    setNameError(null);
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('meetings.attendees.guestName')}
          withAsterisk
          maxLength={200}
          value={guest.name}
          error={nameError}
          onChange={(event) => {
            set({ name: event.currentTarget.value });
            setNameError(null);
          }}
        />
        <TextInput
          label={t('meetings.attendees.guestJobTitle')}
          maxLength={200}
          value={guest.jobTitle}
          onChange={(event) => set({ jobTitle: event.currentTarget.value })}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={orgModeLabel}>
          {t('meetings.attendees.guestOrganization')}
        </Text>
        <SegmentedControl
          aria-labelledby={orgModeLabel}
          value={guest.organizationMode}
          onChange={(value) => set({ organizationMode: value as GuestValues['organizationMode'] })}
          data={[
            { value: 'directory', label: t('meetings.attendees.organizationDirectory') },
            { value: 'typed', label: t('meetings.attendees.organizationTyped') },
          ]}
        />
      </Stack>
      {guest.organizationMode === 'directory' ? (
        <OrganizationSelect
          label={t('meetings.attendees.organizationPick')}
          placeholder={t('meetings.choose')}
          clearable
          value={guest.organizationId}
          onChange={(value, option) =>
            set({ organizationId: value, organizationName: value ? (option?.label ?? '') : '' })
          }
        />
      ) : (
        <TextInput
          label={t('meetings.attendees.organizationName')}
          maxLength={200}
          value={guest.organizationName}
          onChange={(event) => set({ organizationName: event.currentTarget.value, organizationId: null })}
        />
      )}
      <div>
        <Button
          type="button"
          variant="default"
          leftSection={<IconUserPlus size={16} aria-hidden />}
          loading={busy}
          onClick={add}
        >
          {t('meetings.attendees.addGuest')}
        </Button>
      </div>
    </Stack>
  );
}
