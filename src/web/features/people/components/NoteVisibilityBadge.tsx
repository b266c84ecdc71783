import { Badge } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordVisibility } from '../../../../shared/notes.ts';

/** "Hanya pemasyarakatan" or "Dibagikan": who sees a note or a document. Shade 9 keeps 4.5:1 contrast. */
export function NoteVisibilityBadge({ visibility }: { visibility: RecordVisibility }) {
  const { t } = useTranslation();
  const corrections = visibility === 'corrections';
  return (
    <Badge
      color={corrections ? 'grape.9' : 'teal.9'}
      variant="filled"
      leftSection={corrections ? <IconLock size={12} aria-hidden /> : <IconUsers size={12} aria-hidden />}
    >
      {t(`records.visibility.${visibility}`)}
    </Badge>
  );
}
