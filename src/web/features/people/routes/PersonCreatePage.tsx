import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SimilarPeople } from '../../../../shared/people.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isApiError } from '../../../lib/api.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { fetchSimilarPeople, useCreatePerson } from '../api/people.ts';
import { PersonFormFields, usePersonForm } from '../components/PersonFormFields.tsx';
import { emptyPersonForm, type PersonFormValues, personFields } from '../components/personForm.ts';
import { SimilarPeopleModal } from '../components/SimilarPeopleModal.tsx';

/** Conflicts that belong to one field: shown on it instead of as a notification. */
const FIELD_CONFLICTS = { PERSON_NIK_TAKEN: 'nik', PERSON_REGISTRATION_TAKEN: 'registrationNumber' };

export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createPerson = useCreatePerson();
  const [similar, setSimilar] = useState<{ items: SimilarPeople['items']; message: string } | null>(null);

  const form = usePersonForm(emptyPersonForm());

  const save = (values: PersonFormValues, confirmSimilar: boolean) => {
    const body = { ...personFields(values), ...(confirmSimilar && { confirmSimilar: true }) };
    createPerson.mutate(body, {
      onSuccess: (person) => {
        setSimilar(null);
        notifySuccess(t('people.form.created', { name: person.displayName }));
        void navigate(`/warga/${person.id}`, { replace: true });
      },
      onError: (error) => {
        if (isApiError(error, 'PERSON_SIMILAR_EXISTS') && values.birthDate) {
          const message = error.message;
          fetchSimilarPeople(values.fullName, values.birthDate)
            .then((found) => setSimilar({ items: found.items, message }))
            .catch(() => setSimilar({ items: [], message }));
          return;
        }
        setSimilar(null);
        showServerErrors(form, error, { codes: FIELD_CONFLICTS });
      },
    });
  };

  const submit = form.onSubmit((values) => save(values, false), focusFirstError);

  return (
    <Stack gap="md" maw={960}>
      <div>
        <BackButton to="/warga">{t('common.backToList')}</BackButton>
        <PageHeader title={t('people.form.createTitle')} />
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PersonFormFields form={form} />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to="/warga" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createPerson.isPending && similar === null}>
              {t('people.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      <SimilarPeopleModal
        items={similar?.items ?? null}
        message={similar?.message ?? ''}
        saving={createPerson.isPending}
        onSaveAnyway={() => save(form.getValues(), true)}
        onClose={() => setSimilar(null)}
      />
    </Stack>
  );
}
