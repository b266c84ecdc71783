import type { Language } from '../../../shared/common.ts';

// Messages of the meetings module (governance, issue 8), spread into platform/messages.ts.

export const MEETINGS_MESSAGES = {
  MEETING_NOT_FOUND: {
    id: 'Rapat tidak ditemukan atau bukan rapat yang diadakan atau dihadiri instansi Anda.',
    en: 'Meeting not found, or not one your organization organized or attended.',
  },
  ACTION_ITEM_NOT_FOUND: {
    id: 'Tindak lanjut tidak ditemukan atau tidak dapat Anda lihat.',
    en: 'Action item not found, or not visible to you.',
  },
  MEETING_PHOTO_NOT_FOUND: {
    id: 'Foto rapat tidak ditemukan.',
    en: 'Meeting photo not found.',
  },
  MEETING_CANCELLED: {
    id: 'Rapat ini sudah dibatalkan sehingga tidak dapat diubah lagi.',
    en: 'This meeting was cancelled, so it can no longer be changed.',
  },
  MEETING_STATUS_CHANGE: {
    id: 'Status rapat yang sudah terlaksana tidak dapat diubah lagi. Hanya rapat yang direncanakan yang dapat ditandai terlaksana atau dibatalkan.',
    en: 'The status of a meeting already held cannot change. Only a planned meeting can be marked held or cancelled.',
  },
  MEETING_MULTIPART_REQUIRED: {
    id: 'Kirim foto sebagai formulir multipart dengan bagian berkas bernama "file".',
    en: 'Send the photo as a multipart form with a file part named "file".',
  },
  MEETING_PHOTO_TOO_LARGE: {
    id: 'Foto terlalu besar. Ukuran paling besar {maxMb} MB.',
    en: 'The photo is too large. The largest allowed is {maxMb} MB.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const MEETINGS_FIELD_MESSAGES = {
  meeting_time_format: {
    id: 'Jam tidak valid. Tulis sebagai JJ:mm, contoh 09:30.',
    en: 'Invalid time. Write it as HH:mm, e.g. 09:30.',
  },
  meeting_ends_before_start: {
    id: 'Jam selesai harus sesudah jam mulai.',
    en: 'The end time must be after the start time.',
  },
  meeting_start_required: {
    id: 'Isi jam mulai bila jam selesai diisi.',
    en: 'Enter the start time when an end time is given.',
  },
  meeting_held_in_future: {
    id: 'Rapat belum dapat ditandai terlaksana sebelum tanggal rapatnya.',
    en: 'The meeting cannot be marked held before its date.',
  },
  meeting_held_on_future: {
    id: 'Tanggal rapat yang sudah terlaksana tidak boleh sesudah hari ini.',
    en: 'A meeting already held cannot be dated after today.',
  },
  meeting_held_on_carried: {
    id: 'Tanggal rapat tidak dapat diubah karena tindak lanjut rapat sebelumnya sudah dibawa ke rapat ini. Batalkan rapat ini lalu buat rapat baru dengan tanggal yang benar.',
    en: 'The meeting date cannot change because action items of earlier meetings were carried into it. Cancel this meeting and create a new one with the right date.',
  },
  meeting_row_unknown: {
    id: 'Baris ini bukan milik rapat ini. Muat ulang halaman lalu coba lagi.',
    en: 'This row does not belong to this meeting. Reload the page and try again.',
  },
  meeting_user_unknown: {
    id: 'Pilih pengguna aktif dari daftar.',
    en: 'Choose an active user from the list.',
  },
  meeting_attendee_duplicate: {
    id: 'Orang ini sudah ada di daftar peserta.',
    en: 'This person is already on the attendee list.',
  },
  meeting_guest_name_required: {
    id: 'Isi nama peserta tamu.',
    en: 'Enter the guest’s name.',
  },
  meeting_guest_organization_both: {
    id: 'Pilih instansi dari daftar atau ketik nama instansinya, tidak keduanya.',
    en: 'Choose the organization from the list or type its name, not both.',
  },
  meeting_organization_unknown: {
    id: 'Instansi tidak dikenal. Pilih dari daftar instansi.',
    en: 'Unknown organization. Choose one from the directory.',
  },
  meeting_agenda_unknown: {
    id: 'Pilih salah satu acara rapat ini.',
    en: 'Choose one of this meeting’s agenda items.',
  },
  meeting_photo_type_not_allowed: {
    id: 'Isi berkas bukan foto JPEG atau PNG. Hanya kedua jenis itu yang diterima.',
    en: 'The file content is not a JPEG or PNG photo. Only those two are accepted.',
  },
  meeting_photo_too_large: {
    id: 'Foto terlalu besar. Ukuran paling besar {maxMb} MB.',
    en: 'The photo is too large. The largest allowed is {maxMb} MB.',
  },
  meeting_photo_empty: { id: 'Berkas foto kosong.', en: 'The photo file is empty.' },
  action_item_owner_organization_required: {
    id: 'Pilih instansi penanggung jawab tindak lanjut.',
    en: 'Choose the organization responsible for the action item.',
  },
  action_item_owner_required: {
    id: 'Isi penanggung jawab: pilih pengguna dari instansi penanggung jawab atau ketik namanya.',
    en: 'Enter who is responsible: choose a user of the responsible organization or type a name.',
  },
  action_item_owner_not_of_organization: {
    id: 'Penanggung jawab harus pengguna aktif dari instansi penanggung jawab yang dipilih.',
    en: 'The person responsible must be an active user of the chosen responsible organization.',
  },
  action_item_due_required: {
    id: 'Isi tanggal tenggat tindak lanjut.',
    en: 'Enter the due date of the action item.',
  },
  action_item_link_one: {
    id: 'Pilih satu saja yang dirujuk: kesepakatan, kegiatan program teknis, atau topik.',
    en: 'Choose only one to refer to: an agreement, a work-plan activity, or a topic.',
  },
  action_item_agreement_unknown: {
    id: 'Kesepakatan tidak ditemukan atau instansi Anda bukan pihak dalam kesepakatan itu.',
    en: 'Agreement not found, or your organization is not a party to it.',
  },
  action_item_activity_unknown: {
    id: 'Kegiatan program teknis tidak ditemukan atau tidak dapat Anda lihat.',
    en: 'Work-plan activity not found, or not visible to you.',
  },
  action_item_decision_unknown: {
    id: 'Pilih salah satu keputusan rapat ini.',
    en: 'Choose one of this meeting’s decisions.',
  },
  action_item_cancel_organizer_only: {
    id: 'Hanya penyelenggara rapat yang dapat membatalkan tindak lanjut atau membuka kembali tindak lanjut yang dibatalkan. Pilih Belum dikerjakan, Sedang berjalan, atau Selesai.',
    en: 'Only the meeting’s organizer can cancel an action item or reopen a cancelled one. Choose Open, In progress or Done.',
  },
  action_item_done_on_status: {
    id: 'Tanggal selesai hanya diisi bila status tindak lanjut Selesai.',
    en: 'The done date is only given when the action item is done.',
  },
  action_item_done_on_future: {
    id: 'Tanggal selesai tidak boleh sesudah hari ini.',
    en: 'The done date cannot be after today.',
  },
} as const satisfies Record<string, Record<Language, string>>;
