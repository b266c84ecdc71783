/** Bahasa Indonesia: insight (village). */
export const villageId = {
  picker: {
    title: 'Pilih kelurahan',
    intro:
      'Angka satu kelurahan: warga binaan yang diarahkan atau ditempatkan di sana, peluang kerjanya, serta potensi dan kebutuhannya dibanding keterampilan perempuan yang segera bebas.',
    search: 'Cari kelurahan',
    searchPlaceholder: 'Nama, kode atau kecamatan',
    tableLabel: 'Kelurahan yang dapat Anda buka',
    name: 'Kelurahan',
    code: 'Kode',
    district: 'Kecamatan',
    count: '{{count}} kelurahan',
    count_one: '{{count}} kelurahan',
    none: 'Tidak ada kelurahan yang cocok dengan pencarian.',
    empty: 'Belum ada kelurahan yang dapat Anda buka.',
    forbidden:
      'Organisasi Anda tidak memiliki tampilan kelurahan. Angka untuk organisasi Anda ada di tab Program.',
  },
  back: 'Semua kelurahan',
  district: 'Kecamatan',
  code: 'Kode',
  scope: 'Cakupan: {{scope}}',
  asOf: 'Angka per {{date}} (hari ini).',
  horizon: {
    label: 'Perempuan yang segera bebas dalam',
    option: '{{count}} bulan',
    option_one: '{{count}} bulan',
    until: 'sampai {{date}}',
  },
  people: {
    title: 'Warga binaan',
    intro:
      'Perempuan dalam cakupan Anda yang diarahkan ke kelurahan ini (kelurahan tujuan) atau ditempatkan kerja di sini.',
    intended: 'Diarahkan ke kelurahan ini',
    intendedHint: 'kelurahan tujuan setelah bebas',
    upcoming: 'Segera bebas',
    upcomingHint: 'dalam {{count}} bulan, sampai {{date}}',
    upcomingHint_one: 'dalam {{count}} bulan, sampai {{date}}',
    underSupervision: 'Dalam bimbingan Bapas',
    underSupervisionHint: 'sudah bebas, bimbingan masih berjalan',
    working: 'Bekerja',
    workingHint: 'menurut pemeriksaan hasil terakhir',
    placedNow: 'Ditempatkan di sini',
    placedNowHint: 'pada peluang kerja kelurahan ini',
  },
  status: {
    title: 'Menurut status perjalanan',
    description:
      'Perempuan yang diarahkan ke kelurahan ini menurut status perjalanannya hari ini: masih di lapas, menjelang bebas, bebas dengan bimbingan, selesai bimbingan, atau kembali ke lapas.',
    status: 'Status',
    count: 'Jumlah orang',
    total: 'Jumlah',
    empty: 'Belum ada perempuan dalam cakupan Anda yang diarahkan ke kelurahan ini.',
  },
  opportunities: {
    title: 'Peluang kerja',
    intro:
      '{{count}} peluang dibuka atau terisi, {{places}} tempat, {{placed}} perempuan ditempatkan saat ini.',
    tableLabel: 'Peluang kerja di kelurahan ini',
    titleColumn: 'Peluang',
    partner: 'Mitra',
    sector: 'Sektor',
    places: 'Tempat',
    placed: 'Ditempatkan',
    status: 'Status',
    total: 'Jumlah',
    empty: 'Belum ada peluang kerja yang dibuka di kelurahan ini.',
  },
  sectors: {
    title: 'Potensi dan kebutuhan menurut sektor',
    intro:
      'Potensi dan kebutuhan yang dicatat kelurahan ini dibanding keterampilan perempuan yang segera bebas (keterampilan yang dicatat atau sertifikat) di sektor yang sama.',
    chartTitle: 'Potensi, kebutuhan dan keterampilan yang segera tersedia',
    description:
      'Per sektor: jumlah potensi dan kebutuhan kelurahan, perempuan yang segera bebas dalam {{count}} bulan dan diarahkan ke kelurahan ini, serta yang segera bebas di seluruh cakupan Anda. Satu perempuan dapat terhitung di beberapa sektor. Hanya sektor yang berisi angka ditampilkan.',
    description_one:
      'Per sektor: jumlah potensi dan kebutuhan kelurahan, perempuan yang segera bebas dalam {{count}} bulan dan diarahkan ke kelurahan ini, serta yang segera bebas di seluruh cakupan Anda. Satu perempuan dapat terhitung di beberapa sektor. Hanya sektor yang berisi angka ditampilkan.',
    sector: 'Sektor',
    potentials: 'Potensi kelurahan',
    needs: 'Kebutuhan kelurahan',
    upcomingHere: 'Segera bebas, ke kelurahan ini',
    upcomingInScope: 'Segera bebas, seluruh cakupan',
    empty:
      'Kelurahan ini belum mencatat potensi atau kebutuhan, dan tidak ada perempuan yang segera bebas dengan keterampilan yang tercatat.',
  },
  hiddenBars: 'Angka yang disembunyikan (< 5) tidak digambar; lihat tabelnya.',
};
