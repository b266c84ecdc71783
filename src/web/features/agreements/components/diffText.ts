import type { AgreementDiffPart, AgreementDiffSection } from '../../../../shared/agreements.ts';

// Pure rules of the version comparison (unit-tested): which two versions to compare first, what the
// officer changed in numbers of words, and which sections to show.

/** Versions to compare when the tab opens: the one before the current text and the current one. */
export function defaultDiffPair(numbers: readonly number[]): { from: number; to: number } | null {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (sorted.length < 2) return null;
  return { from: sorted[sorted.length - 2] as number, to: sorted[sorted.length - 1] as number };
}

/** Two picked versions in reading order (older first); null when the same version is picked twice. */
export function orderedPair(a: number | null, b: number | null): { from: number; to: number } | null {
  if (a === null || b === null || a === b) return null;
  return a < b ? { from: a, to: b } : { from: b, to: a };
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.,/][\p{L}\p{N}]+)*/gu;

/** The words of a run (numbers count; punctuation and spaces do not). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** How many words were added and removed in all the sections. */
export function diffWordCounts(sections: readonly { parts: readonly AgreementDiffPart[] }[]): {
  added: number;
  removed: number;
} {
  let added = 0;
  let removed = 0;
  for (const section of sections) {
    for (const part of section.parts) {
      if (part.added) added += countWords(part.value);
      else if (part.removed) removed += countWords(part.value);
    }
  }
  return { added, removed };
}

/** The sections to show: only those that changed, unless the officer asks for the whole text. */
export function visibleSections(
  sections: readonly AgreementDiffSection[],
  showUnchanged: boolean,
): AgreementDiffSection[] {
  return showUnchanged ? [...sections] : sections.filter((section) => section.change !== 'unchanged');
}
