import type {
  CustodyRow,
  findBehaviourScores,
  findRemissions,
  findSkills,
  PersonRow,
} from '../people.repository.ts';
import {
  ACTION,
  displayMoment,
  EDUCATION,
  excelDate,
  FIELD_GROUP,
  LINK_KIND,
  label,
  MARITAL,
  NOTE_KIND,
  OFFENCE,
  ORGANIZATION_KIND,
  REMISSION,
  SKILL_EVIDENCE,
  SKILL_LEVEL,
  sentenceText,
  VISIBILITY,
  writeXlsx,
} from './people-export.labels.ts';
import type {
  AccessLogRow,
  findAllEvents,
  findAllLinks,
  findConsents,
  findDocuments,
  findNotes,
} from './people-export.repository.ts';

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** Everything stored about one person, as the data-rights export gathers it. */
export interface PersonData {
  generatedAt: Date;
  generatedBy: string;
  reference: string;
  person: PersonRow;
  skills: Rows<typeof findSkills>;
  custody: CustodyRow | null;
  remissions: Rows<typeof findRemissions>;
  scores: Rows<typeof findBehaviourScores>;
  notes: Rows<typeof findNotes>;
  documents: Rows<typeof findDocuments>;
  consents: Rows<typeof findConsents>;
  recipientNames: Map<string, string>;
  links: Rows<typeof findAllLinks>;
  events: Rows<typeof findAllEvents>;
  accessLog: AccessLogRow[];
}

export type Section = { title: string; rows: [string, string][] } | { title: string; table: string[][] };

const yesNo = (value: boolean | null | undefined) => (value ? 'Ya' : 'Tidak');
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const date = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** The profile as label–value pairs (shared by the XLSX and the PDF). */
export function profileRows(data: PersonData): [string, string][] {
  const p = data.person;
  const guarantor = p.guarantor;
  return [
    ['Nama lengkap', p.full_name],
    ['Nama alias', p.aliases.join(', ')],
    ['NIK', text(p.nik)],
    ['Tempat lahir', text(p.birth_place)],
    ['Tanggal lahir', date(p.birth_date)],
    ['Pendidikan', label(EDUCATION, p.education_level)],
    ['Status perkawinan', label(MARITAL, p.marital_status)],
    ['Jumlah anak tanggungan', text(p.dependent_children)],
    ['Telepon', text(p.phone)],
    ['Penjamin', guarantor ? `${guarantor.name}${guarantor.relation ? ` (${guarantor.relation})` : ''}` : ''],
    ['Alamat penjamin', text(guarantor?.address)],
    ['Telepon penjamin', text(guarantor?.phone)],
    ['Alamat domisili', text(p.domicile_address)],
    ['Kelurahan domisili', [p.domicile_village_code, p.domicile_village_name].filter(Boolean).join(' ')],
    ['Kelurahan tujuan', text(p.intended_village_name)],
    ['No. registrasi', text(p.registration_number)],
    ['Minat', text(p.interests)],
    ['Sektor pilihan', p.preferred_sectors.join(', ')],
    ['Mengasuh anak', yesNo(p.constraints.childcare)],
    ['Hanya paruh waktu', yesNo(p.constraints.partTimeOnly)],
    ['Kendala kesehatan', text(p.constraints.health)],
    ['Agama', text(p.religion)],
    ['Suku', text(p.ethnicity)],
    ['Lapas', p.organization_name],
    ['Tanggal bebas (perkiraan)', date(p.release_date)],
    ['Tanggal bebas', date(p.released_on)],
    ['Akhir bimbingan', date(p.supervision_end_date)],
    ['Kembali ke lapas', date(p.returned_on)],
    ['Terdaftar sejak', displayMoment(p.created_at)],
    ['Terakhir diubah', displayMoment(p.updated_at)],
  ];
}

/** Every part of her record as titled sections, in the order the person reads them. */
export function sections(data: PersonData): Section[] {
  const c = data.custody;
  return [
    { title: 'Profil', rows: profileRows(data) },
    {
      title: 'Keterampilan',
      table: [
        ['Keterampilan', 'Sektor', 'Tingkat', 'Bukti', 'Catatan'],
        ...data.skills.map((s) => [
          s.name,
          text(s.sector),
          label(SKILL_LEVEL, s.level),
          label(SKILL_EVIDENCE, s.evidence),
          text(s.note),
        ]),
      ],
    },
    {
      title: 'Data pidana',
      rows: c
        ? [
            ['Kategori tindak pidana', label(OFFENCE, c.offence_category)],
            ['Nomor putusan', text(c.court_decision_number)],
            ['Tanggal putusan', date(c.court_decision_date)],
            ['Lama pidana', sentenceText(c)],
            ['Denda (Rp)', c.fine_amount ? Number(c.fine_amount).toLocaleString('id-ID') : ''],
            ['Subsider', `${c.fine_substitute_months} bln ${c.fine_substitute_days} hr`],
            ['Denda dibayar', yesNo(c.fine_paid)],
            ['Mulai ditahan', date(c.detention_start_date)],
            ['Rencana pindah', date(c.transfer_planned_on)],
            ['Tujuan pemindahan', text(c.transfer_destination)],
            ['Tanggal bebas', date(c.released_on)],
            ['Akhir bimbingan', date(c.supervision_end_date)],
            ['Kembali ke lapas', date(c.returned_on)],
          ]
        : [['Data pidana', 'Tidak ada']],
    },
    {
      title: 'Remisi',
      table: [
        ['Jenis', 'Hari', 'Nomor SK', 'Tanggal SK'],
        ...data.remissions.map((r) => [
          label(REMISSION, r.kind),
          String(r.days),
          text(r.decree_number),
          date(r.decree_date),
        ]),
      ],
    },
    {
      title: 'Nilai SPPN',
      table: [
        ['Bulan', 'Nilai', 'Catatan'],
        ...data.scores.map((s) => [s.month.slice(0, 7), String(Number(s.score)), text(s.note)]),
      ],
    },
    {
      title: 'Catatan kasus',
      table: [
        ['Waktu', 'Jenis', 'Visibilitas', 'Penulis', 'Organisasi', 'Isi'],
        ...data.notes.map((n) => [
          displayMoment(n.created_at),
          label(NOTE_KIND, n.kind),
          label(VISIBILITY, n.visibility),
          n.author_name,
          text(n.organization_name),
          n.body,
        ]),
      ],
    },
    {
      title: 'Dokumen',
      table: [
        ['Diunggah', 'Judul', 'Kategori', 'Nama berkas', 'Ukuran (KB)', 'Pengunggah', 'Dihapus'],
        ...data.documents.map((d) => [
          displayMoment(d.created_at),
          d.title,
          d.category,
          d.file_name,
          String(Math.ceil(d.size_bytes / 1024)),
          d.uploaded_by_name,
          d.deleted_at ? displayMoment(d.deleted_at) : '',
        ]),
      ],
    },
    {
      title: 'Persetujuan',
      table: [
        ['Tujuan', 'Penerima', 'Kelompok data', 'Diberikan', 'Ditarik', 'Alasan penarikan'],
        ...data.consents.map((consent) => [
          consent.purpose,
          [
            ...consent.recipient_organization_ids.map((id) => data.recipientNames.get(id) ?? id),
            ...consent.recipient_kinds.map((kind) => `Semua ${label(ORGANIZATION_KIND, kind)}`),
          ].join(', '),
          consent.field_groups.map((group) => label(FIELD_GROUP, group)).join(', '),
          date(consent.given_on),
          date(consent.withdrawn_on),
          text(consent.withdrawn_reason),
        ]),
      ],
    },
    {
      title: 'Keterkaitan organisasi',
      table: [
        ['Jenis', 'Organisasi', 'Aktif', 'Sejak', 'Berakhir'],
        ...data.links.map((l) => [
          label(LINK_KIND, l.kind),
          l.organization_name,
          yesNo(l.active),
          displayMoment(l.created_at),
          l.ended_at ? displayMoment(l.ended_at) : '',
        ]),
      ],
    },
    {
      title: 'Linimasa',
      table: [
        ['Waktu', 'Peristiwa', 'Oleh', 'Organisasi'],
        ...data.events.map((e) => [
          displayMoment(e.at),
          e.kind,
          text(e.actor_name),
          text(e.organization_name),
        ]),
      ],
    },
    {
      title: 'Log akses',
      table: [
        ['Waktu', 'Tindakan', 'Kode tindakan', 'Pengguna', 'Nama pengguna', 'Organisasi'],
        ...data.accessLog.map((a) => [
          displayMoment(a.at),
          label(ACTION, a.action),
          a.action,
          text(a.actor_name),
          text(a.actor_username),
          text(a.organization_name),
        ]),
      ],
    },
  ];
}

/** Her data as a workbook: one sheet per part of the record, the access log last. */
export function personDataXlsx(data: PersonData): Promise<Buffer> {
  return writeXlsx(async (addSheet) => {
    const about = addSheet('Tentang berkas ini', [
      { header: 'Keterangan', key: 'label', width: 28 },
      { header: 'Isi', key: 'value', width: 70 },
    ]);
    about.addRow({
      label: 'Isi',
      value: 'Seluruh data pribadi dan log akses (UU 27/2022 tentang PDP, Pasal 32)',
    });
    about.addRow({ label: 'Kode rujukan', value: data.reference });
    about.addRow({ label: 'Dibuat', value: displayMoment(data.generatedAt) });
    about.addRow({ label: 'Dibuat oleh', value: data.generatedBy });
    for (const section of sections(data)) {
      if ('rows' in section) {
        const sheet = addSheet(section.title, [
          { header: 'Data', key: 'label', width: 28 },
          { header: 'Isi', key: 'value', width: 60 },
        ]);
        for (const [rowLabel, value] of section.rows) sheet.addRow({ label: rowLabel, value });
        // The birth date as a real Excel date as well, for whoever sorts or computes with it.
        if (section.title === 'Profil' && data.person.birth_date) {
          const row = sheet.addRow({
            label: 'Tanggal lahir (tanggal Excel)',
            value: excelDate(data.person.birth_date),
          });
          row.getCell(2).numFmt = 'dd/mm/yyyy';
        }
      } else {
        const [header = [], ...rows] = section.table;
        const sheet = addSheet(
          section.title,
          header.map((title, index) => ({
            header: title,
            key: `c${index}`,
            width: title === 'Isi' ? 60 : 22,
          })),
        );
        for (const row of rows) sheet.addRow(row);
      }
    }
  });
}
