import { useTranslation } from 'react-i18next';

/** A readable name for known actions (`user.created` → "Pengguna dibuat"); later modules' codes as they are. */
export function useAuditActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation();
  return (action) => {
    const key = `auditAction.${action.replaceAll('.', '_')}`;
    return i18n.exists(key) ? t(key as 'auditAction.auth_login') : action;
  };
}

/** A readable name for known subject types (`user` → "Pengguna"); later modules' types as they are. */
export function useAuditSubjectLabel(): (subjectType: string) => string {
  const { t, i18n } = useTranslation();
  return (subjectType) => {
    const key = `auditSubject.${subjectType}`;
    return i18n.exists(key) ? t(key as 'auditSubject.user') : subjectType;
  };
}
