import { emptyCorrections, parseCorrections, type Corrections, type FigureReference } from '../corrections';

/**
 * New text for the corrections file after one more correction, or the reason it cannot be written
 * (the file as it stands is not valid: the user's own text is never overwritten).
 */
export type CorrectionsText = { text: string } | { problem: string };

function amend(current: string | null, change: (corrections: Corrections) => void): CorrectionsText {
  let corrections = emptyCorrections();
  if (current !== null && current.trim()) {
    const parsed = parseCorrections(current);
    if (parsed.problems.length) return { problem: `corroborate.corrections.json has problems to fix first: ${parsed.problems.join('; ')}` };
    corrections = parsed.corrections;
  }
  change(corrections);
  return { text: `${JSON.stringify(compact(corrections), null, 2)}\n` };
}

/** Leaves out empty sections, so the file holds only what the user decided. */
function compact(corrections: Corrections): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Object.keys(corrections.documentDates).length) out.documentDates = corrections.documentDates;
  const entities: Record<string, unknown> = {};
  if (corrections.entities.merge.length) entities.merge = corrections.entities.merge;
  if (corrections.entities.split.length) entities.split = corrections.entities.split;
  if (Object.keys(corrections.entities.aliases).length) entities.aliases = corrections.entities.aliases;
  if (Object.keys(entities).length) out.entities = entities;
  const figures: Record<string, unknown> = {};
  if (corrections.figures.join.length) figures.join = corrections.figures.join;
  if (corrections.figures.separate.length) figures.separate = corrections.figures.separate;
  if (Object.keys(figures).length) out.figures = figures;
  const stories: Record<string, unknown> = {};
  if (corrections.stories.move.length) stories.move = corrections.stories.move;
  if (corrections.stories.split.length) stories.split = corrections.stories.split;
  if (Object.keys(stories).length) out.stories = stories;
  if (corrections.dismissed.length) out.dismissed = corrections.dismissed;
  return out;
}

export function withDocumentDate(current: string | null, path: string, date: string): CorrectionsText {
  return amend(current, (corrections) => { corrections.documentDates[path] = date; });
}

export function withDismissal(current: string | null, path: string, code: string, text: string): CorrectionsText {
  return amend(current, (corrections) => {
    if (!corrections.dismissed.some((entry) => entry.path === path && entry.code === code && entry.text === text)) {
      corrections.dismissed.push({ path, code, text });
    }
  });
}

export function withSeparateFigures(current: string | null, figures: FigureReference[]): CorrectionsText {
  return amend(current, (corrections) => { corrections.figures.separate.push(figures); });
}

/** The figures that leave a group: each is apart from each one that stays (pairs), and may still group with the others leaving. */
export function withFiguresApart(current: string | null, leaving: FigureReference[], staying: FigureReference[]): CorrectionsText {
  return amend(current, (corrections) => {
    const key = (set: FigureReference[]) => set.map((reference) => `${reference.path}\u0000${reference.text}`).sort().join('\u0001');
    const known = new Set(corrections.figures.separate.map(key));
    for (const out of leaving) {
      for (const stays of staying) {
        const pair = [out, stays];
        if (known.has(key(pair))) continue;
        known.add(key(pair));
        corrections.figures.separate.push(pair);
      }
    }
  });
}

/** The document joins the story of document `to` (a move replaces an earlier move or split of the same document). */
export function withStoryMove(current: string | null, path: string, to: string): CorrectionsText {
  return amend(current, (corrections) => {
    corrections.stories.move = corrections.stories.move.filter((move) => move.path !== path);
    corrections.stories.split = corrections.stories.split.map((set) => set.filter((member) => member !== path)).filter((set) => set.length);
    if (path !== to) corrections.stories.move.push({ path, to });
  });
}

/** The documents leave their stories and make one story of their own. */
export function withStorySplit(current: string | null, paths: string[]): CorrectionsText {
  return amend(current, (corrections) => {
    const leaving = new Set(paths);
    corrections.stories.move = corrections.stories.move.filter((move) => !leaving.has(move.path));
    corrections.stories.split = corrections.stories.split.map((set) => set.filter((member) => !leaving.has(member))).filter((set) => set.length);
    corrections.stories.split.push([...paths]);
  });
}

/** Front matter that dates a document, for a document that has none. */
export function frontMatterWithDate(date: string): string {
  return `---\ndate: ${date}\n---\n`;
}
