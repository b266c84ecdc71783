import { z } from 'zod';

export const LANGUAGES = ['id', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: z.uuid() });

/**
 * A calendar date 'yyyy-mm-dd' from 1900 to 2100: a year like 0050 is a typing slip, not a date to keep
 * (and years below 100 would be read as 19xx by date arithmetic).
 */
export const CalendarDate = z.iso.date().refine(
  (value) => {
    const year = Number(value.slice(0, 4));
    return year >= 1900 && year <= 2100;
  },
  { params: { key: 'date_out_of_range' } },
);

/** Query-string page controls shared by list endpoints. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
