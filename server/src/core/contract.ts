import type { AnalysisOutput, DateSource, DocumentAnalysis } from './types';
import type { CrossDocumentView } from './index/workspace-index';
import { provenanceContract, type Credit, type ProvenanceContract } from './index/provenance';

/** Additions to version 1: credits, provenance groups and independent sources (issue 14); stories (issue 15). */
export type ContractOutput = Omit<AnalysisOutput, 'documents' | 'figureGroups'> & {
  documents: Array<AnalysisOutput['documents'][number] & { credits: Array<Omit<Credit, 'agency'> & { agency: boolean }>; provenanceGroup: string | null }>;
  figureGroups: Array<AnalysisOutput['figureGroups'][number] & { independentSources: number }>;
  provenance: ProvenanceContract;
  stories: ContractStory[];
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
      date: contractDate(document, view),
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
    // Addition to CONTRACT.md version 1 (issue 15): the documents grouped into stories.
    stories: view.stories.stories.map(({ id, title, documents: paths, dateSpan }) => ({ id, title, documents: paths, dateSpan })),
  };
}

/** A story in the machine-readable output: what outside scorers need to judge the grouping. */
export interface ContractStory { id: string; title: string; documents: string[]; dateSpan: { start: string; end: string } | null }

/** The document's own date; for an undated document, its story's approximate date, marked so (an addition, issue 15). */
function contractDate(document: DocumentAnalysis, view: CrossDocumentView): { value: string | null; source: DateSource; approximate?: true } {
  const approximate = document.metadata.date.source === 'none' ? view.stories.approximateDates.get(document.path) : undefined;
  if (approximate) return { value: approximate.value, source: 'inferred', approximate: true };
  return { value: document.metadata.date.value, source: document.metadata.date.source };
}
