import { describe, expect, it } from 'vitest';
import type { PlacementStage, StepStage } from '../../../shared/placements.ts';
import { checkStep, isFinal, isRunning, nextStages, type StepInput } from './placements.stages.ts';

const step = (overrides: Partial<StepInput>): StepInput => ({
  from: 'proposed',
  to: 'contacted',
  happenedOn: '2026-11-10',
  previousOn: '2026-11-03',
  today: '2026-11-20',
  reason: null,
  note: null,
  ...overrides,
});

describe('nextStages', () => {
  it('moves forward, skipping stages if need be, or ends as unsuccessful before placed', () => {
    expect(nextStages('proposed')).toEqual(['contacted', 'interview', 'offered', 'placed', 'unsuccessful']);
    expect(nextStages('contacted')).toEqual(['interview', 'offered', 'placed', 'unsuccessful']);
    expect(nextStages('interview')).toEqual(['offered', 'placed', 'unsuccessful']);
    expect(nextStages('offered')).toEqual(['placed', 'unsuccessful']);
  });

  it('moves a placed woman to ended only; ended and unsuccessful are final', () => {
    expect(nextStages('placed')).toEqual(['ended']);
    expect(nextStages('ended')).toEqual([]);
    expect(nextStages('unsuccessful')).toEqual([]);
    expect(isFinal('ended')).toBe(true);
    expect(isFinal('unsuccessful')).toBe(true);
    expect(isFinal('placed')).toBe(false);
    expect(isRunning('placed')).toBe(true);
    expect(isRunning('unsuccessful')).toBe(false);
  });
});

describe('checkStep', () => {
  it('accepts a forward step dated between the previous step and today (both ends included)', () => {
    expect(checkStep(step({}))).toEqual([]);
    expect(checkStep(step({ happenedOn: '2026-11-03' }))).toEqual([]);
    expect(checkStep(step({ happenedOn: '2026-11-20' }))).toEqual([]);
    expect(checkStep(step({ from: 'contacted', to: 'offered' }))).toEqual([]);
  });

  it.each<[PlacementStage, StepStage]>([
    ['interview', 'contacted'],
    ['offered', 'interview'],
    ['placed', 'offered'],
    ['placed', 'unsuccessful'],
    ['offered', 'ended'],
    ['proposed', 'ended'],
    ['ended', 'placed'],
    ['unsuccessful', 'contacted'],
    ['contacted', 'contacted'],
  ])('refuses %s → %s on the stage field', (from, to) => {
    const reason = to === 'ended' ? 'Kontrak selesai' : to === 'unsuccessful' ? 'not_available' : null;
    expect(checkStep(step({ from, to, reason }))).toEqual([
      { field: 'stage', key: 'placement_stage_not_allowed' },
    ]);
  });

  it('refuses a date in the future, and a date before the previous step with that date in dd/mm/yyyy', () => {
    expect(checkStep(step({ happenedOn: '2026-11-21' }))).toEqual([
      { field: 'happenedOn', key: 'date_in_future' },
    ]);
    expect(checkStep(step({ happenedOn: '2026-11-02' }))).toEqual([
      { field: 'happenedOn', key: 'placement_date_before_previous', params: { date: '03/11/2026' } },
    ]);
  });

  it('needs one of the reasons for unsuccessful, and a note when the reason is other', () => {
    expect(checkStep(step({ to: 'unsuccessful' }))).toEqual([
      { field: 'reason', key: 'placement_reason_required' },
    ]);
    expect(checkStep(step({ to: 'unsuccessful', reason: 'she moved away' }))).toEqual([
      { field: 'reason', key: 'placement_reason_invalid' },
    ]);
    expect(checkStep(step({ to: 'unsuccessful', reason: 'other' }))).toEqual([
      { field: 'note', key: 'placement_note_required' },
    ]);
    expect(checkStep(step({ to: 'unsuccessful', reason: 'other', note: 'Pindah ke luar kota' }))).toEqual([]);
    expect(checkStep(step({ to: 'unsuccessful', reason: 'declined_by_partner' }))).toEqual([]);
  });

  it('needs a reason in words to end a placement, and takes none for the other stages', () => {
    expect(checkStep(step({ from: 'placed', to: 'ended' }))).toEqual([
      { field: 'reason', key: 'placement_reason_required' },
    ]);
    expect(checkStep(step({ from: 'placed', to: 'ended', reason: 'Kontrak 6 bulan selesai' }))).toEqual([]);
    expect(checkStep(step({ to: 'offered', reason: 'declined_by_person' }))).toEqual([
      { field: 'reason', key: 'placement_reason_not_expected' },
    ]);
  });

  it('reports every problem at once, one per field', () => {
    expect(
      checkStep(step({ from: 'offered', to: 'contacted', happenedOn: '2027-01-01', reason: 'x' })),
    ).toEqual([
      { field: 'stage', key: 'placement_stage_not_allowed' },
      { field: 'happenedOn', key: 'date_in_future' },
      { field: 'reason', key: 'placement_reason_not_expected' },
    ]);
  });
});
