import { z } from 'zod';

// Indonesia's administrative areas by Kemendagri code (Kepmendagri 300.2.2-2138/2025, via idn-area-data).

/** A kelurahan/desa code: province.regency.district.village, e.g. 33.74.13.1001. */
export const VILLAGE_CODE_PATTERN = /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/;
export const VillageCode = z.string().regex(VILLAGE_CODE_PATTERN);

export const Village = z
  .object({
    code: z.string(),
    name: z.string(),
    /** Kecamatan */
    district: z.string(),
    /** Kabupaten/kota */
    regency: z.string(),
    province: z.string(),
  })
  .meta({ id: 'Village' });
export type Village = z.infer<typeof Village>;

export const VillageSearchQuery = z.strictObject({
  /** Words of the village name, optionally with its district or regency ("krobokan semarang"), or a code prefix. */
  q: z.string().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type VillageSearchQuery = z.infer<typeof VillageSearchQuery>;

export const VillageList = z.object({ items: z.array(Village) });
export type VillageList = z.infer<typeof VillageList>;

export const VillageCodeParams = z.strictObject({ code: VillageCode });
