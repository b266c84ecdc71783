import { useTranslation } from 'react-i18next';
import { RECIPIENT_KINDS } from '../../../../shared/consents.ts';
import { DOCUMENT_CATEGORIES } from '../../../../shared/documents.ts';
import { FIELD_GROUPS, SKILL_EVIDENCE, SKILL_LEVELS } from '../../../../shared/people.ts';
import { PATHWAYS } from '../../../../shared/reintegration.ts';
import { oneOf } from '../../people/components/vocabulary.ts';

/**
 * Labels of the codes a handover package holds. The package is a snapshot stored as plain data, so an old
 * package may hold a code no longer in the vocabulary: it is then shown as it is.
 */
export function usePackageLabels() {
  const { t } = useTranslation();
  const labelOf =
    <T extends string>(codes: readonly T[], label: (code: T) => string) =>
    (value: string): string => {
      const code = oneOf(codes, value);
      return code === undefined ? value : label(code);
    };
  return {
    pathway: labelOf(PATHWAYS, (code) => t(`reintegration.pathway.${code}`)),
    skillLevel: labelOf(SKILL_LEVELS, (code) => t(`people.vocab.skillLevel.${code}`)),
    skillEvidence: labelOf(SKILL_EVIDENCE, (code) => t(`people.vocab.skillEvidence.${code}`)),
    documentCategory: labelOf(DOCUMENT_CATEGORIES, (code) => t(`records.documents.categories.${code}`)),
    recipientKind: labelOf(RECIPIENT_KINDS, (code) => t(`records.consents.kindsAll.${code}`)),
    fieldGroup: labelOf(FIELD_GROUPS, (code) => t(`people.groups.${code}`)),
  };
}
