import type { DocumentAnalysis, EntityMention, Figure, FigureGroup, FigureGroupMember, FigureVerdict, Quote, Span } from '../types';
import { sentenceAt, sentenceIndexAt } from '../text/sentences';
import { hasLineBreak } from '../text/line-breaks';
import { sentencesOf } from './document-cache';
import measureFamilies from '../data/measure-synonyms.json';
import stopwordList from '../data/stopwords.json';
import type { Corrections, FigureReference } from '../corrections';

interface Family { name: string; generic: boolean }
const FAMILY_OF_UNIT = new Map<string, Family>();
for (const [name, family] of Object.entries(measureFamilies.families)) {
  for (const unit of family.units) FAMILY_OF_UNIT.set(unit.toLowerCase(), { name, generic: family.generic });
}
const STOPWORDS = new Set(stopwordList);
/** Values this close are the same report. */
const SAME_VALUE_TOLERANCE = 0.1;
/** Content words each side of a figure that say what it counts ("60 countries have joined forces"). */
const CONTEXT_WINDOW = 3;

/** A figure with what it takes to compare it with figures of other documents. */
interface Candidate {
  member: FigureGroupMember;
  figure: Figure;
  family: Family;
  contextWords: Set<string>;
  /** Organisations named around the figure: the actor that did the counting or was counted. */
  organisations: Set<string>;
  /** Words of the measure phrase beyond the unit ("population" in "percent of the population"). */
  measureWords: Set<string>;
}

/** Organisations named in this share of the documents (or more) are the story's subject, not an actor that tells figures apart. */
const UBIQUITOUS_SHARE = 0.6;

export function familyOf(figure: Figure): Family | null {
  if (!figure.unit) return null;
  const unit = figure.unit.toLowerCase();
  return FAMILY_OF_UNIT.get(unit) ?? FAMILY_OF_UNIT.get(unit.split(' ').at(-1)!) ?? { name: unit, generic: false };
}

/**
 * Figures in different documents that count the same thing, each group with a verdict. Two figures
 * measure the same thing when their units belong to one family, generic units ("countries", "percent")
 * also share a context word, and the organisations named around them are not two disjoint sets
 * (a coalition's trainees and NATO's are different programmes). A figure joins a group only when it
 * fits every member already there.
 */
export function groupFigures(documents: readonly DocumentAnalysis[],
  corrections: Corrections['figures'] = { join: [], separate: [] }): FigureGroup[] {
  const separated = new Set<string>();
  for (const set of corrections.separate) {
    for (const a of set) for (const b of set) if (a !== b) separated.add(`${referenceKey(a)}\u0001${referenceKey(b)}`);
  }
  const apart = (a: Candidate, b: Candidate) => separated.has(`${referenceKey(a.member)}\u0001${referenceKey(b.member)}`);
  const ubiquitous = ubiquitousOrganisations(documents);
  const byFamily = new Map<string, Candidate[]>();
  for (const document of documents) {
    const sentences = sentencesOf(document);
    for (const figure of document.figures) {
      const family = familyOf(figure);
      if (!family) continue;
      const candidates = byFamily.get(family.name) ?? [];
      candidates.push(candidateFor(document, figure, family, sentences, ubiquitous));
      byFamily.set(family.name, candidates);
    }
  }
  const clusters: Candidate[][] = [];
  for (const candidates of byFamily.values()) {
    // A cluster is checked against its distinct (document, context, organisations) signatures only:
    // news repeats itself, and a large workspace holds many figures that look the same to sameMeasure.
    const familyClusters: Array<{ members: Candidate[]; signatures: Map<string, Candidate> }> = [];
    // sameMeasure is symmetric and clusters only grow, so a signature goes where it went before.
    const clusterOfSignature = new Map<string, (typeof familyClusters)[number]>();
    for (const candidate of candidates) {
      const signature = signatureOf(candidate);
      const known = separated.size ? undefined : clusterOfSignature.get(signature);
      if (known) { known.members.push(candidate); continue; }
      const cluster = familyClusters.find(({ signatures, members }) => (separated.size
        ? members.every((member) => sameMeasure(member, candidate) && !apart(member, candidate))
        : [...signatures.values()].every((member) => sameMeasure(member, candidate))));
      if (cluster) {
        cluster.members.push(candidate);
        if (!cluster.signatures.has(signature)) cluster.signatures.set(signature, candidate);
        clusterOfSignature.set(signature, cluster);
      } else {
        const created = { members: [candidate], signatures: new Map([[signature, candidate]]) };
        familyClusters.push(created);
        clusterOfSignature.set(signature, created);
      }
    }
    clusters.push(...familyClusters.map((cluster) => cluster.members));
  }
  const joined = joinClusters(clusters, corrections.join, documents);
  const groups: FigureGroup[] = [];
  {
    for (const cluster of joined) {
      if (new Set(cluster.map((candidate) => candidate.member.path)).size < 2) continue;
      groups.push(toGroup(cluster));
    }
  }
  const used = new Map<string, number>();
  for (const group of groups.sort((a, b) => a.id.localeCompare(b.id))) {
    const seen = used.get(group.id) ?? 0;
    used.set(group.id, seen + 1);
    if (seen) group.id = `${group.id}-${seen + 1}`;
  }
  return groups;
}

function referenceKey(reference: FigureReference): string {
  return `${reference.path}\u0000${reference.text}`;
}

/** The user's joins: the named figures leave their groups and form one group (with any group they were in). */
function joinClusters(clusters: Candidate[][], joins: FigureReference[][], documents: readonly DocumentAnalysis[]): Candidate[][] {
  let result = clusters;
  for (const join of joins) {
    const keys = new Set(join.map(referenceKey));
    const touched = result.filter((cluster) => cluster.some((candidate) => keys.has(referenceKey(candidate.member))));
    const merged = touched.flat();
    const present = new Set(merged.map((candidate) => referenceKey(candidate.member)));
    for (const reference of join) {
      if (present.has(referenceKey(reference))) continue;
      const document = documents.find((candidate) => candidate.path === reference.path);
      const figure = document?.figures.find((candidate) => candidate.text === reference.text);
      if (document && figure) {
        merged.push(candidateFor(document, figure, familyOf(figure) ?? { name: 'joined', generic: false },
          sentencesOf(document), new Set()));
      }
    }
    result = [...result.filter((cluster) => !touched.includes(cluster)), merged];
  }
  return result;
}

function ubiquitousOrganisations(documents: readonly DocumentAnalysis[]): Set<string> {
  if (documents.length < 3) return new Set();
  const documentCount = new Map<string, number>();
  for (const document of documents) {
    for (const id of new Set(document.entities.filter((entity) => entity.type === 'organization').map((entity) => entity.id))) {
      documentCount.set(id, (documentCount.get(id) ?? 0) + 1);
    }
  }
  return new Set([...documentCount].filter(([, count]) => count >= documents.length * UBIQUITOUS_SHARE).map(([id]) => id));
}

/** What a figure brings to grouping that depends on its document alone, computed once per analysis. */
interface FigureContext { member: FigureGroupMember; contextWords: Set<string>; measureWords: Set<string>; organisationMentions: EntityMention[] }
const contextCache = new WeakMap<DocumentAnalysis, Map<Figure, FigureContext>>();

function figureContext(document: DocumentAnalysis, figure: Figure, sentences: readonly Span[]): FigureContext {
  let byFigure = contextCache.get(document);
  if (!byFigure) { byFigure = new Map(); contextCache.set(document, byFigure); }
  let context = byFigure.get(figure);
  if (context) return context;
  const sentence = sentenceAt(sentences, figure.start) ?? figure;
  const before = contentWords(document.text.slice(sentence.start, figure.start)).slice(-CONTEXT_WINDOW);
  const after = contentWords(document.text.slice(figure.end, sentence.end)).slice(0, CONTEXT_WINDOW);
  const previous = sentences[sentenceIndexAt(sentences, figure.start) - 1];
  const sameParagraph = previous && !hasLineBreak(document.text.slice(previous.end, sentence.start));
  const scope = { start: sameParagraph ? previous.start : sentence.start, end: sentence.end };
  const unitWords = new Set(contentWords(figure.unit ?? ''));
  context = {
    contextWords: new Set([...before, ...after]),
    measureWords: new Set(contentWords(figure.measure ?? '').filter((word) => !unitWords.has(word))),
    organisationMentions: document.entities.filter((entity) => entity.type === 'organization' && entity.start >= scope.start && entity.end <= scope.end),
    member: { path: document.path, start: figure.start, end: figure.end, text: figure.text, value: figure.value, low: figure.low,
      high: figure.high, qualifier: figure.qualifier, date: document.metadata.date.value, speaker: speakerOf(figure, document.quotes) },
  };
  byFigure.set(figure, context);
  return context;
}

function candidateFor(document: DocumentAnalysis, figure: Figure, family: Family, sentences: readonly Span[],
  ubiquitous: ReadonlySet<string>): Candidate {
  const context = figureContext(document, figure, sentences);
  // Ids are read now, not cached: linking may give a mention another id when other documents change.
  const organisations = new Set(context.organisationMentions.map((entity) => entity.id).filter((id) => !ubiquitous.has(id)));
  return { figure, family, organisations, measureWords: context.measureWords, contextWords: context.contextWords, member: { ...context.member } };
}

/** What sameMeasure reads of a candidate: for specific units, the organisations alone. */
function signatureOf(candidate: Candidate): string {
  const read = candidate.family.generic ? [candidate.contextWords, candidate.organisations, candidate.measureWords] : [candidate.organisations];
  return read.map((set) => [...set].sort().join(' ')).join('\u0000');
}

/**
 * Generic units need more than the unit: the measure phrases agree ("percent of the population" is not
 * "percent of the areas"), or, where a phrase says no more than the unit, a context word is shared.
 */
function sameMeasure(a: Candidate, b: Candidate): boolean {
  if (a.family.generic) {
    const shares = (x: Set<string>, y: Set<string>) => [...x].some((word) => y.has(word));
    if (a.measureWords.size && b.measureWords.size ? !shares(a.measureWords, b.measureWords) : !shares(a.contextWords, b.contextWords)) return false;
  }
  if (a.organisations.size && b.organisations.size && ![...a.organisations].some((id) => b.organisations.has(id))) return false;
  return true;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((word) => !STOPWORDS.has(word) && word.length > 2).map(stem);
}

function stem(word: string): string {
  return word.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '') || word;
}

function toGroup(cluster: Candidate[]): FigureGroup {
  const members = cluster.map((candidate) => candidate.member)
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.path.localeCompare(b.path) || a.start - b.start);
  const measure = groupMeasure(cluster);
  const { verdict, reason } = judge(members);
  return { id: measure.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || cluster[0].family.name,
    measure, unit: cluster[0].figure.unit, members, verdict, reason };
}

/** The members' measure phrase that shares most words with the others; the shorter on a tie. */
/** The members' measure phrase that shares most words with the others; the shorter on a tie. */
function groupMeasure(cluster: readonly Candidate[]): string {
  const phrases = [...new Set(cluster.map((candidate) => candidate.figure.measure ?? candidate.figure.unit ?? candidate.family.name))];
  const words = phrases.map((phrase) => new Set(contentWords(phrase)));
  const phrasesWith = new Map<string, number>();
  for (const set of words) for (const word of set) phrasesWith.set(word, (phrasesWith.get(word) ?? 0) + 1);
  let best = phrases[0];
  let bestScore = -1;
  phrases.forEach((phrase, index) => {
    const score = [...words[index]].reduce((sum, word) => sum + phrasesWith.get(word)! - 1, 0);
    if (score > bestScore || (score === bestScore && phrase.length < best.length)) { best = phrase; bestScore = score; }
  });
  return best.charAt(0).toUpperCase() + best.slice(1);
}

function speakerOf(figure: Figure, quotes: readonly Quote[]): string | null {
  const quote = quotes.find((candidate) => candidate.start <= figure.start && figure.end <= candidate.end);
  return quote?.speaker?.name ?? null;
}

/**
 * Two reports agree when their values are within 10%. Qualifiers are read as how the value was rounded,
 * not as bounds: "more than 3,700" and "10,000" are different counts, though 10,000 is more than 3,700.
 */
function valuesAgree(a: FigureGroupMember, b: FigureGroupMember): boolean {
  return Math.abs(a.value - b.value) <= SAME_VALUE_TOLERANCE * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/** Two members from different documents whose values disagree, if any: the extremes are enough to find one. */
function disagreement(members: readonly FigureGroupMember[]): [FigureGroupMember, FigureGroupMember] | null {
  const sorted = [...members].sort((a, b) => a.value - b.value);
  const lowest = sorted[0];
  const highest = sorted.at(-1)!;
  const highestElsewhere = [...sorted].reverse().find((member) => member.path !== lowest.path);
  if (highestElsewhere && !valuesAgree(lowest, highestElsewhere)) return [lowest, highestElsewhere];
  const lowestElsewhere = sorted.find((member) => member.path !== highest.path);
  if (lowestElsewhere && !valuesAgree(lowestElsewhere, highest)) return [lowestElsewhere, highest];
  return null;
}

function judge(members: readonly FigureGroupMember[]): { verdict: FigureVerdict; reason: string } {
  if (!disagreement(members)) return { verdict: 'consistent', reason: 'Every source gives a compatible value.' };
  const byDate = new Map<string, FigureGroupMember[]>();
  for (const member of members) if (member.date) byDate.set(member.date, [...(byDate.get(member.date) ?? []), member]);
  for (const [date, sameDate] of byDate) {
    const pair = disagreement(sameDate);
    if (pair) return { verdict: 'conflict', reason: `${pair[0].text} and ${pair[1].text} are reported for the same date (${date}).` };
  }
  const dated = members.filter((member) => member.date);
  if (dated.length === members.length) {
    return { verdict: 'changed-over-time', reason: `Values differ between ${dated[0].date} and ${dated.at(-1)!.date}: the count changed over time.` };
  }
  const undated = members.length - dated.length;
  return { verdict: 'changed-over-time',
    reason: `Values differ, and ${undated} of ${members.length} reports have no date: read as a count that changed over time, not a conflict.` };
}
