import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { useReferPerson } from '../api/people.ts';

interface ReferralValues {
  organizationId: string | null;
  note: string;
}

/** "Rujuk ke Bapas": links her to a probation office, which then sees her record. */
export function ReferralButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const bapas = useOrganizations({ kind: 'probation' });
  const refer = useReferPerson(person.id);
  const form = useForm<ReferralValues>({
    initialValues: { organizationId: null, note: '' },
    validate: { organizationId: (value) => (value ? null : t('common.required')) },
  });
  const close = () => {
    form.reset();
    setOpened(false);
  };
  const options = (bapas.data?.items ?? []).map((organization) => ({
    value: organization.id,
    label: organization.name,
  }));

  const submit = form.onSubmit((values) => {
    if (!values.organizationId) return;
    const organization = options.find((option) => option.value === values.organizationId)?.label ?? '';
    refer.mutate(
      { organizationId: values.organizationId, note: values.note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('people.referral.done', { name: person.displayName, organization }));
          close();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSend size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('people.referral.action')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('people.referral.title', { name: person.displayName })}
        centered
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Select
              label={t('people.referral.organization')}
              placeholder={t('people.form.choose')}
              data={options}
              searchable
              required
              nothingFoundMessage={EMPTY}
              {...form.getInputProps('organizationId')}
            />
            <Textarea
              label={t('people.referral.note')}
              autosize
              minRows={2}
              {...form.getInputProps('note')}
            />
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close} disabled={refer.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={refer.isPending}>
                {t('people.referral.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
