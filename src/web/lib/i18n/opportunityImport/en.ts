import type { OpportunityImportMessages } from './id.ts';

/** English for the import of partners and opportunities (/peluang/impor). */
export const opportunityImportEn: OpportunityImportMessages = {
  title: 'Import partners and opportunities',
  intro:
    'Import a list of partners or opportunities from an Excel (XLSX) or CSV file of at most {{mb}} MB and {{rows}} rows. Every row is checked as the form would check it before anything is stored.',
  target: 'What the file holds',
  targets: {
    partners: 'Partners',
    opportunities: 'Opportunities',
  },
  targetHint: {
    partners:
      'A partner whose name is already registered (regardless of case) is updated, not registered twice; an empty cell does not erase what is stored.',
    opportunities:
      'Each row becomes a new opportunity, as a draft unless its Status column says "open" (dibuka). Its partner must already be in the partner directory.',
  },
  mapIntro:
    'Choose the field of each column of the file. Columns left unchosen are ignored. Fields marked * are required.',
  required: '{{label}} *',
  requiredMissing: 'Choose a column for the required fields: {{fields}}.',
  formatTitle: 'How to write the cells',
  format: {
    partners: {
      type: 'Partner type: UMKM, Perusahaan (company), Koperasi (cooperative), BLK/Lembaga pelatihan (training provider), LSM (NGO), Pokmas Lipas or Instansi pemerintah (government office), or the codes.',
      sectors: 'Sectors: one or several, separated by commas (e.g. Garmen, Tata boga).',
      village: 'Kelurahan: its code (33.74.13.1013) or name (Krobokan).',
      willing: 'Willing to employ: ya (yes), tidak (no) or kasus per kasus (case by case).',
      dates: 'Dates: dd/mm/yyyy or Excel date cells.',
    },
    opportunities: {
      kind: 'Kind: Lowongan kerja (job vacancy), Magang (apprenticeship), Pendampingan usaha, Keanggotaan koperasi, Bantuan alat atau modal, Akses pasar or Tempat pelatihan lanjutan, or the codes.',
      partner:
        'Partner: the name or short name of a registered partner. Kelurahan: code or name; empty means your own kelurahan (kelurahan staff).',
      skills:
        'Skills: name:level:wajib/opsional, separated by semicolons (e.g. Menjahit:competent:wajib; Katering:basic:opsional).',
      pattern:
        'Part-time, flexible, shift, asimilasi: ya (yes) or tidak (no). Pay in rupiah (e.g. 2,500,000), per month, week, day, piece or one-off.',
      status: 'Status: draft or open (draf, dibuka). Dates: dd/mm/yyyy or Excel date cells.',
    },
  },
  fields: {
    partners: {
      name: 'Partner name',
      shortName: 'Short name',
      type: 'Partner type',
      sectors: 'Sectors',
      villageCode: 'Kelurahan',
      address: 'Address',
      phone: 'Phone',
      email: 'Email',
      contactName: 'Contact name',
      contactPhone: 'Contact phone',
      description: 'Description',
      willingToEmploy: 'Willing to employ',
      willingnessNote: 'Willingness note',
      agreementNumber: 'Agreement (PKS) number',
      agreementSignedOn: 'Agreement signed on',
      agreementExpiresOn: 'Agreement expires on',
    },
    opportunities: {
      title: 'Title',
      kind: 'Kind',
      partnerName: 'Partner',
      villageCode: 'Kelurahan',
      sector: 'Sector',
      description: 'Description',
      location: 'Location',
      places: 'Places',
      startOn: 'Start date',
      closesOn: 'Closing date',
      hoursPerWeek: 'Hours per week',
      workHours: 'Working hours',
      partTime: 'Part-time',
      flexible: 'Flexible',
      shiftWork: 'Shift work',
      payMin: 'Lowest pay',
      payMax: 'Highest pay',
      payPeriod: 'Pay period',
      openToAsimilasi: 'Open to asimilasi',
      skills: 'Skills',
      status: 'Status',
    },
  },
  saved: {
    partners: 'Import done: {{created}} new partners, {{updated}} updated, {{skipped}} rows skipped.',
    opportunities: 'Import done: {{created}} new opportunities, {{skipped}} rows skipped.',
  },
  toList: {
    partners: 'To the partner directory',
    opportunities: 'To the opportunities',
  },
};
