// The statistical entity recogniser: finds name spans with a type and a confidence. The entity stage receives
// one through the analysis options, so another model (or none) can take its place.
import type { Span } from '../../types';
import { documentFeatures, firstPassFeatures, hashString, scoreDocument, TAG_COUNT, withFirstPass, WordFactsCache, type ExtraGazetteer, type FeatureDocument } from './features';
import { decodePass, decodeSentence, DecoderScratch, fromBase64, TwoPassWeights, type LinearChainModel, type ModelData } from './perceptron';
import { modelTokens } from './model-tokens';
import { hintCodes, type RuleHint } from './rule-hints';

export type RecognisedType = 'person' | 'organization' | 'place';

export interface RecognisedSpan extends Span {
  type: RecognisedType;
  /** 0..1: how far the model's scores put this span ahead of the alternatives. */
  confidence: number;
}

export interface EntityRecogniser {
  /** Name spans of text[from, to), in text order, not overlapping; `hints` are the rule chunker's names, as evidence. */
  recognise(text: string, from: number, to: number, hints?: readonly RuleHint[]): RecognisedSpan[];
}

const TYPES: readonly RecognisedType[] = ['person', 'organization', 'place'];

/** A two-pass linear-chain model: the second pass also sees the first pass's labels of the whole document. */
export class PerceptronRecogniser implements EntityRecogniser {
  private readonly passes: LinearChainModel[];
  private readonly gazetteer: ExtraGazetteer | null;
  private readonly mask: number;
  /** Both passes' weights in one compact table, when the model has the usual two passes. */
  private readonly twoPass: TwoPassWeights | null;
  /** Facts and feature sums of words, for the two-pass model: most words come back in later documents. */
  private readonly words: WordFactsCache | null;
  private readonly scratch = new DecoderScratch();

  constructor(data: ModelData) {
    if (data.format !== 2 || data.tags.length !== TAG_COUNT || !data.passes.length) throw new Error('entity model: unsupported model file');
    this.passes = data.passes.map((pass) => decodePass(pass, data.bucketBits));
    this.mask = (1 << data.bucketBits) - 1;
    this.twoPass = this.passes.length === 2 ? new TwoPassWeights(this.passes[0], this.passes[1]) : null;
    this.words = this.twoPass ? new WordFactsCache(this.twoPass, this.mask) : null;
    const bytes = fromBase64(data.gazetteer.hashes);
    const hashes = new Set<number>();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.length; i += 4) hashes.add(view.getUint32(i, true));
    this.gazetteer = hashes.size ? { has: (h) => hashes.has(h), maxWords: data.gazetteer.maxWords } : null;
  }

  /** Tag indices (see TAGS) and per-token margins of a tokenised document. */
  tagDocument(doc: FeatureDocument): { tags: Uint8Array; margins: Float32Array } {
    const n = doc.words.length;
    let labels: Uint8Array | null = null;
    const margins = new Float32Array(n);
    if (this.twoPass) return this.tagTwoPasses(doc);
    const base = documentFeatures(doc, this.mask, this.gazetteer);
    this.passes.forEach((pass, p) => {
      const last = p === this.passes.length - 1;
      const table = labels ? withFirstPass(doc, base, this.mask, labels) : base;
      const tags = new Uint8Array(n);
      for (const s of doc.sentences) {
        const decoded = pass.decode(table, s.from, s.to, last);
        tags.set(decoded.tags, s.from);
        if (last) margins.set(decoded.margins, s.from);
      }
      labels = tags;
    });
    return { tags: labels ?? new Uint8Array(n), margins };
  }

  /**
   * tagDocument for a two-pass model, with the same result: the first pass's reading of the features also sums the
   * second pass's weights, so the second pass only adds its own features.
   */
  private tagTwoPasses(doc: FeatureDocument): { tags: Uint8Array; margins: Float32Array } {
    const n = doc.words.length;
    const { sums, active, wordHashes } = scoreDocument(doc, this.gazetteer, this.words!);
    const emissions = new Float32Array(n * TAG_COUNT);
    this.twoPass!.firstScores(sums, active, emissions);
    const firstTags = new Uint8Array(n);
    const [firstPass, secondPass] = this.passes;
    for (const s of doc.sentences) decodeSentence(emissions, active, s.from, s.to, firstPass.transitions, firstTags, undefined, this.scratch);
    this.twoPass!.secondScores(firstPassFeatures(doc, active, this.mask, firstTags, wordHashes), sums, emissions);
    const tags = new Uint8Array(n);
    const margins = new Float32Array(n);
    for (const s of doc.sentences) decodeSentence(emissions, active, s.from, s.to, secondPass.transitions, tags, margins, this.scratch);
    return { tags, margins };
  }

  recognise(text: string, from: number, to: number, hints?: readonly RuleHint[]): RecognisedSpan[] {
    const { tokens, sentences } = modelTokens(text, from, to);
    const words = tokens.map((t) => t.text);
    const { tags, margins } = this.tagDocument({ words, sentences, hints: hints ? hintCodes(hints, tokens) : null });
    const spans: RecognisedSpan[] = [];
    let open = -1;
    let type = 0;
    let margin = 1;
    const close = (end: number) => {
      if (open < 0) return;
      spans.push({ start: tokens[open].start, end: tokens[end - 1].end, type: TYPES[type - 1], confidence: margin });
      open = -1;
    };
    for (const s of sentences) {
      for (let i = s.from; i < s.to; i++) {
        const tag = tags[i];
        if (open >= 0 && (tag === 0 || tag % 2 === 1)) close(i);
        if (tag % 2 === 1) { open = i; type = (tag + 1) >> 1; margin = margins[i]; }
        else if (tag !== 0 && open >= 0) margin = Math.min(margin, margins[i]);
      }
      close(s.to);
    }
    return spans;
  }
}

export { hashString };
