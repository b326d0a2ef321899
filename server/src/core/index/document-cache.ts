import type { DocumentAnalysis, Span } from '../types';
import { splitSentences } from '../text/sentences';

/** By the analysis's metadata, which its linked copies share: a copy with other entity ids has the same sentences. */
const sentenceCache = new WeakMap<DocumentAnalysis['metadata'], Span[]>();

/** The document's sentences, split once per analysis (an analysis is replaced, never changed, when its text changes). */
export function sentencesOf(document: DocumentAnalysis): Span[] {
  let sentences = sentenceCache.get(document.metadata);
  if (!sentences) {
    sentences = splitSentences(document.text, document.metadata.bodyStart);
    sentenceCache.set(document.metadata, sentences);
  }
  return sentences;
}
