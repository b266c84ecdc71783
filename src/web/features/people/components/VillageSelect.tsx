import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVillages, type Village } from '../api/people.ts';

interface VillageSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue'> {
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** How to show the value before any search (the saved kelurahan's name). */
  initialLabel?: string | null;
}

/** "Kelurahan, Kecamatan, Kota": enough to tell apart the many villages of the same name. */
export function villageLabel(village: Village): string {
  return [village.name, village.district, village.regency].filter(Boolean).join(', ');
}

/**
 * A kelurahan or desa anywhere in Indonesia, searched on the server by name as the officer types; the
 * value is its Kemendagri code (e.g. 33.74.13.1005).
 */
export function VillageSelect({ value, onChange, initialLabel, ...props }: VillageSelectProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<{ value: string; label: string } | null>(
    value ? { value, label: initialLabel ? `${initialLabel} (${value})` : value } : null,
  );
  const [search, setSearch] = useState(selected?.label ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  // Once a village is picked the box shows its label: searching that label again would be wasted.
  const searching = debounced.trim() !== (selected?.label ?? '') ? debounced : '';
  const villages = useVillages(searching);

  const options = (villages.data?.items ?? []).map((village) => ({
    value: village.code,
    label: villageLabel(village),
  }));
  if (selected && !options.some((option) => option.value === selected.value)) options.unshift(selected);

  const nothing =
    search.trim().length < 2
      ? t('people.form.domicileVillageTyping')
      : t('people.form.domicileVillageNothing');

  return (
    <Select
      {...props}
      searchable
      clearable
      data={options}
      value={value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(code, option) => {
        setSelected(code && option ? { value: code, label: option.label } : null);
        onChange?.(code);
      }}
      nothingFoundMessage={villages.isFetching ? undefined : nothing}
      rightSection={villages.isFetching ? <Loader size={14} aria-hidden /> : undefined}
    />
  );
}
