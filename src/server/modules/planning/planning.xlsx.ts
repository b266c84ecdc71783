import type { TrainingGapReport } from '../../../shared/planning.ts';
import {
  displayDate,
  excelDate,
  label,
  SKILL_LEVEL,
  writeXlsx,
} from '../people/export/people-export.labels.ts';

// The training-gap report as a workbook for the work plan: sheet "Kesenjangan keterampilan" (per skill, then
// its kelurahan) and sheet "Rekomendasi kohort". Indonesian headers and labels (a file leaves the app), dates
// as Excel dates shown dd/mm/yyyy (a latest start given by month: mm/yyyy, and no first release). Kept in
// step with the web's planning and people.vocab labels.

export const SECTOR: Record<string, string> = {
  garment: 'Garmen & menjahit',
  food: 'Makanan & minuman',
  beauty: 'Tata rias & salon',
  batik: 'Batik',
  craft: 'Kerajinan',
  laundry: 'Binatu (laundry)',
  urban_farming: 'Pertanian perkotaan',
  retail: 'Perdagangan & toko',
  hospitality: 'Perhotelan & restoran',
  administration: 'Administrasi',
  other: 'Lainnya',
};

export const GAP_SHEET = 'Kesenjangan keterampilan';
export const COHORT_SHEET = 'Rekomendasi kohort';
export const ALL_VILLAGES = 'Semua kelurahan';
export const VILLAGE_NOT_SET = 'Belum ditentukan';
export const NEW_PROGRAM = 'Perlu program baru';
export const URGENT = 'Segera';

/** A latest start given by month (the first day of it), shown as its month only. */
export const MONTH_FORMAT = 'mm/yyyy';

export function gapXlsx(report: TrainingGapReport): Promise<Buffer> {
  const byDay = report.datePrecision === 'day';
  return writeXlsx(async (addSheet) => {
    const gaps = addSheet(GAP_SHEET, [
      { header: 'No', key: 'no', width: 5 },
      { header: 'Keterampilan', key: 'skill', width: 28 },
      { header: 'Sektor', key: 'sector', width: 22 },
      { header: 'Kelurahan', key: 'village', width: 26 },
      { header: 'Tempat (wajib)', key: 'places', width: 14 },
      { header: 'Tempat (opsional)', key: 'optional', width: 16 },
      { header: 'Kebutuhan kelurahan', key: 'needs', width: 18 },
      { header: 'Potensi kelurahan', key: 'potentials', width: 16 },
      { header: 'Permintaan', key: 'demand', width: 12 },
      { header: 'Sudah memiliki', key: 'holding', width: 14 },
      { header: 'Dalam pelatihan', key: 'training', width: 15 },
      { header: 'Pasokan', key: 'supply', width: 10 },
      { header: 'Kesenjangan', key: 'gap', width: 12 },
      { header: 'Kekurangan karena tingkat', key: 'levelShortfall', width: 22 },
      { header: 'Tingkat yang kurang', key: 'gapLevel', width: 18 },
      { header: 'Bebas tanpa keterampilan', key: 'lacking', width: 22 },
    ]);
    report.skills.forEach((row, index) => {
      gaps
        .addRow({
          no: index + 1,
          skill: row.skill.nameId,
          sector: label(SECTOR, row.sector),
          village: ALL_VILLAGES,
          places: row.demandPlaces,
          optional: row.demandPlacesOptional,
          needs: row.demandNeeds,
          potentials: row.demandPotentials,
          demand: row.demand,
          holding: row.supplyHolding,
          training: row.supplyInTraining,
          supply: row.supply,
          gap: row.gap,
          levelShortfall: row.levelShortfall,
          gapLevel: label(SKILL_LEVEL, row.gapLevel),
          lacking: row.releasesLacking,
        })
        .commit();
      for (const village of row.byVillage)
        gaps
          .addRow({
            skill: row.skill.nameId,
            sector: label(SECTOR, row.sector),
            village: village.village?.name ?? VILLAGE_NOT_SET,
            demand: village.demand,
            supply: village.supply,
            gap: village.gap,
          })
          .commit();
    });
    gaps.addRow({}).commit();
    const about: [string, string][] = [
      ['Cakrawala', `${report.horizonMonths} bulan: ${displayDate(report.from)} – ${displayDate(report.to)}`],
      ['Kelurahan', report.village?.name ?? ALL_VILLAGES],
      ['Perempuan bebas dalam cakrawala', String(report.releases)],
      ['Dibuat', displayDate(report.generatedOn)],
    ];
    for (const [name, value] of about) gaps.addRow({ skill: name, sector: value }).commit();
    gaps.addRow({}).commit();
    for (const rule of report.rules) gaps.addRow({ skill: rule.id }).commit();

    const cohorts = addSheet(COHORT_SHEET, [
      { header: 'No', key: 'no', width: 5 },
      { header: 'Keterampilan', key: 'skill', width: 28 },
      { header: 'Program', key: 'program', width: 30 },
      { header: 'Penyelenggara', key: 'organization', width: 26 },
      { header: 'Tingkat', key: 'level', width: 12 },
      { header: 'Kohort ke-', key: 'sequence', width: 10 },
      { header: 'Ukuran', key: 'size', width: 9 },
      { header: 'Melayani', key: 'serves', width: 10 },
      { header: 'Lama (minggu)', key: 'weeks', width: 13 },
      // One woman's release date: for corrections staff only; the others get the latest start's month.
      ...(byDay
        ? [
            { header: 'Bebas paling awal', key: 'firstRelease', width: 17, date: true },
            { header: 'Mulai paling lambat', key: 'latestStart', width: 19, date: true },
          ]
        : [{ header: 'Mulai paling lambat (bulan)', key: 'latestStart', width: 26, date: true }]),
      { header: 'Keterangan', key: 'note', width: 20 },
    ]);
    report.cohorts.forEach((row, index) => {
      const added = cohorts.addRow({
        no: index + 1,
        skill: row.skill.nameId,
        program: row.program?.name ?? NEW_PROGRAM,
        organization: row.program?.organizationName ?? '',
        level: label(SKILL_LEVEL, row.program?.level),
        sequence: row.sequence,
        size: row.size,
        serves: row.serves,
        weeks: row.program?.durationWeeks ?? null,
        ...(byDay && { firstRelease: excelDate(row.firstRelease) }),
        latestStart: excelDate(row.latestStart),
        note: row.program === null ? NEW_PROGRAM : row.urgent ? URGENT : '',
      });
      if (!byDay) added.getCell('latestStart').numFmt = MONTH_FORMAT;
      added.commit();
    });
  });
}
