import { describe, expect, it } from 'vitest';
import { followTrail, hasAddressFilters, withFilters } from './addressFilters.ts';

describe('withFilters', () => {
  it('sets and removes filters and goes back to the first page', () => {
    const next = withFilters(new URLSearchParams('q=siti&halaman=4'), { q: null, sektor: 'batik' });
    expect(next.toString()).toBe('sektor=batik');
    const other = withFilters(new URLSearchParams('q=jahit&halaman=3'), { q: null, jenis: 'apprenticeship' });
    expect(other.toString()).toBe('jenis=apprenticeship');
  });

  it('removes a filter set to an empty text or undefined', () => {
    const next = withFilters(new URLSearchParams('q=siti&sektor=food&status=open'), {
      q: '',
      sektor: undefined,
    });
    expect(next.toString()).toBe('status=open');
  });

  it('keeps the other filters when only the page changes', () => {
    expect(withFilters(new URLSearchParams('q=siti'), { halaman: '2' }).toString()).toBe('q=siti&halaman=2');
    expect(withFilters(new URLSearchParams('sektor=food'), { halaman: '2' }).toString()).toBe(
      'sektor=food&halaman=2',
    );
  });

  it('uses the page key the list names', () => {
    expect(
      withFilters(new URLSearchParams('action=x&page=3'), { from: '2026-01-01' }, 'page').toString(),
    ).toBe('action=x&from=2026-01-01');
    expect(withFilters(new URLSearchParams('action=x'), { page: '3' }, 'page').toString()).toBe(
      'action=x&page=3',
    );
  });

  it('leaves the address it was given as it was', () => {
    const params = new URLSearchParams('q=siti&halaman=2');
    withFilters(params, { q: 'ani' });
    expect(params.toString()).toBe('q=siti&halaman=2');
  });
});

describe('hasAddressFilters', () => {
  it('counts every key but the page and the neutral ones', () => {
    expect(hasAddressFilters(new URLSearchParams(''))).toBe(false);
    expect(hasAddressFilters(new URLSearchParams('halaman=2'))).toBe(false);
    expect(hasAddressFilters(new URLSearchParams('halaman=2&q=siti'))).toBe(true);
    expect(hasAddressFilters(new URLSearchParams('urut=name&halaman=2'), 'halaman', ['urut'])).toBe(false);
    expect(hasAddressFilters(new URLSearchParams('urut=name&status=open'), 'halaman', ['urut'])).toBe(true);
    expect(hasAddressFilters(new URLSearchParams('page=2'), 'page')).toBe(false);
  });
});

describe('followTrail', () => {
  it('builds a second quick change on the first while the page still shows the old address', () => {
    // Shown: '' (nothing yet). The status is chosen, then the handover state before the list shows it.
    let trail = followTrail([], '');
    const first = withFilters(new URLSearchParams(trail.at(-1)), { status: 'pre_release' });
    trail.push(first.toString());
    trail = followTrail(trail, ''); // still shown: the old address
    const second = withFilters(new URLSearchParams(trail.at(-1)), { serah: 'none' });
    expect(second.toString()).toBe('status=pre_release&serah=none');
  });

  it('drops what the page has shown, and keeps what it has not', () => {
    expect(followTrail(['', 'a=1', 'a=1&b=2'], 'a=1')).toEqual(['a=1', 'a=1&b=2']);
    expect(followTrail(['', 'a=1', 'a=1&b=2'], 'a=1&b=2')).toEqual(['a=1&b=2']);
  });

  it('starts again from an address changed elsewhere (a link, the back button)', () => {
    expect(followTrail(['a=1'], '')).toEqual(['']);
    expect(followTrail(['', 'a=1'], 'q=siti')).toEqual(['q=siti']);
  });

  it('takes the last time an address was asked for (a filter set and cleared again)', () => {
    expect(followTrail(['', 'a=1', ''], '')).toEqual(['']);
  });
});
