import { Button, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonListQuery } from '../../../../shared/people.ts';
import { EXPORT_MAX_ROWS } from '../../../../shared/peopleData.ts';
import { accessFor } from '../../../lib/access.ts';
import { notifyError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { downloadFile, peopleExportPath } from '../api/peopleData.ts';

/** Downloads the filtered list as XLSX; hidden for users without export:person. */
export function PeopleExportButton({ query }: { query: Partial<PersonListQuery> }) {
  const { t, i18n } = useTranslation();
  const access = accessFor(useSession().permissions);
  const [busy, setBusy] = useState(false);
  if (!access.canExportPeople) return null;

  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(peopleExportPath(query), 'warga-binaan.xlsx');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip label={t('peopleData.export.listHint', { max: EXPORT_MAX_ROWS.toLocaleString(i18n.language) })}>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        loading={busy}
        onClick={() => void download()}
      >
        {t('peopleData.export.list')}
      </Button>
    </Tooltip>
  );
}
