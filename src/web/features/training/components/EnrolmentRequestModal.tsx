import { Button, Group, Modal, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROLMENT_SOURCES, type EnrolmentSource } from '../../../../shared/enrolments.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { usePeople } from '../../people/api/people.ts';
import { useCreateEnrolment } from '../api/enrolments.ts';
import { useProgramOptions } from '../api/programs.ts';
import { todayIso } from './today.ts';

interface RequestValues {
  personId: string | null;
  programId: string | null;
  source: EnrolmentSource;
  requestedOn: string | null;
  note: string;
}

interface EnrolmentRequestModalProps {
  opened: boolean;
  onClose: () => void;
  /** The woman, when the modal is opened from her record (the name search is then not shown). */
  person?: { id: string; name: string };
  /** The program chosen first (the waitlist filtered by a program). */
  programId?: string;
}

/** "Tambah permintaan" / "Ajukan ke program pelatihan": a request by her or a referral by staff. */
export function EnrolmentRequestModal({ opened, onClose, person, programId }: EnrolmentRequestModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={person ? t('training.request.titleFor', { name: person.name }) : t('training.request.title')}
      centered
      size="lg"
    >
      {opened && <RequestForm person={person} programId={programId} onClose={onClose} />}
    </Modal>
  );
}

function RequestForm({
  person,
  programId,
  onClose,
}: {
  person?: { id: string; name: string };
  programId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateEnrolment();
  const programs = useProgramOptions();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const people = usePeople({ q: q.length >= 2 ? q : undefined, page: 1, pageSize: 10 });
  const form = useForm<RequestValues>({
    initialValues: {
      personId: person?.id ?? null,
      programId: programId ?? null,
      source: 'self_request',
      requestedOn: todayIso(),
      note: '',
    },
    validate: {
      personId: (value) => (value ? null : t('common.required')),
      programId: (value) => (value ? null : t('common.required')),
      requestedOn: (value) => (value ? null : t('common.required')),
    },
  });

  const peopleOptions =
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
  if (chosen && chosenName && !peopleOptions.some((option) => option.value === chosen)) {
    peopleOptions.unshift({ value: chosen, label: chosenName });
  }
  const programOptions = (programs.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));

  const submit = form.onSubmit((values) => {
    if (!values.personId || !values.programId) return;
    create.mutate(
      {
        personId: values.personId,
        programId: values.programId,
        source: values.source,
        requestedOn: values.requestedOn ?? undefined,
        note: values.note.trim() || null,
      },
      {
        onSuccess: (enrolment) => {
          notifySuccess(
            t('training.request.added', { name: enrolment.fullName, program: enrolment.programName }),
          );
          onClose();
        },
        onError: (error) => {
          // An open request for the same program already exists: that belongs to the program field (not
          // focused: focusing a select opens its list over the message).
          if (isApiError(error) && error.status === 409 && !error.fields) {
            form.setErrors({ programId: error.message });
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {person ? null : (
          <Select
            label={t('training.request.person')}
            description={t('training.request.personHint')}
            placeholder={t('training.request.personPlaceholder')}
            data={peopleOptions}
            searchable
            withAsterisk
            searchValue={search}
            onSearchChange={setSearch}
            // The server searches names fuzzily: its answer is shown as it is.
            filter={({ options }) => options}
            nothingFoundMessage={
              q.length < 2
                ? t('training.request.typeTwoLetters')
                : people.isFetching
                  ? t('common.loading')
                  : EMPTY
            }
            {...form.getInputProps('personId')}
            onChange={(value, option) => {
              form.setFieldValue('personId', value);
              setChosenName(option?.label ?? null);
            }}
          />
        )}
        <Select
          label={t('training.request.program')}
          placeholder={t('training.choose')}
          data={programOptions}
          searchable
          withAsterisk
          nothingFoundMessage={EMPTY}
          {...form.getInputProps('programId')}
        />
        <Radio.Group label={t('training.request.source')} withAsterisk {...form.getInputProps('source')}>
          <Stack gap="xs" mt={6}>
            {ENROLMENT_SOURCES.map((source) => (
              <Radio key={source} value={source} label={t(`cohorts.enrolmentSource.${source}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <DateField
          label={t('training.request.requestedOn')}
          maxDate={todayIso()}
          withAsterisk
          maw={240}
          {...form.getInputProps('requestedOn')}
        />
        <Textarea
          label={t('training.request.note')}
          description={t('training.request.noteHint')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('training.request.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
