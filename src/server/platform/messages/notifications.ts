import type { Language } from '../../../shared/common.ts';

// Messages of the tasks and notifications modules, spread into platform/messages.ts.

export const NOTIFICATIONS_MESSAGES = {
  NOTIFICATION_NOT_FOUND: {
    id: 'Pemberitahuan tidak ditemukan.',
    en: 'Notification not found.',
  },
  // The e-mail of a notification: no personal data, only the kind and a link to the application.
  MAIL_NOTIFICATION_SUBJECT: {
    id: 'Sinergi: {label}',
    en: 'Sinergi: {label}',
  },
  MAIL_NOTIFICATION_BODY: {
    id: 'Ada pemberitahuan baru di Sinergi: {label}.\n\nBuka Sinergi untuk melihatnya: {link}\n\nPesan ini dikirim otomatis; jangan dibalas.',
    en: 'There is a new notification in Sinergi: {label}.\n\nOpen Sinergi to see it: {link}\n\nThis message was sent automatically; do not reply.',
  },
  MAIL_KIND_HANDOVER_SENT: {
    id: 'serah terima baru dari lapas',
    en: 'a new handover from a prison',
  },
  MAIL_KIND_HANDOVER_ACCEPTED_OFFICER: {
    id: 'klien baru ditetapkan kepada Anda',
    en: 'a new client assigned to you',
  },
  MAIL_KIND_HANDOVER_RETURNED: {
    id: 'serah terima dikembalikan oleh Bapas',
    en: 'a handover returned by the Bapas',
  },
  MAIL_KIND_CLIENT_COMING: {
    id: 'seorang klien akan kembali ke kelurahan Anda',
    en: 'a client will return to your kelurahan',
  },
  MAIL_KIND_ESCALATION_REPORT: {
    id: 'laporan eskalasi bimbingan',
    en: 'a supervision escalation report',
  },
  MAIL_KIND_OTHER: {
    id: 'pemberitahuan',
    en: 'a notification',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const NOTIFICATIONS_FIELD_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;
