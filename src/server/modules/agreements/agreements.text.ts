import { diffArrays, diffWords } from 'diff';
import type {
  AgreementDiffPart,
  AgreementDiffSection,
  AgreementDiffSectionKind,
} from '../../../shared/agreements.ts';

// The versioned TEXT of an agreement (title, purpose, scope, considerations, clauses, obligations): its
// snapshot as stored in agreement_version, whether two texts are the same, and the readable word-level diff
// between two versions, section by section.

export interface SnapshotClause {
  position: number;
  heading: string;
  body: string;
}

export interface SnapshotObligation {
  position: number;
  organizationId: string;
  organizationName: string;
  description: string;
  dueOn: string | null;
}

export interface AgreementSnapshot {
  title: string;
  purpose: string | null;
  scope: string | null;
  considerations: string | null;
  clauses: SnapshotClause[];
  obligations: SnapshotObligation[];
}

/** A stored snapshot (jsonb) read back defensively. */
export function readSnapshot(value: unknown): AgreementSnapshot {
  const raw = (value ?? {}) as Partial<AgreementSnapshot>;
  return {
    title: raw.title ?? '',
    purpose: raw.purpose ?? null,
    scope: raw.scope ?? null,
    considerations: raw.considerations ?? null,
    clauses: (raw.clauses ?? []).map((clause, index) => ({
      position: clause.position ?? index + 1,
      heading: clause.heading ?? '',
      body: clause.body ?? '',
    })),
    obligations: (raw.obligations ?? []).map((obligation, index) => ({
      position: obligation.position ?? index + 1,
      organizationId: obligation.organizationId ?? '',
      organizationName: obligation.organizationName ?? '',
      description: obligation.description ?? '',
      dueOn: obligation.dueOn ?? null,
    })),
  };
}

/** What makes two texts the same (names of organizations aside: they may be renamed in the directory). */
export function textKey(text: AgreementSnapshot): string {
  return JSON.stringify([
    text.title,
    text.purpose ?? null,
    text.scope ?? null,
    text.considerations ?? null,
    text.clauses.map((clause) => [clause.heading, clause.body]),
    text.obligations.map((obligation) => [
      obligation.organizationId,
      obligation.description,
      obligation.dueOn,
    ]),
  ]);
}

export const sameText = (a: AgreementSnapshot, b: AgreementSnapshot) => textKey(a) === textKey(b);

/** 'yyyy-mm-dd' → 'dd/mm/yyyy' (the one copy of this module). */
export const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const clauseText = (clause: SnapshotClause) => `${clause.heading}\n${clause.body}`;
const obligationText = (obligation: SnapshotObligation) =>
  `${obligation.organizationName}: ${obligation.description}${obligation.dueOn ? ` (${dmy(obligation.dueOn)})` : ''}`;

/**
 * The bounds of one diff (a request): the word diff is quadratic in the worst case, and on PGlite it runs on
 * the main thread. Each section gets at most `sectionMs`; past `totalMs` or `totalChars` (the characters
 * of both sides already diffed word by word), the remaining changed sections are shown whole (all removed,
 * then all added) instead of word by word.
 */
export interface DiffLimits {
  sectionMs: number;
  totalMs: number;
  totalChars: number;
}
export const DIFF_LIMITS: DiffLimits = { sectionMs: 100, totalMs: 1000, totalChars: 200_000 };

interface DiffBudget {
  limits: DiffLimits;
  deadline: number;
  chars: number;
}

/** A changed section shown whole: the old text removed, the new one added. */
function wholeParts(from: string, to: string): AgreementDiffPart[] {
  return [
    ...(from === '' ? [] : [{ value: from, added: false, removed: true }]),
    ...(to === '' ? [] : [{ value: to, added: true, removed: false }]),
  ];
}

function wordParts(from: string, to: string, budget: DiffBudget): AgreementDiffPart[] {
  if (from === to) return from === '' ? [] : [{ value: from, added: false, removed: false }];
  if (from === '' || to === '') return wholeParts(from, to);
  const left = budget.deadline - Date.now();
  budget.chars += from.length + to.length;
  if (left <= 0 || budget.chars > budget.limits.totalChars) return wholeParts(from, to);
  // jsdiff gives up (undefined) past the timeout.
  const changes = diffWords(from, to, { timeout: Math.min(budget.limits.sectionMs, left) });
  if (!changes) return wholeParts(from, to);
  return changes.map((change) => ({
    value: change.value,
    added: Boolean(change.added),
    removed: Boolean(change.removed),
  }));
}

function section(
  kind: AgreementDiffSectionKind,
  from: string | null,
  to: string | null,
  extra: { position: number | null; heading: string | null },
  budget: DiffBudget,
): AgreementDiffSection {
  const change =
    from === null ? 'added' : to === null ? 'removed' : from === to ? 'unchanged' : ('changed' as const);
  return { kind, ...extra, change, parts: wordParts(from ?? '', to ?? '', budget) };
}

/**
 * Pairs the items of two lists: equal items (by `same`) are kept in order; a run of removed items followed
 * by a run of added ones is read as those items changed, pairwise; the rest are added or removed.
 */
function align<T>(from: T[], to: T[], same: (a: T, b: T) => boolean): { from: T | null; to: T | null }[] {
  const pairs: { from: T | null; to: T | null }[] = [];
  const changes = diffArrays(from, to, { comparator: same });
  let fromIndex = 0;
  let toIndex = 0;
  const take = (list: T[], index: number) => list[index] ?? null;
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    if (!change) continue;
    const count = change.value.length;
    if (!change.added && !change.removed) {
      for (let i = 0; i < count; i++) pairs.push({ from: take(from, fromIndex++), to: take(to, toIndex++) });
      continue;
    }
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      const added = next.value.length;
      for (let i = 0; i < Math.max(count, added); i++)
        pairs.push({
          from: i < count ? take(from, fromIndex + i) : null,
          to: i < added ? take(to, toIndex + i) : null,
        });
      fromIndex += count;
      toIndex += added;
      index++;
      continue;
    }
    for (let i = 0; i < count; i++)
      pairs.push(
        change.removed
          ? { from: take(from, fromIndex++), to: null }
          : { from: null, to: take(to, toIndex++) },
      );
  }
  return pairs;
}

const normal = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

/** The readable diff from one text version to another, in text order, within `limits`. */
export function diffTexts(
  from: AgreementSnapshot,
  to: AgreementSnapshot,
  limits: DiffLimits = DIFF_LIMITS,
): AgreementDiffSection[] {
  const budget: DiffBudget = { limits, deadline: Date.now() + limits.totalMs, chars: 0 };
  const fixed = { position: null, heading: null };
  const sections: AgreementDiffSection[] = [
    section('title', from.title, to.title, fixed, budget),
    section('purpose', from.purpose ?? '', to.purpose ?? '', fixed, budget),
    section('scope', from.scope ?? '', to.scope ?? '', fixed, budget),
    section('considerations', from.considerations ?? '', to.considerations ?? '', fixed, budget),
  ];
  for (const pair of align(from.clauses, to.clauses, (a, b) => normal(a.heading) === normal(b.heading))) {
    const shown = pair.to ?? pair.from;
    sections.push(
      section(
        'clause',
        pair.from && clauseText(pair.from),
        pair.to && clauseText(pair.to),
        { position: shown?.position ?? null, heading: shown?.heading ?? null },
        budget,
      ),
    );
  }
  for (const pair of align(
    from.obligations,
    to.obligations,
    (a, b) => a.organizationId === b.organizationId && normal(a.description) === normal(b.description),
  )) {
    const shown = pair.to ?? pair.from;
    sections.push(
      section(
        'obligation',
        pair.from && obligationText(pair.from),
        pair.to && obligationText(pair.to),
        { position: shown?.position ?? null, heading: shown?.organizationName ?? null },
        budget,
      ),
    );
  }
  return sections;
}
