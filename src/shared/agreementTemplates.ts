// Templates of the usual articles (Pasal) of an MoU / PKS, used by the agreement editor to start a clause.
// Plain data, no zod: the web imports it directly. Ayat are separated by blank lines; the parties are named
// as in Indonesian agreements: "PARA PIHAK", "PIHAK PERTAMA", "PIHAK KEDUA". The text is a starting point
// that the drafters edit (dates, amounts and names in [brackets] are to be filled in).

export const AGREEMENT_TEMPLATE_KEYS = [
  'purpose',
  'scope',
  'implementation',
  'rights_obligations',
  'funding',
  'duration',
  'dispute_settlement',
  'closing',
] as const;
export type AgreementTemplateKey = (typeof AGREEMENT_TEMPLATE_KEYS)[number];

export interface AgreementTemplate {
  key: AgreementTemplateKey;
  heading: { id: string; en: string };
  body: { id: string; en: string };
}

export const AGREEMENT_TEMPLATES: readonly AgreementTemplate[] = [
  {
    key: 'purpose',
    heading: { id: 'Maksud dan Tujuan', en: 'Purpose and Objectives' },
    body: {
      id: [
        '(1) Maksud Nota Kesepahaman ini adalah sebagai landasan bagi PARA PIHAK dalam melaksanakan kerja sama pembinaan, pelatihan keterampilan, dan reintegrasi sosial warga binaan pemasyarakatan perempuan dan klien pemasyarakatan perempuan.',
        '(2) Tujuan Nota Kesepahaman ini adalah untuk meningkatkan kemandirian ekonomi warga binaan dan klien pemasyarakatan perempuan melalui pelatihan, pendampingan, dan penyaluran kerja atau usaha, serta memperkuat penerimaan masyarakat di tempat tinggalnya.',
      ].join('\n\n'),
      en: [
        '(1) The purpose of this Memorandum of Understanding is to serve as the basis for THE PARTIES in carrying out cooperation on the guidance, skills training and social reintegration of women inmates and women probation clients.',
        '(2) The objective of this Memorandum of Understanding is to improve the economic independence of women inmates and probation clients through training, mentoring and placement in work or business, and to strengthen acceptance by the community where they live.',
      ].join('\n\n'),
    },
  },
  {
    key: 'scope',
    heading: { id: 'Ruang Lingkup', en: 'Scope' },
    body: {
      id: [
        'Ruang lingkup Nota Kesepahaman ini meliputi:',
        'a. pelatihan keterampilan kerja dan kewirausahaan;',
        'b. sertifikasi kompetensi;',
        'c. pendampingan dan penyaluran kerja atau usaha;',
        'd. sosialisasi kepada masyarakat dan pemerintah kelurahan;',
        'e. pertukaran data dan informasi sesuai ketentuan peraturan perundang-undangan; dan',
        'f. kegiatan lain yang disepakati PARA PIHAK.',
      ].join('\n'),
      en: [
        'The scope of this Memorandum of Understanding covers:',
        'a. job and entrepreneurship skills training;',
        'b. competency certification;',
        'c. mentoring and placement in work or business;',
        'd. socialization to the community and the village government;',
        'e. exchange of data and information in accordance with the laws and regulations; and',
        'f. other activities agreed by THE PARTIES.',
      ].join('\n'),
    },
  },
  {
    key: 'implementation',
    heading: { id: 'Pelaksanaan', en: 'Implementation' },
    body: {
      id: [
        '(1) Pelaksanaan Nota Kesepahaman ini dituangkan lebih lanjut dalam Perjanjian Kerja Sama dan/atau program kerja teknis yang disusun dan disepakati oleh PARA PIHAK.',
        '(2) PARA PIHAK menunjuk pejabat penghubung masing-masing untuk mengoordinasikan pelaksanaan kegiatan.',
        '(3) PARA PIHAK melakukan rapat koordinasi secara berkala paling sedikit 1 (satu) kali dalam 3 (tiga) bulan untuk memantau dan mengevaluasi pelaksanaan kerja sama.',
      ].join('\n\n'),
      en: [
        '(1) The implementation of this Memorandum of Understanding is further set out in Cooperation Agreements and/or technical work plans drawn up and agreed by THE PARTIES.',
        '(2) THE PARTIES each appoint a liaison officer to coordinate the activities.',
        '(3) THE PARTIES hold coordination meetings at least once every 3 (three) months to monitor and evaluate the cooperation.',
      ].join('\n\n'),
    },
  },
  {
    key: 'rights_obligations',
    heading: { id: 'Hak dan Kewajiban Para Pihak', en: 'Rights and Obligations of the Parties' },
    body: {
      id: [
        '(1) PIHAK PERTAMA berhak:\n' +
          'a. memperoleh dukungan tenaga pelatih, sarana, dan prasarana dari PIHAK KEDUA sesuai kesepakatan; dan\n' +
          'b. memperoleh laporan pelaksanaan kegiatan dari PIHAK KEDUA.',
        '(2) PIHAK PERTAMA berkewajiban:\n' +
          'a. menyiapkan peserta dan tempat pelaksanaan kegiatan; dan\n' +
          'b. memfasilitasi koordinasi dengan instansi terkait.',
        '(3) PIHAK KEDUA berhak:\n' +
          'a. memperoleh data dan informasi yang diperlukan sesuai ketentuan peraturan perundang-undangan; dan\n' +
          'b. memperoleh akses ke tempat pelaksanaan kegiatan sesuai jadwal yang disepakati.',
        '(4) PIHAK KEDUA berkewajiban:\n' +
          'a. melaksanakan pelatihan, pendampingan, dan/atau penyaluran kerja sesuai ruang lingkup; dan\n' +
          'b. menyampaikan laporan pelaksanaan kegiatan kepada PIHAK PERTAMA.',
        '(5) PARA PIHAK wajib menjaga kerahasiaan data pribadi warga binaan dan klien pemasyarakatan sesuai ketentuan peraturan perundang-undangan.',
      ].join('\n\n'),
      en: [
        '(1) THE FIRST PARTY is entitled to:\n' +
          'a. receive trainers, facilities and infrastructure from THE SECOND PARTY as agreed; and\n' +
          'b. receive activity reports from THE SECOND PARTY.',
        '(2) THE FIRST PARTY is obliged to:\n' +
          'a. prepare the participants and the venue of the activities; and\n' +
          'b. facilitate coordination with the agencies concerned.',
        '(3) THE SECOND PARTY is entitled to:\n' +
          'a. receive the data and information it needs in accordance with the laws and regulations; and\n' +
          'b. have access to the venue of the activities according to the agreed schedule.',
        '(4) THE SECOND PARTY is obliged to:\n' +
          'a. carry out training, mentoring and/or job placement within the scope; and\n' +
          'b. report on the activities to THE FIRST PARTY.',
        '(5) THE PARTIES shall keep the personal data of inmates and probation clients confidential in accordance with the laws and regulations.',
      ].join('\n\n'),
    },
  },
  {
    key: 'funding',
    heading: { id: 'Pembiayaan', en: 'Funding' },
    body: {
      id: [
        '(1) Biaya yang timbul dalam pelaksanaan Nota Kesepahaman ini dibebankan kepada anggaran masing-masing PARA PIHAK sesuai dengan tugas dan fungsinya, dan/atau sumber lain yang sah dan tidak mengikat sesuai ketentuan peraturan perundang-undangan.',
        '(2) Rincian pembiayaan diatur lebih lanjut dalam Perjanjian Kerja Sama dan/atau program kerja teknis.',
      ].join('\n\n'),
      en: [
        '(1) The costs arising from this Memorandum of Understanding are borne by the budget of each of THE PARTIES according to its duties and functions, and/or other lawful, non-binding sources in accordance with the laws and regulations.',
        '(2) The details of funding are further set out in Cooperation Agreements and/or technical work plans.',
      ].join('\n\n'),
    },
  },
  {
    key: 'duration',
    heading: { id: 'Jangka Waktu', en: 'Duration' },
    body: {
      id: [
        '(1) Nota Kesepahaman ini berlaku untuk jangka waktu [3 (tiga)] tahun terhitung sejak tanggal ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.',
        '(2) Dalam hal salah satu pihak bermaksud memperpanjang atau mengakhiri Nota Kesepahaman ini, pihak tersebut memberitahukan secara tertulis kepada pihak lainnya paling lambat 3 (tiga) bulan sebelum berakhirnya jangka waktu.',
        '(3) Berakhirnya Nota Kesepahaman ini tidak memengaruhi kegiatan yang sedang berjalan sampai dengan selesainya kegiatan tersebut, kecuali ditentukan lain oleh PARA PIHAK.',
      ].join('\n\n'),
      en: [
        '(1) This Memorandum of Understanding is valid for [3 (three)] years from the date of signing and may be extended by agreement of THE PARTIES.',
        '(2) Where either party intends to extend or end this Memorandum of Understanding, it shall notify the other party in writing no later than 3 (three) months before the end of its term.',
        '(3) The end of this Memorandum of Understanding does not affect activities under way until they are completed, unless THE PARTIES decide otherwise.',
      ].join('\n\n'),
    },
  },
  {
    key: 'dispute_settlement',
    heading: { id: 'Penyelesaian Perselisihan', en: 'Dispute Settlement' },
    body: {
      id: [
        '(1) Setiap perselisihan yang timbul dalam pelaksanaan Nota Kesepahaman ini diselesaikan secara musyawarah untuk mufakat oleh PARA PIHAK.',
        '(2) Dalam hal musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai mufakat, PARA PIHAK sepakat menyelesaikannya sesuai ketentuan peraturan perundang-undangan.',
      ].join('\n\n'),
      en: [
        '(1) Any dispute arising from the implementation of this Memorandum of Understanding shall be settled amicably by deliberation between THE PARTIES.',
        '(2) Where the deliberation referred to in paragraph (1) reaches no agreement, THE PARTIES agree to settle it in accordance with the laws and regulations.',
      ].join('\n\n'),
    },
  },
  {
    key: 'closing',
    heading: { id: 'Penutup', en: 'Closing' },
    body: {
      id: [
        '(1) Hal-hal yang belum diatur atau perubahan terhadap Nota Kesepahaman ini diatur lebih lanjut oleh PARA PIHAK dalam addendum yang merupakan bagian tidak terpisahkan dari Nota Kesepahaman ini.',
        '(2) Nota Kesepahaman ini dibuat dalam rangkap [2 (dua)], masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama, serta ditandatangani oleh PARA PIHAK pada hari dan tanggal sebagaimana tersebut di atas.',
      ].join('\n\n'),
      en: [
        '(1) Matters not yet provided for, or changes to this Memorandum of Understanding, are set out by THE PARTIES in an addendum forming an integral part of this Memorandum of Understanding.',
        '(2) This Memorandum of Understanding is made in [2 (two)] counterparts, each bearing sufficient duty stamps and having the same legal force, and is signed by THE PARTIES on the day and date stated above.',
      ].join('\n\n'),
    },
  },
];

/** The template of a key, if any. */
export function agreementTemplate(key: string): AgreementTemplate | undefined {
  return AGREEMENT_TEMPLATES.find((template) => template.key === key);
}
