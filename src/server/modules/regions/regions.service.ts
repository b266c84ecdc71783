import { nikRegionCode } from '../../../shared/nik.ts';
import type { Village } from '../../../shared/regions.ts';
import type { RequestContext } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { type Areas, areas, normalizeName } from './regions.repository.ts';

// Region codes are public reference data: any signed-in user may look them up (the routes check that).

function villageAt(data: Areas, index: number): Village {
  const district = data.districtList[data.villages.district[index] ?? 0];
  const regency = district ? data.regencies.get(district.regency) : undefined;
  return {
    code: data.villages.code[index] ?? '',
    name: data.villages.name[index] ?? '',
    district: district?.name ?? '',
    regency: regency?.name ?? '',
    province: (regency && data.provinces.get(regency.province)) ?? '',
  };
}

/** Whether a district (kecamatan) code 'PP.RR.DD' exists. */
export async function districtExists(code: string): Promise<boolean> {
  return (await areas()).districts.has(code);
}

/**
 * Provinces whose regency codes were renumbered when they were split (Papua 91 and Papua Barat 92 into
 * 91–96 in 2022): a NIK keeps the code it was issued with, which today's list no longer has.
 */
const RENUMBERED_PROVINCES = new Set(['91', '92']);

/**
 * Whether the region prefix of a 16-digit NIK is a known district; for NIKs issued in a province whose
 * codes were renumbered since, whether the province is known.
 */
export async function nikRegionExists(nik: string): Promise<boolean> {
  if (await districtExists(nikRegionCode(nik))) return true;
  return RENUMBERED_PROVINCES.has(nik.slice(0, 2));
}

/** The village (kelurahan/desa) with a code such as '33.74.13.1001', or null. */
export async function findVillage(code: string): Promise<Village | null> {
  const data = await areas();
  const index = data.villages.index.get(code);
  return index === undefined ? null : villageAt(data, index);
}

/**
 * Villages whose name holds every word of `q` (a word may also match the district or the regency, so
 * "krobokan semarang" finds Krobokan in Kota Semarang), or whose code starts with `q`. Exact names
 * first, then names starting with `q`, then the rest; in code order within each.
 */
export async function searchVillages(q: string, limit: number): Promise<Village[]> {
  const data = await areas();
  const { villages, districtList } = data;
  const trimmed = q.trim();
  const hits: { index: number; rank: number }[] = [];
  if (/^[0-9.]+$/.test(trimmed)) {
    for (let i = 0; i < villages.code.length && hits.length < limit; i++) {
      if ((villages.code[i] ?? '').startsWith(trimmed)) hits.push({ index: i, rank: 0 });
    }
    return hits.map((hit) => villageAt(data, hit.index));
  }
  const query = normalizeName(trimmed);
  const words = query.split(' ').filter(Boolean);
  if (words.length === 0) return [];
  for (let i = 0; i < villages.search.length; i++) {
    const name = villages.search[i] ?? '';
    let matches = true;
    for (const word of words) {
      if (name.includes(word)) continue;
      if (!(districtList[villages.district[i] ?? 0]?.search ?? '').includes(word)) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    const byName = name === query ? 0 : name.startsWith(query) ? 1 : name.includes(query) ? 2 : 3;
    hits.push({ index: i, rank: byName * 4 + nearness(villages.code[i] ?? '') });
  }
  hits.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return hits.slice(0, limit).map((hit) => villageAt(data, hit.index));
}

// The program's home (Kecamatan Semarang Barat, Kota Semarang, Jawa Tengah) comes first among equal names:
// most domiciles are near the prison. Search still covers all of Indonesia.
const HOME = ['33.74.13.', '33.74.', '33.'] as const;
function nearness(code: string) {
  const level = HOME.findIndex((prefix) => code.startsWith(prefix));
  return level === -1 ? HOME.length : level;
}

/** One village for the route: 404 when the code is unknown. */
export async function getVillage(_ctx: RequestContext, code: string): Promise<Village> {
  const village = await findVillage(code);
  if (!village) throw new AppError(404, 'VILLAGE_NOT_FOUND', { params: { code } });
  return village;
}

/** Village search for the route. */
export async function listVillages(_ctx: RequestContext, query: { q: string; limit: number }) {
  return { items: await searchVillages(query.q, query.limit) };
}
