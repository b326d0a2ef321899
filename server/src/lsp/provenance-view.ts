// The answer to corroborate/provenance: provenance groups, each document's credits and shared passages, as editor locations.
import type { WorkspaceIndex } from '../core/index/workspace-index';
import type { DocumentAnalysis, Span } from '../core/types';
import { documentLabel } from '../core/features/names';
import type { Provenance } from '../core/index/provenance';
import type { ProvenanceDocumentView, ProvenanceGroupView, ProvenanceParams, ProvenanceResponse, SourceLocation } from '../protocol';
import { lineMapOf } from './convert';

function locate(document: DocumentAnalysis, span: Span): SourceLocation {
  const map = lineMapOf(document);
  const start = map.position(span.start);
  const end = map.position(span.end);
  return { uri: document.path, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
}

/**
 * The provenance groups of the documents asked for (all when none are named) and, for the whole workspace, those of
 * each story: the Provenance view lists them per story, since copies and credits matter among reports of one event.
 */
export function provenanceResponse(index: WorkspaceIndex, params: ProvenanceParams | undefined): ProvenanceResponse {
  const documents = index.all();
  const byKey = new Map(documents.map((document) => [document.path, document]));
  const view = index.crossDocument();
  const subset = params?.uris?.filter((uri) => byKey.has(uri));
  return {
    groups: groupsAmong(view.provenance, byKey, subset),
    stories: subset ? [] : view.stories.stories.map((story) => {
      const paths = story.documents.filter((path) => byKey.has(path));
      return { id: story.id, title: story.title, documents: paths.length, groups: groupsAmong(view.provenance, byKey, paths) };
    }),
  };
}

function groupsAmong(provenance: Provenance, byKey: ReadonlyMap<string, DocumentAnalysis>, subset: string[] | undefined): ProvenanceGroupView[] {
  const within = subset ? new Set(subset) : null;
  return provenance.groups(subset).map((group) => ({
    id: group.id, label: group.label,
    links: group.links.map((link) => ({ uri: link.path, otherUri: link.otherPath, reason: link.reason, detail: link.detail })),
    documents: group.documents.map((path) => {
      const document = byKey.get(path)!;
      const shared = new Map<string, ProvenanceDocumentView['shared'][number]>();
      for (const passage of provenance.passagesOf(path)) {
        const other = byKey.get(passage.otherPath);
        if (!other || (within && !within.has(passage.otherPath))) continue;
        const entry = shared.get(passage.otherPath) ?? { uri: other.path, label: documentLabel(other), passages: [] };
        entry.passages.push({ here: locate(document, passage), there: locate(other, { start: passage.otherStart, end: passage.otherEnd }),
          text: document.text.slice(passage.start, passage.end), verbatim: passage.verbatim, similarity: passage.similarity,
          words: passage.words, quoted: passage.quotedShare >= 0.5 });
        shared.set(passage.otherPath, entry);
      }
      return {
        uri: path, label: documentLabel(document),
        credits: provenance.creditsOf(path).map((credit) => ({ ...locate(document, credit), kind: credit.kind, name: credit.name, text: credit.text, agency: credit.agency })),
        shared: [...shared.values()],
      };
    }),
  }));
}
