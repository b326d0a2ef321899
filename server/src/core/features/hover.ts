import type { DateMention, DocumentAnalysis, Figure, FigureGroup, Quote } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';
import { calendarDateInWords, calendarDatesInText, dateInWords } from './date-words';
import { documentLabel, formatNumber } from './names';

/** `partial`: answered from the document alone, the cross-document view not being built yet. */
export interface HoverResult { start: number; end: number; markdown: string; partial?: true }

/** The line a partial hover ends with, so the reader knows other sources were not consulted. */
export const PARTIAL_HOVER_NOTE = '*From this document only: the other sources are still being read.*';

/** Links as the host spells them: a place in a document, and the actions a hover offers. */
export interface HoverLinks {
  location(path: string, offset: number): string;
  /** Records in the corrections file that the figure's group holds different measures. */
  separateFigures(path: string, offset: number): string;
  showTimeline(path: string, figureGroup?: string): string;
}

/**
 * The hover at `offset`. Without a view (none is built yet, or it has not seen the document) the answer is drawn
 * from the document alone and marked partial.
 */
export function hoverAt(analysis: DocumentAnalysis, offset: number, view: CrossDocumentView | null,
  links: HoverLinks): HoverResult | null {
  const found = hoverInView(analysis, offset, view, links);
  return found && !view ? { ...found, markdown: `${found.markdown}\n\n${PARTIAL_HOVER_NOTE}`, partial: true } : found;
}

function hoverInView(analysis: DocumentAnalysis, offset: number, view: CrossDocumentView | null,
  links: HoverLinks): HoverResult | null {
  // Entity and speaker ids are the view's: read the view's copy of the document when it has one.
  const document = view ? view.lookup.linkedOf(analysis) : analysis;
  const found = hoverOfAnalysed(document, offset, view, links);
  if (found) return found;
  // A repeated headline or teaser line is noise, so nothing was extracted from it: answer with its body copy.
  const copy = bodyCopyOf(document, offset);
  if (!copy) return null;
  const there = hoverOfAnalysed(document, copy.offset, view, links);
  if (!there) return null;
  const start = Math.max(copy.noise.start, there.start - copy.shift);
  const end = Math.min(copy.noise.end, there.end - copy.shift);
  const line = lineNumberOf(document.text, copy.offset);
  return { start, end, markdown: `*Repeated at [line ${line}](${links.location(document.path, copy.offset)}); from there:*\n\n${there.markdown}` };
}

function hoverOfAnalysed(document: DocumentAnalysis, offset: number, view: CrossDocumentView | null,
  links: HoverLinks): HoverResult | null {
  const figure = document.figures.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (figure) return { start: figure.start, end: figure.end, markdown: figureHover(document, figure, view, links) };
  const quote = document.quotes.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  const date = document.dates.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (date) return { start: date.start, end: date.end, markdown: dateHover(document, date) };
  const entity = document.entities.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (entity) return { start: entity.start, end: entity.end, markdown: entityHover(document, entity.id, entity.canonical, entity.type, view, links) };
  if (quote) return { start: quote.start, end: quote.end, markdown: quoteHover(document, quote, links, view) };
  return null;
}

/**
 * Where the line of a repeated-text noise span at `offset` appears as article text: the same offset inside the
 * first copy that is not itself noise. `shift` is the distance from the noise to its copy.
 */
function bodyCopyOf(document: DocumentAnalysis, offset: number): { offset: number; shift: number; noise: { start: number; end: number } } | null {
  const noise = document.noise.find((span) => span.reason === 'duplicate' && span.start <= offset && offset <= span.end);
  if (!noise) return null;
  const repeated = document.text.slice(noise.start, noise.end);
  const isNoise = (at: number) => document.noise.some((span) => span.start <= at && at < span.end);
  for (let at = document.text.indexOf(repeated, document.metadata.bodyStart); at >= 0; at = document.text.indexOf(repeated, at + 1)) {
    if (at !== noise.start && !isNoise(at)) return { offset: at + (offset - noise.start), shift: at - noise.start, noise };
  }
  return null;
}

function lineNumberOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

function dateHover(document: DocumentAnalysis, date: DateMention): string {
  const said = dateInWords(date.value, date.type, date.text, document.metadata.date.value);
  const resolution = calendarDatesInText(date.resolution);
  return [`**${escapeMarkdown(date.text)}** · ${escapeMarkdown(said.words)}`,
    escapeMarkdown(resolution.charAt(0).toUpperCase() + resolution.slice(1)),
    `TIMEX3 \`${date.value.replace(/`/g, '')}\` (${date.type})`].join('\n\n');
}

function entityHover(current: DocumentAnalysis, id: string, fallbackName: string, type: string, view: CrossDocumentView | null,
  links: HoverLinks): string {
  const entity = view?.lookup.entity(id);
  const titles = entity?.titles.length ? ` · ${entity.titles.map(escapeMarkdown).join(', ')}` : '';
  const lines = [`**${escapeMarkdown(entity?.name ?? fallbackName)}** — ${entity?.type ?? type}${titles}`];
  if (entity?.aliases.length) lines.push(`Also written: ${entity.aliases.map(escapeMarkdown).join(', ')}`);
  const mentionsByPath = view ? view.lookup.mentionsOf(id) : new Map([[current.path, current.entities.filter((mention) => mention.id === id)]]);
  const perDocument = [...mentionsByPath].flatMap(([path, mentions]) => {
    const document = view ? view.lookup.documentsByPath.get(path) : current;
    return document && mentions.length ? [`[${escapeMarkdown(documentLabel(document, 24))}](${links.location(path, mentions[0].start)}) ×${mentions.length}`] : [];
  });
  lines.push(`Mentions: ${perDocument.join(' · ')}`);
  const quotes = view ? view.quotesBySpeaker.get(id)?.length ?? 0 : current.quotes.filter((quote) => quote.speaker?.id === id).length;
  if (quotes) lines.push(`Quoted ${quotes} time${quotes === 1 ? '' : 's'}`);
  return lines.join('\n\n');
}

function quoteHover(document: DocumentAnalysis, quote: Quote, links: HoverLinks, view: CrossDocumentView | null): string {
  const speaker = quote.speaker;
  const date = document.metadata.date.value;
  const lines = [`**Quote** · ${speaker ? escapeMarkdown(speaker.name) : 'no speaker named'} · ${date ? calendarDateInWords(date) : 'date unset'}`];
  if (!view) return lines.join('\n\n');
  const echoes = view.provenance.echoesOf(document.path, quote.start);
  if (echoes.length) lines.push(`Quoted in the same words by ${view.provenance.corroborationPhrase(echoes.map((echo) => echo.path), document.path)}`);
  if (speaker?.id) {
    const others = (view.quotesBySpeaker.get(speaker.id) ?? []).flatMap((place) => {
      if (place.path === document.path && place.start === quote.start) return [];
      const other = view.lookup.documentsByPath.get(place.path);
      const candidate = other?.quotes.find((each) => each.start === place.start);
      return other && candidate ? [{ document: other, quote: candidate }] : [];
    });
    if (others.length) {
      lines.push(`${escapeMarkdown(speaker.name)}'s other quotes (${others.length}):`);
      for (const { document: other, quote: candidate } of others.slice(0, 8)) {
        const words = candidate.text.length > 80 ? `${candidate.text.slice(0, 79)}…` : candidate.text;
        lines.push(`- [${escapeMarkdown(documentLabel(other, 24))}](${links.location(other.path, candidate.start)}): ${escapeMarkdown(words)}`);
      }
    }
  }
  return lines.join('\n\n').replace(/\n\n- /g, '\n- ');
}

function figureHover(document: DocumentAnalysis, figure: Figure, view: CrossDocumentView | null,
  links: HoverLinks): string {
  const heading = `**${escapeMarkdown(figure.measure ?? figure.unit ?? 'figure')}** · ${escapeMarkdown(figure.text)} · ${describeInterval(figure)}`;
  if (!view) return heading;
  const group = view.lookup.figureGroupsOf(document.path).find(({ member }) => member.start === figure.start)?.group;
  if (!group) return `${heading}\n\nNo other source reports this measure.`;
  return [`**${escapeMarkdown(group.measure)}** · ${new Set(group.members.map((member) => member.path)).size} sources · ${group.verdict.replace(/-/g, ' ')}`,
    '', `Also reported by ${view.provenance.corroborationPhrase(group.members.map((member) => member.path), document.path)}`,
    '', groupTable(group, document, links, view), '', escapeMarkdown(calendarDatesInText(group.reason)), '',
    `[Show in timeline](${links.showTimeline(document.path, group.id)}) · [These are different measures…](${links.separateFigures(document.path, figure.start)})`].join('\n');
}

function groupTable(group: FigureGroup, current: DocumentAnalysis, links: HoverLinks,
  view: CrossDocumentView): string {
  const rows = ['| source | date | reported | said by | provenance |', '|---|---|---|---|---|'];
  for (const member of group.members) {
    const document = view.lookup.documentsByPath.get(member.path);
    const name = member.path === current.path ? 'this document' : document ? documentLabel(document) : member.path;
    const source = member.path === current.path ? name : `[${escapeMarkdown(name)}](${links.location(member.path, member.start)})`;
    const date = member.date ? calendarDateInWords(member.date) : 'date unset';
    rows.push(`| ${source} | ${date} | ${escapeMarkdown(member.text)} | ${member.speaker ? escapeMarkdown(member.speaker) : '—'} | ${escapeMarkdown(view.provenance.groupLabel(member.path))} |`);
  }
  return rows.join('\n');
}

function describeInterval(figure: Figure): string {
  const low = figure.low === null ? '…' : formatNumber(figure.low);
  const high = figure.high === null ? '…' : formatNumber(figure.high);
  return figure.low === figure.high && figure.low !== null ? `exactly ${low}` : `between ${low} and ${high}`;
}

/**
 * Text drawn from a document, made inert in markdown: the marks that open links and images ([ ]), autolinks and
 * HTML tags (< >, "://"), entities (&), emphasis and code (* _ ~ `), table cells (|) and theme icons ("$(") are
 * escaped, and line breaks become spaces. Other punctuation is left as written, so plain-text clients read it as is.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~&|]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:') // "https://…" would become a link
    .replace(/\$(?=\()/g, '\\$') // "$(name)" would become an icon
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
