import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, AgreementPartyView } from '../../../../shared/agreements.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY, formatDateTime, orDash } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useReloadAgreement, useSaveAgreementParties } from '../api/agreements.ts';
import { type PartiesFormValues, partiesFormValues, partiesRequest } from './agreementForm.ts';
import { partiesRules } from './formRules.ts';
import { PartyFields, usePartyLabel, ValidityFields } from './PartyFields.tsx';
import { StaleAlert } from './StaleAlert.tsx';
import { partyAgreementState } from './vocabulary.ts';

/** Para pihak: each party in order with its signatory, its number and where it stands on the current text. */
export function PartiesTab({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) return <PartiesEditor agreement={agreement} onDone={() => setEditing(false)} />;
  return (
    <SectionCard
      title={t('agreements.parties.title')}
      id="agreement-parties"
      actions={
        agreement.actions.editParties && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('agreements.parties.edit')}
          </Button>
        )
      }
    >
      <PartiesTable agreement={agreement} />
    </SectionCard>
  );
}

/** "Menyetujui versi 3" / "Perlu menyetujui ulang (versi 4)" / "Belum menyetujui". */
export function PartyAgreementText({
  party,
  textVersion,
}: {
  party: AgreementPartyView;
  textVersion: number;
}) {
  const { t } = useTranslation();
  const state = partyAgreementState(party, textVersion);
  if (state.kind === 'agreed') {
    return (
      <Stack gap={0}>
        <Text size="sm" fw={600} c="teal.9">
          {t('agreements.parties.agreedVersion', { version: state.version })}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(party.agreedAt)}
          {party.agreedByName ? ` · ${party.agreedByName}` : ''}
        </Text>
      </Stack>
    );
  }
  if (state.kind === 'outdated') {
    return (
      <Stack gap={0}>
        <Text size="sm" fw={600} c="red.9">
          {t('agreements.parties.agreeAgain', { version: state.version })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('agreements.parties.agreedBefore', { version: state.agreedVersion })}
        </Text>
      </Stack>
    );
  }
  return <Text size="sm">{t('agreements.parties.notAgreed')}</Text>;
}

function PartiesTable({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const label = usePartyLabel();
  return (
    <ScrollTable label={t('agreements.parties.tableLabel')} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('agreements.parties.order')}</Table.Th>
          <Table.Th>{t('agreements.parties.organizationColumn')}</Table.Th>
          <Table.Th>{t('agreements.parties.signatoryColumn')}</Table.Th>
          <Table.Th>{t('agreements.parties.numberColumn')}</Table.Th>
          <Table.Th>{t('agreements.parties.agreementColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agreement.parties.map((party) => (
          <Table.Tr key={party.id} data-party-id={party.id}>
            <Table.Td>{label(party.position)}</Table.Td>
            <Table.Td>{party.organization.name}</Table.Td>
            <Table.Td>
              <Text size="sm">{orDash(party.signatoryName)}</Text>
              {party.signatoryPosition && (
                <Text size="xs" c="dimmed">
                  {party.signatoryPosition}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{party.documentNumber ?? EMPTY}</Table.Td>
            <Table.Td>
              <PartyAgreementText party={party} textVersion={agreement.textVersion} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** The parties, signatories, numbers and planned term, saved with the agreement's version. */
function PartiesEditor({ agreement, onDone }: { agreement: AgreementDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAgreementParties(agreement.id);
  const reloadAgreement = useReloadAgreement(agreement.id);
  const [version] = useState(agreement.version);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const form = useForm<PartiesFormValues>({
    initialValues: partiesFormValues(agreement),
    validate: partiesRules(t),
  });

  const submit = form.onSubmit((values) => {
    save.mutate(partiesRequest(values, version), {
      onSuccess: () => {
        notifySuccess(t('agreements.parties.saved'));
        onDone();
      },
      onError: (error) => {
        if (isApiError(error) && isStaleVersion(error)) {
          setStale(true);
          return;
        }
        if (isApiError(error) && error.code === 'AGREEMENT_LOCKED') {
          notifyError(error);
          void reloadAgreement();
          onDone();
          return;
        }
        showServerErrors(form, error);
      },
    });
  }, focusFirstError);

  const reload = async () => {
    setReloading(true);
    try {
      await reloadAgreement();
    } finally {
      setReloading(false);
    }
    // Reopened on the fresh agreement.
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate data-agreement-parties-editor>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('agreements.parties.editHint')}
        </Text>
        <PartyFields form={form} idPrefix="agreement-parties" lockedId={agreement.organization.id} />
        <ValidityFields form={form} idPrefix="agreement-parties" />
        {stale && <StaleAlert onReload={() => void reload()} reloading={reloading} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={stale}>
            {t('agreements.parties.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
