import type { AnalysisOutput, DocumentAnalysis } from './types';
import type { CrossDocumentView } from './index/workspace-index';

/** The machine-readable form fixed by CONTRACT.md (version 1). */
export function toContractOutput(documents: readonly DocumentAnalysis[], view: CrossDocumentView,
  errors: AnalysisOutput['errors']): AnalysisOutput {
  return {
    version: 1,
    errors,
    documents: documents.map((document) => ({
      path: document.path,
      title: document.metadata.title,
      date: { value: document.metadata.date.value, source: document.metadata.date.source },
      publisher: document.metadata.publisher,
      entities: document.entities.map(({ start, end, text, type, id }) => ({ start, end, text, type, id })),
      figures: document.figures.map(({ start, end, text, value, low, high, qualifier, kind, unit, measure }) =>
        ({ start, end, text, value, low, high, qualifier, kind, unit, measure })),
      quotes: document.quotes.map(({ start, end, text, speaker, continues }) => ({ start, end, text, speaker, ...(continues ? { continues: true } : {}) })),
      dates: document.dates.map(({ start, end, text, type, value }) => ({ start, end, text, type, value })),
      noise: document.noise.map(({ start, end, reason }) => ({ start, end, reason })),
    })),
    entities: view.entities,
    figureGroups: view.figureGroups,
    timeline: view.timeline,
  };
}
