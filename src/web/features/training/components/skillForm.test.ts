import { describe, expect, it } from 'vitest';
import type { Skill } from '../../../../shared/skills.ts';
import {
  createSkillRequest,
  skillFormValues,
  suggestedCode,
  uniqueAliases,
  updateSkillRequest,
} from './skillForm.ts';
import { matchesSkill } from './skillSearch.ts';

const sewing: Skill = {
  id: '00000000-0000-4000-8000-000000000010',
  sector: 'garment',
  code: 'garment.sewing',
  nameId: 'Menjahit',
  nameEn: 'Sewing',
  skkniReference: 'KEP.91/MEN/IV/2008',
  description: null,
  levelDescriptions: { basic: 'Menjahit lurus' },
  aliases: ['menjahit', 'jahit'],
  active: true,
  version: 3,
};

describe('skill form', () => {
  it('sends empty texts as null, trims names and keeps the version read', () => {
    const values = { ...skillFormValues(sewing), nameId: '  Menjahit  ', skkniReference: ' ' };
    expect(updateSkillRequest(values, sewing.version)).toEqual({
      sector: 'garment',
      code: 'garment.sewing',
      nameId: 'Menjahit',
      nameEn: 'Sewing',
      skkniReference: null,
      description: null,
      levelDescriptions: { basic: 'Menjahit lurus', intermediate: null, competent: null },
      aliases: ['menjahit', 'jahit'],
      active: true,
      version: 3,
    });
  });

  it('starts a new skill in the sector it was added from, active', () => {
    const values = skillFormValues(null, 'batik');
    expect(values.sector).toBe('batik');
    expect(values.active).toBe(true);
    expect(
      createSkillRequest({ ...values, code: 'batik.cap', nameId: 'Batik cap', nameEn: 'Stamped' }).sector,
    ).toBe('batik');
  });

  it('stores aliases lower-case, once each', () => {
    expect(uniqueAliases([' Jahit ', 'jahit', '', 'Menjahit Baju'])).toEqual(['jahit', 'menjahit baju']);
  });

  it('suggests a code from the sector and the English name', () => {
    expect(suggestedCode('garment', 'Beading & embroidery')).toBe('garment.beading_embroidery');
    expect(suggestedCode(null, 'Sewing')).toBe('');
    expect(suggestedCode('food', '  ')).toBe('');
  });
});

describe('matchesSkill', () => {
  it('finds a skill by any word of its names, code, SKKNI reference or aliases', () => {
    expect(matchesSkill(sewing, 'jahit')).toBe(true);
    expect(matchesSkill(sewing, 'SEWING')).toBe(true);
    expect(matchesSkill(sewing, 'kep.91')).toBe(true);
    expect(matchesSkill(sewing, 'garment menjahit')).toBe(true);
    expect(matchesSkill(sewing, 'batik')).toBe(false);
    expect(matchesSkill(sewing, '')).toBe(true);
  });
});
