/** Bahasa Indonesia for tasks and notifications; the reference for English. */
export const tasksId = {
  nav: 'Tugas',
  title: 'Tugas',
  intro:
    'Pekerjaan yang menunggu Anda dan organisasi Anda, disusun dari data terkini: yang terlambat lebih dulu.',
  kindFilter: 'Jenis tugas',
  kindOption: '{{kind}} ({{count}})',
  allKinds: 'Semua jenis',
  empty: 'Tidak ada tugas',
  emptyText: 'Tidak ada pekerjaan yang menunggu Anda saat ini.',
  emptyKind: 'Tidak ada tugas jenis ini.',
  showAll: 'Tampilkan semua jenis',
  groupCount: '{{count}} tugas',
  groupCount_one: '{{count}} tugas',
  groupOverdue: '{{count}} terlambat',
  groupOverdue_one: '{{count}} terlambat',
  overdue: 'Terlambat',
  daysOverdue: 'Terlambat {{count}} hari',
  daysOverdue_one: 'Terlambat {{count}} hari',
  daysLeft: '{{count}} hari lagi',
  daysLeft_one: '{{count}} hari lagi',
  daysAgo: '{{count}} hari lalu',
  daysAgo_one: '{{count}} hari lalu',
  today: 'hari ini',
  hiddenPerson: 'Seseorang (nama tidak dapat Anda lihat)',
  openLabel: '{{kind}}: {{name}}',
  listLabel: 'Daftar tugas: {{kind}}',
  fromOrganization: 'Dari {{name}}',
  byOrganization: 'Oleh {{name}}',
  returnedOn: 'Dikembalikan {{date}}',
  escalationLevel: 'Eskalasi: {{level}}',
  openEscalations: '{{count}} eskalasi terbuka',
  openEscalations_one: '{{count}} eskalasi terbuka',
  outcomeWindow: 'Pemantauan {{count}} bulan',
  outcomeWindow_one: 'Pemantauan {{count}} bulan',
  textVersion: 'Naskah versi {{version}}',
  /** One entry per task kind: the group title, what the task asks, the action on a row. */
  kinds: {
    plan_missing: {
      title: 'Rencana reintegrasi belum dibuat',
      text: 'Warga binaan yang akan bebas dalam masa persiapan pembebasan tetapi belum punya rencana reintegrasi.',
      action: 'Buat rencana',
      due: 'Bebas {{date}}',
    },
    plan_review_due: {
      title: 'Tinjauan rencana jatuh tempo',
      text: 'Rencana reintegrasi yang tanggal tinjauan berikutnya sudah dekat atau terlewat.',
      action: 'Tinjau rencana',
      due: 'Tinjauan {{date}}',
    },
    handover_to_decide: {
      title: 'Serah terima menunggu keputusan',
      text: 'Paket serah terima dari Lapas yang perlu diterima (dengan menetapkan PK) atau dikembalikan.',
      action: 'Putuskan',
      due: 'Perkiraan bebas {{date}}',
    },
    handover_returned: {
      title: 'Serah terima dikembalikan',
      text: 'Serah terima yang dikembalikan Bapas dalam 30 hari terakhir dan belum dikirim ulang.',
      action: 'Periksa dan kirim ulang',
      due: 'Bebas {{date}}',
    },
    visit_due: {
      title: 'Kunjungan bimbingan segera',
      text: 'Klien yang jadwal wajib lapor atau kunjungannya jatuh dalam 7 hari ke depan.',
      action: 'Catat kunjungan',
      due: 'Jadwal {{date}}',
    },
    visit_overdue: {
      title: 'Kunjungan bimbingan terlambat',
      text: 'Klien yang jadwal wajib lapor atau kunjungannya sudah lewat tanpa kunjungan tercatat.',
      action: 'Catat kunjungan',
      due: 'Jadwal {{date}}',
    },
    escalation_open: {
      title: 'Eskalasi terbuka',
      text: 'Klien yang tidak hadir bimbingan dan eskalasinya belum diselesaikan.',
      action: 'Tindak lanjuti',
      due: 'Sejak {{date}}',
    },
    outcome_check_due: {
      title: 'Pemantauan hasil jatuh tempo',
      text: 'Pemantauan hasil pascabebas (1, 3, 6 atau 12 bulan) yang jatuh tempo dan belum dicatat.',
      action: 'Catat hasil',
      due: 'Jatuh tempo {{date}}',
    },
    agreement_to_approve: {
      title: 'Kesepakatan menunggu persetujuan',
      text: 'Naskah kesepakatan yang versi terbarunya belum disetujui organisasi Anda: tinjau, lalu setujui atau minta perubahan.',
      action: 'Tinjau naskah',
      due: 'Tanggal {{date}}',
    },
    agreement_expiring: {
      title: 'Kesepakatan segera berakhir',
      text: 'Kesepakatan yang masa berlakunya berakhir dalam 90 hari: siapkan perpanjangan bila kerja sama berlanjut.',
      action: 'Buka kesepakatan',
      due: 'Berakhir {{date}}',
    },
    action_item_due: {
      title: 'Tindak lanjut rapat jatuh tempo',
      text: 'Tindak lanjut hasil rapat yang menjadi tanggung jawab Anda dan batas waktunya terlewat atau tinggal 7 hari.',
      action: 'Buka rapat',
      due: 'Batas waktu {{date}}',
    },
    unknown: {
      title: 'Tugas lain',
      text: 'Tugas yang belum dikenal oleh versi aplikasi ini.',
      action: 'Buka',
      due: 'Tanggal {{date}}',
    },
  },
  home: {
    title: 'Tugas Anda',
    none: 'Tidak ada tugas',
    noneText: 'Tidak ada pekerjaan yang menunggu Anda saat ini.',
    total: '{{count}} tugas menunggu',
    total_one: '{{count}} tugas menunggu',
    overdue: '{{count}} terlambat',
    overdue_one: '{{count}} terlambat',
    viewAll: 'Lihat semua tugas',
  },
  notifications: {
    title: 'Notifikasi',
    intro: 'Pemberitahuan untuk Anda. Nama orang hanya tampil jika Anda masih berhak melihatnya.',
    bell: 'Notifikasi',
    bellUnread: 'Notifikasi, {{count}} belum dibaca',
    bellUnread_one: 'Notifikasi, {{count}} belum dibaca',
    filter: 'Tampilkan',
    all: 'Semua',
    unread: 'Belum dibaca',
    empty: 'Tidak ada notifikasi.',
    emptyUnread: 'Semua notifikasi sudah dibaca.',
    markRead: 'Tandai dibaca',
    markReadLabel: 'Tandai dibaca: {{text}}',
    markAllRead: 'Tandai semua dibaca',
    markedAllRead: 'Semua notifikasi ditandai sudah dibaca.',
    new: 'Baru',
    open: 'Buka',
    openLabel: 'Buka: {{text}}',
    person: 'Tentang: {{name}}',
    listLabel: 'Daftar notifikasi',
    /**
     * The text of each notification kind. `text` needs no parameter; `organization` is used when the server
     * sends the organization's name, `title` when it sends a record's title (an agreement, an action item),
     * `withDate` when it sends a date; `version`, `days`, `level` and `date` are added after it.
     * Never a person's name: that is shown beside it, and only while the reader may see her.
     */
    kinds: {
      handover_sent: {
        text: 'Paket serah terima baru menunggu keputusan Anda.',
        organization: 'Paket serah terima baru dari {{organizationName}} menunggu keputusan Anda.',
        date: 'Perkiraan tanggal bebas: {{date}}.',
      },
      handover_accepted_officer: {
        text: 'Anda ditetapkan sebagai PK untuk seorang klien baru.',
        organization: '{{organizationName}} menetapkan Anda sebagai PK untuk seorang klien baru.',
        date: 'Perkiraan tanggal bebas: {{date}}.',
      },
      handover_returned: {
        text: 'Serah terima dikembalikan oleh Bapas.',
        organization: 'Serah terima dikembalikan oleh {{organizationName}}.',
        date: 'Tanggal: {{date}}.',
      },
      client_coming: {
        text: 'Seorang klien akan kembali ke kelurahan Anda.',
        withDate: 'Seorang klien akan kembali ke kelurahan Anda mulai {{date}}.',
      },
      escalation_report: {
        text: 'Seorang klien berulang kali tidak hadir bimbingan: perlu tindakan Kepala Bapas.',
        level: 'Tingkat eskalasi: {{level}}.',
        date: 'Tanggal: {{date}}.',
      },
      agreement_review_requested: {
        text: 'Sebuah naskah kesepakatan menunggu tinjauan dan persetujuan Anda.',
        title: 'Naskah kesepakatan "{{title}}" menunggu tinjauan dan persetujuan Anda.',
        version: 'Versi naskah: {{textVersion}}.',
      },
      agreement_agreed_all: {
        text: 'Semua pihak telah menyetujui naskah sebuah kesepakatan: siap ditandatangani.',
        title: 'Semua pihak telah menyetujui naskah kesepakatan "{{title}}": siap ditandatangani.',
      },
      agreement_signed: {
        text: 'Sebuah kesepakatan telah ditandatangani.',
        title: 'Kesepakatan "{{title}}" telah ditandatangani.',
      },
      agreement_expiring: {
        text: 'Sebuah kesepakatan akan segera berakhir.',
        title: 'Kesepakatan "{{title}}" akan segera berakhir.',
        days: 'Sisa {{count}} hari.',
        days_one: 'Sisa {{count}} hari.',
        date: 'Tanggal berakhir: {{date}}.',
      },
      action_item_assigned: {
        text: 'Anda mendapat tindak lanjut hasil rapat.',
        title: 'Anda mendapat tindak lanjut hasil rapat: "{{title}}".',
        date: 'Batas waktu: {{date}}.',
      },
      agreement_changes_requested: {
        text: 'Salah satu pihak meminta perubahan naskah sebuah kesepakatan.',
        title: 'Salah satu pihak meminta perubahan naskah kesepakatan "{{title}}".',
      },
      unknown: {
        text: 'Ada pemberitahuan baru.',
      },
    },
    /** Escalation levels named in a notification. */
    levels: {
      reminder: 'pengingat',
      warning: 'peringatan',
      report_to_head: 'lapor ke Kepala Bapas',
    },
  },
  /** Signing out with visits not yet sent on this device (they are removed with the other drafts). */
  signOut: {
    title: 'Keluar dari Sinergi?',
    pendingVisits: '{{count}} kunjungan belum terkirim tersimpan di perangkat ini. Keluar akan menghapusnya.',
    pendingVisits_one:
      '{{count}} kunjungan belum terkirim tersimpan di perangkat ini. Keluar akan menghapusnya.',
    hint: 'Pilih Batal, lalu kirim kunjungan itu dari halaman Bimbingan saat terhubung ke internet.',
    confirm: 'Keluar dan hapus',
  },
};

export type TasksMessages = typeof tasksId;
