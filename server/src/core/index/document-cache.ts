import type { DocumentAnalysis, Span } from '../types';
import { splitSentences } from '../text/sentences';

const sentenceCache = new WeakMap<DocumentAnalysis, Span[]>();

/** The document's sentences, split once per analysis (an analysis is replaced, never changed, when its text changes). */
export function sentencesOf(document: DocumentAnalysis): Span[] {
  let sentences = sentenceCache.get(document);
  if (!sentences) {
    sentences = splitSentences(document.text, document.metadata.bodyStart);
    sentenceCache.set(document, sentences);
  }
  return sentences;
}
