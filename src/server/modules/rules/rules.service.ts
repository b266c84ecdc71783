import type { Kysely } from 'kysely';
import {
  DEFAULT_RULES,
  RULE_KINDS,
  RULES_SCHEMAS,
  type RuleKind,
  type RuleSetHistory,
  type RuleSetOf,
  type RulesByKind,
  type SaveRuleSetRequest,
} from '../../../shared/sentence.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { recomputeReleaseDates } from '../people/people.release.ts';
import {
  findCurrentRuleSet,
  insertFirstRuleSet,
  insertRuleSet,
  listRuleSets,
  type RuleSetRow,
} from './rules.repository.ts';

type Db = Kysely<Database>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The defaults overlaid with what is stored: a rule added after a version was saved gets its default. */
function overlay(defaults: unknown, stored: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(stored)) return stored === undefined ? defaults : stored;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) result[key] = overlay(defaults[key], stored[key]);
  return result;
}

function parseRules<K extends RuleKind>(kind: K, stored: unknown): RulesByKind[K] {
  return RULES_SCHEMAS[kind].parse(overlay(DEFAULT_RULES[kind], stored)) as RulesByKind[K];
}

function present<K extends RuleKind>(kind: K, row: RuleSetRow | undefined): RuleSetOf<K> {
  return presentAny(kind, row) as RuleSetOf<K>;
}

function presentAny(kind: RuleKind, row: RuleSetRow | undefined) {
  if (!row) {
    return {
      kind,
      version: 0,
      rules: DEFAULT_RULES[kind],
      note: null,
      createdAt: null,
      createdByName: null,
    };
  }
  return {
    kind,
    version: row.version,
    rules: parseRules(kind, row.rules),
    note: row.note,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
  };
}

/**
 * The rules of a kind in force now, with their version (0 and the defaults when none is stored).
 * No permission check: for services that compute with them.
 */
export async function currentRules<K extends RuleKind>(
  db: Db,
  kind: K,
): Promise<{ version: number; rules: RulesByKind[K] }> {
  const row = await findCurrentRuleSet(db, kind);
  return row
    ? { version: row.version, rules: parseRules(kind, row.rules) }
    : { version: 0, rules: DEFAULT_RULES[kind] };
}

/** Corrections staff read the rules their milestones follow; administrators manage them. */
function requireReadRules(ctx: RequestContext) {
  try {
    requirePermission(ctx, 'read:custody');
  } catch {
    try {
      requirePermission(ctx, 'manage:rules');
    } catch {
      throw forbidden();
    }
  }
}

/** The current version of a kind of rules, for the screen. */
export async function getRuleSet<K extends RuleKind>(
  db: Db,
  ctx: RequestContext,
  kind: K,
): Promise<RuleSetOf<K>> {
  requireReadRules(ctx);
  return present(kind, await findCurrentRuleSet(db, kind));
}

/** Every version of a kind, newest first. */
export async function ruleHistory(db: Db, ctx: RequestContext, kind: RuleKind): Promise<RuleSetHistory> {
  requireReadRules(ctx);
  const rows = await listRuleSets(db, kind);
  return { kind, items: rows.map((row) => present(kind, row)) };
}

const rulesChanged = (current: number) => new AppError(409, 'RULES_CHANGED', { params: { current } });

/** Saves the rules as the next version; 409 RULES_CHANGED when `body.version` is no longer the current one. */
export async function saveRules<K extends RuleKind>(
  db: Db,
  ctx: RequestContext,
  kind: K,
  body: SaveRuleSetRequest<K>,
): Promise<RuleSetOf<K>> {
  requirePermission(ctx, 'manage:rules');
  const rules = RULES_SCHEMAS[kind].parse(body.rules) as RulesByKind[K];
  const row = await db.transaction().execute(async (trx) => {
    const before = await currentRules(trx, kind);
    if (before.version !== body.version) throw rulesChanged(before.version);
    const inserted = await insertRuleSet(trx, {
      kind,
      version: before.version + 1,
      rules,
      note: body.note,
      createdBy: ctx.principal.userId,
      createdByName: ctx.principal.fullName,
    }).catch((error: unknown) => {
      // Two administrators saving the same version at once: the unique (kind, version) decides.
      throw (error as { code?: string }).code === '23505' ? rulesChanged(before.version + 1) : error;
    });
    // Which remissions count depends on the sentence rules, and with them each stored release date.
    const releaseDatesChanged =
      kind === 'sentence' ? await recomputeReleaseDates(trx, rules as RulesByKind['sentence']) : 0;
    await audit(trx, ctx, {
      action: 'rules.changed',
      subjectType: 'rule_set',
      subjectId: inserted.id,
      subjectOrganizationId: null,
      details: {
        kind,
        version: inserted.version,
        note: body.note,
        changes: diff(before.rules, rules),
        ...(kind === 'sentence' && { releaseDatesChanged }),
      },
    });
    return inserted;
  });
  return present(kind, row);
}

/** The changed rules as dotted paths: { 'cb.maxSentenceMonths': { from: 18, to: 15 } }. */
function diff(
  before: unknown,
  after: unknown,
  prefix = '',
  out: Record<string, { from: unknown; to: unknown }> = {},
) {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diff(before[key], after[key], prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    out[prefix] = { from: before ?? null, to: after ?? null };
  }
  return out;
}

/** Stores version 1 of every kind with the defaults when it is missing. Idempotent; runs at every start. */
export async function seedRules(db: Db): Promise<void> {
  for (const kind of RULE_KINDS) {
    await insertFirstRuleSet(db, kind, DEFAULT_RULES[kind], 'Nilai awal / initial values');
  }
}
