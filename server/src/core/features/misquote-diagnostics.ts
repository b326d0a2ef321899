import type { DocumentAnalysis } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';
import type { Misquote, QuoteDifferenceKind } from '../index/misquotes';
import type { FoundDiagnostic, Severity } from './diagnostics';
import { documentLabel } from './names';

const DIFFERENCE_NAMES: Record<QuoteDifferenceKind, string> = { negation: 'a negation', number: 'a number', name: 'a name', word: 'a word' };
/** Related information lists this many other wordings at most. */
const MOST_RELATED = 12;

/**
 * One diagnostic per quote that the same speaker is quoted saying differently elsewhere: both wordings side by
 * side, the differing words marked «thus». A negation, a number or a name that differs is at the configured
 * severity (a warning by default); another word, one step milder. Punctuation and case never count.
 */
export function misquoteDiagnostics(document: DocumentAnalysis, view: CrossDocumentView,
  severity: Severity): Array<Omit<FoundDiagnostic, 'severity'> & { severity: Severity }> {
  const byQuote = new Map<number, Misquote[]>();
  for (const misquote of view.provenance.misquotesOf(document.path)) {
    const list = byQuote.get(misquote.start) ?? [];
    list.push(misquote);
    byQuote.set(misquote.start, list);
  }
  const labels = view.lookup.documentsByPath;
  const found: Array<Omit<FoundDiagnostic, 'severity'> & { severity: Severity }> = [];
  for (const misquotes of byQuote.values()) {
    misquotes.sort((a, b) => Number(b.weight === 'meaning') - Number(a.weight === 'meaning'));
    const [first] = misquotes;
    const other = labels.get(first.otherPath);
    const otherLabel = other ? documentLabel(other) : first.otherPath;
    const kinds = [...new Set(first.differences.map((difference) => DIFFERENCE_NAMES[difference.kind]))].join(', ');
    const more = misquotes.length > 1 ? ` (and ${misquotes.length - 1} more wording${misquotes.length === 2 ? '' : 's'} elsewhere)` : '';
    found.push({
      kind: 'misquote', start: first.start, end: first.end,
      severity: first.weight === 'meaning' ? severity : milder(severity),
      message: `${first.speaker.name} is quoted otherwise in ${otherLabel}: ${kinds} differs${more}\nhere:  ${first.hereMarked}\nthere: ${first.thereMarked}`,
      related: misquotes.slice(0, MOST_RELATED).map((misquote) => {
        const document = labels.get(misquote.otherPath);
        return { path: misquote.otherPath, start: misquote.otherStart, end: misquote.otherEnd,
          message: `${document ? documentLabel(document) : misquote.otherPath}: ${misquote.thereMarked}` };
      }),
    });
  }
  return found;
}

function milder(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity === 'warning' ? 'information' : 'hint';
}
