import type { DocumentAnalysis, Figure, FigureGroup, FigureGroupMember, FigureVerdict, Quote } from '../types';
import measureSynonyms from '../data/measure-synonyms.json';

const MEASURE_OF_UNIT = new Map<string, string>();
for (const [measure, units] of Object.entries(measureSynonyms.synonyms)) for (const unit of units) MEASURE_OF_UNIT.set(unit, measure);
/** Values this close are the same report. */
const SAME_VALUE_TOLERANCE = 0.05;

export function measureKey(figure: Figure): string | null {
  if (!figure.unit || figure.kind === 'percent' || figure.kind === 'money') return null;
  const unit = figure.unit.toLowerCase();
  return MEASURE_OF_UNIT.get(unit) ?? unit;
}

/** Figures in different documents that count the same thing, with a verdict on whether they agree. */
export function groupFigures(documents: readonly DocumentAnalysis[]): FigureGroup[] {
  const byMeasure = new Map<string, FigureGroupMember[]>();
  for (const document of documents) {
    for (const figure of document.figures) {
      const key = measureKey(figure);
      if (!key) continue;
      const members = byMeasure.get(key) ?? [];
      members.push({ path: document.path, start: figure.start, end: figure.end, text: figure.text, value: figure.value,
        low: figure.low, high: figure.high, qualifier: figure.qualifier, date: document.metadata.date.value,
        speaker: speakerOf(figure, document.quotes) });
      byMeasure.set(key, members);
    }
  }
  const groups: FigureGroup[] = [];
  for (const [key, members] of byMeasure) {
    if (new Set(members.map((member) => member.path)).size < 2) continue;
    members.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.path.localeCompare(b.path) || a.start - b.start);
    const { verdict, reason } = judge(members);
    groups.push({ id: key.replace(/[^a-z0-9]+/g, '-'), measure: key, unit: key, members, verdict, reason });
  }
  return groups.sort((a, b) => a.id.localeCompare(b.id));
}

function speakerOf(figure: Figure, quotes: readonly Quote[]): string | null {
  const quote = quotes.find((candidate) => candidate.start <= figure.start && figure.end <= candidate.end);
  return quote?.speaker?.name ?? null;
}

function intervalsMeet(a: FigureGroupMember, b: FigureGroupMember): boolean {
  const low = (member: FigureGroupMember) => (member.low ?? -Infinity) * (1 - SAME_VALUE_TOLERANCE);
  const high = (member: FigureGroupMember) => (member.high ?? Infinity) * (1 + SAME_VALUE_TOLERANCE);
  return low(a) <= high(b) && low(b) <= high(a);
}

function judge(members: readonly FigureGroupMember[]): { verdict: FigureVerdict; reason: string } {
  const disagreeing: Array<[FigureGroupMember, FigureGroupMember]> = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (members[i].path !== members[j].path && !intervalsMeet(members[i], members[j])) disagreeing.push([members[i], members[j]]);
    }
  }
  if (!disagreeing.length) return { verdict: 'consistent', reason: 'every source gives a compatible value' };
  const sameTime = disagreeing.find(([a, b]) => a.date !== null && a.date === b.date);
  if (sameTime) {
    return { verdict: 'conflict', reason: `${sameTime[0].text} and ${sameTime[1].text} are reported for the same date (${sameTime[0].date})` };
  }
  return { verdict: 'changed-over-time', reason: 'values differ between sources of different or unknown dates' };
}
