import type { DocumentAnalysis, Figure, FigureGroup, Quote } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';
import { documentLabel, formatNumber } from './names';

export interface HoverResult { start: number; end: number; markdown: string }

/** Links as the host spells them: a place in a document, and the actions a hover offers. */
export interface HoverLinks {
  location(path: string, offset: number): string;
  /** Records in the corrections file that the figure's group holds different measures. */
  separateFigures(path: string, offset: number): string;
  showTimeline(path: string): string;
}

export function hoverAt(document: DocumentAnalysis, offset: number, view: CrossDocumentView, all: readonly DocumentAnalysis[],
  links: HoverLinks): HoverResult | null {
  const figure = document.figures.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (figure) return { start: figure.start, end: figure.end, markdown: figureHover(document, figure, view, all, links) };
  const quote = document.quotes.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  const date = document.dates.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (date) return { start: date.start, end: date.end, markdown: `**${date.text}** → \`${date.value}\` (${date.type})\n\n${date.resolution}` };
  const entity = document.entities.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (entity) return { start: entity.start, end: entity.end, markdown: entityHover(entity.id, entity.canonical, entity.type, view, all, links) };
  if (quote) return { start: quote.start, end: quote.end, markdown: quoteHover(document, quote, all, links, view) };
  return null;
}

function entityHover(id: string, fallbackName: string, type: string, view: CrossDocumentView, all: readonly DocumentAnalysis[],
  links: HoverLinks): string {
  const entity = view.entities.find((candidate) => candidate.id === id);
  const lines = [`**${entity?.name ?? fallbackName}** — ${entity?.type ?? type}${entity?.titles.length ? ` · ${entity.titles.join(', ')}` : ''}`];
  if (entity?.aliases.length) lines.push(`Also written: ${entity.aliases.join(', ')}`);
  const perDocument = all.flatMap((document) => {
    const mentions = document.entities.filter((mention) => mention.id === id);
    return mentions.length ? [`[${escapeCell(documentLabel(document, 24))}](${links.location(document.path, mentions[0].start)}) ×${mentions.length}`] : [];
  });
  lines.push(`Mentions: ${perDocument.join(' · ')}`);
  const quotes = all.reduce((count, document) => count + document.quotes.filter((quote) => quote.speaker?.id === id).length, 0);
  if (quotes) lines.push(`Quoted ${quotes} time${quotes === 1 ? '' : 's'}`);
  return lines.join('\n\n');
}

function quoteHover(document: DocumentAnalysis, quote: Quote, all: readonly DocumentAnalysis[], links: HoverLinks, view: CrossDocumentView): string {
  const speaker = quote.speaker;
  const lines = [`**Quote** · ${speaker ? speaker.name : 'no speaker named'} · ${document.metadata.date.value ?? 'date unset'}`];
  const echoes = view.provenance.echoesOf(document.path, quote.start);
  if (echoes.length) lines.push(`Quoted in the same words by ${view.provenance.corroborationPhrase(echoes.map((echo) => echo.path), document.path)}`);
  if (speaker?.id) {
    const others = all.flatMap((other) => other.quotes.filter((candidate) => candidate !== quote && candidate.speaker?.id === speaker.id)
      .map((candidate) => ({ document: other, quote: candidate })));
    if (others.length) {
      lines.push(`${speaker.name}'s other quotes (${others.length}):`);
      for (const { document: other, quote: candidate } of others.slice(0, 8)) {
        const words = candidate.text.length > 80 ? `${candidate.text.slice(0, 79)}…` : candidate.text;
        lines.push(`- [${escapeCell(documentLabel(other, 24))}](${links.location(other.path, candidate.start)}): ${escapeCell(words)}`);
      }
    }
  }
  return lines.join('\n\n').replace(/\n\n- /g, '\n- ');
}

function figureHover(document: DocumentAnalysis, figure: Figure, view: CrossDocumentView, all: readonly DocumentAnalysis[],
  links: HoverLinks): string {
  const group = view.figureGroups.find((candidate) => candidate.members.some((member) => member.path === document.path && member.start === figure.start));
  const heading = `**${figure.measure ?? figure.unit ?? 'figure'}** · ${figure.text} · ${describeInterval(figure)}`;
  if (!group) return `${heading}\n\nNo other source reports this measure.`;
  return [`**${group.measure}** · ${new Set(group.members.map((member) => member.path)).size} sources · ${group.verdict.replace(/-/g, ' ')}`,
    '', `Also reported by ${view.provenance.corroborationPhrase(group.members.map((member) => member.path), document.path)}`,
    '', groupTable(group, document, all, links, view), '', group.reason, '',
    `[Show in timeline](${links.showTimeline(document.path)}) · [These are different measures…](${links.separateFigures(document.path, figure.start)})`].join('\n');
}

function groupTable(group: FigureGroup, current: DocumentAnalysis, all: readonly DocumentAnalysis[], links: HoverLinks,
  view: CrossDocumentView): string {
  const rows = ['| source | date | reported | said by | provenance |', '|---|---|---|---|---|'];
  for (const member of group.members) {
    const document = all.find((candidate) => candidate.path === member.path);
    const name = member.path === current.path ? 'this document' : document ? documentLabel(document) : member.path;
    const source = member.path === current.path ? name : `[${escapeCell(name)}](${links.location(member.path, member.start)})`;
    rows.push(`| ${source} | ${member.date ?? 'date unset'} | ${escapeCell(member.text)} | ${member.speaker ?? '—'} | ${escapeCell(view.provenance.groupLabel(member.path))} |`);
  }
  return rows.join('\n');
}

function describeInterval(figure: Figure): string {
  const low = figure.low === null ? '…' : formatNumber(figure.low);
  const high = figure.high === null ? '…' : formatNumber(figure.high);
  return figure.low === figure.high && figure.low !== null ? `exactly ${low}` : `between ${low} and ${high}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
