import type { AnalysisOutput, DocumentAnalysis } from './types';
import type { CrossDocumentView } from './index/workspace-index';
import { provenanceContract, type Credit, type ProvenanceContract } from './index/provenance';

/** Issue 14's additions to version 1: credits and provenance group per document, independent sources per figure group. */
export type ContractOutput = Omit<AnalysisOutput, 'documents' | 'figureGroups'> & {
  documents: Array<AnalysisOutput['documents'][number] & { credits: Array<Omit<Credit, 'agency'> & { agency: boolean }>; provenanceGroup: string | null }>;
  figureGroups: Array<AnalysisOutput['figureGroups'][number] & { independentSources: number }>;
  provenance: ProvenanceContract;
};

/** The machine-readable form fixed by CONTRACT.md (version 1). */
export function toContractOutput(documents: readonly DocumentAnalysis[], view: CrossDocumentView,
  errors: AnalysisOutput['errors']): ContractOutput {
  const { provenance } = view;
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
      credits: provenance.creditsOf(document.path),
      provenanceGroup: provenance.groupOf(document.path)?.id ?? null,
    })),
    entities: view.entities,
    figureGroups: view.figureGroups.map((group) =>
      ({ ...group, independentSources: provenance.corroboration(group.members.map((member) => member.path)).independentSources })),
    timeline: view.timeline,
    provenance: provenanceContract(provenance, documents.map((document) => document.path)),
  };
}
