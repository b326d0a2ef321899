import type { DocumentAnalysis, Span } from '../types';
import { splitSentences } from '../text/sentences';

/**
 * Each document's sentences, split once per analysis (an analysis is replaced, never changed, when its text
 * changes), kept by the analysis's metadata, which its linked copies share: a copy with other entity ids has the
 * same sentences. One cache belongs to one index (figure groups, shared text and the timeline read it), so two
 * indexes share nothing.
 */
export class SentenceCache {
  private readonly sentences = new WeakMap<DocumentAnalysis['metadata'], Span[]>();

  of(document: DocumentAnalysis): Span[] {
    let sentences = this.sentences.get(document.metadata);
    if (!sentences) {
      sentences = splitSentences(document.text, document.metadata.bodyStart);
      this.sentences.set(document.metadata, sentences);
    }
    return sentences;
  }
}
