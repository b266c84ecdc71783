import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { OFFENCE_CATEGORIES, SECTORS } from '../../../shared/people.ts';
import { label } from '../../modules/villages/villages.diff.ts';
import type {
  Database,
  OpportunityKindValue,
  PartnerTypeValue,
  PlacementStageValue,
  SkillLevelValue,
} from '../schema.ts';
import { addDays, createRandom, programToday, type Random } from './demo-people.ts';
import { DEMO_BLK_ID } from './demo-training.ts';
import { PHONE_PREFIXES } from './names.ts';
import { KECAMATAN_ID, KELURAHAN, LAPAS_ID } from './reference.ts';

// The demo's host villages, partners and opportunities: a profile for each of the 16 kelurahan of Semarang
// Barat built on what is known of them (the Simongan industrial strip in Ngemplak Simongan, the furniture
// cluster in Kembangarum, Sam Poo Kong in Bongsari, Puri Maerokoco and the Marina and Maron beaches in
// Tambakharjo, dense Krobokan), about 25 fictional partners (UMKM, companies of the Simongan strip,
// cooperatives, the BLK, NGOs, a Pokmas Lipas, the city's offices), about 40 opportunities of every kind, and
// pipelines in progress for women who consented to the partner. Names, numbers and phone numbers are
// fictional. Written straight into the tables, from a seeded PRNG and dates relative to the seeding day.

export const DEMO_CATERING_ID = '00000000-0000-4000-8000-0000000000d3';

type Db = Kysely<Database> | Transaction<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;
type Sector = (typeof SECTORS)[number];
type Offence = (typeof OFFENCE_CATEGORIES)[number];
type Kelurahan = (typeof KELURAHAN)[number][1];
type DemoUser =
  | 'kecamatan'
  | 'kelurahan.krobokan'
  | 'lapas.binadik'
  | 'lapas.giatja'
  | 'pk'
  | 'mitra'
  | 'mitra.katering'
  | 'instruktur';

const MOU =
  'Nota Kesepahaman LPP Semarang – Kecamatan Semarang Barat No. W13.PAS.PAS8-HM.01.02-0417/2026 dan No. 415.4/062/VI/2026';
const MOU_ADDENDUM = `${MOU}, Adendum I No. 415.4/081/VII/2026 (perluasan desa binaan)`;

// ── the kelurahan ────────────────────────────────────────────────────────────────────────────────

type Potential = readonly [
  sector: Sector,
  skill: string | null,
  description: string,
  strength: number,
  source: string,
];
type Need = readonly [
  sector: Sector,
  skill: string | null,
  kind: 'labour_demand' | 'service_needed' | 'market',
  description: string,
  size: number | null,
  months: readonly number[],
];
type Facility = readonly [
  kind: 'training_venue' | 'market_stall' | 'community_hub' | 'other',
  name: string,
  address: string | null,
  capacity: number | null,
  description: string | null,
];

interface VillagePlan {
  name: Kelurahan;
  lurah: string;
  population: number;
  areaKm2: number;
  latitude: number;
  longitude: number;
  description: string;
  host: { since: string; agreement: string } | null;
  /** Sekretaris kelurahan, Kasi Ekonomi dan Pembangunan, Ketua TP PKK kelurahan. */
  contacts: readonly [secretary: string, ekbang: string, pkk: string];
  potentials: readonly Potential[];
  needs: readonly Need[];
  facilities: readonly Facility[];
}

const PROFILE_2025 = 'Profil kelurahan 2025';
const MUSRENBANG = 'Musrenbang 2026';
const PKK_SURVEY = 'Survei kader PKK';
// Ramadan and Lebaran (1448 H: February–March 2027), the school-uniform season, year-end holidays.
const LEBARAN = [2, 3] as const;
const SCHOOL_YEAR = [6, 7] as const;
const YEAR_END = [12, 1] as const;
const WEDDINGS = [5, 6, 9, 10] as const;

/** About 154,000 people on 21.68 km²: Krobokan the densest, Tambakharjo (fishponds, coast) the least dense. */
export const DEMO_VILLAGES: readonly VillagePlan[] = [
  {
    name: 'Ngemplak Simongan',
    lurah: 'Heru Prasetyo Nugroho, S.IP.',
    population: 9_400,
    areaKm2: 1.62,
    latitude: -6.9882,
    longitude: 110.3928,
    description:
      'Kelurahan di tepi Banjir Kanal Barat dengan kawasan industri Simongan: pabrik garmen dan pengolahan ' +
      'makanan yang mempekerjakan sekitar 8.000 pekerja. Rumah kos, warung makan, dan laundry tumbuh di ' +
      'sekitar pabrik.',
    host: { since: '2026-06-15', agreement: MOU },
    contacts: ['Agung Setiawan', 'Rr. Widyastuti', 'Sulistyowati'],
    potentials: [
      [
        'garment',
        'garment.sewing',
        'Kawasan industri Simongan: pabrik garmen dengan lini jahit besar yang rutin membuka lowongan operator.',
        5,
        PROFILE_2025,
      ],
      [
        'food',
        'food.cooking',
        'Pabrik pengolahan makanan ringan di Jl. Simongan; pekerjaan produksi dan pengemasan bergilir (shift).',
        4,
        PROFILE_2025,
      ],
      [
        'food',
        'food.catering',
        'Warung makan dan katering rantangan yang melayani pekerja pabrik setiap hari.',
        4,
        MUSRENBANG,
      ],
      ['laundry', 'laundry.laundry', 'Laundry kiloan di sekitar rumah kos pekerja pabrik.', 3, PKK_SURVEY],
    ],
    needs: [
      [
        'garment',
        'garment.sewing',
        'labour_demand',
        'Operator jahit untuk lini produksi garmen, terutama menjelang pesanan ekspor akhir tahun.',
        120,
        [9, 10, 11],
      ],
      [
        'food',
        'food.catering',
        'market',
        'Makan siang rantangan untuk pekerja shift (pelanggan tetap per tahun).',
        300,
        [],
      ],
      [
        'laundry',
        'laundry.laundry',
        'service_needed',
        'Jasa cuci-setrika untuk penghuni rumah kos pekerja pabrik.',
        400,
        [],
      ],
    ],
    facilities: [
      [
        'training_venue',
        'Balai Kelurahan Ngemplak Simongan',
        'Kantor Kelurahan Ngemplak Simongan',
        60,
        'Aula untuk pelatihan dan sosialisasi; tersedia empat mesin jahit bantuan CSR.',
      ],
      [
        'community_hub',
        'Ruang PKK RW 03',
        'RW 03, Ngemplak Simongan',
        20,
        'Tempat pertemuan kader dan arisan usaha.',
      ],
    ],
  },
  {
    name: 'Manyaran',
    lurah: 'Endah Kusumaningrum, S.E.',
    population: 14_400,
    areaKm2: 2.4,
    latitude: -6.9962,
    longitude: 110.3798,
    description:
      'Kawasan permukiman berbukit di selatan dengan perumahan besar dan kampung tematik: kampung kue kering ' +
      'dan kampung hidroponik. Banyak ibu rumah tangga menjalankan usaha rumahan dan berjualan daring.',
    host: { since: '2026-07-01', agreement: MOU_ADDENDUM },
    contacts: ['Yulianto', 'Sri Handayani', 'Tutik Sulistyorini'],
    potentials: [
      [
        'food',
        'food.baking',
        'Kampung tematik kue kering: puluhan rumah tangga memproduksi kue kering dan jajan pasar, ramai menjelang Lebaran.',
        4,
        PKK_SURVEY,
      ],
      [
        'urban_farming',
        'urban_farming.hydroponics',
        'Kampung hidroponik RW 05: kebun sayur bersama dan pembibitan yang dikelola kelompok wanita tani.',
        3,
        MUSRENBANG,
      ],
      [
        'retail',
        'retail.online',
        'Ibu rumah tangga berjualan daring sebagai reseller pakaian dan makanan.',
        3,
        PKK_SURVEY,
      ],
    ],
    needs: [
      [
        'food',
        'food.baking',
        'labour_demand',
        'Tenaga bantu produksi kue kering menjelang Lebaran dan Natal.',
        40,
        [...LEBARAN, 12],
      ],
      [
        'urban_farming',
        'urban_farming.hydroponics',
        'market',
        'Sayur hidroponik untuk warung dan katering sekitar (kg per tahun).',
        1_200,
        [],
      ],
      [
        'administration',
        'administration.computing',
        'service_needed',
        'Pelatihan komputer dan pembukuan sederhana bagi pelaku usaha rumahan.',
        30,
        [],
      ],
    ],
    facilities: [
      [
        'training_venue',
        'Balai Kelurahan Manyaran',
        'Kantor Kelurahan Manyaran',
        80,
        'Aula dengan dapur kecil.',
      ],
      [
        'other',
        'Kebun Hidroponik RW 05',
        'RW 05, Manyaran',
        15,
        'Instalasi 40 pipa NFT; tempat belajar budi daya.',
      ],
    ],
  },
  {
    name: 'Krapyak',
    lurah: 'Yohanes Budi Santoso',
    population: 8_200,
    areaKm2: 1.1,
    latitude: -6.9842,
    longitude: 110.3722,
    description:
      'Kelurahan di sepanjang Jl. Siliwangi: toko, bengkel, dan gudang di jalur arteri menuju bandara, ' +
      'dengan kampung padat di belakangnya.',
    host: null,
    contacts: ['Dwi Haryanto', 'Lestari Ningrum', 'Maria Endang Susanti'],
    potentials: [
      ['retail', 'retail.selling', 'Deretan toko dan bengkel di sepanjang Jl. Siliwangi.', 3, PROFILE_2025],
      ['food', 'food.cooking', 'Warung makan bagi pengemudi dan pekerja bengkel.', 3, MUSRENBANG],
    ],
    needs: [
      [
        'laundry',
        'laundry.cleaning',
        'labour_demand',
        'Tenaga kebersihan untuk toko dan gudang di jalur Siliwangi.',
        15,
        [],
      ],
      ['food', null, 'market', 'Makan siang untuk pekerja toko dan gudang (pelanggan tetap).', 200, []],
    ],
    facilities: [['training_venue', 'Balai Kelurahan Krapyak', 'Kantor Kelurahan Krapyak', 50, null]],
  },
  {
    name: 'Tambakharjo',
    lurah: 'Muhammad Arifin',
    population: 3_100,
    areaKm2: 3.86,
    latitude: -6.9598,
    longitude: 110.3688,
    description:
      'Kelurahan paling jarang penduduknya, di pesisir barat laut dekat Bandara Ahmad Yani: tambak bandeng, ' +
      'kawasan wisata Puri Maerokoco, serta Pantai Marina dan Pantai Maron. Pengunjung memuncak pada akhir ' +
      'pekan dan libur akhir tahun.',
    host: { since: '2026-06-15', agreement: MOU },
    contacts: ['Fajar Nugroho', 'Siti Rohmah', 'Khusnul Khotimah'],
    potentials: [
      [
        'hospitality',
        'hospitality.housekeeping',
        'Wisata Puri Maerokoco dan Pantai Marina–Maron: hotel, penginapan, dan gedung acara butuh tenaga tata graha.',
        4,
        PROFILE_2025,
      ],
      [
        'food',
        'food.cooking',
        'Kampung tematik olahan bandeng: bandeng presto dan otak-otak dari tambak setempat.',
        4,
        PKK_SURVEY,
      ],
      [
        'retail',
        'retail.selling',
        'Lapak makanan dan minuman di pantai, ramai pada akhir pekan dan libur akhir tahun.',
        3,
        MUSRENBANG,
      ],
    ],
    needs: [
      [
        'food',
        'food.cooking',
        'labour_demand',
        'Juru masak dan penjual warung pantai pada libur akhir tahun dan Lebaran.',
        30,
        [...YEAR_END, 3],
      ],
      [
        'hospitality',
        'hospitality.housekeeping',
        'labour_demand',
        'Tenaga tata graha harian untuk acara dan penginapan.',
        20,
        [6, 7, 12],
      ],
      [
        'food',
        null,
        'market',
        'Oleh-oleh olahan bandeng untuk pengunjung wisata (kemasan per tahun).',
        5_000,
        [],
      ],
    ],
    facilities: [
      ['training_venue', 'Balai Kelurahan Tambakharjo', 'Kantor Kelurahan Tambakharjo', 60, null],
      [
        'market_stall',
        'Lapak kuliner Pantai Maron',
        'Kawasan Pantai Maron, Tambakharjo',
        12,
        'Dua belas lapak bongkar-pasang; dikelola paguyuban pedagang.',
      ],
      [
        'community_hub',
        'Rumah produksi bandeng presto KWT Mekar Sari',
        'RW 02, Tambakharjo',
        15,
        'Dapur bersama dengan panci presto dan alat pengemas vakum.',
      ],
    ],
  },
  {
    name: 'Kalibanteng Kulon',
    lurah: 'Wahyu Hidayat, S.Sos.',
    population: 9_800,
    areaKm2: 1.2,
    latitude: -6.9768,
    longitude: 110.3762,
    description:
      'Kelurahan di sekitar Bundaran Kalibanteng, pintu masuk bandara: rumah kos bagi karyawan bandara dan ' +
      'pergudangan, katering karyawan, dan laundry.',
    host: null,
    contacts: ['Ari Wibisono', 'Dyah Ayu Pramesti', 'Sumiyati'],
    potentials: [
      ['food', 'food.catering', 'Katering untuk karyawan bandara dan pergudangan.', 4, PROFILE_2025],
      [
        'laundry',
        'laundry.laundry',
        'Laundry kiloan untuk pekerja bandara yang tinggal di kos.',
        3,
        PKK_SURVEY,
      ],
    ],
    needs: [
      ['food', 'food.catering', 'labour_demand', 'Tenaga dapur katering karyawan.', 25, []],
      [
        'beauty',
        'beauty.hair',
        'service_needed',
        'Salon dan potong rambut terjangkau di lingkungan RW.',
        null,
        [],
      ],
    ],
    facilities: [
      ['training_venue', 'Balai Kelurahan Kalibanteng Kulon', 'Kantor Kelurahan Kalibanteng Kulon', 50, null],
      [
        'community_hub',
        'Ruang PKK Kelurahan Kalibanteng Kulon',
        'Kantor Kelurahan Kalibanteng Kulon',
        20,
        null,
      ],
    ],
  },
  {
    name: 'Kalibanteng Kidul',
    lurah: 'Nur Hayati, S.H.',
    population: 7_600,
    areaKm2: 0.82,
    latitude: -6.9791,
    longitude: 110.3842,
    description:
      'Permukiman padat di ujung barat Jl. Jenderal Sudirman; banyak usaha rumahan jajan pasar dan roti yang ' +
      'dititipkan di warung dan kantin.',
    host: null,
    contacts: ['Bagus Santosa', 'Eni Rahmawati', 'Mujiati'],
    potentials: [
      [
        'food',
        'food.baking',
        'Usaha rumahan jajan pasar dan roti untuk dititipkan di warung.',
        3,
        PKK_SURVEY,
      ],
      [
        'garment',
        'garment.embellishment',
        'Perajin payet yang mengerjakan pesanan konveksi dari Cabean.',
        2,
        PKK_SURVEY,
      ],
    ],
    needs: [
      [
        'food',
        'food.baking',
        'market',
        'Jajan pasar titipan untuk warung dan kantin sekolah (pesanan harian).',
        300,
        [],
      ],
      [
        'administration',
        null,
        'service_needed',
        'Pendampingan izin usaha (NIB) dan sertifikat halal bagi usaha rumahan.',
        40,
        [],
      ],
    ],
    facilities: [
      [
        'community_hub',
        'Ruang PKK Kelurahan Kalibanteng Kidul',
        'Kantor Kelurahan Kalibanteng Kidul',
        25,
        null,
      ],
    ],
  },
  {
    name: 'Gisikdrono',
    lurah: 'Teguh Santosa',
    population: 15_700,
    areaKm2: 1.45,
    latitude: -6.9828,
    longitude: 110.3808,
    description:
      'Kelurahan berpenduduk besar dengan perumahan dan kampung; salon dan usaha rias rumahan, toko kelontong, ' +
      'serta kampung tematik jamu.',
    host: null,
    contacts: ['Hendro Wicaksono', 'Anik Susilowati', 'Rukmini'],
    potentials: [
      [
        'beauty',
        'beauty.hair',
        'Salon dan usaha rias rumahan di sepanjang jalan utama kelurahan.',
        4,
        PROFILE_2025,
      ],
      ['food', null, 'Kampung tematik jamu: kelompok ibu peracik jamu tradisional.', 3, MUSRENBANG],
      ['retail', 'retail.online', 'Penjualan daring produk jamu dan makanan rumahan.', 2, PKK_SURVEY],
    ],
    needs: [
      [
        'beauty',
        'beauty.makeup',
        'labour_demand',
        'Asisten salon dan perias untuk musim hajatan.',
        10,
        [...WEDDINGS],
      ],
      ['food', null, 'market', 'Jamu kemasan untuk warung dan pasar sekitar (botol per tahun).', 6_000, []],
    ],
    facilities: [['training_venue', 'Balai Kelurahan Gisikdrono', 'Kantor Kelurahan Gisikdrono', 70, null]],
  },
  {
    name: 'Bongsari',
    lurah: 'Rudi Hartanto, S.STP.',
    population: 11_300,
    areaKm2: 0.98,
    latitude: -6.9934,
    longitude: 110.399,
    description:
      'Rumah Klenteng Sam Poo Kong: wisatawan datang sepanjang tahun dan memuncak saat Imlek dan libur sekolah. ' +
      'Warung makan, perajin batik Semarangan, dan kios suvenir hidup dari kunjungan wisata.',
    host: { since: '2026-06-15', agreement: MOU },
    contacts: ['Wahyu Adi Nugroho', 'Lina Marlina', 'Christina Setyorini'],
    potentials: [
      [
        'hospitality',
        null,
        'Kawasan wisata Sam Poo Kong: ramai wisatawan, terutama saat Imlek dan libur sekolah.',
        5,
        PROFILE_2025,
      ],
      [
        'food',
        'food.cooking',
        'Warung makan dan kuliner khas Semarang di sekitar Sam Poo Kong.',
        4,
        MUSRENBANG,
      ],
      [
        'batik',
        'batik.written',
        'Perajin batik Semarangan dan suvenir batik untuk wisatawan.',
        4,
        PKK_SURVEY,
      ],
      [
        'craft',
        'craft.handicraft',
        'Suvenir kerajinan (gantungan kunci, miniatur klenteng) yang dijual di kios wisata.',
        3,
        PKK_SURVEY,
      ],
    ],
    needs: [
      [
        'food',
        'food.cooking',
        'labour_demand',
        'Pramusaji dan juru masak pada musim libur sekolah, Imlek, dan akhir tahun.',
        25,
        [...YEAR_END, 2, ...SCHOOL_YEAR],
      ],
      [
        'batik',
        'batik.written',
        'market',
        'Suvenir batik dan kerajinan untuk wisatawan (buah per tahun).',
        8_000,
        [],
      ],
      [
        'retail',
        'retail.selling',
        'labour_demand',
        'Penjaga kios oleh-oleh saat musim kunjungan.',
        10,
        [...SCHOOL_YEAR, 12],
      ],
    ],
    facilities: [
      ['training_venue', 'Balai Kelurahan Bongsari', 'Kantor Kelurahan Bongsari', 70, null],
      [
        'market_stall',
        'Kios UMKM kawasan Sam Poo Kong',
        'Jalan masuk kawasan Sam Poo Kong, Bongsari',
        10,
        'Sepuluh kios bergilir untuk UMKM binaan kelurahan.',
      ],
      [
        'training_venue',
        'Rumah Batik RW 04',
        'RW 04, Bongsari',
        12,
        'Enam meja canting dan satu kompor malam.',
      ],
    ],
  },
  {
    name: 'Bojongsalaman',
    lurah: 'Siti Khotimah, S.Ag.',
    population: 10_100,
    areaKm2: 0.86,
    latitude: -6.9866,
    longitude: 110.3996,
    description:
      'Kampung padat dengan penjahit rumahan yang menerima permak dan seragam, dan kampung tematik hijau ' +
      'dengan tanaman obat keluarga di pekarangan.',
    host: null,
    contacts: ['Eko Prasetyo', 'Nining Suryani', 'Tri Wahyuningsih'],
    potentials: [
      [
        'garment',
        'garment.sewing',
        'Penjahit rumahan yang menerima pesanan permak dan seragam.',
        3,
        PKK_SURVEY,
      ],
      [
        'urban_farming',
        null,
        'Kampung tematik hijau: tanaman obat keluarga dan sayur di pekarangan.',
        2,
        MUSRENBANG,
      ],
    ],
    needs: [
      [
        'garment',
        'garment.sewing',
        'market',
        'Permak dan jahit seragam menjelang tahun ajaran baru (potong per tahun).',
        600,
        [...SCHOOL_YEAR],
      ],
      ['laundry', 'laundry.laundry', 'service_needed', 'Laundry kiloan dekat permukiman padat.', null, []],
    ],
    facilities: [
      ['training_venue', 'Balai Kelurahan Bojongsalaman', 'Kantor Kelurahan Bojongsalaman', 50, null],
    ],
  },
  {
    name: 'Salamanmloyo',
    lurah: 'Joko Purnomo',
    population: 6_900,
    areaKm2: 0.74,
    latitude: -6.9801,
    longitude: 110.4058,
    description: 'Kelurahan kecil yang padat dengan konveksi seragam sekolah dan kantor skala rumahan.',
    host: null,
    contacts: ['Rahmat Hidayat', 'Ika Puspitasari', 'Supriyati'],
    potentials: [
      ['garment', 'garment.sewing', 'Konveksi seragam sekolah dan kantor skala rumahan.', 4, PROFILE_2025],
      ['craft', 'craft.embroidery', 'Bordir nama dan logo pada seragam.', 3, PKK_SURVEY],
    ],
    needs: [
      [
        'garment',
        'garment.sewing',
        'labour_demand',
        'Penjahit borongan pada musim seragam sekolah.',
        30,
        [5, ...SCHOOL_YEAR],
      ],
      ['craft', 'craft.embroidery', 'labour_demand', 'Tenaga bordir nama dan badge.', 8, [...SCHOOL_YEAR]],
    ],
    facilities: [
      ['community_hub', 'Ruang PKK Kelurahan Salamanmloyo', 'Kantor Kelurahan Salamanmloyo', 20, null],
    ],
  },
  {
    name: 'Cabean',
    lurah: 'Dewi Anggraini, S.Pd.',
    population: 5_100,
    areaKm2: 0.45,
    latitude: -6.9836,
    longitude: 110.4031,
    description:
      'Kelurahan terkecil, dikenal dengan sentra payet dan bordir rumahan: kebaya, mukena, dan busana pesta ' +
      'dikerjakan borongan di rumah.',
    host: null,
    contacts: ['Sigit Purwanto', 'Endang Pujiastuti', 'Yayuk Sri Rejeki'],
    potentials: [
      [
        'garment',
        'garment.embellishment',
        'Sentra payet dan bordir rumahan: kebaya, mukena, dan busana pesta.',
        4,
        PKK_SURVEY,
      ],
      ['craft', 'craft.embroidery', 'Sulam pita dan bordir tangan untuk hantaran pengantin.', 3, PKK_SURVEY],
    ],
    needs: [
      [
        'garment',
        'garment.embellishment',
        'labour_demand',
        'Pemasang payet borongan menjelang Lebaran dan musim pernikahan.',
        40,
        [...LEBARAN, 9, 10],
      ],
      [
        'garment',
        null,
        'market',
        'Kebaya dan mukena berpayet untuk toko di Pasar Johar (potong per tahun).',
        3_000,
        [],
      ],
    ],
    facilities: [
      [
        'community_hub',
        'Rumah produksi payet RT 02',
        'RT 02, Cabean',
        10,
        'Rumah ketua kelompok; pemidangan dan stok manik-manik.',
      ],
    ],
  },
  {
    name: 'Karangayu',
    lurah: 'Anton Setiadi',
    population: 8_900,
    areaKm2: 0.72,
    latitude: -6.9812,
    longitude: 110.3982,
    description:
      'Pusat perdagangan dengan Pasar Karangayu dan pertokoan di Jl. Jenderal Sudirman; pedagang makanan matang ' +
      'dan jajan pasar di sekitar pasar.',
    host: null,
    contacts: ['Hari Susilo', 'Retno Dwi Astuti', 'Suharni'],
    potentials: [
      [
        'retail',
        'retail.selling',
        'Pasar Karangayu: pasar tradisional dengan ratusan kios dan los.',
        5,
        PROFILE_2025,
      ],
      ['food', 'food.cooking', 'Pedagang makanan matang dan jajan pasar di sekitar pasar.', 4, MUSRENBANG],
    ],
    needs: [
      ['retail', 'retail.selling', 'market', 'Kios kosong di Pasar Karangayu untuk pedagang baru.', 15, []],
      [
        'retail',
        'retail.selling',
        'labour_demand',
        'Penjaga kios dan pembantu pedagang menjelang Lebaran dan akhir tahun.',
        20,
        [...LEBARAN, 12],
      ],
    ],
    facilities: [
      [
        'market_stall',
        'Los binaan Pasar Karangayu',
        'Pasar Karangayu, Jl. Jenderal Sudirman',
        8,
        'Delapan los dengan sewa ringan untuk pedagang pemula binaan Dinas Perdagangan.',
      ],
      ['training_venue', 'Balai Kelurahan Karangayu', 'Kantor Kelurahan Karangayu', 40, null],
    ],
  },
  {
    name: 'Krobokan',
    lurah: 'Hadi Susanto, S.Sos.',
    population: 17_600,
    areaKm2: 0.92,
    latitude: -6.9742,
    longitude: 110.3961,
    description:
      'Kelurahan terpadat di Semarang Barat: kampung padat dengan laundry kiloan, warung makan, katering rumahan, ' +
      'konveksi kecil, dan toko kelontong di gang-gang sempit.',
    host: { since: '2026-06-15', agreement: MOU },
    contacts: ['Tri Rahayu Ningsih', 'Bambang Hermawan', 'Ratna Kusumawati'],
    potentials: [
      [
        'laundry',
        'laundry.laundry',
        'Laundry kiloan: lebih dari 30 usaha melayani rumah kos dan keluarga pekerja.',
        4,
        PKK_SURVEY,
      ],
      ['food', 'food.catering', 'Warung makan dan katering nasi kotak rumahan.', 4, MUSRENBANG],
      [
        'garment',
        'garment.sewing',
        'Konveksi dan penjahit rumahan: kaos, seragam, dan permak.',
        4,
        PROFILE_2025,
      ],
      ['retail', 'retail.selling', 'Toko kelontong dan pedagang kaki lima di gang padat.', 3, PKK_SURVEY],
    ],
    needs: [
      ['laundry', 'laundry.laundry', 'labour_demand', 'Tenaga cuci-setrika di usaha laundry kiloan.', 20, []],
      [
        'food',
        'food.catering',
        'labour_demand',
        'Tenaga dapur katering untuk pesanan hajatan dan takjil Ramadan.',
        25,
        [...LEBARAN],
      ],
      [
        'garment',
        'garment.sewing',
        'labour_demand',
        'Penjahit menjelang tahun ajaran baru (seragam sekolah).',
        15,
        [...SCHOOL_YEAR],
      ],
      [
        'beauty',
        'beauty.hair',
        'service_needed',
        'Salon murah dan potong rambut anak di dalam kampung.',
        null,
        [],
      ],
    ],
    facilities: [
      [
        'training_venue',
        'Balai Kelurahan Krobokan',
        'Kantor Kelurahan Krobokan',
        80,
        'Aula lantai 2; dipakai untuk pelatihan menjahit dan tata boga.',
      ],
      ['community_hub', 'Ruang PKK Kelurahan Krobokan', 'Kantor Kelurahan Krobokan', 25, null],
      [
        'market_stall',
        'Kios UMKM Kelurahan Krobokan',
        'Halaman Kantor Kelurahan Krobokan',
        6,
        'Enam kios bergilir.',
      ],
    ],
  },
  {
    name: 'Tawangsari',
    lurah: 'Bayu Kurniawan',
    population: 7_400,
    areaKm2: 1.35,
    latitude: -6.9612,
    longitude: 110.3852,
    description:
      'Kelurahan di utara dekat pesisir dan kawasan Marina: perumahan, warung makanan laut, dan usaha rias ' +
      'pengantin serta persewaan busana.',
    host: null,
    contacts: ['Ahmad Fauzi', 'Wiwik Sulistyani', 'Margaretha Ninik'],
    potentials: [
      ['beauty', 'beauty.bridal', 'Usaha rias pengantin dan persewaan busana pengantin.', 3, PKK_SURVEY],
      ['food', 'food.cooking', 'Warung makanan laut dekat kawasan Marina.', 3, MUSRENBANG],
    ],
    needs: [
      [
        'beauty',
        'beauty.bridal',
        'labour_demand',
        'Asisten perias pengantin pada musim hajatan.',
        10,
        [...WEDDINGS],
      ],
      [
        'food',
        'food.cooking',
        'labour_demand',
        'Juru masak dan pramusaji warung makanan laut saat libur.',
        12,
        [...YEAR_END],
      ],
    ],
    facilities: [['training_venue', 'Balai Kelurahan Tawangsari', 'Kantor Kelurahan Tawangsari', 50, null]],
  },
  {
    name: 'Tawangmas',
    lurah: 'Margaretha Sri Lestari',
    population: 9_900,
    areaKm2: 1.68,
    latitude: -6.9641,
    longitude: 110.3979,
    description:
      'Perumahan dan perkantoran di utara; permintaan jasa kebersihan, laundry, dan katering harian tinggi.',
    host: null,
    contacts: ['Yosef Hartono', 'Nunik Widayati', 'Veronika Sri Murni'],
    potentials: [
      [
        'laundry',
        'laundry.cleaning',
        'Permintaan jasa kebersihan dan asisten rumah tangga di perumahan dan perkantoran.',
        4,
        PROFILE_2025,
      ],
      ['laundry', 'laundry.laundry', 'Laundry antar-jemput untuk keluarga di perumahan.', 3, PKK_SURVEY],
    ],
    needs: [
      [
        'laundry',
        'laundry.cleaning',
        'labour_demand',
        'Tenaga kebersihan perkantoran dan perumahan.',
        30,
        [],
      ],
      [
        'food',
        'food.catering',
        'service_needed',
        'Katering harian untuk keluarga di perumahan (pelanggan).',
        150,
        [],
      ],
    ],
    facilities: [
      ['training_venue', 'Balai Kelurahan Tawangmas', 'Kantor Kelurahan Tawangmas', 50, null],
      ['community_hub', 'Ruang serbaguna RW 07', 'RW 07, Tawangmas', 40, null],
    ],
  },
  {
    name: 'Kembangarum',
    lurah: 'Suryo Handoko',
    population: 8_600,
    areaKm2: 1.53,
    latitude: -6.9942,
    longitude: 110.3702,
    description:
      'Sentra industri kecil mebel: bengkel kayu, finishing, anyaman, dan pelapis jok. Griya Abhipraya Bapas ' +
      'Semarang bersama Pokmas Lipas setempat menjadi tempat klien bekerja dan wajib lapor.',
    host: { since: '2026-08-03', agreement: MOU_ADDENDUM },
    contacts: ['Sutopo', 'Rini Astuti', 'Kasmini'],
    potentials: [
      [
        'craft',
        'craft.handicraft',
        'Sentra industri kecil mebel: bengkel kayu, finishing, anyaman rotan, dan pelapis jok.',
        4,
        PROFILE_2025,
      ],
      ['garment', 'garment.sewing', 'Penjahit jok dan gorden yang melayani bengkel mebel.', 3, PKK_SURVEY],
      ['urban_farming', null, 'Kampung tematik tanaman hias.', 2, MUSRENBANG],
    ],
    needs: [
      [
        'craft',
        'craft.handicraft',
        'labour_demand',
        'Tenaga finishing (amplas, pelitur) dan anyaman di bengkel mebel.',
        25,
        [],
      ],
      [
        'craft',
        'craft.handicraft',
        'market',
        'Kerajinan dari kayu sisa produksi (talenan, hiasan dinding) untuk pameran akhir tahun.',
        2_000,
        [11, 12],
      ],
    ],
    facilities: [
      ['training_venue', 'Balai Kelurahan Kembangarum', 'Kantor Kelurahan Kembangarum', 60, null],
      [
        'community_hub',
        'Griya Abhipraya Kembangarum',
        'RW 04, Kembangarum',
        20,
        'Rumah kerja binaan Bapas Semarang bersama Pokmas Lipas: klien bekerja, berlatih, dan wajib lapor.',
      ],
      ['training_venue', 'Bengkel kerja bersama sentra mebel', 'RW 06, Kembangarum', 10, null],
    ],
  },
];

// ── the partners ─────────────────────────────────────────────────────────────────────────────────

type Willing = 'yes' | 'case_by_case' | 'no' | 'unknown';

/** What the partner profile says; the organization (name, address, phone, contacts) is the organization's. */
interface PartnerProfilePlan {
  key: string;
  type: PartnerTypeValue;
  sectors: readonly Sector[];
  village: Kelurahan | null;
  description: string;
  willing: Willing;
  willingnessNote: string | null;
  /** PKS with LPP Semarang: its serial, signed this many days before the seeding day, for this many years. */
  pks: { serial: number; signedDaysAgo: number; years: number } | null;
  createdBy: DemoUser;
}

/** A partner this seed creates: its organization too. */
interface PartnerPlan extends PartnerProfilePlan {
  name: string;
  shortName: string | null;
  address: string;
  /** The office line: a landline (024-76…) for companies and offices; else the first contact's mobile. */
  landline: boolean;
  contacts: ReadonlyArray<readonly [name: string, position: string]>;
}

/**
 * The profiles of the two partners whose organizations demo.ts and demo-training.ts insert: the demo partner
 * (`mitra`) and the BLK (`instruktur`).
 */
const EXISTING_PARTNER_PROFILES: readonly PartnerProfilePlan[] = [
  {
    key: 'demo',
    type: 'umkm',
    sectors: ['garment'],
    village: 'Krobokan',
    description:
      'Konveksi rumahan dengan 12 mesin jahit: kaos, seragam sekolah, dan pesanan kantor. Menerima magang dan ' +
      'penjahit borongan yang dikerjakan di rumah.',
    willing: 'yes',
    willingnessNote:
      'Pemilik pernah mempekerjakan dua klien Bapas; bersedia menerima lulusan pelatihan menjahit.',
    pks: { serial: 14, signedDaysAgo: 150, years: 2 },
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'blk',
    type: 'training_provider',
    sectors: ['garment', 'beauty', 'food', 'administration'],
    village: null,
    description:
      'Balai Latihan Kerja milik Pemerintah Kota Semarang: pelatihan berbasis kompetensi sekitar dua bulan ' +
      '(menjahit, tata rias, tata boga, komputer) dan uji kompetensi bersama LSP. Melatih di dalam Lapas dan ' +
      'menyediakan kuota pelatihan lanjutan setelah bebas.',
    willing: 'case_by_case',
    willingnessNote: 'Bukan pemberi kerja; menyalurkan lulusan ke bursa kerja Disnaker.',
    pks: { serial: 3, signedDaysAgo: 200, years: 3 },
    createdBy: 'kecamatan',
  },
];

/** The partners this seed creates, organization and profile. */
export const DEMO_PARTNERS: readonly PartnerPlan[] = [
  {
    key: 'catering',
    name: 'Katering Sekar Rasa (mitra demo)',
    shortName: 'Katering Sekar Rasa',
    type: 'umkm',
    sectors: ['food'],
    village: 'Krobokan',
    address: 'Jl. Krobokan Raya Gg. III No. 17, Krobokan, Semarang Barat',
    landline: false,
    contacts: [
      ['Ratih Kusumastuti', 'Pemilik'],
      ['Sri Utami', 'Kepala dapur'],
    ],
    description:
      'Katering nasi kotak dan prasmanan untuk hajatan, kantor, dan takjil Ramadan; dapur produksi 300–500 ' +
      'porsi per hari.',
    willing: 'yes',
    willingnessNote:
      'Mengutamakan perempuan; jam kerja pagi bisa diatur untuk ibu yang mengantar anak sekolah.',
    pks: { serial: 21, signedDaysAgo: 120, years: 2 },
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'garmindo',
    name: 'PT Simongan Garmindo Jaya',
    shortName: 'Simongan Garmindo',
    type: 'company',
    sectors: ['garment'],
    village: 'Ngemplak Simongan',
    address: 'Kawasan Industri Simongan, Jl. Simongan No. 88, Ngemplak Simongan',
    landline: true,
    contacts: [
      ['Dian Kartikasari', 'HRD'],
      ['Yusuf Hermawan', 'Kepala produksi'],
    ],
    description:
      'Pabrik garmen orientasi ekspor (kemeja dan celana kerja), sekitar 1.400 karyawan dalam tiga lini jahit; ' +
      'kerja bergilir (shift).',
    willing: 'case_by_case',
    willingnessNote:
      'Menerima setelah wawancara dan tes jahit; tidak menerima untuk bagian gudang dan keuangan.',
    pks: { serial: 9, signedDaysAgo: 140, years: 2 },
    createdBy: 'kecamatan',
  },
  {
    key: 'saribogo',
    name: 'PT Sari Boga Simongan',
    shortName: 'Sari Boga Simongan',
    type: 'company',
    sectors: ['food'],
    village: 'Ngemplak Simongan',
    address: 'Kawasan Industri Simongan, Jl. Simongan No. 120, Ngemplak Simongan',
    landline: true,
    contacts: [['Nanik Suryaningsih', 'HRD']],
    description:
      'Pabrik makanan ringan (biskuit dan keripik) dengan bagian produksi, pengemasan, dan sanitasi.',
    willing: 'case_by_case',
    willingnessNote: 'Melihat rekomendasi PK Bapas dan hasil pelatihan.',
    pks: { serial: 11, signedDaysAgo: 110, years: 2 },
    createdBy: 'kecamatan',
  },
  {
    key: 'mebel',
    name: 'CV Sinar Mebel Kembangarum',
    shortName: 'Sinar Mebel',
    type: 'umkm',
    sectors: ['craft'],
    village: 'Kembangarum',
    address: 'Jl. Kembangarum Raya No. 45, Kembangarum',
    landline: true,
    contacts: [['Slamet Widodo', 'Pemilik']],
    description:
      'Bengkel mebel jati dan mahoni: kursi, meja, lemari; bagian finishing, anyaman rotan, dan jok.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'laundry',
    name: 'Laundry Kiloan Bersih Wangi',
    shortName: null,
    type: 'umkm',
    sectors: ['laundry'],
    village: 'Krobokan',
    address: 'Jl. Krobokan Gg. VII No. 4, Krobokan',
    landline: false,
    contacts: [['Mulyani', 'Pemilik']],
    description: 'Laundry kiloan dan satuan dengan empat mesin cuci; melayani rumah kos dan hotel melati.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'warung',
    name: 'Warung Makan Bu Sastro',
    shortName: null,
    type: 'umkm',
    sectors: ['food'],
    village: 'Bongsari',
    address: 'Jl. Simongan, dekat pintu masuk Sam Poo Kong, Bongsari',
    landline: false,
    contacts: [['Sastro Wiyono', 'Pemilik']],
    description: 'Warung makan masakan Jawa untuk wisatawan dan pekerja; ramai saat libur dan Imlek.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'batik',
    name: 'Batik Semarangan Sekar Kinasih',
    shortName: 'Sekar Kinasih',
    type: 'umkm',
    sectors: ['batik', 'craft'],
    village: 'Bongsari',
    address: 'RW 04, Bongsari (galeri di kawasan Sam Poo Kong)',
    landline: false,
    contacts: [['Kinasih Rahayu', 'Pemilik']],
    description:
      'Perajin batik tulis dan cap motif Semarangan (asem, burung kuntul, warak) dengan galeri suvenir dekat ' +
      'Sam Poo Kong; bekerja sama dengan galeri "Pramesti" LPP Semarang.',
    willing: 'yes',
    willingnessNote: 'Pembatik dapat mengerjakan di rumah dengan sistem borongan.',
    pks: { serial: 17, signedDaysAgo: 95, years: 2 },
    createdBy: 'kecamatan',
  },
  {
    key: 'oleh',
    name: 'Pusat Oleh-oleh Simongan Asri',
    shortName: null,
    type: 'umkm',
    sectors: ['retail', 'food'],
    village: 'Bongsari',
    address: 'Jl. Simongan No. 9, Bongsari',
    landline: true,
    contacts: [['Handoko Gunawan', 'Pemilik']],
    description: 'Toko oleh-oleh khas Semarang (bandeng presto, wingko, lumpia beku) untuk wisatawan.',
    willing: 'case_by_case',
    willingnessNote: 'Bagian kasir setelah masa percobaan.',
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'salon',
    name: 'Salon Ayu Larasati',
    shortName: null,
    type: 'umkm',
    sectors: ['beauty'],
    village: 'Gisikdrono',
    address: 'Jl. Gisikdrono Raya No. 31, Gisikdrono',
    landline: false,
    contacts: [['Larasati Dewi', 'Pemilik']],
    description: 'Salon keluarga: potong rambut, creambath, facial, dan rias sederhana.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'rias',
    name: 'Rias Pengantin Dewi Sri',
    shortName: null,
    type: 'umkm',
    sectors: ['beauty'],
    village: 'Tawangsari',
    address: 'Perumahan Tawangsari Asri Blok C-12, Tawangsari',
    landline: false,
    contacts: [['Sri Hartini', 'Perias utama']],
    description:
      'Rias pengantin adat Jawa dan modern serta persewaan busana; 8–15 acara per bulan pada musim hajatan.',
    willing: 'case_by_case',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'seragam',
    name: 'Konveksi Seragam Rapi Jaya',
    shortName: 'Rapi Jaya',
    type: 'umkm',
    sectors: ['garment'],
    village: 'Salamanmloyo',
    address: 'Jl. Salamanmloyo No. 27, Salamanmloyo',
    landline: false,
    contacts: [['Sugiarto', 'Pemilik']],
    description: 'Konveksi seragam sekolah dan kantor; puncak pesanan Mei–Juli.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'payet',
    name: 'Bordir dan Payet Lestari',
    shortName: null,
    type: 'umkm',
    sectors: ['garment', 'craft'],
    village: 'Cabean',
    address: 'RT 02 RW 01, Cabean',
    landline: false,
    contacts: [['Lestari Handayani', 'Ketua kelompok']],
    description: 'Kelompok pemasang payet dan bordir untuk kebaya dan mukena; pekerjaan dibawa pulang.',
    willing: 'yes',
    willingnessNote: 'Cocok untuk ibu dengan anak kecil: bahan diantar, upah per potong.',
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'kopwan',
    name: 'Koperasi Wanita Srikandi Barat',
    shortName: 'Kopwan Srikandi Barat',
    type: 'cooperative',
    sectors: ['retail', 'food'],
    village: 'Manyaran',
    address: 'Balai RW 05, Manyaran',
    landline: false,
    contacts: [
      ['Sri Mulyaningsih', 'Ketua'],
      ['Anik Widyaningrum', 'Bendahara'],
    ],
    description:
      'Koperasi simpan pinjam dan pemasaran produk anggota (kue kering, sayur hidroponik, pakaian) dengan 180 anggota.',
    willing: 'yes',
    willingnessNote: null,
    pks: { serial: 19, signedDaysAgo: 100, years: 2 },
    createdBy: 'kecamatan',
  },
  {
    key: 'hidroponik',
    name: 'Kebun Hidroponik Ijo Royo',
    shortName: null,
    type: 'umkm',
    sectors: ['urban_farming'],
    village: 'Manyaran',
    address: 'RW 05, Manyaran',
    landline: false,
    contacts: [['Nur Cahyono', 'Pengelola']],
    description:
      'Kebun sayur hidroponik (selada, pakcoy, kangkung) yang memasok katering dan warung sekitar.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'mekarsari',
    name: 'Koperasi Wanita Mekar Sari Tambakharjo',
    shortName: 'Kopwan Mekar Sari',
    type: 'cooperative',
    sectors: ['food', 'retail'],
    village: 'Tambakharjo',
    address: 'RW 02, Tambakharjo',
    landline: false,
    contacts: [['Siti Zulaikha', 'Ketua']],
    description:
      'Koperasi pengolah bandeng presto dan otak-otak; memasok toko oleh-oleh dan lapak Pantai Maron.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'hotel',
    name: 'Hotel Puri Pesisir Marina',
    shortName: null,
    type: 'company',
    sectors: ['hospitality', 'laundry'],
    village: 'Tambakharjo',
    address: 'Jl. Pesisir Marina No. 3, Tambakharjo',
    landline: true,
    contacts: [['Agnes Permatasari', 'Manajer tata graha']],
    description: 'Hotel 60 kamar dan gedung pertemuan dekat Puri Maerokoco dan Pantai Marina.',
    willing: 'case_by_case',
    willingnessNote: 'Posisi yang memegang kunci kamar setelah masa percobaan tiga bulan.',
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'cleaning',
    name: 'CV Cahaya Bersih Tawangmas',
    shortName: 'Cahaya Bersih',
    type: 'company',
    sectors: ['laundry'],
    village: 'Tawangmas',
    address: 'Jl. Tawangmas Raya No. 14, Tawangmas',
    landline: true,
    contacts: [['Robertus Sugeng', 'Koordinator lapangan']],
    description: 'Penyedia jasa kebersihan (cleaning service) untuk perkantoran, sekolah, dan perumahan.',
    willing: 'yes',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'dapur',
    name: 'Dapur Nusantara Kalibanteng',
    shortName: null,
    type: 'umkm',
    sectors: ['food'],
    village: 'Kalibanteng Kulon',
    address: 'Jl. Kalibanteng Kulon No. 60, Kalibanteng Kulon',
    landline: true,
    contacts: [['Wahyuningsih', 'Pemilik']],
    description: 'Katering karyawan bandara dan dapur makan siang sekolah dasar di Semarang Barat.',
    willing: 'case_by_case',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'pokmas',
    name: 'Pokmas Lipas Kembang Arum Mandiri',
    shortName: 'Pokmas Kembang Arum',
    type: 'pokmas_lipas',
    sectors: ['craft', 'food', 'garment'],
    village: 'Kembangarum',
    address: 'Griya Abhipraya Kembangarum, RW 04, Kembangarum',
    landline: false,
    contacts: [
      ['Paulus Widiyanto', 'Ketua'],
      ['Suwarni', 'Sekretaris'],
    ],
    description:
      'Kelompok masyarakat peduli pemasyarakatan: mendampingi klien Bapas di Griya Abhipraya, usaha bersama ' +
      'kerajinan kayu, jahit, dan kue.',
    willing: 'yes',
    willingnessNote: null,
    pks: { serial: 6, signedDaysAgo: 160, years: 3 },
    createdBy: 'kecamatan',
  },
  {
    key: 'berdaya',
    name: 'Yayasan Perempuan Berdaya Semarang',
    shortName: 'YPB Semarang',
    type: 'ngo',
    sectors: ['retail', 'administration'],
    village: null,
    address: 'Jl. Puspowarno Tengah No. 8, Kota Semarang',
    landline: true,
    contacts: [['Fransiska Ayu Lestari', 'Koordinator program']],
    description:
      'Lembaga pendamping perempuan kepala keluarga: kelas usaha, pembukuan, dan akses permodalan.',
    willing: 'unknown',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'langkah',
    name: 'Yayasan Langkah Baru Semarang',
    shortName: null,
    type: 'ngo',
    sectors: ['other'],
    village: null,
    address: 'Kota Semarang',
    landline: false,
    contacts: [['Andreas Kurniawan', 'Direktur']],
    description: 'Pendampingan psikososial dan kelompok dukungan sebaya bagi mantan warga binaan.',
    willing: 'unknown',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'disnaker',
    name: 'Dinas Tenaga Kerja Kota Semarang',
    shortName: 'Disnaker Kota Semarang',
    type: 'government_office',
    sectors: ['garment', 'food', 'beauty', 'administration'],
    village: null,
    address: 'Kota Semarang',
    landline: true,
    contacts: [['Bidang Pelatihan dan Produktivitas', 'Kepala seksi']],
    description: 'Bursa kerja, pelatihan melalui BLK, dan bantuan sarana usaha Tenaga Kerja Mandiri (TKM).',
    willing: 'no',
    willingnessNote: 'Instansi pemerintah: tidak merekrut, menyalurkan ke perusahaan dan program TKM.',
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'dinkop',
    name: 'Dinas Koperasi dan UMKM Kota Semarang',
    shortName: 'Dinkop UMKM Kota Semarang',
    type: 'government_office',
    sectors: ['food', 'garment', 'retail', 'craft'],
    village: null,
    address: 'Kota Semarang',
    landline: true,
    contacts: [['Bidang Pemberdayaan Usaha Mikro', 'Kepala bidang']],
    description: 'Pendampingan usaha mikro, NIB dan sertifikat halal, serta bantuan peralatan usaha.',
    willing: 'no',
    willingnessNote: 'Instansi pemerintah: memberi bantuan usaha, bukan lowongan kerja.',
    pks: null,
    createdBy: 'kecamatan',
  },
  {
    key: 'disperindag',
    name: 'Dinas Perdagangan Kota Semarang',
    shortName: 'Disdag Kota Semarang',
    type: 'government_office',
    sectors: ['retail', 'food'],
    village: null,
    address: 'Kota Semarang',
    landline: true,
    contacts: [['UPTD Pasar Karangayu', 'Kepala UPTD']],
    description: 'Pengelola pasar tradisional: kios dan los bersewa ringan untuk pedagang pemula.',
    willing: 'no',
    willingnessNote: null,
    pks: null,
    createdBy: 'kecamatan',
  },
];

// ── the opportunities ────────────────────────────────────────────────────────────────────────────

type PayPeriod = 'month' | 'week' | 'day' | 'piece' | 'one_off';
type OpportunityStatus = 'draft' | 'open' | 'filled' | 'closed';

interface OpportunityPlan {
  key: string;
  partner: string;
  village: Kelurahan;
  kind: OpportunityKindValue;
  title: string;
  description: string;
  sector: Sector;
  location: string;
  places: number;
  /** Days from the seeding day: start, and the closing date (null: open until filled). */
  start: number;
  closes: number | null;
  hoursPerWeek: number | null;
  workHours: string | null;
  shiftWork?: boolean;
  partTime?: boolean;
  flexible?: boolean;
  pay: readonly [min: number, max: number, period: PayPeriod] | null;
  openToAsimilasi?: boolean;
  skills: ReadonlyArray<readonly [code: string, minLevel: SkillLevelValue, essential: boolean]>;
  status: OpportunityStatus;
  statusReason?: string;
  createdBy: DemoUser;
  restriction?: { offences: readonly Offence[]; note: string; reviewed: boolean };
}

/** UMK Kota Semarang 2026, rounded: the monthly minimum wage the pay ranges are set around. */
export const DEMO_UMK = 3_455_000;

export const DEMO_OPPORTUNITIES: readonly OpportunityPlan[] = [
  // Konveksi Maju Bersama (the demo partner, Krobokan)
  {
    key: 'kmb-penjahit',
    partner: 'demo',
    village: 'Krobokan',
    kind: 'job_vacancy',
    title: 'Penjahit produksi (jahit lurus dan obras)',
    description:
      'Menjahit kaos dan seragam di lini kecil 12 mesin; target harian disesuaikan masa percobaan.',
    sector: 'garment',
    location: 'Workshop Konveksi Maju Bersama, Krobokan',
    places: 3,
    start: -30,
    closes: 45,
    hoursPerWeek: 40,
    workHours: '08.00–16.00, Senin–Sabtu',
    pay: [2_800_000, DEMO_UMK, 'month'],
    skills: [
      ['garment.sewing', 'intermediate', true],
      ['garment.fashion', 'basic', false],
    ],
    status: 'open',
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'kmb-magang',
    partner: 'demo',
    village: 'Krobokan',
    kind: 'apprenticeship',
    title: 'Magang jahit seragam sekolah',
    description:
      'Magang tiga bulan di bagian jahit seragam; uang saku harian. Bisa dijalani peserta asimilasi dengan ' +
      'pengawalan dari Lapas.',
    sector: 'garment',
    location: 'Workshop Konveksi Maju Bersama, Krobokan',
    places: 1,
    start: -21,
    closes: 10,
    hoursPerWeek: 25,
    workHours: '08.00–13.00, Senin–Jumat',
    partTime: true,
    pay: [60_000, 75_000, 'day'],
    openToAsimilasi: true,
    skills: [['garment.sewing', 'basic', true]],
    status: 'filled',
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'kmb-borongan',
    partner: 'demo',
    village: 'Krobokan',
    kind: 'job_vacancy',
    title: 'Penjahit borongan di rumah (bahan disediakan)',
    description:
      'Bahan potongan diantar dan dijemput; upah per potong. Cocok untuk ibu yang bekerja dari rumah.',
    sector: 'garment',
    location: 'Di rumah masing-masing (wilayah Krobokan dan sekitarnya)',
    places: 4,
    start: 20,
    closes: 50,
    hoursPerWeek: null,
    workHours: 'Bebas, setoran dua kali seminggu',
    partTime: true,
    flexible: true,
    pay: [3_500, 6_000, 'piece'],
    skills: [['garment.sewing', 'intermediate', true]],
    status: 'draft',
    createdBy: 'mitra',
  },
  {
    key: 'kmb-cutting',
    partner: 'demo',
    village: 'Krobokan',
    kind: 'job_vacancy',
    title: 'Asisten potong kain (cutting)',
    description: 'Membantu menggelar, menandai pola, dan memotong kain untuk lini jahit.',
    sector: 'garment',
    location: 'Workshop Konveksi Maju Bersama, Krobokan',
    places: 1,
    start: 35,
    closes: 65,
    hoursPerWeek: 40,
    workHours: '08.00–16.00, Senin–Sabtu',
    pay: [2_400_000, 2_900_000, 'month'],
    skills: [['garment.fashion', 'basic', true]],
    status: 'draft',
    createdBy: 'mitra',
  },
  // Katering Sekar Rasa (the second demo partner, Krobokan)
  {
    key: 'ksr-magang',
    partner: 'catering',
    village: 'Krobokan',
    kind: 'apprenticeship',
    title: 'Magang dapur katering nasi kotak',
    description:
      'Magang dua bulan: persiapan bahan, memasak lauk, dan mengemas nasi kotak sesuai standar higiene.',
    sector: 'food',
    location: 'Dapur Katering Sekar Rasa, Krobokan',
    places: 1,
    start: -28,
    closes: -7,
    hoursPerWeek: 30,
    workHours: '05.00–10.00, Senin–Sabtu',
    partTime: true,
    pay: [70_000, 85_000, 'day'],
    skills: [
      ['food.cooking', 'basic', true],
      ['food.catering', 'basic', false],
    ],
    status: 'filled',
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'ksr-juru-masak',
    partner: 'catering',
    village: 'Krobokan',
    kind: 'job_vacancy',
    title: 'Juru masak katering (pesanan harian)',
    description: 'Memasak menu rumahan untuk 300–500 porsi per hari bersama kepala dapur.',
    sector: 'food',
    location: 'Dapur Katering Sekar Rasa, Krobokan',
    places: 2,
    start: -10,
    closes: 40,
    hoursPerWeek: 42,
    workHours: '05.00–12.00, Senin–Sabtu',
    pay: [2_800_000, DEMO_UMK, 'month'],
    skills: [
      ['food.cooking', 'intermediate', true],
      ['food.catering', 'basic', true],
    ],
    status: 'open',
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'ksr-pengemas',
    partner: 'catering',
    village: 'Krobokan',
    kind: 'job_vacancy',
    title: 'Tenaga pengemas nasi kotak (pesanan hajatan)',
    description: 'Mengemas nasi kotak dan snack box pada hari ramai; dipanggil sesuai pesanan.',
    sector: 'food',
    location: 'Dapur Katering Sekar Rasa, Krobokan',
    places: 3,
    start: 45,
    closes: 75,
    hoursPerWeek: 15,
    workHours: 'Sesuai pesanan, biasanya 04.00–09.00',
    partTime: true,
    flexible: true,
    pay: [75_000, 90_000, 'day'],
    skills: [['food.catering', 'basic', true]],
    status: 'draft',
    createdBy: 'mitra.katering',
  },
  {
    key: 'ksr-takjil',
    partner: 'catering',
    village: 'Krobokan',
    kind: 'market_access',
    title: 'Titip jual kue dan takjil di outlet Sekar Rasa',
    description: 'Produk kue rumahan peserta dititipkan di etalase katering; bagi hasil 80:20.',
    sector: 'food',
    location: 'Outlet Katering Sekar Rasa, Krobokan',
    places: 5,
    start: 60,
    closes: 120,
    hoursPerWeek: null,
    workHours: null,
    flexible: true,
    pay: null,
    skills: [['food.baking', 'basic', false]],
    status: 'open',
    createdBy: 'kelurahan.krobokan',
  },
  // PT Simongan Garmindo Jaya (Ngemplak Simongan)
  {
    key: 'sgj-operator',
    partner: 'garmindo',
    village: 'Ngemplak Simongan',
    kind: 'job_vacancy',
    title: 'Operator mesin jahit lini produksi',
    description:
      'Operator jahit kemeja dan celana kerja untuk pesanan ekspor; kontrak 6 bulan dapat diperpanjang.',
    sector: 'garment',
    location: 'Kawasan Industri Simongan, Ngemplak Simongan',
    places: 10,
    start: -60,
    closes: 30,
    hoursPerWeek: 40,
    workHours: 'Shift pagi 07.00–15.00 atau siang 15.00–23.00',
    shiftWork: true,
    pay: [DEMO_UMK, 3_800_000, 'month'],
    skills: [['garment.sewing', 'competent', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'sgj-qc',
    partner: 'garmindo',
    village: 'Ngemplak Simongan',
    kind: 'job_vacancy',
    title: 'Quality control dan finishing (buang benang, lipat, kemas)',
    description: 'Memeriksa hasil jahitan, membuang benang, melipat, dan mengemas sesuai standar pembeli.',
    sector: 'garment',
    location: 'Kawasan Industri Simongan, Ngemplak Simongan',
    places: 6,
    start: 14,
    closes: 45,
    hoursPerWeek: 40,
    workHours: 'Shift pagi 07.00–15.00',
    shiftWork: true,
    pay: [DEMO_UMK, 3_600_000, 'month'],
    skills: [['garment.sewing', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // PT Sari Boga Simongan (Ngemplak Simongan)
  {
    key: 'sbs-produksi',
    partner: 'saribogo',
    village: 'Ngemplak Simongan',
    kind: 'job_vacancy',
    title: 'Karyawan produksi makanan ringan (harian lepas)',
    description:
      'Mencetak, memanggang, dan menimbang biskuit di lini produksi; harian lepas dengan peluang kontrak.',
    sector: 'food',
    location: 'Kawasan Industri Simongan, Ngemplak Simongan',
    places: 8,
    start: -20,
    closes: 25,
    hoursPerWeek: 40,
    workHours: 'Tiga shift bergilir',
    shiftWork: true,
    pay: [125_000, 140_000, 'day'],
    skills: [['food.baking', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'sbs-packing',
    partner: 'saribogo',
    village: 'Ngemplak Simongan',
    kind: 'job_vacancy',
    title: 'Tenaga pengemasan (kontrak 6 bulan)',
    description: 'Mengemas dan memberi label produk keripik.',
    sector: 'food',
    location: 'Kawasan Industri Simongan, Ngemplak Simongan',
    places: 5,
    start: -55,
    closes: -20,
    hoursPerWeek: 40,
    workHours: 'Shift pagi 07.00–15.00',
    shiftWork: true,
    pay: [DEMO_UMK, DEMO_UMK, 'month'],
    skills: [['food.catering', 'basic', true]],
    status: 'closed',
    statusReason: 'Kebutuhan tenaga sudah terpenuhi dari pelamar umum.',
    createdBy: 'kecamatan',
  },
  {
    key: 'sbs-sanitasi',
    partner: 'saribogo',
    village: 'Ngemplak Simongan',
    kind: 'job_vacancy',
    title: 'Petugas sanitasi dan kebersihan pabrik',
    description: 'Membersihkan area produksi dan peralatan sesuai jadwal sanitasi pabrik makanan.',
    sector: 'laundry',
    location: 'Kawasan Industri Simongan, Ngemplak Simongan',
    places: 2,
    start: 7,
    closes: 37,
    hoursPerWeek: 40,
    workHours: 'Shift siang 14.00–22.00',
    shiftWork: true,
    pay: [DEMO_UMK, DEMO_UMK, 'month'],
    skills: [['laundry.cleaning', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // CV Sinar Mebel Kembangarum (the furniture cluster)
  {
    key: 'mebel-finishing',
    partner: 'mebel',
    village: 'Kembangarum',
    kind: 'job_vacancy',
    title: 'Tenaga finishing mebel (amplas dan pelitur)',
    description: 'Mengamplas, mendempul, dan memelitur kursi serta meja sebelum dikirim.',
    sector: 'craft',
    location: 'Bengkel CV Sinar Mebel, Kembangarum',
    places: 3,
    start: -25,
    closes: 35,
    hoursPerWeek: 40,
    workHours: '08.00–16.00, Senin–Sabtu',
    pay: [2_700_000, 3_200_000, 'month'],
    skills: [['craft.handicraft', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'mebel-anyam',
    partner: 'mebel',
    village: 'Kembangarum',
    kind: 'apprenticeship',
    title: 'Magang anyaman rotan dan pelapis jok',
    description: 'Belajar menganyam dudukan kursi rotan dan menjahit pelapis jok bersama perajin senior.',
    sector: 'craft',
    location: 'Bengkel CV Sinar Mebel, Kembangarum',
    places: 2,
    start: 30,
    closes: 60,
    hoursPerWeek: 24,
    workHours: '08.00–12.00, Senin–Sabtu',
    partTime: true,
    pay: [60_000, 70_000, 'day'],
    skills: [
      ['craft.handicraft', 'basic', true],
      ['garment.sewing', 'basic', false],
    ],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Laundry Kiloan Bersih Wangi (Krobokan)
  {
    key: 'laundry-operator',
    partner: 'laundry',
    village: 'Krobokan',
    kind: 'job_vacancy',
    title: 'Operator laundry kiloan (cuci, setrika, lipat)',
    description: 'Menerima cucian, mengoperasikan mesin cuci dan pengering, menyetrika, dan mengemas.',
    sector: 'laundry',
    location: 'Laundry Bersih Wangi, Krobokan',
    places: 1,
    start: -35,
    closes: 20,
    hoursPerWeek: 42,
    workHours: 'Shift pagi 07.00–14.00 atau sore 14.00–21.00',
    shiftWork: true,
    pay: [2_500_000, 3_000_000, 'month'],
    skills: [['laundry.laundry', 'intermediate', true]],
    status: 'open',
    createdBy: 'kelurahan.krobokan',
  },
  {
    key: 'laundry-mentor',
    partner: 'laundry',
    village: 'Krobokan',
    kind: 'business_mentoring',
    title: 'Pendampingan membuka laundry kiloan rumahan',
    description:
      'Tiga bulan pendampingan: hitung modal, harga per kilo, dan pelanggan pertama; bisa jadi agen.',
    sector: 'laundry',
    location: 'Laundry Bersih Wangi dan rumah peserta',
    places: 3,
    start: 45,
    closes: 75,
    hoursPerWeek: 4,
    workHours: 'Sabtu pagi',
    partTime: true,
    flexible: true,
    pay: null,
    skills: [['laundry.laundry', 'basic', false]],
    status: 'open',
    createdBy: 'kelurahan.krobokan',
  },
  // Warung Makan Bu Sastro (Bongsari)
  {
    key: 'warung-pramusaji',
    partner: 'warung',
    village: 'Bongsari',
    kind: 'job_vacancy',
    title: 'Pramusaji dan juru masak warung dekat Sam Poo Kong',
    description: 'Melayani tamu dan membantu memasak; ramai pada akhir pekan, libur sekolah, dan Imlek.',
    sector: 'food',
    location: 'Warung Makan Bu Sastro, Bongsari',
    places: 2,
    start: -15,
    closes: 30,
    hoursPerWeek: 30,
    workHours: '10.00–16.00, libur bergilir',
    partTime: true,
    pay: [80_000, 100_000, 'day'],
    skills: [['food.cooking', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Batik Semarangan Sekar Kinasih (Bongsari)
  {
    key: 'batik-pembatik',
    partner: 'batik',
    village: 'Bongsari',
    kind: 'job_vacancy',
    title: 'Pembatik tulis motif Semarangan (borongan)',
    description:
      'Mencanting kain motif Semarangan di galeri atau di rumah; upah per lembar sesuai kerumitan.',
    sector: 'batik',
    location: 'Galeri Sekar Kinasih, Bongsari',
    places: 3,
    start: -40,
    closes: 20,
    hoursPerWeek: null,
    workHours: 'Bebas; galeri buka 09.00–17.00',
    partTime: true,
    flexible: true,
    pay: [75_000, 250_000, 'piece'],
    openToAsimilasi: true,
    skills: [
      ['batik.written', 'intermediate', true],
      ['batik.stamped', 'basic', false],
    ],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'batik-galeri',
    partner: 'batik',
    village: 'Bongsari',
    kind: 'market_access',
    title: 'Titip jual batik dan suvenir di galeri dekat Sam Poo Kong',
    description: 'Produk batik, rajutan, dan kerajinan peserta dipajang di galeri; bagi hasil 75:25.',
    sector: 'batik',
    location: 'Galeri Sekar Kinasih, kawasan Sam Poo Kong',
    places: 10,
    start: -5,
    closes: 120,
    hoursPerWeek: null,
    workHours: null,
    flexible: true,
    pay: null,
    skills: [],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Pusat Oleh-oleh Simongan Asri (Bongsari)
  {
    key: 'oleh-kasir',
    partner: 'oleh',
    village: 'Bongsari',
    kind: 'job_vacancy',
    title: 'Penjaga toko dan kasir oleh-oleh',
    description: 'Melayani pembeli, menata etalase, dan mencatat penjualan; membantu penjualan daring.',
    sector: 'retail',
    location: 'Pusat Oleh-oleh Simongan Asri, Bongsari',
    places: 2,
    start: 10,
    closes: 40,
    hoursPerWeek: 42,
    workHours: 'Shift 08.00–15.00 atau 15.00–21.00',
    shiftWork: true,
    pay: [2_600_000, 3_000_000, 'month'],
    skills: [
      ['retail.selling', 'basic', true],
      ['retail.online', 'basic', false],
    ],
    status: 'draft',
    createdBy: 'kecamatan',
    restriction: {
      offences: ['theft', 'embezzlement'],
      note: 'Memegang uang kas toko.',
      reviewed: false,
    },
  },
  // Salon Ayu Larasati (Gisikdrono)
  {
    key: 'salon-magang',
    partner: 'salon',
    village: 'Gisikdrono',
    kind: 'apprenticeship',
    title: 'Magang asisten salon (cuci rambut, creambath, potong)',
    description: 'Magang tiga bulan mendampingi kapster; setelah itu bisa menjadi kapster tetap.',
    sector: 'beauty',
    location: 'Salon Ayu Larasati, Gisikdrono',
    places: 2,
    start: -45,
    closes: 10,
    hoursPerWeek: 30,
    workHours: '09.00–15.00, Selasa–Minggu',
    partTime: true,
    pay: [50_000, 70_000, 'day'],
    skills: [
      ['beauty.hair', 'basic', true],
      ['beauty.skin', 'basic', false],
    ],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Rias Pengantin Dewi Sri (Tawangsari)
  {
    key: 'rias-asisten',
    partner: 'rias',
    village: 'Tawangsari',
    kind: 'job_vacancy',
    title: 'Asisten perias pengantin (musim hajatan)',
    description: 'Membantu merias pengantin dan keluarga, memasang sanggul dan busana; dibayar per acara.',
    sector: 'beauty',
    location: 'Lokasi acara di Kota Semarang',
    places: 2,
    start: 21,
    closes: 60,
    hoursPerWeek: null,
    workHours: 'Akhir pekan, sesuai jadwal acara',
    partTime: true,
    flexible: true,
    pay: [150_000, 300_000, 'piece'],
    skills: [
      ['beauty.bridal', 'intermediate', true],
      ['beauty.makeup', 'intermediate', true],
    ],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Konveksi Seragam Rapi Jaya (Salamanmloyo)
  {
    key: 'seragam-borongan',
    partner: 'seragam',
    village: 'Salamanmloyo',
    kind: 'job_vacancy',
    title: 'Penjahit borongan seragam sekolah',
    description: 'Menjahit kemeja dan rok seragam menjelang tahun ajaran baru; upah per potong.',
    sector: 'garment',
    location: 'Konveksi Rapi Jaya, Salamanmloyo, atau di rumah',
    places: 5,
    start: 140,
    closes: 150,
    hoursPerWeek: null,
    workHours: 'Bebas, setoran harian',
    flexible: true,
    pay: [8_000, 15_000, 'piece'],
    skills: [['garment.sewing', 'intermediate', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'seragam-obras',
    partner: 'seragam',
    village: 'Salamanmloyo',
    kind: 'job_vacancy',
    title: 'Tenaga obras dan lubang kancing',
    description: 'Mengobras tepi kain dan membuat lubang kancing seragam.',
    sector: 'garment',
    location: 'Konveksi Rapi Jaya, Salamanmloyo',
    places: 2,
    start: -60,
    closes: -30,
    hoursPerWeek: 40,
    workHours: '08.00–16.00',
    pay: [2_500_000, 2_800_000, 'month'],
    skills: [['garment.sewing', 'basic', true]],
    status: 'closed',
    statusReason: 'Usaha mengurangi produksi setelah musim seragam.',
    createdBy: 'kecamatan',
  },
  // Bordir dan Payet Lestari (Cabean)
  {
    key: 'payet-borongan',
    partner: 'payet',
    village: 'Cabean',
    kind: 'job_vacancy',
    title: 'Pemasang payet dan bordir (dikerjakan di rumah)',
    description: 'Memasang payet dan manik pada kebaya dan mukena; bahan diantar, upah per potong.',
    sector: 'garment',
    location: 'Di rumah; setor ke RT 02 Cabean',
    places: 6,
    start: -30,
    closes: 60,
    hoursPerWeek: null,
    workHours: 'Bebas',
    partTime: true,
    flexible: true,
    pay: [15_000, 60_000, 'piece'],
    openToAsimilasi: true,
    skills: [
      ['garment.embellishment', 'basic', true],
      ['craft.embroidery', 'basic', false],
    ],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Koperasi Wanita Srikandi Barat and Kebun Hidroponik Ijo Royo (Manyaran)
  {
    key: 'kopwan-anggota',
    partner: 'kopwan',
    village: 'Manyaran',
    kind: 'cooperative_membership',
    title: 'Keanggotaan koperasi wanita dan simpan pinjam usaha mikro',
    description:
      'Simpanan pokok dibebaskan tahun pertama; pinjaman modal usaha sampai Rp 3 juta setelah 3 bulan.',
    sector: 'retail',
    location: 'Balai RW 05, Manyaran',
    places: 10,
    start: -50,
    closes: 100,
    hoursPerWeek: null,
    workHours: 'Pertemuan anggota Minggu kedua setiap bulan',
    flexible: true,
    pay: null,
    skills: [],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'hidroponik-magang',
    partner: 'hidroponik',
    village: 'Manyaran',
    kind: 'apprenticeship',
    title: 'Magang budi daya sayur hidroponik',
    description: 'Menyemai, memindah tanam, mengatur nutrisi, dan memanen sayur hidroponik.',
    sector: 'urban_farming',
    location: 'Kebun Hidroponik RW 05, Manyaran',
    places: 3,
    start: 7,
    closes: 37,
    hoursPerWeek: 20,
    workHours: '07.00–11.00, Senin–Jumat',
    partTime: true,
    pay: [50_000, 60_000, 'day'],
    skills: [['urban_farming.hydroponics', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Koperasi Wanita Mekar Sari and Hotel Puri Pesisir Marina (Tambakharjo)
  {
    key: 'mekarsari-anggota',
    partner: 'mekarsari',
    village: 'Tambakharjo',
    kind: 'cooperative_membership',
    title: 'Keanggotaan kelompok olahan bandeng presto',
    description:
      'Produksi bersama bandeng presto dan otak-otak di rumah produksi koperasi; bagi hasil bulanan.',
    sector: 'food',
    location: 'Rumah produksi KWT Mekar Sari, Tambakharjo',
    places: 6,
    start: 15,
    closes: 75,
    hoursPerWeek: 20,
    workHours: 'Pagi, jadwal bergilir',
    partTime: true,
    flexible: true,
    pay: null,
    skills: [['food.cooking', 'basic', false]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'mekarsari-lapak',
    partner: 'mekarsari',
    village: 'Tambakharjo',
    kind: 'market_access',
    title: 'Lapak olahan bandeng di Pantai Maron (akhir pekan dan libur)',
    description: 'Menjaga lapak koperasi pada akhir pekan dan libur akhir tahun; komisi dari penjualan.',
    sector: 'food',
    location: 'Lapak kuliner Pantai Maron, Tambakharjo',
    places: 4,
    start: 25,
    closes: 55,
    hoursPerWeek: 16,
    workHours: 'Sabtu–Minggu 08.00–16.00',
    partTime: true,
    pay: [60_000, 90_000, 'day'],
    skills: [['retail.selling', 'basic', false]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'hotel-tata-graha',
    partner: 'hotel',
    village: 'Tambakharjo',
    kind: 'job_vacancy',
    title: 'Room attendant (tata graha) hotel',
    description: 'Membersihkan dan menata kamar tamu, mengganti linen, dan melapor barang tertinggal.',
    sector: 'hospitality',
    location: 'Hotel Puri Pesisir Marina, Tambakharjo',
    places: 4,
    start: -20,
    closes: 25,
    hoursPerWeek: 40,
    workHours: 'Shift 07.00–15.00 atau 15.00–23.00',
    shiftWork: true,
    pay: [DEMO_UMK, 3_700_000, 'month'],
    skills: [
      ['hospitality.housekeeping', 'basic', true],
      ['laundry.laundry', 'basic', false],
    ],
    status: 'open',
    createdBy: 'kecamatan',
    restriction: {
      offences: ['theft', 'fraud'],
      note: 'Akses ke kamar tamu dan barang berharga.',
      reviewed: false,
    },
  },
  {
    key: 'hotel-laundry',
    partner: 'hotel',
    village: 'Tambakharjo',
    kind: 'job_vacancy',
    title: 'Staf laundry hotel',
    description: 'Mencuci, mengeringkan, dan menyetrika linen hotel dan seragam karyawan.',
    sector: 'laundry',
    location: 'Hotel Puri Pesisir Marina, Tambakharjo',
    places: 2,
    start: 40,
    closes: 70,
    hoursPerWeek: 40,
    workHours: '07.00–15.00',
    pay: [DEMO_UMK, DEMO_UMK, 'month'],
    skills: [['laundry.laundry', 'intermediate', true]],
    status: 'draft',
    createdBy: 'kecamatan',
  },
  // CV Cahaya Bersih Tawangmas
  {
    key: 'cleaning-petugas',
    partner: 'cleaning',
    village: 'Tawangmas',
    kind: 'job_vacancy',
    title: 'Petugas kebersihan (cleaning service) perkantoran',
    description: 'Membersihkan ruang kantor dan toilet di gedung pelanggan wilayah Semarang Barat.',
    sector: 'laundry',
    location: 'Gedung pelanggan di Tawangmas dan sekitarnya',
    places: 5,
    start: -5,
    closes: 30,
    hoursPerWeek: 40,
    workHours: 'Shift pagi 06.00–14.00',
    shiftWork: true,
    pay: [DEMO_UMK, DEMO_UMK, 'month'],
    skills: [['laundry.cleaning', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Dapur Nusantara Kalibanteng (Kalibanteng Kulon)
  {
    key: 'dapur-sekolah',
    partner: 'dapur',
    village: 'Kalibanteng Kulon',
    kind: 'job_vacancy',
    title: 'Juru masak dapur makan siang sekolah',
    description: 'Memasak dan membagi makan siang untuk sekolah dasar; selesai sebelum siang.',
    sector: 'food',
    location: 'Dapur Nusantara, Kalibanteng Kulon',
    places: 4,
    start: 7,
    closes: 30,
    hoursPerWeek: 35,
    workHours: '04.30–11.30, Senin–Jumat',
    pay: [2_900_000, DEMO_UMK, 'month'],
    skills: [
      ['food.cooking', 'intermediate', true],
      ['food.catering', 'basic', true],
    ],
    status: 'open',
    createdBy: 'kecamatan',
    restriction: { offences: ['narcotics'], note: 'Lingkungan kerja dekat sekolah.', reviewed: true },
  },
  // Pokmas Lipas Kembang Arum Mandiri (Kembangarum)
  {
    key: 'pokmas-usaha',
    partner: 'pokmas',
    village: 'Kembangarum',
    kind: 'business_mentoring',
    title: 'Pendampingan usaha rumahan bagi klien pemasyarakatan',
    description:
      'Pendampingan usaha kue dan jahit di Griya Abhipraya: produksi bersama, pemasaran, dan pembukuan.',
    sector: 'food',
    location: 'Griya Abhipraya Kembangarum',
    places: 5,
    start: -60,
    closes: 60,
    hoursPerWeek: 8,
    workHours: 'Selasa dan Kamis 13.00–17.00',
    partTime: true,
    flexible: true,
    pay: null,
    skills: [],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'pokmas-kayu',
    partner: 'pokmas',
    village: 'Kembangarum',
    kind: 'job_vacancy',
    title: 'Perajin kerajinan kayu sisa mebel (usaha bersama)',
    description: 'Membuat talenan, nampan, dan hiasan dinding dari kayu sisa bengkel mebel; upah per buah.',
    sector: 'craft',
    location: 'Griya Abhipraya Kembangarum',
    places: 4,
    start: 5,
    closes: 45,
    hoursPerWeek: 20,
    workHours: '08.00–12.00, Senin–Jumat',
    partTime: true,
    pay: [10_000, 35_000, 'piece'],
    openToAsimilasi: true,
    skills: [['craft.handicraft', 'basic', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Yayasan Perempuan Berdaya Semarang (classes at Balai Kelurahan Bongsari)
  {
    key: 'berdaya-kelas',
    partner: 'berdaya',
    village: 'Bongsari',
    kind: 'business_mentoring',
    title: 'Kelas usaha dan pembukuan sederhana (6 pertemuan)',
    description:
      'Menghitung harga pokok, mencatat kas harian, dan memasarkan lewat WhatsApp dan marketplace.',
    sector: 'retail',
    location: 'Balai Kelurahan Bongsari',
    places: 10,
    start: 20,
    closes: 50,
    hoursPerWeek: 3,
    workHours: 'Sabtu 09.00–12.00',
    partTime: true,
    pay: null,
    skills: [['administration.computing', 'basic', false]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // Yayasan Langkah Baru Semarang (Krapyak)
  {
    key: 'langkah-pendampingan',
    partner: 'langkah',
    village: 'Krapyak',
    kind: 'business_mentoring',
    title: 'Pendampingan pasca-bebas dan kelompok dukungan sebaya',
    description: 'Pertemuan dua mingguan dan pendampingan rencana usaha bagi perempuan setelah bebas.',
    sector: 'other',
    location: 'Balai Kelurahan Krapyak',
    places: 8,
    start: -60,
    closes: -40,
    hoursPerWeek: 2,
    workHours: 'Rabu sore, dua minggu sekali',
    partTime: true,
    pay: null,
    skills: [],
    status: 'closed',
    statusReason: 'Angkatan sudah penuh; dibuka lagi tahun depan.',
    createdBy: 'kecamatan',
  },
  // The city's offices
  {
    key: 'disnaker-tkm',
    partner: 'disnaker',
    village: 'Bojongsalaman',
    kind: 'tools_capital',
    title: 'Bantuan sarana usaha Tenaga Kerja Mandiri (TKM) pemula',
    description:
      'Paket peralatan usaha (mesin jahit, etalase, atau peralatan dapur) senilai sampai Rp 7,5 juta.',
    sector: 'other',
    location: 'Disalurkan melalui Kelurahan Bojongsalaman',
    places: 5,
    start: 30,
    closes: 60,
    hoursPerWeek: null,
    workHours: null,
    pay: [5_000_000, 7_500_000, 'one_off'],
    skills: [],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'dinkop-alat',
    partner: 'dinkop',
    village: 'Kalibanteng Kidul',
    kind: 'tools_capital',
    title: 'Bantuan peralatan usaha mikro (mesin jahit, kompor, etalase)',
    description: 'Hibah peralatan bagi usaha mikro perempuan yang sudah punya NIB; pendampingan tiga bulan.',
    sector: 'food',
    location: 'Disalurkan melalui Kelurahan Kalibanteng Kidul',
    places: 6,
    start: -30,
    closes: 30,
    hoursPerWeek: null,
    workHours: null,
    pay: [2_500_000, 5_000_000, 'one_off'],
    skills: [],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'disdag-kios',
    partner: 'disperindag',
    village: 'Karangayu',
    kind: 'market_access',
    title: 'Los binaan di Pasar Karangayu (sewa ringan 6 bulan)',
    description:
      'Los untuk pedagang pemula dengan sewa ringan enam bulan pertama dan pendampingan UPTD Pasar.',
    sector: 'retail',
    location: 'Pasar Karangayu',
    places: 3,
    start: 45,
    closes: 90,
    hoursPerWeek: null,
    workHours: 'Jam buka pasar 05.00–14.00',
    flexible: true,
    pay: null,
    skills: [['retail.selling', 'basic', false]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  // BLK Kota Semarang: further training places
  {
    key: 'blk-jahit',
    partner: 'blk',
    village: 'Manyaran',
    kind: 'training_place',
    title: 'Pelatihan berbasis kompetensi menjahit (angkatan IV)',
    description: 'Pelatihan 240 jam pelajaran dengan uji kompetensi LSP; gratis, uang transpor harian.',
    sector: 'garment',
    location: 'Workshop BLK Kota Semarang',
    places: 2,
    start: -14,
    closes: 14,
    hoursPerWeek: 30,
    workHours: '08.00–14.00, Senin–Jumat',
    pay: [50_000, 50_000, 'day'],
    skills: [['garment.sewing', 'basic', false]],
    status: 'open',
    createdBy: 'kecamatan',
  },
  {
    key: 'blk-rias',
    partner: 'blk',
    village: 'Bongsari',
    kind: 'training_place',
    title: 'Pelatihan tata rias pengantin',
    description: 'Lanjutan tata rias: rias pengantin Jawa dan modern, dengan uji kompetensi.',
    sector: 'beauty',
    location: 'Workshop BLK Kota Semarang',
    places: 3,
    start: 60,
    closes: 90,
    hoursPerWeek: 30,
    workHours: '08.00–14.00, Senin–Jumat',
    pay: [50_000, 50_000, 'day'],
    skills: [['beauty.makeup', 'intermediate', true]],
    status: 'open',
    createdBy: 'kecamatan',
  },
];

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const at = (date: string, hour = 3) => `${date}T${pad(hour)}:00:00Z`;
const dayOf = (value: Date | string) => new Date(value).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => random.int(0, 9)).join('');
const mobile = (random: Random) => `${random.pick(PHONE_PREFIXES)}-${digits(random, 4)}-${digits(random, 4)}`;
const landline = (random: Random) => `024-76${digits(random, 5)}`;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The ids of the partners this seed creates: fixed for the second demo partner, the rest from a seeded stream. */
export const DEMO_PARTNER_IDS: Readonly<Record<string, string>> = (() => {
  const random = createRandom(20_261_129);
  return Object.fromEntries(
    DEMO_PARTNERS.map((partner) => [
      partner.key,
      partner.key === 'catering' ? DEMO_CATERING_ID : random.uuid(),
    ]),
  );
})();

/**
 * Inserts the organizations of the partners this seed creates (before the demo accounts: `mitra.katering`
 * belongs to one). Idempotent.
 */
export async function seedDemoPartnerOrganizations(db: Db): Promise<void> {
  const random = createRandom(20_261_130);
  await db
    .insertInto('organization')
    .values(
      DEMO_PARTNERS.map((partner) => {
        const contacts = partner.contacts.map(([name, position]) => ({
          name,
          position,
          phone: mobile(random),
        }));
        return {
          id: DEMO_PARTNER_IDS[partner.key] as string,
          kind: 'partner' as const,
          name: partner.name,
          short_name: partner.shortName,
          parent_id: null,
          address: partner.address,
          phone: partner.landline ? landline(random) : (contacts[0]?.phone ?? null),
          contacts: JSON.stringify(contacts),
        };
      }),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

// ── writing it ───────────────────────────────────────────────────────────────────────────────────

interface Account {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

interface PipelineStep {
  stage: PlacementStageValue;
  on: string;
  by: DemoUser;
  reason?: string;
  note?: string;
}

interface Pipeline {
  personId: string;
  opportunity: string;
  proposer: DemoUser;
  steps: PipelineStep[];
}

/** What was written. */
export interface DemoVillagesSummary {
  profiles: number;
  partners: number;
  opportunities: number;
  placements: number;
  consentsAdded: number;
}

/**
 * Seeds the host villages, partner profiles, opportunities and pipelines (once, inside the demo seed's
 * transaction, after the demo accounts, people and training). The partner organizations must exist
 * (`seedDemoPartnerOrganizations`). Deterministic for a given seeding date.
 */
export async function seedDemoVillages(
  db: Db,
  options: { partnerId: string; today?: string; seed?: number },
): Promise<DemoVillagesSummary> {
  const today = options.today ?? programToday();
  const random = createRandom(options.seed ?? 20_261_131);
  const day = (offset: number) => addDays(today, offset);

  // ── what the seed refers to ──
  const villages = await db
    .selectFrom('organization')
    .select(['id', 'code'])
    .where('kind', '=', 'village')
    .where('parent_id', '=', KECAMATAN_ID)
    .execute();
  const villageIdByCode = new Map(villages.map((v) => [v.code, v.id]));
  const villageId = (name: Kelurahan) => {
    const code = KELURAHAN.find(([, n]) => n === name)?.[0];
    const id = code ? villageIdByCode.get(code) : undefined;
    if (!id) throw new Error(`Kelurahan ${name} is missing from the reference data`);
    return id;
  };
  const skillRows = await db.selectFrom('skill').select(['id', 'code', 'sector']).execute();
  const skillId = (code: string) => {
    const found = skillRows.find((s) => s.code === code);
    if (!found) throw new Error(`skill ${code} is missing from the taxonomy`);
    return found.id;
  };
  const users = await db
    .selectFrom('app_user')
    .innerJoin('organization', 'organization.id', 'app_user.organization_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.organization_id',
      'organization.name as organization_name',
      'organization.short_name as organization_short_name',
    ])
    .execute();
  const account = (username: DemoUser): Account => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return {
      id: found.id,
      name: found.full_name,
      organizationId: found.organization_id,
      organizationName: found.organization_short_name ?? found.organization_name,
    };
  };
  const partnerId = (key: string) => {
    if (key === 'demo') return options.partnerId;
    if (key === 'blk') return DEMO_BLK_ID;
    const id = DEMO_PARTNER_IDS[key];
    if (!id) throw new Error(`unknown demo partner ${key}`);
    return id;
  };
  const kecamatan = account('kecamatan');

  // ── the kelurahan profiles ──
  const potentials: Row<'village_potential'>[] = [];
  const needs: Row<'village_need'>[] = [];
  const facilities: Row<'village_facility'>[] = [];
  const profiles: Row<'village_profile'>[] = [];
  const revisions: Row<'village_revision'>[] = [];
  for (const plan of DEMO_VILLAGES) {
    const id = villageId(plan.name);
    const savedOn = day(-random.int(20, 90));
    const contacts = [
      { name: plan.contacts[0], position: 'Sekretaris Kelurahan', phone: mobile(random) },
      { name: plan.contacts[1], position: 'Kasi Ekonomi dan Pembangunan', phone: mobile(random) },
      { name: plan.contacts[2], position: 'Ketua TP PKK Kelurahan', phone: mobile(random) },
    ];
    await db
      .updateTable('organization')
      .set({ phone: landline(random), contacts: JSON.stringify(contacts) })
      .where('id', '=', id)
      .execute();
    profiles.push({
      organization_id: id,
      lurah_name: plan.lurah,
      lurah_phone: mobile(random),
      population: plan.population,
      area_km2: plan.areaKm2,
      latitude: plan.latitude,
      longitude: plan.longitude,
      description: plan.description,
      host_since: plan.host?.since ?? null,
      host_agreement: plan.host?.agreement ?? null,
      updated_by: kecamatan.id,
      created_at: at(savedOn),
      updated_at: at(savedOn),
    });
    plan.potentials.forEach(([sector, skill, description, strength, source], index) => {
      potentials.push({
        village_id: id,
        sector,
        skill_id: skill ? skillId(skill) : null,
        description,
        strength,
        source,
        position: index + 1,
      });
    });
    plan.needs.forEach(([sector, skill, kind, description, size, months], index) => {
      needs.push({
        village_id: id,
        sector,
        skill_id: skill ? skillId(skill) : null,
        kind,
        description,
        size,
        season_months: JSON.stringify([...months].sort((a, b) => a - b)),
        position: index + 1,
      });
    });
    plan.facilities.forEach(([kind, name, address, capacity, description], index) => {
      facilities.push({ village_id: id, kind, name, address, capacity, description, position: index + 1 });
    });
    const created = (section: 'contact' | 'potential' | 'need' | 'facility', item: string) => ({
      section,
      action: 'created' as const,
      item: label(item),
      field: null,
      from: null,
      to: null,
    });
    revisions.push({
      village_id: id,
      version: 1,
      changed_by: kecamatan.id,
      changed_at: at(savedOn),
      changes: JSON.stringify([
        { section: 'profile', action: 'created', item: null, field: null, from: null, to: null },
        ...contacts.map((contact) => created('contact', contact.name)),
        ...plan.potentials.map((potential) => created('potential', potential[2])),
        ...plan.needs.map((need) => created('need', need[3])),
        ...plan.facilities.map((facility) => created('facility', facility[1])),
      ]),
    });
  }
  await db.insertInto('village_profile').values(profiles).execute();
  await db.insertInto('village_potential').values(potentials).execute();
  await db.insertInto('village_need').values(needs).execute();
  await db.insertInto('village_facility').values(facilities).execute();
  await db.insertInto('village_revision').values(revisions).execute();

  // ── the partner profiles ──
  const partnerProfiles = [...EXISTING_PARTNER_PROFILES, ...DEMO_PARTNERS].map((plan) => {
    const signed = plan.pks ? day(-plan.pks.signedDaysAgo) : null;
    const createdOn = day(-(plan.pks?.signedDaysAgo ?? random.int(30, 90)) - random.int(7, 30));
    return {
      organization_id: partnerId(plan.key),
      partner_type: plan.type,
      sectors: JSON.stringify(plan.sectors),
      village_id: plan.village ? villageId(plan.village) : null,
      description: plan.description,
      willing_to_employ: plan.willing,
      willingness_note: plan.willingnessNote,
      agreement_number:
        plan.pks && signed
          ? `PKS.${pad(plan.pks.serial, 3)}/LPP-SMG/${ROMAN[Number(signed.slice(5, 7)) - 1]}/${signed.slice(0, 4)}`
          : null,
      agreement_signed_on: signed,
      agreement_expires_on:
        plan.pks && signed
          ? addDays(`${Number(signed.slice(0, 4)) + plan.pks.years}${signed.slice(4)}`, -1)
          : null,
      created_by: account(plan.createdBy).id,
      updated_by: account(plan.createdBy).id,
      created_at: at(createdOn),
      updated_at: at(signed ?? createdOn),
    };
  });
  await db.insertInto('partner_profile').values(partnerProfiles).execute();

  // ── the opportunities ──
  const opportunityIds = new Map<string, string>();
  const opportunities: Row<'opportunity'>[] = [];
  const opportunitySkills: Row<'opportunity_skill'>[] = [];
  const binadik = account('lapas.binadik');
  for (const plan of DEMO_OPPORTUNITIES) {
    const id = random.uuid();
    opportunityIds.set(plan.key, id);
    const opener = account(plan.village === 'Krobokan' ? 'kelurahan.krobokan' : 'kecamatan');
    // Opened two weeks before it starts (or a few days ago for later starts); a draft was written lately.
    const openedOn = plan.status === 'draft' ? null : day(Math.min(plan.start - 14, -random.int(2, 12)));
    const createdOn = openedOn ? addDays(openedOn, -random.int(1, 5)) : day(-random.int(1, 6));
    const closedOn = plan.status === 'closed' ? day(Math.min(-1, (plan.closes ?? 0) + 1)) : null;
    opportunities.push({
      id,
      partner_id: partnerId(plan.partner),
      village_id: villageId(plan.village),
      kind: plan.kind,
      title: plan.title,
      description: plan.description,
      sector: plan.sector,
      location: plan.location,
      places: plan.places,
      start_on: day(plan.start),
      closes_on: plan.closes === null ? null : day(plan.closes),
      hours_per_week: plan.hoursPerWeek,
      work_hours: plan.workHours,
      shift_work: plan.shiftWork ?? false,
      part_time: plan.partTime ?? false,
      flexible: plan.flexible ?? false,
      pay_min: plan.pay?.[0] ?? null,
      pay_max: plan.pay?.[1] ?? null,
      pay_period: plan.pay?.[2] ?? null,
      open_to_asimilasi: plan.openToAsimilasi ?? false,
      restricted_offences: JSON.stringify(plan.restriction?.offences ?? []),
      restriction_note: plan.restriction?.note ?? null,
      restrictions_reviewed_by: plan.restriction?.reviewed ? binadik.id : null,
      restrictions_reviewed_at:
        plan.restriction?.reviewed && openedOn ? new Date(at(addDays(openedOn, 1), 4)) : null,
      status: plan.status,
      status_reason: plan.statusReason ?? null,
      opened_by: openedOn ? opener.id : null,
      opened_at: openedOn ? new Date(at(openedOn, 2)) : null,
      created_by: account(plan.createdBy).id,
      created_at: at(createdOn, 2),
      updated_at: at(closedOn ?? openedOn ?? createdOn, 5),
    });
    plan.skills.forEach(([code, minLevel, essential], index) => {
      opportunitySkills.push({
        opportunity_id: id,
        skill_id: skillId(code),
        min_level: minLevel,
        essential,
        position: index + 1,
      });
    });
  }
  await db.insertInto('opportunity').values(opportunities).execute();
  await db.insertInto('opportunity_skill').values(opportunitySkills).execute();

  // ── the pipelines ──
  const pipelines = await planPipelines(db, {
    today,
    partnerId: options.partnerId,
    krobokanId: villageId('Krobokan'),
    day,
  });
  const consents = pipelines.consents.map((consent) => ({
    person_id: consent.personId,
    organization_id: account(consent.recordedBy).organizationId,
    purpose: consent.purpose,
    recipient_organization_ids: JSON.stringify(consent.partner ? [partnerId(consent.partner)] : []),
    recipient_kinds: JSON.stringify(consent.partner ? [] : ['partner']),
    field_groups: JSON.stringify(['identity_contact', 'skills_training', 'availability_status']),
    given_on: consent.givenOn,
    recorded_by: account(consent.recordedBy).id,
    created_at: at(consent.givenOn),
    updated_at: at(consent.givenOn),
  }));
  if (consents.length) await db.insertInto('consent').values(consents).execute();

  const existingLinks = await db
    .selectFrom('person_link')
    .select(['person_id', 'organization_id', 'kind'])
    .where('active', '=', true)
    .where('kind', 'in', ['proposal', 'placement'])
    .execute();
  const hasLink = (personId: string, organizationId: string, kind: 'proposal' | 'placement') =>
    existingLinks.some(
      (l) => l.person_id === personId && l.organization_id === organizationId && l.kind === kind,
    );
  const placements: Row<'placement'>[] = [];
  const steps: Row<'placement_step'>[] = [];
  const events: Row<'person_event'>[] = [];
  const links: Row<'person_link'>[] = [];
  const partnerOf = new Map(DEMO_OPPORTUNITIES.map((plan) => [plan.key, partnerId(plan.partner)]));
  // Links by person and partner: a proposal while any placement with that partner runs, a placement link
  // from the day she was placed; both end when nothing runs any more.
  const byPersonPartner = new Map<string, Pipeline[]>();
  for (const pipeline of pipelines.items) {
    const key = `${pipeline.personId}|${partnerOf.get(pipeline.opportunity)}`;
    byPersonPartner.set(key, [...(byPersonPartner.get(key) ?? []), pipeline]);
  }
  for (const pipeline of pipelines.items) {
    const id = random.uuid();
    const proposer = account(pipeline.proposer);
    const last = pipeline.steps[pipeline.steps.length - 1] as PipelineStep;
    const placedStep = pipeline.steps.find((step) => step.stage === 'placed');
    const unsuccessful = last.stage === 'unsuccessful';
    placements.push({
      id,
      person_id: pipeline.personId,
      opportunity_id: opportunityIds.get(pipeline.opportunity) as string,
      stage: last.stage,
      outcome_reason: unsuccessful ? (last.reason as 'declined_by_partner') : null,
      outcome_note: unsuccessful
        ? (last.note ?? null)
        : last.stage === 'ended'
          ? (last.reason ?? null)
          : null,
      placed_on: placedStep?.on ?? null,
      ended_on: last.stage === 'ended' || unsuccessful ? last.on : null,
      proposed_by: proposer.id,
      proposer_organization_id: proposer.organizationId,
      created_at: at((pipeline.steps[0] as PipelineStep).on),
      updated_at: at(last.on, 6),
      version: pipeline.steps.length,
    });
    const title = (DEMO_OPPORTUNITIES.find((plan) => plan.key === pipeline.opportunity) as OpportunityPlan)
      .title;
    pipeline.steps.forEach((step, index) => {
      const by = account(step.by);
      steps.push({
        placement_id: id,
        stage: step.stage,
        happened_on: step.on,
        reason: step.reason ?? null,
        note: step.note ?? null,
        recorded_by: by.id,
        recorded_organization_id: by.organizationId,
        recorded_at: at(step.on, 4 + index),
      });
      // Her timeline, as the placements module writes it: corrections only (a shared entry would tell
      // every organization that sees her timeline where she was proposed).
      const previous = pipeline.steps[index - 1];
      events.push({
        person_id: pipeline.personId,
        at: at(step.on, 4 + index),
        kind: previous ? 'placement.advanced' : 'placement.proposed',
        visibility: 'corrections',
        actor_user_id: by.id,
        actor_name: by.name,
        organization_id: by.organizationId,
        organization_name: by.organizationName,
        details: JSON.stringify({
          placementId: id,
          opportunityId: opportunityIds.get(pipeline.opportunity),
          opportunityTitle: title,
          ...(previous && { from: previous.stage }),
          stage: step.stage,
          happenedOn: step.on,
          ...(step.stage === 'unsuccessful' && { reason: step.reason }),
        }),
      });
    });
  }
  for (const [key, group] of byPersonPartner) {
    const [personId, organizationId] = key.split('|') as [string, string];
    const running = group.some(
      (p) => !['ended', 'unsuccessful'].includes((p.steps.at(-1) as PipelineStep).stage),
    );
    const ends = group.flatMap((p) =>
      p.steps.filter((s) => s.stage === 'ended' || s.stage === 'unsuccessful'),
    );
    const lastEnd = ends
      .map((s) => s.on)
      .sort()
      .at(-1);
    const endedAt = running ? null : new Date(at(lastEnd ?? today, 8));
    const first = group
      .map((p) => ({ step: p.steps[0] as PipelineStep, proposer: p.proposer }))
      .sort((a, b) => a.step.on.localeCompare(b.step.on))[0];
    if (first && !hasLink(personId, organizationId, 'proposal'))
      links.push({
        person_id: personId,
        organization_id: organizationId,
        kind: 'proposal',
        active: running,
        note: 'Diusulkan untuk peluang kerja di mitra.',
        created_by: account(first.proposer).id,
        created_at: at(first.step.on),
        ended_at: endedAt,
      });
    const placed = group.flatMap((p) => p.steps.filter((s) => s.stage === 'placed'));
    const stillPlaced = group.some((p) => (p.steps.at(-1) as PipelineStep).stage === 'placed');
    for (const step of placed.slice(0, 1))
      links.push({
        person_id: personId,
        organization_id: organizationId,
        kind: 'placement',
        active: stillPlaced,
        note: 'Ditempatkan di mitra.',
        created_by: account(step.by).id,
        created_at: at(step.on, 9),
        ended_at: stillPlaced ? null : endedAt,
      });
  }
  await db.insertInto('placement').values(placements).execute();
  await db.insertInto('placement_step').values(steps).execute();
  await db.insertInto('person_event').values(events).execute();
  if (links.length) await db.insertInto('person_link').values(links).execute();

  // What the pipeline says must hold: nobody placed beyond the places, a full opportunity is filled.
  for (const plan of DEMO_OPPORTUNITIES) {
    const placedCount = pipelines.items.filter(
      (p) => p.opportunity === plan.key && (p.steps.at(-1) as PipelineStep).stage === 'placed',
    ).length;
    if (placedCount > plan.places || (plan.status === 'filled') !== (placedCount === plan.places))
      throw new Error(
        `demo opportunity ${plan.key}: ${placedCount} placed of ${plan.places}, ${plan.status}`,
      );
  }

  return {
    profiles: profiles.length,
    partners: partnerProfiles.length,
    opportunities: opportunities.length,
    placements: placements.length,
    consentsAdded: consents.length,
  };
}

interface ConsentPlan {
  personId: string;
  /** The partner named; null: every partner (recipient kind `partner`). */
  partner: string | null;
  purpose: string;
  givenOn: string;
  recordedBy: DemoUser;
}

const PURPOSE = 'Penempatan kerja dan pendampingan usaha di mitra program Desa Binaan';

/**
 * Who goes where: the three women the demo people proposed to the demo partner (their consents and proposal
 * links come from demo-people.ts), and six more, each given a consent first: released women for the
 * placements that already happened, women released soonest for the fresh proposals.
 */
async function planPipelines(
  db: Db,
  context: { today: string; partnerId: string; krobokanId: string; day: (offset: number) => string },
): Promise<{ items: Pipeline[]; consents: ConsentPlan[] }> {
  const { today, day } = context;
  const proposals = await db
    .selectFrom('person_link')
    .innerJoin('app_user', 'app_user.id', 'person_link.created_by')
    .select(['person_link.person_id', 'person_link.created_at', 'app_user.username'])
    .where('person_link.organization_id', '=', context.partnerId)
    .where('person_link.kind', '=', 'proposal')
    .where('person_link.active', '=', true)
    .orderBy('person_link.created_at')
    .orderBy('person_link.person_id')
    .execute();
  const [a, b, c] = proposals;
  if (!a || !b || !c) throw new Error('the demo people must propose three women to the demo partner');
  const people = await db
    .selectFrom('person')
    .innerJoin('custody', 'custody.person_id', 'person.id')
    .select([
      'person.id',
      'person.release_date',
      'person.released_on',
      'person.returned_on',
      'person.supervision_end_date',
      'custody.release_kind',
    ])
    .where('person.organization_id', '=', LAPAS_ID)
    .orderBy('person.full_name')
    .orderBy('person.id')
    .execute();
  const withdrawn = new Set(
    (await db.selectFrom('consent').select('person_id').where('withdrawn_on', 'is not', null).execute()).map(
      (row) => row.person_id,
    ),
  );
  const taken = new Set([a.person_id, b.person_id, c.person_id]);
  const free = people.filter((p) => !taken.has(p.id) && !withdrawn.has(p.id));
  // Released and not returned, those released longest ago first (their placements are the oldest).
  const released = free
    .filter((p) => p.released_on !== null && p.returned_on === null)
    .sort((x, y) => (x.released_on as string).localeCompare(y.released_on as string));
  // In custody, released soonest; those who consented to Kelurahan Krobokan first (the fresh proposals are
  // in Krobokan, whose staff then see whom they follow up).
  const krobokan = new Set(
    (
      await db
        .selectFrom('consent')
        .select('person_id')
        .where('withdrawn_on', 'is', null)
        .where(sql<boolean>`recipient_organization_ids @> ${JSON.stringify([context.krobokanId])}::jsonb`)
        .execute()
    ).map((row) => row.person_id),
  );
  const rank = (p: (typeof people)[number]) => `${krobokan.has(p.id) ? 0 : 1}${p.release_date ?? '9999'}`;
  const soonest = free.filter((p) => p.released_on === null).sort((x, y) => rank(x).localeCompare(rank(y)));
  const [g, f, d, i] = released;
  const [e, h] = soonest;
  if (!g || !f || !d || !i || !e || !h)
    throw new Error('the demo people have too few women for the pipelines');
  const supervised = (p: (typeof people)[number]) =>
    p.release_kind === 'parole' && (p.supervision_end_date === null || p.supervision_end_date > today);
  const officer = (p: (typeof people)[number]): DemoUser => (supervised(p) ? 'pk' : 'lapas.binadik');
  const proposerOf = (link: typeof a): DemoUser =>
    link.username === 'lapas.binadik' || link.username === 'pk' ? link.username : 'lapas.giatja';

  // The demo partner's three, from the day each was proposed to yesterday.
  const end = day(-1);
  const spread = (from: string, fraction: number) =>
    addDays(from, Math.max(0, Math.round(daysBetween(from, end) * fraction)));
  const dayA = dayOf(a.created_at);
  const dayB = dayOf(b.created_at);
  const dayC = dayOf(c.created_at);
  const items: Pipeline[] = [
    {
      personId: a.person_id,
      opportunity: 'kmb-magang',
      proposer: proposerOf(a),
      steps: [
        {
          stage: 'proposed',
          on: dayA,
          by: proposerOf(a),
          note: 'Sudah lulus pelatihan menjahit; nilai SPPN baik.',
        },
        { stage: 'interview', on: spread(dayA, 0.35), by: 'mitra', note: 'Wawancara dan tes jahit lurus.' },
        {
          stage: 'offered',
          on: spread(dayA, 0.7),
          by: 'mitra',
          note: 'Ditawari magang tiga bulan, 08.00–13.00.',
        },
        { stage: 'placed', on: end, by: 'mitra', note: 'Mulai magang di bagian jahit seragam.' },
      ],
    },
    {
      personId: b.person_id,
      opportunity: 'kmb-magang',
      proposer: proposerOf(b),
      steps: [
        { stage: 'proposed', on: dayB, by: proposerOf(b) },
        {
          stage: 'unsuccessful',
          on: spread(dayB, 0.25),
          by: 'mitra',
          reason: 'declined_by_partner',
          note: 'Belum lancar mengoperasikan mesin obras; disarankan melamar posisi penjahit setelah latihan.',
        },
      ],
    },
    {
      personId: b.person_id,
      opportunity: 'kmb-penjahit',
      proposer: 'lapas.binadik',
      steps: [
        {
          stage: 'proposed',
          on: spread(dayB, 0.3),
          by: 'lapas.binadik',
          note: 'Diusulkan ulang sebagai penjahit.',
        },
        {
          stage: 'contacted',
          on: spread(dayB, 0.5),
          by: 'lapas.binadik',
          note: 'Mitra dihubungi lewat telepon.',
        },
        {
          stage: 'interview',
          on: spread(dayB, 0.85),
          by: 'mitra',
          note: 'Tes jahit kemeja; hasil cukup rapi.',
        },
      ],
    },
    {
      personId: c.person_id,
      opportunity: 'kmb-penjahit',
      proposer: proposerOf(c),
      steps: [
        { stage: 'proposed', on: dayC, by: proposerOf(c) },
        { stage: 'interview', on: spread(dayC, 0.45), by: 'mitra' },
        {
          stage: 'offered',
          on: spread(dayC, 0.9),
          by: 'mitra',
          note: 'Ditawari kerja setelah bebas; menunggu tanggal mulai.',
        },
      ],
    },
    // Six more: placed and ended in the Simongan strip, placed at the catering partner and the BLK, and
    // two fresh proposals for women released soon.
    {
      personId: g.id,
      opportunity: 'sgj-operator',
      proposer: officer(g),
      steps: [
        { stage: 'proposed', on: day(-58), by: officer(g) },
        { stage: 'contacted', on: day(-55), by: officer(g) },
        {
          stage: 'interview',
          on: day(-52),
          by: officer(g),
          note: 'Didampingi petugas saat wawancara di HRD.',
        },
        { stage: 'offered', on: day(-49), by: officer(g) },
        {
          stage: 'placed',
          on: day(-46),
          by: officer(g),
          note: 'Kontrak masa percobaan satu bulan, shift pagi.',
        },
        {
          stage: 'ended',
          on: day(-8),
          by: officer(g),
          reason: 'Kontrak masa percobaan selesai dan tidak diperpanjang; dibantu mencari lowongan lain.',
        },
      ],
    },
    {
      personId: f.id,
      opportunity: 'sgj-operator',
      proposer: officer(f),
      steps: [
        { stage: 'proposed', on: day(-50), by: officer(f) },
        { stage: 'contacted', on: day(-47), by: officer(f) },
        { stage: 'interview', on: day(-42), by: officer(f) },
        { stage: 'offered', on: day(-38), by: officer(f) },
        { stage: 'placed', on: day(-35), by: officer(f), note: 'Bekerja di lini 2, shift pagi.' },
      ],
    },
    {
      personId: d.id,
      opportunity: 'ksr-magang',
      proposer: officer(d),
      steps: [
        { stage: 'proposed', on: day(-40), by: officer(d) },
        { stage: 'contacted', on: day(-38), by: officer(d) },
        {
          stage: 'interview',
          on: day(-34),
          by: 'mitra.katering',
          note: 'Praktik memasak sayur lodeh dan ayam bumbu.',
        },
        { stage: 'offered', on: day(-31), by: 'mitra.katering' },
        { stage: 'placed', on: day(-28), by: 'mitra.katering', note: 'Mulai magang shift pagi.' },
      ],
    },
    {
      personId: i.id,
      opportunity: 'blk-jahit',
      proposer: officer(i),
      steps: [
        { stage: 'proposed', on: day(-26), by: officer(i) },
        { stage: 'contacted', on: day(-24), by: officer(i) },
        {
          stage: 'offered',
          on: day(-19),
          by: 'instruktur',
          note: 'Lolos seleksi administrasi dan wawancara.',
        },
        { stage: 'placed', on: day(-14), by: 'instruktur', note: 'Terdaftar sebagai peserta angkatan IV.' },
      ],
    },
    {
      personId: e.id,
      opportunity: 'ksr-juru-masak',
      proposer: 'lapas.binadik',
      steps: [
        {
          stage: 'proposed',
          on: day(-2),
          by: 'lapas.binadik',
          note: 'Segera bebas; lulus pelatihan tata boga di Lapas.',
        },
      ],
    },
    {
      personId: h.id,
      opportunity: 'laundry-operator',
      proposer: 'lapas.binadik',
      steps: [
        { stage: 'proposed', on: day(-6), by: 'lapas.binadik' },
        {
          stage: 'contacted',
          on: day(-3),
          by: 'kelurahan.krobokan',
          note: 'Pemilik laundry bersedia bertemu setelah yang bersangkutan bebas.',
        },
      ],
    },
  ];

  const consent = (
    person: { id: string },
    partner: string | null,
    proposedOn: string,
    recordedBy: DemoUser,
  ) => ({
    personId: person.id,
    partner,
    purpose: PURPOSE,
    givenOn: addDays(proposedOn, -7),
    recordedBy,
  });
  const consents: ConsentPlan[] = [
    consent(g, 'garmindo', day(-58), officer(g)),
    consent(f, null, day(-50), officer(f)),
    consent(d, null, day(-40), officer(d)),
    consent(i, 'blk', day(-26), officer(i)),
    consent(e, 'catering', day(-2), 'lapas.binadik'),
    consent(h, 'laundry', day(-6), 'lapas.binadik'),
  ];
  return { items, consents };
}
