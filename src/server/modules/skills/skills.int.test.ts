import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { Skill, SkillTaxonomy } from '../../../shared/skills.ts';
import { LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
const as: Record<string, Session> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const villageId = (await createOrganization(db, { kind: 'village' })).id;
  await user('admin', LAPAS_ID, ['system_admin']);
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('kelurahan', villageId, ['village_staff']);
});
afterAll(() => t.close());

const taxonomy = async (session: Session, query = '') => {
  const response = await session.request({ method: 'GET', url: `/api/skills${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as SkillTaxonomy;
};
const allSkills = (body: SkillTaxonomy) => body.sectors.flatMap((group) => group.skills);
const create = (session: Session, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: '/api/skills', payload });
const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  session.request({ method: 'PATCH', url: `/api/skills/${id}`, payload });

let serial = 0;
function newSkill(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    sector: 'craft',
    code: `craft.uji_${serial}`,
    nameId: `Anyaman uji ${serial}`,
    nameEn: `Test weaving ${serial}`,
    ...overrides,
  };
}

describe('reading the taxonomy', () => {
  it('gives every signed-in user the seeded skills by sector, in the fixed sector order, skills by name', async () => {
    const body = await taxonomy(as.kelurahan as Session);
    expect(body.sectors.map((group) => group.sector)).toEqual([
      'garment',
      'food',
      'beauty',
      'batik',
      'craft',
      'laundry',
      'urban_farming',
      'retail',
      'hospitality',
      'administration',
    ]);
    const garment = body.sectors[0]?.skills ?? [];
    expect(garment.map((skill) => skill.nameId)).toEqual([
      'Menjahit',
      'Menjahit payet dan bordir',
      'Tata busana',
    ]);
    expect(garment[0]).toEqual({
      id: expect.any(String),
      sector: 'garment',
      code: 'garment.sewing',
      nameId: 'Menjahit',
      nameEn: 'Sewing',
      skkniReference: 'KEP.91/MEN/IV/2008',
      description: null,
      levelDescriptions: {},
      aliases: ['menjahit', 'jahit'],
      active: true,
      version: 1,
    });
    const bridal = allSkills(body).find((skill) => skill.code === 'beauty.bridal');
    expect(bridal).toMatchObject({ nameId: 'Rias pengantin', skkniReference: 'Kepmenaker 160/2015' });
    expect(allSkills(body)).toHaveLength(22);
  });

  it('refuses a caller who is not signed in (401)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/skills' });
    expect(response.statusCode).toBe(401);
  });
});

describe('editing the taxonomy (administrators)', () => {
  it('lets an administrator add a skill with level descriptions and aliases; it is listed and audited', async () => {
    const response = await create(
      as.admin as Session,
      newSkill({
        code: 'craft.weaving',
        nameId: 'Menganyam',
        nameEn: 'Weaving',
        skkniReference: 'SKKNI 2019-123',
        levelDescriptions: { basic: 'Anyaman dasar', competent: 'Produk siap jual', intermediate: '' },
        aliases: ['Anyaman', '  menganyam  ', 'anyaman'],
      }),
    );
    expect(response.statusCode).toBe(201);
    const skill = response.json() as Skill;
    expect(skill).toMatchObject({
      code: 'craft.weaving',
      nameId: 'Menganyam',
      levelDescriptions: { basic: 'Anyaman dasar', competent: 'Produk siap jual' },
      aliases: ['anyaman', 'menganyam'],
      active: true,
      version: 1,
    });
    expect(skill.levelDescriptions).not.toHaveProperty('intermediate');
    const craft = (await taxonomy(as.giatja as Session)).sectors.find((group) => group.sector === 'craft');
    expect(craft?.skills.map((item) => item.nameId)).toContain('Menganyam');
    // By name within the sector: Kerajinan tangan, Menganyam, Merajut, Sulam.
    const names = craft?.skills.map((item) => item.nameId) ?? [];
    expect(names.indexOf('Menganyam')).toBe(names.indexOf('Merajut') - 1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['subject_type', 'details'])
      .where('action', '=', 'skill.created')
      .where('subject_id', '=', skill.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_type: 'skill', details: { code: 'craft.weaving' } });
  });

  it('changes a skill with the version read, refuses a stale version (409) and records the change', async () => {
    const created = (await create(as.admin as Session, newSkill())).json() as Skill;
    const edited = await patch(as.admin as Session, created.id, {
      nameEn: 'Rattan weaving',
      levelDescriptions: { intermediate: 'Motif bertingkat' },
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      nameEn: 'Rattan weaving',
      nameId: created.nameId,
      levelDescriptions: { intermediate: 'Motif bertingkat' },
      version: 2,
    });
    const stale = await patch(as.admin as Session, created.id, { nameEn: 'Other', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('SKILL_CHANGED');
    expect(stale.json().error.message).toMatch(/baru saja diubah/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'skill.updated')
      .where('subject_id', '=', created.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ fields: ['nameEn', 'levelDescriptions'], version: 2 });
  });

  it('refuses a code, a name (any case) or an alias another skill already uses, naming the field in Indonesian', async () => {
    const admin = as.admin as Session;
    const code = await create(admin, newSkill({ code: 'garment.sewing' }));
    expect(code.statusCode).toBe(400);
    expect(code.json().error.fields.code).toBe('Kode "garment.sewing" sudah dipakai keterampilan lain.');
    const name = await create(admin, newSkill({ nameId: 'mEnJaHiT' }));
    expect(name.statusCode).toBe(400);
    expect(name.json().error.fields).toEqual({ nameId: 'Sudah ada keterampilan bernama "mEnJaHiT".' });
    const alias = await create(admin, newSkill({ aliases: ['Jahit'] }));
    expect(alias.statusCode).toBe(400);
    expect(alias.json().error.fields.aliases).toBe(
      'Nama lain "jahit" sudah dipakai oleh keterampilan "Menjahit".',
    );
    const format = await create(admin, newSkill({ code: 'Craft Weaving' }));
    expect(format.json().error.fields.code).toMatch(/huruf kecil/);
    const missing = await create(admin, { sector: 'craft' });
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['code', 'nameEn', 'nameId']);

    // An edit may keep its own code and name, but not take another skill's.
    const own = (await create(admin, newSkill())).json() as Skill;
    const same = await patch(admin, own.id, { code: own.code, nameId: own.nameId.toUpperCase(), version: 1 });
    expect(same.statusCode).toBe(200);
    const taken = await patch(admin, own.id, { code: 'beauty.hair', version: 2 });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toHaveProperty('code');
    const unknown = await patch(admin, '00000000-0000-4000-8000-00000000abcd', { nameEn: 'x y', version: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SKILL_NOT_FOUND');
  });

  it('deactivates instead of deleting: hidden from the taxonomy, shown to administrators who ask', async () => {
    const admin = as.admin as Session;
    const skill = (await create(admin, newSkill())).json() as Skill;
    const off = await patch(admin, skill.id, { active: false, version: 1 });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const ids = (body: SkillTaxonomy) => allSkills(body).map((item) => item.id);
    expect(ids(await taxonomy(admin))).not.toContain(skill.id);
    expect(ids(await taxonomy(as.giatja as Session, '?includeInactive=true'))).not.toContain(skill.id);
    const withInactive = allSkills(await taxonomy(admin, '?includeInactive=true'));
    expect(withInactive.find((item) => item.id === skill.id)).toMatchObject({ active: false });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'skill.updated')
      .where('subject_id', '=', skill.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ active: false });
    const row = await t.database.db.selectFrom('skill').select('active').where('id', '=', skill.id).execute();
    expect(row).toEqual([{ active: false }]);
  });

  it('refuses everyone but administrators (403), also the prison’s training managers', async () => {
    const seeded = allSkills(await taxonomy(as.giatja as Session))[0] as Skill;
    for (const role of ['giatja', 'kelurahan']) {
      const session = as[role] as Session;
      expect((await create(session, newSkill())).statusCode, role).toBe(403);
      expect((await patch(session, seeded.id, { nameEn: 'Changed', version: 1 })).statusCode, role).toBe(403);
    }
    const after = allSkills(await taxonomy(as.giatja as Session)).find((item) => item.id === seeded.id);
    expect(after).toMatchObject({ nameEn: seeded.nameEn, version: 1 });
  });
});
