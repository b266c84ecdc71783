import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconHistory,
  IconUserOff,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import { accessFor } from '../../../lib/access.ts';
import { notifyError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { downloadFile, personDataExportPath } from '../api/peopleData.ts';
import { AccessLogModal } from './AccessLogModal.tsx';
import { AnonymizeModal } from './AnonymizeModal.tsx';

/**
 * Her data rights, for the holding prison's staff: all her data (XLSX or PDF) with the access log, the
 * access log on screen, and, for anonymize:person, the anonymization.
 */
export function PersonDataExportMenu({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const [busy, setBusy] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const [anonymizing, setAnonymizing] = useState(false);
  const holdsHer = person.corrections && person.organization.id === me.organization.id;
  const canExport = access.canExportPeople && holdsHer;
  const canAnonymize = access.canAnonymizePeople && holdsHer && !person.anonymized;
  if (!canExport && !canAnonymize) return null;

  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(true);
    try {
      await downloadFile(personDataExportPath(person.id, format), `data-pribadi.${format}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />} loading={busy}>
            {t('peopleData.export.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {canExport && (
            <>
              <Menu.Item
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                onClick={() => void download('xlsx')}
              >
                {t('peopleData.export.xlsx')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconFileTypePdf size={16} aria-hidden />}
                onClick={() => void download('pdf')}
              >
                {t('peopleData.export.pdf')}
              </Menu.Item>
              <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setLogOpen(true)}>
                {t('peopleData.export.accessLog')}
              </Menu.Item>
            </>
          )}
          {canAnonymize && (
            <>
              {canExport && <Menu.Divider />}
              <Menu.Item
                color="red"
                leftSection={<IconUserOff size={16} aria-hidden />}
                onClick={() => setAnonymizing(true)}
              >
                {t('peopleData.export.anonymize')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {canExport && (
        <AccessLogModal personId={person.id} opened={logOpen} onClose={() => setLogOpen(false)} />
      )}
      <AnonymizeModal
        person={anonymizing ? { id: person.id, displayName: person.displayName } : null}
        onClose={() => setAnonymizing(false)}
      />
    </>
  );
}
