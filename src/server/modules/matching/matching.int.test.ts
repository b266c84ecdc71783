import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createMatchablePerson, skillId } from '../../../../tests/factories/matching.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { giveConsent } from '../../../../tests/factories/people.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { DEFAULT_MATCHING_RULES } from '../../../shared/matching.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { PlacementDetail } from '../../../shared/placements.ts';
import type {
  MatchComparison,
  MatchDecision,
  OpportunityCandidates,
  PersonRecommendations,
  Recommendation,
} from '../../../shared/recommendations.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';
import { currentRules } from '../rules/rules.service.ts';
import { loadDecisions, loadEngineOpportunities, loadEnginePeople, pairKey } from './matching.repository.ts';

let t: TestApp;
let partnerA: string;
let krobokan: string;
let cabean: string;
let kalibanteng: string;
/** The weights version in force when the tests start (seeded). */
let version: number;
const as: Record<string, Session> = {};

/** Today plus `n` days, 'yyyy-mm-dd'. */
function inDays(n: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

const session = (name: string) => as[name] as Session;
const get = (name: string, url: string) => session(name).request({ method: 'GET', url });
const post = (name: string, url: string, payload?: object) =>
  session(name).request({ method: 'POST', url, ...(payload && { payload }) });

async function recommendations(name: string, personId: string) {
  const response = await get(name, `/api/people/${personId}/recommendations`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PersonRecommendations;
}
async function candidates(name: string, opportunityId: string) {
  const response = await get(name, `/api/opportunities/${opportunityId}/candidates`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as OpportunityCandidates;
}
const ids = (items: Recommendation[]) => items.map((item) => item.opportunity.id);
/** What an answer says, without the name of the flag that tells whether the caller reviews restrictions. */
const wordsOf = (result: PersonRecommendations) =>
  JSON.stringify({ ...result, canReviewRestrictions: undefined });
const decide = (name: string, body: object) => post(name, '/api/matching/decisions', body);
/**
 * A pair that is not eligible as a caller other than corrections staff reads it, whichever gate holds it:
 * blocked, no gate listed, and one generic reason besides the factors' reasons.
 */
function expectOpaque(explained: Omit<Recommendation, 'opportunity'> | undefined) {
  expect(explained?.status).toBe('blocked');
  expect(explained?.gates).toEqual([]);
  expect(explained?.reasons.filter((r) => r.factor === null)).toEqual([
    expect.objectContaining({
      code: 'not_recommendable',
      params: {},
      text: 'tidak dapat direkomendasikan untuknya saat ini',
    }),
  ]);
}

const auditOf = (action: string, subjectId?: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'subject_type', 'subject_id', 'details'])
    .where('action', '=', action)
    .$if(subjectId !== undefined, (q) => q.where('subject_id', '=', subjectId as string))
    .orderBy('at')
    .execute();

// The cast: Wulan, released, certified in sewing, moving to Krobokan, consenting to partner A and the
// kelurahan Krobokan and Cabean by name; Nur, released, sewing, no consent; Tari, released, sewing, whose
// offence (narcotics) one opportunity restricts, consenting to partners and kelurahan by kind.
let wulan: string;
let nur: string;
let tari: string;
// Sewing at partner A (each with an optional cashier skill she lacks): in Krobokan, in Cabean, one closed,
// and one in Cabean (starting later) restricted to people without a narcotics offence.
let inKrobokan: string;
let inCabean: string;
let closed: string;
let restricted: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  version = (await currentRules(db, 'matching')).version;
  partnerA = (await createOrganization(db, { kind: 'partner', name: 'Konveksi Cocok A' })).id;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  cabean = (await villageByCode(db, '33.74.13.1011')).id;
  kalibanteng = (await villageByCode(db, '33.74.13.1012')).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('kelurahan', krobokan, ['village_staff']);
  await user('kalibanteng', kalibanteng, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('mitra', partnerA, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await user('admin', KECAMATAN_ID, ['system_admin']);

  const sewing = [{ code: 'garment.sewing', level: 'competent' as const, evidence: 'certified' as const }];
  wulan = (
    await createMatchablePerson(db, {
      fullName: 'Wulan Sari',
      skills: sewing,
      preferredSectors: ['garment'],
      intendedVillageId: krobokan,
      releasedOn: inDays(-30),
      consent: { organizationIds: [partnerA, krobokan, cabean] },
    })
  ).id;
  nur = (
    await createMatchablePerson(db, {
      fullName: 'Nur Aini',
      skills: sewing,
      preferredSectors: ['garment'],
      intendedVillageId: krobokan,
      releasedOn: inDays(-30),
    })
  ).id;
  tari = (
    await createMatchablePerson(db, {
      fullName: 'Tari Lestari',
      skills: sewing,
      preferredSectors: ['garment'],
      intendedVillageId: krobokan,
      releasedOn: inDays(-30),
      offence: 'narcotics',
      consent: { kinds: ['partner', 'village'] },
    })
  ).id;
  const sewingJob = { code: 'garment.sewing', minLevel: 'intermediate' as const, essential: true };
  inKrobokan = (
    await createOpportunity(db, {
      partnerId: partnerA,
      villageId: krobokan,
      title: 'Penjahit Konveksi Krobokan',
      startOn: inDays(20),
      skills: [sewingJob, { code: 'retail.selling', essential: false }],
    })
  ).id;
  inCabean = (
    await createOpportunity(db, {
      partnerId: partnerA,
      villageId: cabean,
      title: 'Penjahit Konveksi Cabean',
      startOn: inDays(20),
      skills: [sewingJob, { code: 'retail.selling', essential: false }],
    })
  ).id;
  closed = (
    await createOpportunity(db, {
      partnerId: partnerA,
      villageId: krobokan,
      title: 'Penjahit Lama',
      status: 'closed',
      startOn: inDays(20),
      skills: [sewingJob],
    })
  ).id;
  restricted = (
    await createOpportunity(db, {
      partnerId: partnerA,
      villageId: cabean,
      title: 'Penjahit Gudang Obat',
      startOn: inDays(25),
      restrictedOffences: ['narcotics'],
      skills: [sewingJob, { code: 'retail.selling', essential: false }],
    })
  ).id;
});
afterAll(() => t.close());

describe('loaders', () => {
  it('read people, opportunities and decisions set-based, in the engine’s shape', async () => {
    const db = t.database.db;
    const [person] = await loadEnginePeople(db, { personIds: [wulan] });
    expect(person).toMatchObject({
      id: wulan,
      preferredSectors: ['garment'],
      place: { source: 'intended', villageId: krobokan, villageCode: '33.74.13.1013' },
      availability: { released: true, releaseDate: inDays(-30), asimilasiDate: null },
      consent: { organizationIds: [partnerA, krobokan, cabean].sort(), kinds: [] },
      offenceCategory: null,
    });
    expect(person?.skills).toEqual([
      { skillId: await skillId(db, 'garment.sewing'), level: 'competent', evidence: 'certified' },
    ]);
    const opportunities = await loadEngineOpportunities(db, { ids: [inKrobokan, closed] });
    expect(opportunities.map((o) => [o.opportunity.id, o.opportunity.status]).sort()).toEqual(
      [
        [inKrobokan, 'open'],
        [closed, 'closed'],
      ].sort(),
    );
    expect(opportunities.find((o) => o.opportunity.id === inKrobokan)).toMatchObject({
      running: 0,
      placed: 0,
      places: 3,
      opportunity: { placesLeft: 3, partnerName: 'Konveksi Cocok A', villageCode: '33.74.13.1013' },
    });
    // The caller's filter: a kelurahan sees only the people who consented to it.
    const seenByKalibanteng = await loadEnginePeople(db, {
      personIds: [wulan, tari],
      ctx: {
        principal: { organizationKind: 'village', organizationId: kalibanteng } as never,
        correlationId: 'x',
        ip: '',
      },
    });
    expect(seenByKalibanteng.map((p) => p.id)).toEqual([tari]);
    expect((await loadDecisions(db, { personIds: [wulan] })).size).toBe(0);
    expect(await loadEnginePeople(db, { personIds: [] })).toEqual([]);
  });
});

describe('recommendations for a woman', () => {
  it('lists the open opportunities that suit her best, ranked and explained, and records what was shown', async () => {
    const result = await recommendations('binadik', wulan);
    expect(result.ruleVersion).toBe(version);
    // Krobokan first (her kelurahan), then Cabean: same kecamatan, same score as the restricted one, which
    // starts later.
    expect(ids(result.items)).toEqual([inKrobokan, inCabean, restricted]);
    const [best, second] = result.items as [Recommendation, Recommendation];
    expect(best.score).toBeGreaterThan(second.score);
    expect(best).toMatchObject({
      status: 'eligible',
      opportunity: {
        id: inKrobokan,
        title: 'Penjahit Konveksi Krobokan',
        partner: { id: partnerA, name: 'Konveksi Cocok A' },
        village: { id: krobokan },
        sector: 'garment',
        startOn: inDays(20),
        placesLeft: 3,
      },
      missingEssential: [],
      missingOptional: [{ name: 'Berjualan dan kasir' }],
      decision: null,
      inPipeline: false,
    });
    const texts = best.reasons.map((reason) => reason.text);
    expect(texts).toContain('memiliki sertifikat menjahit (wajib)');
    expect(texts).toContain('akan tinggal di kelurahan yang sama');
    expect(texts).toContain('belum memiliki keterampilan berjualan dan kasir (opsional)');
    expect(best.reasons.find((r) => r.code === 'skill_certified')).toMatchObject({
      tone: 'positive',
      factor: 'essentialSkills',
      en: 'has a certificate in sewing (essential)',
    });
    expect(best.factors.map((f) => f.factor)).toEqual([
      'essentialSkills',
      'optionalSkills',
      'location',
      'timing',
      'preferences',
      'villageDemand',
    ]);
    const sum = best.factors.reduce((total, f) => total + f.points, 0);
    expect(Math.abs(sum - best.score)).toBeLessThan(0.3);
    // The closed one is never listed, nor counted among those weighed.
    expect(ids(result.items)).not.toContain(closed);
    expect(result.counts.evaluated).toBeGreaterThanOrEqual(3);
    expect(result.review).toEqual([]);
    expect(result).toMatchObject({ canPropose: true, canDecide: true, canReviewRestrictions: true });

    const shown = await t.database.db
      .selectFrom('match_recommendation')
      .select(['opportunity_id', 'rule_version', 'gate', 'context', 'times_shown', 'score'])
      .where('person_id', '=', wulan)
      .orderBy('opportunity_id')
      .execute();
    expect(shown.map((row) => row.opportunity_id).sort()).toEqual([inKrobokan, inCabean, restricted].sort());
    expect(
      shown.every(
        (row) => row.rule_version === version && row.gate === 'eligible' && row.context === 'person',
      ),
    ).toBe(true);
    await recommendations('binadik', wulan);
    const again = await t.database.db
      .selectFrom('match_recommendation')
      .select('times_shown')
      .where('person_id', '=', wulan)
      .where('opportunity_id', '=', inKrobokan)
      .executeTakeFirstOrThrow();
    expect(again.times_shown).toBe(2);
    const entries = await auditOf('match.recommendations_viewed', wulan);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]).toMatchObject({ subject_type: 'person', details: { ruleVersion: version } });
  });

  it('lists nothing without her consent to the partner and the kelurahan, and says which gate held', async () => {
    const result = await recommendations('binadik', nur);
    expect(result.items).toEqual([]);
    expect(result.counts.blocked.consent).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 for a woman the caller may not see and 403 without the permission', async () => {
    expect((await get('kalibanteng', `/api/people/${wulan}/recommendations`)).statusCode).toBe(404);
    expect((await get('viewer', `/api/people/${wulan}/recommendations`)).statusCode).toBe(403);
    expect((await get('mitra', `/api/people/${wulan}/recommendations`)).statusCode).toBe(403);
  });
});

describe('a restriction that touches her offence', () => {
  it('goes to corrections’ review and is invisible to kelurahan staff', async () => {
    const corrections = await recommendations('binadik', tari);
    expect(ids(corrections.review)).toEqual([restricted]);
    expect(ids(corrections.items)).not.toContain(restricted);
    expect(corrections.review[0]?.status).toBe('review');
    expect(corrections.counts.review).toBe(1);

    const village = await recommendations('kelurahan', tari);
    expect(ids(village.items)).not.toContain(restricted);
    expect(village.review).toEqual([]);
    expect(village.counts.review).toBe(0);
    expect(village.counts.blocked.restriction).toBeUndefined();
    expect(village.canReviewRestrictions).toBe(false);
    expect(wordsOf(village)).not.toMatch(/restriction|pembatasan|narcotic|narkoti/i);

    const villageCandidates = await candidates('kelurahan', restricted);
    expect(villageCandidates.items.map((c) => c.person.id)).not.toContain(tari);
    expect(villageCandidates.review).toEqual([]);
    const correctionsCandidates = await candidates('binadik', restricted);
    expect(correctionsCandidates.review.map((c) => c.person.id)).toEqual([tari]);

    // Comparing, kelurahan staff read it as not recommendable, exactly as they read a closed one: no gate
    // is itemized (every other gate passing would name the restriction by elimination), one generic reason.
    const compared = await get(
      'kelurahan',
      `/api/matching/compare?personId=${tari}&opportunityIds=${restricted},${closed}`,
    );
    expect(compared.statusCode, compared.body).toBe(200);
    const comparison = compared.json() as MatchComparison;
    for (const option of comparison.options) expectOpaque(option);
    expect(JSON.stringify(comparison)).not.toMatch(/restriction|pembatasan|narcotic|narkoti/i);
    // Corrections staff keep the whole detail: the pair waits for their review.
    const correctionsCompared = await get(
      'binadik',
      `/api/matching/compare?personId=${tari}&opportunityIds=${restricted},${closed}`,
    );
    const [inReview, shut] = (correctionsCompared.json() as MatchComparison).options;
    expect(inReview?.status).toBe('review');
    expect(inReview?.gates.find((g) => g.gate === 'restriction')).toMatchObject({ passed: false });
    expect(shut?.gates.find((g) => g.gate === 'open')).toMatchObject({ passed: false });
  });

  it('is cleared or refused by corrections only, and once cleared she is recommended to everyone', async () => {
    const forbidden = await decide('kelurahan', {
      personId: tari,
      opportunityId: restricted,
      kind: 'restriction_cleared',
      reasonCode: 'assessed_low_risk',
    });
    expect(forbidden.statusCode).toBe(403);
    const notNeeded = await decide('binadik', {
      personId: wulan,
      opportunityId: restricted,
      kind: 'restriction_cleared',
      reasonCode: 'assessed_low_risk',
    });
    expect(notNeeded.statusCode).toBe(409);
    expect(notNeeded.json().error.code).toBe('MATCH_REVIEW_NOT_NEEDED');
    const wrongReason = await decide('binadik', {
      personId: tari,
      opportunityId: restricted,
      kind: 'restriction_cleared',
      reasonCode: 'health',
    });
    expect(wrongReason.statusCode).toBe(400);
    expect(Object.keys(wrongReason.json().error.fields)).toEqual(['reasonCode']);

    const cleared = await decide('binadik', {
      personId: tari,
      opportunityId: restricted,
      kind: 'restriction_cleared',
      reasonCode: 'assessed_low_risk',
      note: 'Sudah dinilai oleh wali pemasyarakatan',
    });
    expect(cleared.statusCode, cleared.body).toBe(201);
    expect(cleared.json()).toMatchObject({
      kind: 'restriction_cleared',
      reasonCode: 'assessed_low_risk',
      restrictionsVersion: 1,
      decidedBy: 'Petugas binadik',
      revokedAt: null,
    });
    const corrections = await recommendations('binadik', tari);
    expect(ids(corrections.items)).toContain(restricted);
    expect(corrections.items.find((item) => item.opportunity.id === restricted)?.decision?.kind).toBe(
      'restriction_cleared',
    );
    const village = await recommendations('kelurahan', tari);
    const listed = village.items.find((item) => item.opportunity.id === restricted);
    expect(listed?.decision).toBeNull();
    expect(wordsOf(village)).not.toMatch(/restriction|pembatasan|narcotic|narkoti/i);
    expect((await candidates('kelurahan', restricted)).items.map((c) => c.person.id)).toContain(tari);
    expect(await auditOf('match.restriction_reviewed', tari)).toHaveLength(1);
  });

  it('asks again when the restrictions change: the new review replaces the old one, audited as revoked', async () => {
    const db = t.database.db;
    const [old] = await db
      .selectFrom('match_decision')
      .select(['id', 'restrictions_version'])
      .where('person_id', '=', tari)
      .where('opportunity_id', '=', restricted)
      .where('revoked_at', 'is', null)
      .execute();
    expect(old?.restrictions_version).toBe(1);
    // The opportunity's restrictions were edited meanwhile (a new version).
    await db
      .updateTable('opportunity')
      .set({ restrictions_version: 2 })
      .where('id', '=', restricted)
      .execute();
    const refused = await decide('binadik', {
      personId: tari,
      opportunityId: restricted,
      kind: 'restriction_refused',
      reasonCode: 'risk_too_high',
    });
    expect(refused.statusCode, refused.body).toBe(201);
    const decision = refused.json() as MatchDecision;
    expect(decision).toMatchObject({ kind: 'restriction_refused', restrictionsVersion: 2 });
    const replaced = await db
      .selectFrom('match_decision')
      .select(['revoked_at', 'revoked_by'])
      .where('id', '=', old?.id as string)
      .executeTakeFirstOrThrow();
    expect(replaced.revoked_at).not.toBeNull();
    expect(await auditOf('match.restriction_review_revoked', tari)).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({
          decisionId: old?.id,
          opportunityId: restricted,
          kind: 'restriction_cleared',
          restrictionsVersion: 1,
          replacedBy: decision.id,
        }),
      }),
    ]);
    const reviewed = await auditOf('match.restriction_reviewed', tari);
    expect(reviewed.at(-1)?.details).toMatchObject({
      decisionId: decision.id,
      restrictionsVersion: 2,
      replacedDecisionId: old?.id,
    });
    // Refused: she is no longer recommended for it, and may not be proposed for it.
    expect(ids((await recommendations('binadik', tari)).items)).not.toContain(restricted);
    const proposed = await post('binadik', '/api/matching/proposals', {
      personId: tari,
      opportunityId: restricted,
    });
    expect(proposed.statusCode).toBe(409);
    expect(proposed.json().error).toMatchObject({
      code: 'MATCH_NOT_ELIGIBLE',
      message: expect.stringContaining('pembatasan peluang'),
    });
  });

  it('lists her set-asides to kelurahan staff alike, whether or not a restriction also holds the pair', async () => {
    // Any decide:match holder may set a pair aside: one the refused restriction holds, and a plain one.
    const onRestricted = await decide('kelurahan', {
      personId: tari,
      opportunityId: restricted,
      kind: 'dismissed',
      reasonCode: 'person_declined',
    });
    expect(onRestricted.statusCode, onRestricted.body).toBe(201);
    const onCabean = await decide('kelurahan', {
      personId: tari,
      opportunityId: inCabean,
      kind: 'dismissed',
      reasonCode: 'person_declined',
    });
    expect(onCabean.statusCode, onCabean.body).toBe(201);

    const village = await recommendations('kelurahan', tari);
    expect(ids(village.dismissed).sort()).toEqual([restricted, inCabean].sort());
    const [first, second] = village.dismissed as [Recommendation, Recommendation];
    for (const item of [first, second]) {
      expectOpaque(item);
      expect(item.decision).toMatchObject({ kind: 'dismissed', reasonCode: 'person_declined' });
    }
    // The two read the same, but for the opportunity, the score and the factors' words.
    const shape = (item: Recommendation) => ({
      status: item.status,
      gates: item.gates,
      reasons: item.reasons.filter((r) => r.factor === null),
      decision: { ...item.decision, id: undefined, opportunityId: undefined, decidedAt: undefined },
    });
    expect(shape(first)).toEqual(shape(second));
    // (A set-aside carries the field `restrictionsVersion`, null: a name, not a word about her.)
    expect(wordsOf(village)).not.toMatch(/restriction(?!sVersion":null)|pembatasan|narcotic|narkoti/i);
    // Corrections staff read each gate that holds the pair.
    const corrections = await recommendations('binadik', tari);
    const held = corrections.dismissed.find((item) => item.opportunity.id === restricted);
    expect(held?.gates.filter((g) => !g.passed).map((g) => g.gate)).toEqual(['restriction', 'dismissed']);

    for (const response of [onRestricted, onCabean]) {
      const revoked = await post('kelurahan', `/api/matching/decisions/${response.json().id}/revoke`);
      expect(revoked.statusCode, revoked.body).toBe(200);
    }
  });
});

describe('setting a recommendation aside', () => {
  it('hides it with a reason code until revoked', async () => {
    const invalid = await decide('binadik', {
      personId: wulan,
      opportunityId: inCabean,
      kind: 'dismissed',
      reasonCode: 'other',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toHaveProperty('note');
    const unknown = await decide('binadik', {
      personId: wulan,
      opportunityId: inCabean,
      kind: 'dismissed',
      reasonCode: 'bored',
    });
    expect(unknown.json().error.fields).toHaveProperty('reasonCode');

    const dismissed = await decide('binadik', {
      personId: wulan,
      opportunityId: inCabean,
      kind: 'dismissed',
      reasonCode: 'distance_or_transport',
      note: 'Ongkos angkot ke Cabean memberatkan',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(201);
    const decision = dismissed.json() as MatchDecision;
    const twice = await decide('binadik', {
      personId: wulan,
      opportunityId: inCabean,
      kind: 'dismissed',
      reasonCode: 'health',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('MATCH_DECISION_EXISTS');

    const hidden = await recommendations('binadik', wulan);
    expect(ids(hidden.items)).toEqual([inKrobokan, restricted]);
    expect(ids(hidden.dismissed)).toEqual([inCabean]);
    expect(hidden.dismissed[0]).toMatchObject({
      status: 'blocked',
      decision: { id: decision.id, kind: 'dismissed', reasonCode: 'distance_or_transport' },
    });
    expect(hidden.dismissed[0]?.reasons.map((r) => r.text)).toContain(
      'disisihkan oleh petugas: jarak atau transportasi',
    );
    expect(hidden.counts.dismissed).toBe(1);
    expect(hidden.dismissed[0]?.decision?.note).toBe('Ongkos angkot ke Cabean memberatkan');
    // The kelurahan reads the reason code, not the words prison staff wrote.
    const seenByVillage = await recommendations('kelurahan', wulan);
    expect(seenByVillage.dismissed[0]?.decision).toMatchObject({
      reasonCode: 'distance_or_transport',
      note: null,
    });
    // Nor does she stay a candidate of it.
    expect((await candidates('binadik', inCabean)).items.map((c) => c.person.id)).not.toContain(wulan);

    // Kelurahan staff may not revoke another organization's set-aside.
    expect((await post('kelurahan', `/api/matching/decisions/${decision.id}/revoke`)).statusCode).toBe(403);
    const revoked = await post('binadik', `/api/matching/decisions/${decision.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const again = await post('binadik', `/api/matching/decisions/${decision.id}/revoke`);
    expect(again.json().error.code).toBe('MATCH_DECISION_REVOKED');
    expect(ids((await recommendations('binadik', wulan)).items)).toEqual([inKrobokan, inCabean, restricted]);
    expect(await auditOf('match.dismissed', wulan)).toHaveLength(1);
    expect(await auditOf('match.dismissal_revoked', wulan)).toHaveLength(1);
  });
});

describe('candidates of an opportunity', () => {
  it('lists only people the caller may see, audited with the people shown', async () => {
    const corrections = await candidates('binadik', inKrobokan);
    const listed = corrections.items.map((c) => c.person.id);
    expect(listed).toEqual(expect.arrayContaining([wulan, tari]));
    expect(listed).not.toContain(nur);
    expect(corrections.items.find((c) => c.person.id === wulan)?.person).toMatchObject({
      displayName: 'Wulan Sari',
      registrationNumber: expect.any(String),
    });
    // Kalibanteng: nobody consented to it by name or by kind except Tari (kinds): Wulan is never shown.
    const kalibantengList = await candidates('kalibanteng', inKrobokan);
    expect(kalibantengList.items.map((c) => c.person.id)).not.toContain(wulan);
    expect(kalibantengList.items.every((c) => c.person.registrationNumber === null)).toBe(true);
    // The kecamatan: nobody consented to it, so nobody at all.
    const kecamatan = await candidates('kecamatan', inKrobokan);
    expect(kecamatan.items).toEqual([]);
    expect(kecamatan.counts.evaluated).toBe(0);

    const [entry] = await auditOf('match.candidates_listed', inKrobokan);
    expect(entry).toMatchObject({ subject_type: 'opportunity' });
    expect((entry?.details as { shown: string[] } | undefined)?.shown).toEqual(
      expect.arrayContaining([wulan, tari]),
    );
    const log = await get('binadik', `/api/people/${wulan}/access-log?pageSize=200`);
    expect(log.statusCode, log.body).toBe(200);
    const actions = (log.json().items as { action: string }[]).map((item) => item.action);
    expect(actions).toContain('match.candidates_listed');
    expect(actions).toContain('match.recommendations_viewed');

    expect((await get('mitra', `/api/opportunities/${inKrobokan}/candidates`)).statusCode).toBe(403);
    expect(
      (await get('binadik', '/api/opportunities/00000000-0000-4000-8000-000000000000/candidates')).statusCode,
    ).toBe(404);
  });

  it('hides her release dates from a kelurahan not given her availability', async () => {
    const db = t.database.db;
    const hidden = await createMatchablePerson(db, {
      fullName: 'Sekar Ayu',
      skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
      preferredSectors: ['garment'],
      intendedVillageId: krobokan,
      releaseDate: inDays(10),
      consent: { kinds: ['partner', 'village'], groups: ['identity_contact', 'skills_training'] },
    });
    const village = await candidates('kelurahan', inKrobokan);
    const her = village.items.find((c) => c.person.id === hidden.id);
    expect(her).toBeDefined();
    expect(her?.reasons.map((r) => r.code)).toContain('timing_hidden');
    expect(her?.reasons.some((r) => r.factor === 'timing' && r.code !== 'timing_hidden')).toBe(false);
    const corrections = await candidates('binadik', inKrobokan);
    const seen = corrections.items.find((c) => c.person.id === hidden.id);
    expect(seen?.reasons.map((r) => r.code)).toContain('timing_days_after');
  });

  it('names no skill of hers to a kelurahan her consent did not give her skills, on every list', async () => {
    const db = t.database.db;
    // Dewi consents to partner A and Krobokan without her skills, and to Kalibanteng with them.
    const dewi = (
      await createMatchablePerson(db, {
        fullName: 'Dewi Kartika',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        preferredSectors: ['garment'],
        intendedVillageId: krobokan,
        releasedOn: inDays(-10),
        consent: {
          organizationIds: [partnerA, krobokan],
          groups: ['identity_contact', 'availability_status'],
        },
      })
    ).id;
    await giveConsent(db, dewi, { organizationIds: [kalibanteng] });
    // Her skills by id, by name (the sector's name, which says "menjahit" too, is the opportunity's) or evidence.
    const skillWords = new RegExp(
      [
        await skillId(db, 'garment.sewing'),
        await skillId(db, 'retail.selling'),
        'berjualan',
        'kasir',
        'selling',
        'cashier',
        'sertifikat',
        'certificate',
        'skill_',
      ].join('|'),
      'i',
    );
    const withoutSkills = (explained: Omit<Recommendation, 'opportunity'>) => {
      expect(explained.reasons.filter((r) => r.code === 'skills_hidden')).toEqual([
        expect.objectContaining({
          text: 'keterampilan tidak termasuk data yang ia setujui untuk dibagikan',
          en: 'skills are not among the data she agreed to share',
          params: {},
        }),
      ]);
      expect(
        explained.reasons.filter(
          (r) =>
            (r.factor === 'essentialSkills' || r.factor === 'optionalSkills') && r.code !== 'skills_hidden',
        ),
      ).toEqual([]);
      expect(explained.missingEssential).toEqual([]);
      expect(explained.missingOptional).toEqual([]);
      expect(JSON.stringify({ ...explained, opportunity: undefined })).not.toMatch(skillWords);
      // Her sectors of interest are shown with her skills: one generic reason in place of the sector reason.
      expect(explained.reasons.filter((r) => r.factor === 'preferences')).toEqual([
        expect.objectContaining({
          code: 'sectors_hidden',
          text: 'minat sektor tidak termasuk data yang ia setujui untuk dibagikan',
          en: 'her sector interests are not among the data she agreed to share',
          params: {},
        }),
      ]);
    };

    const village = (await candidates('kelurahan', inKrobokan)).items.find((c) => c.person.id === dewi);
    if (!village) throw new Error('Dewi is not a candidate for Krobokan');
    withoutSkills(village);
    // The score and each factor's points stay: how well she fits, not which skills she has.
    expect(village.factors.find((f) => f.factor === 'essentialSkills')?.points).toBeGreaterThan(0);
    const recommended = (await recommendations('kelurahan', dewi)).items.find(
      (item) => item.opportunity.id === inKrobokan,
    );
    if (!recommended) throw new Error('Krobokan is not recommended to Dewi');
    withoutSkills(recommended);
    const compared = await get(
      'kelurahan',
      `/api/matching/compare?personId=${dewi}&opportunityIds=${inKrobokan},${inCabean}`,
    );
    expect(compared.statusCode, compared.body).toBe(200);
    for (const option of (compared.json() as MatchComparison).options) withoutSkills(option);

    // Kalibanteng was given her skills: it reads them, with the same score.
    const given = (await candidates('kalibanteng', inKrobokan)).items.find((c) => c.person.id === dewi);
    expect(given?.score).toBe(village.score);
    expect(given?.reasons.map((r) => r.text)).toContain('memiliki sertifikat menjahit (wajib)');
    expect(given?.reasons.map((r) => r.code)).not.toContain('skills_hidden');
    expect(given?.reasons.map((r) => r.code)).toContain('sector_interest');
    expect(given?.reasons.map((r) => r.code)).not.toContain('sectors_hidden');
    expect(given?.missingOptional).toEqual([
      { skillId: await skillId(db, 'retail.selling'), name: 'Berjualan dan kasir' },
    ]);
    const givenCompared = await get(
      'kalibanteng',
      `/api/matching/compare?personId=${dewi}&opportunityIds=${inKrobokan},${inCabean}`,
    );
    expect(givenCompared.statusCode, givenCompared.body).toBe(200);
    const [first] = (givenCompared.json() as MatchComparison).options;
    expect(first?.reasons.map((r) => r.code)).toContain('skill_certified');
    expect(first?.missingOptional.map((m) => m.name)).toEqual(['Berjualan dan kasir']);
  });

  it('names neither her sectors nor her working constraints to a kelurahan not given them, on every list', async () => {
    const db = t.database.db;
    // Sekar works part-time only and cares for a child. She consents to partner A and Krobokan with her
    // identity alone, and to Kalibanteng with her skills and availability too.
    const sekar = (
      await createMatchablePerson(db, {
        fullName: 'Sekar Ayu',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        preferredSectors: ['garment'],
        constraints: { partTimeOnly: true, childcare: true },
        intendedVillageId: krobokan,
        releasedOn: inDays(-10),
        consent: { organizationIds: [partnerA, krobokan], groups: ['identity_contact'] },
      })
    ).id;
    await giveConsent(db, sekar, { organizationIds: [kalibanteng] });
    // (The opportunity's own sector may be named, as the kelurahan's demand for it is: it is not hers.)
    const hiddenWords =
      /paruh waktu|part-time|pengasuhan|childcare|shift|minatnya|her interest|sector_|part_time/i;
    const withoutPreferences = (explained: Omit<Recommendation, 'opportunity'>) => {
      expect(explained.reasons.filter((r) => r.factor === 'preferences')).toEqual([
        expect.objectContaining({
          code: 'sectors_hidden',
          tone: 'neutral',
          text: 'minat sektor tidak termasuk data yang ia setujui untuk dibagikan',
          params: {},
        }),
        expect.objectContaining({
          code: 'working_pattern_hidden',
          tone: 'neutral',
          text: 'kebutuhan pola kerjanya tidak termasuk data yang ia setujui untuk dibagikan',
          en: 'her working-pattern needs are not among the data she agreed to share',
          params: {},
        }),
      ]);
      expect(JSON.stringify(explained.reasons)).not.toMatch(hiddenWords);
    };

    const village = (await candidates('kelurahan', inKrobokan)).items.find((c) => c.person.id === sekar);
    if (!village) throw new Error('Sekar is not a candidate for Krobokan');
    withoutPreferences(village);
    const recommended = (await recommendations('kelurahan', sekar)).items.find(
      (item) => item.opportunity.id === inKrobokan,
    );
    if (!recommended) throw new Error('Krobokan is not recommended to Sekar');
    withoutPreferences(recommended);
    const compared = await get(
      'kelurahan',
      `/api/matching/compare?personId=${sekar}&opportunityIds=${inKrobokan},${inCabean}`,
    );
    expect(compared.statusCode, compared.body).toBe(200);
    for (const option of (compared.json() as MatchComparison).options) withoutPreferences(option);

    // Kalibanteng was given her skills and availability: it reads her interests and constraints, same score.
    const given = (await candidates('kalibanteng', inKrobokan)).items.find((c) => c.person.id === sekar);
    expect(given?.score).toBe(village.score);
    expect(given?.reasons.filter((r) => r.factor === 'preferences').map((r) => r.code)).toEqual([
      'sector_interest',
      'part_time_needed',
      'childcare_check_hours',
    ]);
    // Corrections staff read them whatever she consented to.
    const corrections = (await candidates('binadik', inKrobokan)).items.find((c) => c.person.id === sekar);
    expect(corrections?.reasons.map((r) => r.code)).toContain('part_time_needed');
  });
});

describe('where she lives', () => {
  /** The location reasons as one generic reason, with no params (not even which place the engine used). */
  const withoutPlace = (explained: Omit<Recommendation, 'opportunity'> | undefined) => {
    expect(explained?.reasons.filter((r) => r.factor === 'location')).toEqual([
      expect.objectContaining({
        code: 'location_hidden',
        tone: 'neutral',
        text: 'tempat tinggal tidak termasuk data yang ia setujui untuk dibagikan',
        en: 'where she lives is not among the data she agreed to share',
        params: {},
      }),
    ]);
    expect(JSON.stringify(explained?.reasons)).not.toMatch(
      /intended|domicile|domisili|tujuan|yang sama|same kelurahan|same kecamatan|another city|luar kota|\bkm\b/i,
    );
  };
  const locationCodes = (explained: Omit<Recommendation, 'opportunity'> | undefined) =>
    explained?.reasons.filter((r) => r.factor === 'location').map((r) => r.code);

  it('names her intended kelurahan only to callers given her availability, on every list', async () => {
    const db = t.database.db;
    // Rina will live in Krobokan. She consents to partner A and Krobokan with her skills alone, and to
    // Kalibanteng with her availability (where her intended kelurahan is shown).
    const rina = (
      await createMatchablePerson(db, {
        fullName: 'Rina Wati',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        preferredSectors: ['garment'],
        intendedVillageId: krobokan,
        releasedOn: inDays(-10),
        consent: { organizationIds: [partnerA, krobokan], groups: ['skills_training'] },
      })
    ).id;
    await giveConsent(db, rina, { organizationIds: [kalibanteng], groups: ['availability_status'] });

    const recommended = await recommendations('kelurahan', rina);
    const here = recommended.items.find((item) => item.opportunity.id === inKrobokan);
    if (!here) throw new Error('Krobokan is not recommended to Rina');
    withoutPlace(here);
    for (const item of recommended.items) withoutPlace(item);
    withoutPlace((await candidates('kelurahan', inKrobokan)).items.find((c) => c.person.id === rina));
    const compared = await get(
      'kelurahan',
      `/api/matching/compare?personId=${rina}&opportunityIds=${inKrobokan},${inCabean}`,
    );
    expect(compared.statusCode, compared.body).toBe(200);
    for (const option of (compared.json() as MatchComparison).options) withoutPlace(option);

    // Kalibanteng was given her availability: it reads where she will live, with the same score.
    const given = (await candidates('kalibanteng', inKrobokan)).items.find((c) => c.person.id === rina);
    expect(given?.score).toBe(here.score);
    expect(locationCodes(given)).toEqual(['location_same_village']);
    expect(given?.reasons.find((r) => r.factor === 'location')).toMatchObject({
      text: 'akan tinggal di kelurahan yang sama',
      params: { source: 'intended' },
    });
    // Corrections staff read it whatever she consented to.
    const corrections = (await recommendations('binadik', rina)).items.find(
      (item) => item.opportunity.id === inKrobokan,
    );
    expect(locationCodes(corrections)).toEqual(['location_same_village']);
  });

  it('names her domicile only to callers given both her identity and her availability', async () => {
    const db = t.database.db;
    // Ayu has no intended kelurahan: the engine uses her domicile, Krobokan. That tells her intended
    // kelurahan is not recorded (shown with her availability), so her identity alone does not show it.
    const ayu = (
      await createMatchablePerson(db, {
        fullName: 'Ayu Lestari',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        preferredSectors: ['garment'],
        releasedOn: inDays(-10),
        consent: { organizationIds: [partnerA, krobokan], groups: ['identity_contact', 'skills_training'] },
      })
    ).id;
    await db
      .updateTable('person')
      .set({ domicile_village_code: '33.74.13.1013', domicile_village_name: 'Krobokan' })
      .where('id', '=', ayu)
      .execute();
    await giveConsent(db, ayu, {
      organizationIds: [kalibanteng],
      groups: ['identity_contact', 'availability_status'],
    });

    const village = (await recommendations('kelurahan', ayu)).items.find(
      (item) => item.opportunity.id === inKrobokan,
    );
    if (!village) throw new Error('Krobokan is not recommended to Ayu');
    withoutPlace(village);
    withoutPlace((await candidates('kelurahan', inKrobokan)).items.find((c) => c.person.id === ayu));

    const given = (await candidates('kalibanteng', inKrobokan)).items.find((c) => c.person.id === ayu);
    expect(given?.score).toBe(village.score);
    expect(given?.reasons.find((r) => r.factor === 'location')).toMatchObject({
      code: 'location_same_village',
      text: 'tinggal di kelurahan yang sama',
      params: { source: 'domicile' },
    });
  });
});

describe('comparing two options', () => {
  it('explains both side by side, with the difference per factor (audited)', async () => {
    const response = await get(
      'binadik',
      `/api/matching/compare?personId=${wulan}&opportunityIds=${inKrobokan},${closed}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const comparison = response.json() as MatchComparison;
    expect(comparison.person).toMatchObject({ id: wulan, displayName: 'Wulan Sari' });
    expect(comparison.options.map((o) => [o.opportunity.id, o.status])).toEqual([
      [inKrobokan, 'eligible'],
      [closed, 'blocked'],
    ]);
    expect(comparison.options[1]?.gates.find((g) => g.gate === 'open')).toMatchObject({
      passed: false,
      reason: { text: 'peluang sudah ditutup' },
    });
    expect(comparison.difference).toHaveLength(6);
    const [entry] = await auditOf('match.compared', wulan);
    expect(entry?.details).toMatchObject({ shown: [wulan], opportunityIds: [inKrobokan, closed] });
    const same = await get(
      'binadik',
      `/api/matching/compare?personId=${wulan}&opportunityIds=${inKrobokan},${inKrobokan}`,
    );
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toHaveProperty('opportunityIds');
    const one = await get('binadik', `/api/matching/compare?personId=${wulan}&opportunityIds=${inKrobokan}`);
    expect(one.statusCode).toBe(400);
  });
});

describe('proposing from a recommendation', () => {
  it('re-evaluates, refuses a pair whose gate fails, and stores the score and weights version', async () => {
    const noConsent = await post('binadik', '/api/matching/proposals', {
      personId: nur,
      opportunityId: inKrobokan,
    });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().error).toMatchObject({
      code: 'MATCH_NOT_ELIGIBLE',
      message: expect.stringContaining('persetujuan'),
    });
    const notOpen = await post('binadik', '/api/matching/proposals', {
      personId: wulan,
      opportunityId: closed,
    });
    expect(notOpen.json().error).toMatchObject({
      code: 'MATCH_NOT_ELIGIBLE',
      message: expect.stringContaining('peluang sudah ditutup'),
    });
    expect(
      (await post('kelurahan', '/api/matching/proposals', { personId: wulan, opportunityId: inKrobokan }))
        .statusCode,
    ).toBe(403);

    const listed = (await recommendations('binadik', wulan)).items.find(
      (i) => i.opportunity.id === inKrobokan,
    );
    const created = await post('binadik', '/api/matching/proposals', {
      personId: wulan,
      opportunityId: inKrobokan,
      note: 'Dari rekomendasi',
    });
    expect(created.statusCode, created.body).toBe(201);
    const placement = created.json() as PlacementDetail;
    expect(placement).toMatchObject({ stage: 'proposed', opportunity: { id: inKrobokan } });
    const stored = await t.database.db
      .selectFrom('placement')
      .select(['match_score', 'match_rule_version', 'match_factors', 'plan_id'])
      .where('id', '=', placement.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.match_score)).toBe(listed?.score);
    expect(stored.match_rule_version).toBe(version);
    expect(stored.match_factors).toHaveLength(6);
    expect(stored.plan_id).toBeNull();
    const [entry] = await auditOf('placement.proposed', wulan);
    expect(entry?.details).toMatchObject({ match: { score: listed?.score, ruleVersion: version } });

    // In the pipeline now: no longer recommended, counted apart.
    const after = await recommendations('binadik', wulan);
    expect(ids(after.items)).not.toContain(inKrobokan);
    expect(after.counts.inPipeline).toBe(1);
    expect((await candidates('binadik', inKrobokan)).items.map((c) => c.person.id)).not.toContain(wulan);
  });

  it('evaluates the pair again inside the proposal: a set-aside recorded after the list was read refuses it', async () => {
    const db = t.database.db;
    const maya = (
      await createMatchablePerson(db, {
        fullName: 'Maya Sari',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        preferredSectors: ['garment'],
        intendedVillageId: krobokan,
        releasedOn: inDays(-10),
        consent: { organizationIds: [partnerA, krobokan, cabean] },
      })
    ).id;
    // Corrections staff read the recommendation...
    const listed = await recommendations('binadik', maya);
    expect(ids(listed.items)).toContain(inCabean);
    // ...then the kelurahan sets it aside, before the proposal.
    const dismissed = await decide('kelurahan', {
      personId: maya,
      opportunityId: inCabean,
      kind: 'dismissed',
      reasonCode: 'family_or_care',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(201);
    const refused = await post('binadik', '/api/matching/proposals', {
      personId: maya,
      opportunityId: inCabean,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'MATCH_NOT_ELIGIBLE',
      message: expect.stringContaining('disisihkan petugas'),
    });
    const none = await db
      .selectFrom('placement')
      .select('id')
      .where('person_id', '=', maya)
      .where('opportunity_id', '=', inCabean)
      .execute();
    expect(none).toEqual([]);
    expect(await auditOf('placement.proposed', maya)).toEqual([]);

    // Revoked, it may be proposed, with the score of the evaluation made inside the proposal.
    const revoked = await post('kelurahan', `/api/matching/decisions/${dismissed.json().id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    const created = await post('binadik', '/api/matching/proposals', {
      personId: maya,
      opportunityId: inCabean,
    });
    expect(created.statusCode, created.body).toBe(201);
    const stored = await db
      .selectFrom('placement')
      .select(['match_score', 'match_rule_version'])
      .where('id', '=', (created.json() as PlacementDetail).id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.match_score)).toBe(
      listed.items.find((item) => item.opportunity.id === inCabean)?.score,
    );
    expect(stored.match_rule_version).toBe(version);
  });

  it('never stores a proposal after a set-aside made at the same moment', async () => {
    const db = t.database.db;
    const lina = (
      await createMatchablePerson(db, {
        fullName: 'Lina Marlina',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        preferredSectors: ['garment'],
        intendedVillageId: krobokan,
        releasedOn: inDays(-10),
        consent: { organizationIds: [partnerA, krobokan, cabean] },
      })
    ).id;
    expect(ids((await recommendations('binadik', lina)).items)).toContain(inCabean);
    const [proposed, dismissed] = await Promise.all([
      post('binadik', '/api/matching/proposals', { personId: lina, opportunityId: inCabean }),
      decide('kelurahan', {
        personId: lina,
        opportunityId: inCabean,
        kind: 'dismissed',
        reasonCode: 'person_declined',
      }),
    ]);
    expect(dismissed.statusCode, dismissed.body).toBe(201);
    // Either the proposal came first (and the set-aside waited for it to commit), or it saw the set-aside.
    if (proposed.statusCode === 201) {
      const order = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['placement.proposed', 'match.dismissed'])
        .where('subject_id', '=', lina)
        .orderBy('id')
        .execute();
      expect(order.map((row) => row.action)).toEqual(['placement.proposed', 'match.dismissed']);
    } else {
      expect(proposed.statusCode, proposed.body).toBe(409);
      expect(proposed.json().error.code).toBe('MATCH_NOT_ELIGIBLE');
      expect(await auditOf('placement.proposed', lina)).toEqual([]);
    }
  });
});

describe('a change of the weights', () => {
  it('scores with the new version, stored with what is shown and proposed', async () => {
    const saved = await session('admin').request({
      method: 'PUT',
      url: '/api/rules/matching',
      payload: {
        version,
        note: 'Lokasi lebih penting',
        rules: {
          ...DEFAULT_MATCHING_RULES,
          weights: { ...DEFAULT_MATCHING_RULES.weights, location: 40 },
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const result = await recommendations('binadik', wulan);
    expect(result.ruleVersion).toBe(version + 1);
    expect(result.items.every((item) => item.ruleVersion === version + 1)).toBe(true);
    expect(result.items[0]?.factors.find((f) => f.factor === 'location')?.weight).toBe(40);
    const rows = await t.database.db
      .selectFrom('match_recommendation')
      .select(['opportunity_id', 'rule_version'])
      .where('person_id', '=', wulan)
      .where('rule_version', '=', version + 1)
      .execute();
    expect(rows.map((row) => row.opportunity_id).sort()).toEqual([inCabean, restricted].sort());
    const created = await post('binadik', '/api/matching/proposals', {
      personId: wulan,
      opportunityId: inCabean,
    });
    expect(created.statusCode, created.body).toBe(201);
    const stored = await t.database.db
      .selectFrom('placement')
      .select('match_rule_version')
      .where('id', '=', (created.json() as PlacementDetail).id)
      .executeTakeFirstOrThrow();
    expect(stored.match_rule_version).toBe(version + 1);
    expect(pairKey(wulan, inCabean)).toBe(`${wulan}:${inCabean}`);
  });
});
