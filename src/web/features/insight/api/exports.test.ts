import { describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api.ts';
import { auditCsvDownload, exportFilters } from './exports.ts';

vi.mock('../../../lib/api.ts', () => ({ api: vi.fn(async () => undefined) }));

describe('auditCsvDownload', () => {
  it('posts the view, the section and the set filters to the audit endpoint', async () => {
    await auditCsvDownload({
      view: 'dashboard',
      section: 'funnel',
      filters: { from: '2026-01', to: '2026-06', organizationId: '' },
    });
    expect(api).toHaveBeenCalledWith('/api/insight/exports', {
      method: 'POST',
      body: { view: 'dashboard', section: 'funnel', filters: { from: '2026-01', to: '2026-06' } },
    });
  });

  it('fails when the audit is refused (so no file is made)', async () => {
    vi.mocked(api).mockRejectedValueOnce(new Error('refused'));
    await expect(auditCsvDownload({ view: 'dashboard', section: 'funnel' })).rejects.toThrow('refused');
  });
});

describe('exportFilters', () => {
  it('keeps the set filters as short strings', () => {
    expect(exportFilters({ from: '2026-01', to: '2026-06', organizationId: null, villageId: '' })).toEqual({
      from: '2026-01',
      to: '2026-06',
    });
    expect(exportFilters({ [`k${'x'.repeat(60)}`]: 'v'.repeat(150) })).toEqual({
      [`k${'x'.repeat(39)}`]: 'v'.repeat(100),
    });
    expect(exportFilters(undefined)).toEqual({});
  });
});
