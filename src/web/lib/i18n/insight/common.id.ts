/** Bahasa Indonesia: insight (common). */
export const commonId = {
  hidden: '< 5',
  hiddenLabel: 'kurang dari 5 (disembunyikan)',
  notReached: 'belum',
  tabsLabel: 'Bagian dasbor',
  tabs: {
    program: 'Program',
    villages: 'Kelurahan',
    report: 'Laporan bulanan',
  },
  chart: {
    showTable: 'Tampilkan tabel',
    hideTable: 'Sembunyikan tabel',
    downloadCsv: 'Unduh CSV',
    empty: 'Belum ada data untuk ditampilkan.',
    tableLabel: 'Tabel angka: {{title}}',
    noChart:
      'Tidak ada angka yang dapat digambar: semuanya nol, disembunyikan (< 5) atau belum tercapai. Angkanya ada di tabel.',
  },
  filters: {
    label: 'Saring angka dasbor',
    from: 'Dari bulan',
    to: 'Sampai bulan',
    organization: 'Organisasi',
    allProgram: 'Seluruh program',
    clearOrganization: 'Hapus pilihan organisasi',
    village: 'Kelurahan',
    allVillages: 'Semua kelurahan',
    clearVillage: 'Hapus pilihan kelurahan',
    clear: 'Hapus saringan',
  },
  smallCounts: {
    title: 'Angka kecil disembunyikan',
    text: 'Angka 1–4 disembunyikan dan ditulis “< 5” agar tidak seorang pun dapat dikenali. Bila sebuah jumlah ikut ditampilkan, satu angka lain di sekitarnya juga disembunyikan supaya angka yang disembunyikan tidak dapat dihitung dari selisihnya. Persentase dari angka yang disembunyikan ditulis “—”.',
  },
  days: '{{count}} hari',
  days_one: '{{count}} hari',
  cannotOpen: 'Tidak dapat dibuka dari organisasi Anda',
};
