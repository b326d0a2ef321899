import Ajv from 'ajv';
import schema from './data/corrections.schema.json';

/** The user's corrections, with document paths as the index keys them (the host resolves them). */
export interface Corrections {
  documentDates: Record<string, string>;
  entities: { merge: string[][]; split: Array<{ id: string; text: string }>; aliases: Record<string, string[]> };
  figures: { join: FigureReference[][]; separate: FigureReference[][] };
  /** A document moved into the story of another document (`to`); sets of documents split off as stories of their own. */
  stories: { move: Array<{ path: string; to: string }>; split: string[][] };
  dismissed: Array<{ path: string; code: string; text?: string }>;
}

export interface FigureReference { path: string; text: string }

export const CORRECTIONS_FILE_NAME = 'corroborate.corrections.json';

export function emptyCorrections(): Corrections {
  return { documentDates: {}, entities: { merge: [], split: [], aliases: {} }, figures: { join: [], separate: [] }, stories: { move: [], split: [] }, dismissed: [] };
}

const validate = new Ajv({ allErrors: true }).compile(schema);

/** Reads a corrections file. Invalid content gives no corrections and messages that say where and why. */
export function parseCorrections(text: string): { corrections: Corrections; problems: string[] } {
  let raw: unknown;
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch (error) {
    return { corrections: emptyCorrections(), problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (!validate(raw)) {
    const problems = (validate.errors ?? []).slice(0, 5).map((error) =>
      `${error.instancePath || '(top level)'} ${error.message ?? 'is not allowed'}${error.keyword === 'additionalProperties' ? ` ('${String(error.params.additionalProperty)}')` : ''}`);
    return { corrections: emptyCorrections(), problems };
  }
  const given = raw as Partial<Corrections> & { entities?: Partial<Corrections['entities']>; figures?: Partial<Corrections['figures']>;
    stories?: Partial<Corrections['stories']> };
  const corrections = emptyCorrections();
  Object.assign(corrections.documentDates, given.documentDates);
  corrections.entities.merge = given.entities?.merge ?? [];
  corrections.entities.split = given.entities?.split ?? [];
  corrections.entities.aliases = given.entities?.aliases ?? {};
  corrections.figures.join = given.figures?.join ?? [];
  corrections.figures.separate = given.figures?.separate ?? [];
  corrections.stories.move = given.stories?.move ?? [];
  corrections.stories.split = given.stories?.split ?? [];
  corrections.dismissed = given.dismissed ?? [];
  return { corrections, problems: [] };
}

/** Rewrites every document path in the corrections with `resolve` (relative path -> index key). */
export function resolveCorrectionPaths(corrections: Corrections, resolve: (path: string) => string): Corrections {
  const figure = (reference: FigureReference) => ({ ...reference, path: resolve(reference.path) });
  return {
    documentDates: Object.fromEntries(Object.entries(corrections.documentDates).map(([path, date]) => [resolve(path), date])),
    entities: corrections.entities,
    figures: { join: corrections.figures.join.map((set) => set.map(figure)), separate: corrections.figures.separate.map((set) => set.map(figure)) },
    stories: { move: corrections.stories.move.map(({ path, to }) => ({ path: resolve(path), to: resolve(to) })),
      split: corrections.stories.split.map((set) => set.map(resolve)) },
    dismissed: corrections.dismissed.map((entry) => ({ ...entry, path: resolve(entry.path) })),
  };
}
