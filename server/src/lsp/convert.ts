import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { DocumentAnalysis } from '../core/types';
import type { FoundDiagnostic, Severity } from '../core/features/diagnostics';
import { LineMap } from '../core/text/positions';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

const lineMaps = new WeakMap<DocumentAnalysis, LineMap>();

export function lineMapOf(document: DocumentAnalysis): LineMap {
  let map = lineMaps.get(document);
  if (!map) { map = new LineMap(document.text); lineMaps.set(document, map); }
  return map;
}

export function toRange(document: DocumentAnalysis, start: number, end: number): Range {
  const map = lineMapOf(document);
  return { start: map.position(start), end: map.position(end) };
}

export function toDiagnostic(document: DocumentAnalysis, found: FoundDiagnostic, documentOf: (key: string) => DocumentAnalysis | undefined): Diagnostic {
  return {
    range: toRange(document, found.start, found.end),
    severity: SEVERITY[found.severity],
    source: 'corroborate',
    code: found.kind,
    message: found.message,
    tags: found.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
    relatedInformation: found.related?.flatMap((related) => {
      const other = documentOf(related.path);
      return other ? [{ location: { uri: related.path, range: toRange(other, related.start, related.end) }, message: related.message }] : [];
    }),
  };
}
