import type { InsightExportRequest } from '../../../../shared/insight.ts';
import { api } from '../../../lib/api.ts';

/**
 * Records a chart's CSV download in the audit log (insight.csv_downloaded) before the browser makes the
 * file: the signed-in pages pass it as the ChartPanel's `onCsvDownload`, so a refusal stops the download.
 * Filter values are kept short (the server takes at most 100 characters each).
 */
export async function auditCsvDownload(request: InsightExportRequest): Promise<void> {
  await api<void>('/api/insight/exports', {
    method: 'POST',
    body: { ...request, filters: exportFilters(request.filters) },
  });
}

/** The filters as the audit takes them: set values only, as short strings. */
export function exportFilters(
  filters: Record<string, string | null | undefined> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    out[key.slice(0, 40)] = value.slice(0, 100);
  }
  return out;
}
