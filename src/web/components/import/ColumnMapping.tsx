import { Select, SimpleGrid, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../ScrollTable.tsx';

/** What a preview answers with: the file's columns and its first rows as text. */
export interface PreviewColumns {
  columns: { index: number; header: string }[];
  rows: string[][];
}

interface ColumnMappingProps<F extends string> {
  preview: PreviewColumns;
  /** For each column, in order, the field it fills (null: ignored). */
  mapping: (F | null)[];
  onChange: (mapping: (F | null)[]) => void;
  /** The fields a column can fill, with their labels, in the order to offer them. */
  fields: { value: F; label: string }[];
}

/** Step 2 of an import: a field for each column of the file (each field for one column), with sample values. */
export function ColumnMapping<F extends string>({
  preview,
  mapping,
  onChange,
  fields,
}: ColumnMappingProps<F>) {
  const { t } = useTranslation();
  const options = (index: number) => [
    { value: '', label: t('peopleData.import.ignore') },
    ...fields.map((field) => ({
      ...field,
      disabled: mapping.some((chosen, other) => chosen === field.value && other !== index),
    })),
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {preview.columns.map((column) => {
        const samples = preview.rows
          .map((row) => row[column.index] ?? '')
          .filter(Boolean)
          .slice(0, 2);
        return (
          <Select
            key={column.index}
            label={
              column.header
                ? t('peopleData.import.column', { header: column.header })
                : t('peopleData.import.columnUntitled', { number: column.index + 1 })
            }
            description={
              samples.length > 0 ? t('peopleData.import.sample', { values: samples.join(' · ') }) : undefined
            }
            data={options(column.index)}
            value={mapping[column.index] ?? ''}
            allowDeselect={false}
            onChange={(value) =>
              onChange(
                mapping.map((field, index) =>
                  index === column.index ? ((value || null) as F | null) : field,
                ),
              )
            }
          />
        );
      })}
    </SimpleGrid>
  );
}

/** The first rows of the file as read, under the mapping. */
export function ImportPreviewTable({ preview }: { preview: PreviewColumns }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} fz="h4">
        {t('peopleData.import.preview')}
      </Title>
      <ScrollTable
        label={t('peopleData.import.preview')}
        minWidth={Math.max(480, preview.columns.length * 140)}
      >
        <Table.Thead>
          <Table.Tr>
            {preview.columns.map((column) => (
              <Table.Th key={column.index}>{column.header || column.index + 1}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the preview rows never reorder
            <Table.Tr key={rowIndex}>
              {preview.columns.map((column) => (
                <Table.Td key={column.index}>{row[column.index]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
