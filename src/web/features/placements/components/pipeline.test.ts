import { describe, expect, it } from 'vitest';
import {
  boardFilters,
  boardStages,
  columnCount,
  groupByStage,
  isFinalStage,
  pipelineQuery,
  type StepValues,
  stepErrors,
  stepRequest,
  unsuccessfulReason,
  withBoardFilter,
} from './pipeline.ts';

const VILLAGE = '3f2a8a4e-0b7c-4d55-9a43-6a1f8b0c1d2e';
const PARTNER = '9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e';

describe('boardStages', () => {
  it('shows the running stages in pipeline order', () => {
    expect(boardStages(false)).toEqual(['proposed', 'contacted', 'interview', 'offered', 'placed']);
  });
  it('adds ended and unsuccessful at the end when closed ones are asked for', () => {
    expect(boardStages(true)).toEqual([
      'proposed',
      'contacted',
      'interview',
      'offered',
      'placed',
      'ended',
      'unsuccessful',
    ]);
  });
  it('knows the final stages', () => {
    expect(isFinalStage('ended')).toBe(true);
    expect(isFinalStage('unsuccessful')).toBe(true);
    expect(isFinalStage('placed')).toBe(false);
  });
});

describe('groupByStage', () => {
  it('puts each placement in its stage, every stage present, the latest step first', () => {
    const groups = groupByStage([
      { id: 'a', stage: 'proposed', lastStepOn: '2026-11-01' },
      { id: 'b', stage: 'placed', lastStepOn: '2026-10-20' },
      { id: 'c', stage: 'proposed', lastStepOn: '2026-11-20' },
      { id: 'd', stage: 'proposed', lastStepOn: '2026-11-01' },
    ] as const);
    expect(groups.proposed.map((item) => item.id)).toEqual(['c', 'a', 'd']);
    expect(groups.placed.map((item) => item.id)).toEqual(['b']);
    expect(groups.contacted).toEqual([]);
    expect(Object.keys(groups)).toHaveLength(7);
  });
});

describe('columnCount', () => {
  it("prefers the server's count (the list may be capped) over the cards shown", () => {
    expect(columnCount('proposed', 3, { proposed: 12 })).toBe(12);
    expect(columnCount('offered', 3, { proposed: 12 })).toBe(3);
    expect(columnCount('offered', 2, undefined)).toBe(2);
  });
});

describe('board filters in the address', () => {
  it('reads the filters and ignores malformed ids', () => {
    const params = new URLSearchParams(`kelurahan=${VILLAGE}&mitra=not-an-id&selesai=1`);
    expect(boardFilters(params)).toEqual({
      villageId: VILLAGE,
      partnerId: undefined,
      opportunityId: undefined,
      includeClosed: true,
    });
  });
  it('sets and removes one filter, keeping the others', () => {
    const start = new URLSearchParams(`kelurahan=${VILLAGE}`);
    const withPartner = withBoardFilter(start, 'partnerId', PARTNER);
    expect(withPartner.toString()).toBe(`kelurahan=${VILLAGE}&mitra=${PARTNER}`);
    expect(withBoardFilter(withPartner, 'villageId', null).toString()).toBe(`mitra=${PARTNER}`);
    expect(withBoardFilter(start, 'includeClosed', true).get('selesai')).toBe('1');
    expect(withBoardFilter(start, 'includeClosed', false).has('selesai')).toBe(false);
  });
  it('sends only the given filters to the API', () => {
    expect(pipelineQuery({ villageId: VILLAGE, includeClosed: false })).toEqual({ villageId: VILLAGE });
    expect(pipelineQuery({ personId: PARTNER, includeClosed: true })).toEqual({
      personId: PARTNER,
      includeClosed: 'true',
    });
  });
});

describe('a step', () => {
  const base: StepValues = {
    stage: 'interview',
    happenedOn: '2026-11-20',
    outcome: null,
    endReason: '',
    note: '',
  };
  const today = '2026-11-29';
  const last = '2026-11-10';

  it('is fine with a stage and a date between the last step and today', () => {
    expect(stepErrors(base, today, last)).toEqual({});
    expect(stepErrors({ ...base, happenedOn: today }, today, last)).toEqual({});
    expect(stepErrors({ ...base, happenedOn: last }, today, last)).toEqual({});
  });
  it('needs a stage and a date, not in the future, not before the last step', () => {
    expect(stepErrors({ ...base, stage: null, happenedOn: null }, today, last)).toEqual({
      stage: 'required',
      happenedOn: 'required',
    });
    expect(stepErrors({ ...base, happenedOn: '2026-11-30' }, today, last)).toEqual({ happenedOn: 'future' });
    expect(stepErrors({ ...base, happenedOn: '2026-11-09' }, today, last)).toEqual({
      happenedOn: 'beforeLast',
    });
  });
  it('needs a reason from the list for unsuccessful, and a note when it is "other"', () => {
    const unsuccessful = { ...base, stage: 'unsuccessful' as const };
    expect(stepErrors(unsuccessful, today, last)).toEqual({ outcome: 'required' });
    expect(stepErrors({ ...unsuccessful, outcome: 'declined_by_partner' }, today, last)).toEqual({});
    expect(stepErrors({ ...unsuccessful, outcome: 'other' }, today, last)).toEqual({ note: 'required' });
    expect(stepErrors({ ...unsuccessful, outcome: 'other', note: 'Pindah kota' }, today, last)).toEqual({});
  });
  it('needs why it ended, in words', () => {
    expect(stepErrors({ ...base, stage: 'ended', endReason: '  ' }, today, last)).toEqual({
      endReason: 'required',
    });
    expect(stepErrors({ ...base, stage: 'ended', endReason: 'Kontrak selesai' }, today, last)).toEqual({});
  });
  it('sends the reason only for the stages that have one', () => {
    expect(stepRequest({ ...base, outcome: 'other', endReason: 'x', note: ' ' }, 3)).toEqual({
      stage: 'interview',
      happenedOn: '2026-11-20',
      note: null,
      version: 3,
    });
    expect(stepRequest({ ...base, stage: 'unsuccessful', outcome: 'not_available' }, 2)).toMatchObject({
      stage: 'unsuccessful',
      reason: 'not_available',
    });
    expect(stepRequest({ ...base, stage: 'ended', endReason: ' Kontrak selesai ', note: 'Baik' }, 4)).toEqual(
      {
        stage: 'ended',
        happenedOn: '2026-11-20',
        reason: 'Kontrak selesai',
        note: 'Baik',
        version: 4,
      },
    );
  });
  it('reads a step reason as a code of the list only when it is one', () => {
    expect(unsuccessfulReason('declined_by_person')).toBe('declined_by_person');
    expect(unsuccessfulReason('Kontrak selesai')).toBeNull();
    expect(unsuccessfulReason(null)).toBeNull();
  });
});
