import type { DocumentAnalysis, FigureGroup, Span } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';
import { documentLabel, formatNumber } from './names';

export type DiagnosticKind = 'noise' | 'figure-conflict' | 'unattributed-quote' | 'undated';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation extends Span { path: string; message: string }

export interface FoundDiagnostic extends Span {
  kind: DiagnosticKind;
  severity: Severity;
  message: string;
  unnecessary?: boolean;
  related?: RelatedLocation[];
}

export const DEFAULT_SEVERITY: Record<DiagnosticKind, Severity> = {
  'noise': 'hint',
  'figure-conflict': 'information',
  'unattributed-quote': 'information',
  'undated': 'information',
};

export interface DiagnosticOptions {
  severity: Record<DiagnosticKind, Severity>;
  /** At most this many per document, the most useful kinds first. */
  maximumPerDocument: number;
}

/** Problems the user set aside (from the corrections file), for this document. */
export type Dismissals = ReadonlyArray<{ code: string; text?: string }>;

const KIND_ORDER: DiagnosticKind[] = ['figure-conflict', 'undated', 'unattributed-quote', 'noise'];

export function diagnoseDocument(document: DocumentAnalysis, view: CrossDocumentView, all: readonly DocumentAnalysis[],
  options: DiagnosticOptions = { severity: DEFAULT_SEVERITY, maximumPerDocument: 100 }, dismissed: Dismissals = []): FoundDiagnostic[] {
  const found: FoundDiagnostic[] = [];
  const add = (diagnostic: Omit<FoundDiagnostic, 'severity'>) => found.push({ ...diagnostic, severity: options.severity[diagnostic.kind] });

  for (const noise of document.noise) {
    add({ kind: 'noise', start: noise.start, end: noise.end, unnecessary: true,
      message: noise.reason === 'duplicate' ? `Repeated text (${noise.label}), not new article text` : `Site furniture (${noise.label}), not article text` });
  }
  if (document.metadata.date.source === 'none') {
    const relative = document.dates.filter((date) => date.value.includes('X')).map((date) => `"${date.text}"`).slice(0, 3);
    const firstLine = { start: document.metadata.bodyStart, end: document.text.indexOf('\n', document.metadata.bodyStart) };
    if (firstLine.end < 0) firstLine.end = document.text.length;
    add({ kind: 'undated', ...firstLine,
      message: `No publication date${relative.length ? `: relative dates (${relative.join(', ')}) stay unresolved` : ''}` });
  }
  for (const quote of document.quotes) {
    if (!quote.speaker) add({ kind: 'unattributed-quote', start: quote.start, end: quote.end, message: 'Quote with no speaker named in the text' });
  }
  for (const group of view.figureGroups) {
    if (group.verdict !== 'conflict') continue;
    for (const member of group.members) {
      if (member.path !== document.path) continue;
      add({ kind: 'figure-conflict', start: member.start, end: member.end,
        message: `${group.measure}: other sources report ${otherValues(group, document.path)} for the same date`,
        related: relatedMembers(group, document.path, all) });
    }
  }
  const kept = found.filter((diagnostic) => !dismissed.some((entry) => entry.code === diagnostic.kind
    && (entry.text === undefined || entry.text === document.text.slice(diagnostic.start, diagnostic.end))));
  kept.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.start - b.start);
  return kept.slice(0, options.maximumPerDocument).sort((a, b) => a.start - b.start);
}

function otherValues(group: FigureGroup, path: string): string {
  return [...new Set(group.members.filter((member) => member.path !== path).map((member) => formatNumber(member.value)))].join(', ');
}

function relatedMembers(group: FigureGroup, path: string, all: readonly DocumentAnalysis[]): RelatedLocation[] {
  return group.members.filter((member) => member.path !== path).map((member) => {
    const other = all.find((document) => document.path === member.path);
    return { path: member.path, start: member.start, end: member.end,
      message: `${other ? documentLabel(other) : member.path}: ${member.text} (${member.date ?? 'undated'})` };
  });
}
