import { describe, expect, it } from 'vitest';
import { suppressCell } from './outcomes.service.ts';

const cell = (checks: number, working: number, inTraining: number, notWorking: number, returned: number) => ({
  checks,
  working,
  inTraining,
  notWorking,
  returned,
});

describe('suppressCell', () => {
  it('shows everything to corrections staff', () => {
    expect(suppressCell(cell(7, 5, 0, 2, 0), false)).toEqual(cell(7, 5, 0, 2, 0));
  });

  it('hides the next-smallest category when exactly one is hidden', () => {
    expect(suppressCell(cell(7, 5, 0, 2, 0), true)).toEqual({
      ...cell(7, 5, 0, 2, 0),
      inTraining: null,
      notWorking: null,
    });
    // The hidden one is returned: the smallest other (working 6 vs in training 9 vs not working 12) goes too.
    expect(suppressCell(cell(27, 6, 9, 12, 3), true)).toEqual({
      ...cell(27, 6, 9, 12, 3),
      working: null,
      returned: null,
    });
  });

  it('adds nothing when none or two or more are hidden', () => {
    expect(suppressCell(cell(20, 10, 0, 10, 0), true)).toEqual(cell(20, 10, 0, 10, 0));
    expect(suppressCell(cell(9, 5, 2, 2, 0), true)).toEqual({
      ...cell(9, 5, 2, 2, 0),
      inTraining: null,
      notWorking: null,
    });
  });

  it('hides small checks', () => {
    expect(suppressCell(cell(3, 0, 0, 0, 0), true).checks).toBeNull();
  });
});
