import { ActionIcon, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { partyLabel } from '../../../../shared/agreements.ts';
import { DateField } from '../../../components/DateField.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { newPartyRow, type PartiesFormValues } from './agreementForm.ts';
import type { InputProps } from './formApi.ts';

/** What the party fields need of a form holding the parties (the new agreement's or the Para pihak edit). */
export interface PartiesFormApi {
  getValues(): PartiesFormValues;
  getInputProps(path: string): InputProps;
  insertListItem(path: string, item: unknown): void;
  removeListItem(path: string, index: number): void;
  reorderListItem(path: string, payload: { from: number; to: number }): void;
}

export const MAX_PARTIES = 20;

/** "PIHAK PERTAMA" in Indonesian, "Party 1" in English. */
export function usePartyLabel() {
  const { t } = useTranslation();
  return (position: number) =>
    t('agreements.parties.position', { number: position, label: partyLabel(position) });
}

/**
 * The parties in order (PIHAK PERTAMA, PIHAK KEDUA, …), each an organization of the directory with its
 * signatory and its own document number. The drafting organization cannot be removed (`lockedId`).
 */
export function PartyFields({
  form,
  idPrefix,
  lockedId,
}: {
  form: PartiesFormApi;
  idPrefix: string;
  lockedId: string | null;
}) {
  const { t } = useTranslation();
  const label = usePartyLabel();
  const parties = form.getValues().parties;
  const partiesError = form.getInputProps('parties').error;
  return (
    <SectionCard
      title={t('agreements.parties.title')}
      id={`${idPrefix}-parties`}
      hint={t('agreements.parties.hint')}
    >
      {partiesError && (
        <Text size="sm" c="red.9" role="alert">
          {partiesError}
        </Text>
      )}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {parties.map((party, index) => {
          const number = index + 1;
          const locked = lockedId !== null && party.organizationId === lockedId;
          return (
            <Paper key={party.key} withBorder p="sm" component="li" data-testid="party-row">
              <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                <Title order={3} fz="sm">
                  {label(number)}
                </Title>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    size="lg"
                    disabled={index === 0}
                    aria-label={t('agreements.parties.moveUp', { party: label(number) })}
                    onClick={() => form.reorderListItem('parties', { from: index, to: index - 1 })}
                  >
                    <IconArrowUp size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    size="lg"
                    disabled={index === parties.length - 1}
                    aria-label={t('agreements.parties.moveDown', { party: label(number) })}
                    onClick={() => form.reorderListItem('parties', { from: index, to: index + 1 })}
                  >
                    <IconArrowDown size={18} aria-hidden />
                  </ActionIcon>
                  {!locked && parties.length > 2 && (
                    <RemoveRowButton
                      label={t('agreements.parties.remove', { party: label(number) })}
                      onClick={() => form.removeListItem('parties', index)}
                    />
                  )}
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <OrganizationSelect
                  label={t('agreements.parties.organization', { party: label(number) })}
                  placeholder={t('agreements.choose')}
                  withAsterisk
                  allowDeselect={false}
                  disabled={locked}
                  description={locked ? t('agreements.parties.drafterHint') : undefined}
                  {...form.getInputProps(`parties.${index}.organizationId`)}
                />
                <TextInput
                  label={t('agreements.parties.documentNumber', { party: label(number) })}
                  maxLength={200}
                  {...form.getInputProps(`parties.${index}.documentNumber`)}
                />
                <TextInput
                  label={t('agreements.parties.signatoryName', { party: label(number) })}
                  maxLength={200}
                  {...form.getInputProps(`parties.${index}.signatoryName`)}
                />
                <TextInput
                  label={t('agreements.parties.signatoryPosition', { party: label(number) })}
                  maxLength={200}
                  {...form.getInputProps(`parties.${index}.signatoryPosition`)}
                />
              </SimpleGrid>
            </Paper>
          );
        })}
      </Stack>
      {parties.length < MAX_PARTIES && (
        <AddRowButton onClick={() => form.insertListItem('parties', newPartyRow())}>
          {t('agreements.parties.add')}
        </AddRowButton>
      )}
    </SectionCard>
  );
}

/** The planned (or agreed) term: from – until, until not before from. */
export function ValidityFields({ form, idPrefix }: { form: PartiesFormApi; idPrefix: string }) {
  const { t } = useTranslation();
  const from = form.getValues().validFrom;
  return (
    <SectionCard
      title={t('agreements.validity.title')}
      id={`${idPrefix}-validity`}
      hint={t('agreements.validity.hint')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField label={t('agreements.validity.from')} clearable {...form.getInputProps('validFrom')} />
        <DateField
          label={t('agreements.validity.until')}
          clearable
          minDate={from ?? undefined}
          {...form.getInputProps('validUntil')}
        />
      </SimpleGrid>
    </SectionCard>
  );
}
