/** Bahasa Indonesia for the import of partners and opportunities (/peluang/impor). */
export const opportunityImportId = {
  title: 'Impor mitra dan peluang',
  intro:
    'Impor daftar mitra atau peluang dari berkas Excel (XLSX) atau CSV, paling besar {{mb}} MB dan {{rows}} baris. Setiap baris diperiksa seperti isian formulir sebelum disimpan.',
  target: 'Jenis data di berkas',
  targets: {
    partners: 'Mitra',
    opportunities: 'Peluang',
  },
  targetHint: {
    partners:
      'Mitra yang namanya sudah terdaftar (huruf besar/kecil tidak dibedakan) diperbarui, bukan didaftarkan dua kali; sel kosong tidak menghapus data yang tersimpan.',
    opportunities:
      'Setiap baris menjadi peluang baru, berstatus draf kecuali kolom Status berisi "dibuka". Mitranya harus sudah terdaftar di direktori mitra.',
  },
  mapIntro:
    'Pilih isian untuk setiap kolom berkas. Kolom yang tidak dipilih diabaikan. Isian bertanda * wajib.',
  required: '{{label}} *',
  requiredMissing: 'Pilih kolom untuk isian wajib: {{fields}}.',
  formatTitle: 'Cara menulis isi sel',
  format: {
    partners: {
      type: 'Jenis mitra: UMKM, Perusahaan, Koperasi, BLK/Lembaga pelatihan, LSM, Pokmas Lipas atau Instansi pemerintah.',
      sectors: 'Sektor: satu atau beberapa, dipisah koma (contoh Garmen, Tata boga).',
      village: 'Kelurahan: kode (33.74.13.1013) atau nama (Krobokan).',
      willing: 'Bersedia mempekerjakan: ya, tidak atau kasus per kasus.',
      dates: 'Tanggal: hh/bb/tttt atau sel tanggal Excel.',
    },
    opportunities: {
      kind: 'Jenis peluang: Lowongan kerja, Magang, Pendampingan usaha, Keanggotaan koperasi, Bantuan alat atau modal, Akses pasar atau Tempat pelatihan lanjutan.',
      partner:
        'Mitra: nama atau nama singkat mitra yang sudah terdaftar. Kelurahan: kode atau nama; kosong berarti kelurahan Anda sendiri (staf kelurahan).',
      skills:
        'Keterampilan: nama:tingkat:wajib/opsional, dipisah titik koma (contoh Menjahit:kompeten:wajib; Katering:dasar:opsional).',
      pattern:
        'Paruh waktu, fleksibel, shift, asimilasi: ya atau tidak. Upah dalam rupiah (contoh 2.500.000), satuan per bulan, minggu, hari, borongan atau sekali.',
      status: 'Status: draf atau dibuka. Tanggal: hh/bb/tttt atau sel tanggal Excel.',
    },
  },
  fields: {
    partners: {
      name: 'Nama mitra',
      shortName: 'Nama singkat',
      type: 'Jenis mitra',
      sectors: 'Sektor',
      villageCode: 'Kelurahan',
      address: 'Alamat',
      phone: 'Telepon',
      email: 'Email',
      contactName: 'Nama kontak',
      contactPhone: 'Telepon kontak',
      description: 'Deskripsi',
      willingToEmploy: 'Bersedia mempekerjakan',
      willingnessNote: 'Catatan kesediaan',
      agreementNumber: 'Nomor PKS',
      agreementSignedOn: 'Tanggal PKS',
      agreementExpiresOn: 'PKS berakhir',
    },
    opportunities: {
      title: 'Judul',
      kind: 'Jenis peluang',
      partnerName: 'Mitra',
      villageCode: 'Kelurahan',
      sector: 'Sektor',
      description: 'Deskripsi',
      location: 'Lokasi',
      places: 'Jumlah tempat',
      startOn: 'Tanggal mulai',
      closesOn: 'Tanggal penutupan',
      hoursPerWeek: 'Jam per minggu',
      workHours: 'Jam kerja',
      partTime: 'Paruh waktu',
      flexible: 'Fleksibel',
      shiftWork: 'Shift',
      payMin: 'Upah terendah',
      payMax: 'Upah tertinggi',
      payPeriod: 'Satuan upah',
      openToAsimilasi: 'Terbuka untuk asimilasi',
      skills: 'Keterampilan',
      status: 'Status',
    },
  },
  saved: {
    partners: 'Impor selesai: {{created}} mitra baru, {{updated}} diperbarui, {{skipped}} baris dilewati.',
    opportunities: 'Impor selesai: {{created}} peluang baru, {{skipped}} baris dilewati.',
  },
  toList: {
    partners: 'Ke direktori mitra',
    opportunities: 'Ke daftar peluang',
  },
};

export type OpportunityImportMessages = typeof opportunityImportId;
