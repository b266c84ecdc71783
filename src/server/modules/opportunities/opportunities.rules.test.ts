import { describe, expect, it } from 'vitest';
import { checkComplete, checkValues, type Fields, fillStatus, statusAfter } from './opportunities.rules.ts';

const values = { startOn: '2027-02-01', closesOn: null, payMin: null, payMax: null, payPeriod: null };

function check(overrides: Partial<typeof values> | Record<string, unknown>) {
  const fields: Fields = {};
  checkValues({ ...values, ...overrides } as typeof values, fields);
  return fields;
}

describe('checkValues', () => {
  it('accepts a closing date on or after the start, and a pay range with its period', () => {
    expect(check({ closesOn: '2027-02-01' })).toEqual({});
    expect(check({ closesOn: '2027-03-01', payMin: 1000, payMax: 1000, payPeriod: 'day' })).toEqual({});
    expect(check({ payMax: 2000, payPeriod: 'month' })).toEqual({});
  });

  it('names the closing date before the start, the pay range upside down, an amount without period', () => {
    expect(check({ closesOn: '2027-01-31', payMin: 2000, payMax: 1000 })).toEqual({
      closesOn: { key: 'opportunity_closes_before_start', params: { startOn: '01/02/2027' } },
      payMax: { key: 'opportunity_pay_max_below_min' },
      payPeriod: { key: 'opportunity_pay_period_required' },
    });
  });
});

describe('checkComplete', () => {
  const complete = (
    kind: 'job_vacancy' | 'apprenticeship' | 'tools_capital',
    skills: number,
    closesOn: string | null,
  ) => {
    const fields: Fields = {};
    checkComplete({ kind, skills, closesOn }, '2027-02-10', fields);
    return fields;
  };

  it('asks a job vacancy or an apprenticeship for a skill, not tools or capital', () => {
    expect(complete('job_vacancy', 0, null)).toEqual({ skills: { key: 'opportunity_skills_required' } });
    expect(complete('apprenticeship', 0, null)).toEqual({ skills: { key: 'opportunity_skills_required' } });
    expect(complete('job_vacancy', 1, null)).toEqual({});
    expect(complete('tools_capital', 0, null)).toEqual({});
  });

  it('refuses a closing date already past, not one that is today', () => {
    expect(complete('tools_capital', 0, '2027-02-09')).toEqual({
      closesOn: { key: 'opportunity_closing_date_passed' },
    });
    expect(complete('tools_capital', 0, '2027-02-10')).toEqual({});
  });
});

describe('statusAfter', () => {
  it('opens drafts only', () => {
    expect(statusAfter('open', { status: 'draft', everOpened: false })).toBe('open');
    for (const status of ['open', 'filled', 'closed'] as const)
      expect(statusAfter('open', { status, everOpened: true })).toBeNull();
  });

  it('closes anything not closed yet', () => {
    for (const status of ['draft', 'open', 'filled'] as const)
      expect(statusAfter('close', { status, everOpened: status !== 'draft' })).toBe('closed');
    expect(statusAfter('close', { status: 'closed', everOpened: true })).toBeNull();
  });

  it('reopens closed ones: open when once opened, else back to draft', () => {
    expect(statusAfter('reopen', { status: 'closed', everOpened: true })).toBe('open');
    expect(statusAfter('reopen', { status: 'closed', everOpened: false })).toBe('draft');
    expect(statusAfter('reopen', { status: 'open', everOpened: true })).toBeNull();
  });
});

describe('fillStatus', () => {
  it('fills an open one when the people placed reach the places, and frees it when they drop', () => {
    expect(fillStatus('open', 2, 1)).toBe('open');
    expect(fillStatus('open', 2, 2)).toBe('filled');
    expect(fillStatus('open', 2, 3)).toBe('filled');
    expect(fillStatus('filled', 2, 1)).toBe('open');
    expect(fillStatus('filled', 2, 2)).toBe('filled');
  });

  it('leaves drafts and closed ones alone', () => {
    expect(fillStatus('draft', 1, 5)).toBe('draft');
    expect(fillStatus('closed', 1, 5)).toBe('closed');
    expect(fillStatus('closed', 5, 0)).toBe('closed');
  });
});
