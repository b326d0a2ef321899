// A linear-chain model over BIO tags (weights of an averaged structured perceptron), Viterbi decoding, and the
// compact form the model ships in (pruned, quantised to int16, base64 in JSON).
import { SUMS, TAG_COUNT, type BucketWeights, type FeatureTable } from './features';

/** Minus the emission score of every tag but O at a token the features leave out. */
const INACTIVE = 1e6;

/** Row TAG_COUNT of `transitions` holds the scores of a sentence's first tag. */
export const START = TAG_COUNT;

/** "I-X" may only follow "B-X" or "I-X". */
export function allowed(previous: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return previous !== START && (previous === tag || previous === tag - 1);
}

/** allowed(previous, tag) as a table: ALLOWED[previous * TAG_COUNT + tag], previous up to START. */
const ALLOWED = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
for (let p = 0; p <= TAG_COUNT; p++) for (let t = 0; t < TAG_COUNT; t++) ALLOWED[p * TAG_COUNT + t] = allowed(p, t) ? 1 : 0;

/** The best tags, and each chosen tag's probability under the model's scores. */
export interface Decoded { tags: Uint8Array; margins: Float32Array }

export class LinearChainModel {
  constructor(
    /** weights[bucket * TAG_COUNT + tag], times `scale`. */
    readonly weights: Float32Array | Int16Array,
    readonly scale: number,
    /** (TAG_COUNT + 1) x TAG_COUNT: previous tag (or START) to tag. */
    readonly transitions: Float32Array,
    readonly mask: number,
  ) {}

  /** Emission scores of tokens [from, to) of the table: (to - from) x TAG_COUNT. */
  emissions(table: FeatureTable, from: number, to: number, out = new Float32Array((to - from) * TAG_COUNT)): Float32Array {
    const { weights, scale } = this;
    const { offsets, ids, active } = table;
    for (let i = from; i < to; i++) {
      if (!active[i]) {
        const o = (i - from) * TAG_COUNT;
        out[o] = 0;
        for (let t = 1; t < TAG_COUNT; t++) out[o + t] = -INACTIVE;
        continue;
      }
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
      for (let f = offsets[i]; f < offsets[i + 1]; f++) {
        const base = ids[f] * TAG_COUNT;
        s0 += weights[base]; s1 += weights[base + 1]; s2 += weights[base + 2]; s3 += weights[base + 3];
        s4 += weights[base + 4]; s5 += weights[base + 5]; s6 += weights[base + 6];
      }
      const o = (i - from) * TAG_COUNT;
      out[o] = s0 * scale; out[o + 1] = s1 * scale; out[o + 2] = s2 * scale; out[o + 3] = s3 * scale;
      out[o + 4] = s4 * scale; out[o + 5] = s5 * scale; out[o + 6] = s6 * scale;
    }
    return out;
  }

  /**
   * Best tag sequence of tokens [from, to) (a sentence), and (when asked) how sure the model is of each tag.
   * Tokens that are not active are O, so only the runs of active tokens between them are decoded.
   */
  decode(table: FeatureTable, from: number, to: number, withMargins = true): Decoded {
    const n = to - from;
    const tags = new Uint8Array(n);
    const margins = new Float32Array(withMargins ? n : 0);
    if (withMargins) margins.fill(1);
    const { active } = table;
    let a = from;
    while (a < to) {
      if (!active[a]) { a++; continue; }
      let b = a + 1;
      while (b < to && active[b]) b++;
      const emit = this.emissions(table, a, b);
      const segmentTags = tags.subarray(a - from, b - from);
      viterbi(emit, b - a, this.transitions, segmentTags, withMargins ? margins.subarray(a - from, b - from) : undefined, a === from ? START : 0, b < to ? 0 : -1);
      a = b;
    }
    return { tags, margins };
  }
}

/**
 * The same decoding as LinearChainModel.decode, over emission scores already computed for the whole document
 * (emit[token * TAG_COUNT + tag]): writes tags[from, to) and, when given, margins[from, to) (1 where not decoded).
 */
export function decodeSentence(emit: Float32Array, active: Uint8Array, from: number, to: number, transitions: Float32Array,
  tags: Uint8Array, margins?: Float32Array, scratch?: DecoderScratch): void {
  const K = TAG_COUNT;
  if (margins) margins.fill(1, from, to);
  let a = from;
  while (a < to) {
    if (!active[a]) { a++; continue; }
    let b = a + 1;
    while (b < to && active[b]) b++;
    viterbi(emit.subarray(a * K, b * K), b - a, transitions, tags.subarray(a, b), margins ? margins.subarray(a, b) : undefined, a === from ? START : 0, b < to ? 0 : -1, scratch);
    a = b;
  }
}

/**
 * The weights of a two-pass model in one table, for decoding: only the buckets either pass keeps, both passes'
 * weights side by side (one memory read gives a feature's score in both passes), found through a bitmap of kept
 * buckets and a count of kept buckets before each 32, side by side (small enough to stay in cache, unlike the full
 * tables, and one memory read for both).
 */
/** Int16 slots of a TwoPassWeights row: two passes of TAG_COUNT weights, padded to 16. */
const ROW = 16;

export class TwoPassWeights implements BucketWeights {
  /** For each 32 buckets: [2w] how many buckets before them are kept, [2w + 1] the bitmap of the kept ones. */
  private readonly kept: Int32Array;
  /** weights[rank * ROW + pass * TAG_COUNT + tag]; a row is padded to 32 bytes so that it never straddles two cache lines. */
  private readonly weights: Int16Array;

  constructor(private readonly first: LinearChainModel, private readonly second: LinearChainModel) {
    const K = TAG_COUNT;
    const a = first.weights, b = second.weights;
    const buckets = a.length / K;
    this.kept = new Int32Array(2 * Math.ceil(buckets / 32));
    let count = 0;
    for (let bucket = 0; bucket < buckets; bucket++) {
      if ((bucket & 31) === 0) this.kept[2 * (bucket >>> 5)] = count;
      let any = false;
      for (let t = 0; t < K && !any; t++) any = a[bucket * K + t] !== 0 || b[bucket * K + t] !== 0;
      if (any) { this.kept[2 * (bucket >>> 5) + 1] |= 1 << (bucket & 31); count++; }
    }
    this.weights = new Int16Array(count * ROW);
    let r = 0;
    for (let bucket = 0; bucket < buckets; bucket++) {
      if (!(this.kept[2 * (bucket >>> 5) + 1] & (1 << (bucket & 31)))) continue;
      for (let t = 0; t < K; t++) { this.weights[r * ROW + t] = a[bucket * K + t]; this.weights[r * ROW + K + t] = b[bucket * K + t]; }
      r++;
    }
  }

  /** The row of a bucket in `weights`, or -1 when neither pass keeps it. */
  private row(bucket: number): number {
    const at = 2 * (bucket >>> 5);
    const word = this.kept[at + 1];
    const bit = 1 << (bucket & 31);
    if (!(word & bit)) return -1;
    let below = word & (bit - 1);
    below -= (below >>> 1) & 0x55555555;
    below = (below & 0x33333333) + ((below >>> 2) & 0x33333333);
    below = (Math.imul((below + (below >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
    return this.kept[at] + below;
  }

  add(bucket: number, sums: Int32Array, at: number): void {
    const r = this.row(bucket);
    if (r < 0) return;
    const { weights } = this;
    const w = r * ROW;
    for (let t = 0; t < ROW - 2; t++) sums[at + t] += weights[w + t];
  }

  addAll(buckets: Int32Array, count: number, sums: Int32Array, at: number): void {
    const { weights } = this;
    let s0 = sums[at], s1 = sums[at + 1], s2 = sums[at + 2], s3 = sums[at + 3], s4 = sums[at + 4], s5 = sums[at + 5], s6 = sums[at + 6];
    let u0 = sums[at + 7], u1 = sums[at + 8], u2 = sums[at + 9], u3 = sums[at + 10], u4 = sums[at + 11], u5 = sums[at + 12], u6 = sums[at + 13];
    for (let f = 0; f < count; f++) {
      const r = this.row(buckets[f]);
      if (r < 0) continue;
      const w = r * ROW;
      s0 += weights[w]; s1 += weights[w + 1]; s2 += weights[w + 2]; s3 += weights[w + 3];
      s4 += weights[w + 4]; s5 += weights[w + 5]; s6 += weights[w + 6];
      u0 += weights[w + 7]; u1 += weights[w + 8]; u2 += weights[w + 9]; u3 += weights[w + 10];
      u4 += weights[w + 11]; u5 += weights[w + 12]; u6 += weights[w + 13];
    }
    sums[at] = s0; sums[at + 1] = s1; sums[at + 2] = s2; sums[at + 3] = s3; sums[at + 4] = s4; sums[at + 5] = s5; sums[at + 6] = s6;
    sums[at + 7] = u0; sums[at + 8] = u1; sums[at + 9] = u2; sums[at + 10] = u3; sums[at + 11] = u4; sums[at + 12] = u5; sums[at + 13] = u6;
  }

  /** First-pass emission scores from scoreDocument's sums (as firstEmissions gives them). */
  firstScores(sums: Int32Array, active: Uint8Array, out: Float32Array): void {
    const K = TAG_COUNT;
    const S = SUMS;
    const scale = this.first.scale;
    for (let i = 0; i < active.length; i++) {
      const o = i * K;
      if (!active[i]) {
        out[o] = 0;
        for (let t = 1; t < K; t++) out[o + t] = -INACTIVE;
        continue;
      }
      const at = i * S;
      for (let t = 0; t < K; t++) out[o + t] = sums[at + t] * scale;
    }
  }

  /** Second-pass emission scores: the second pass's half of scoreDocument's sums plus its own features (`extra`). */
  secondScores(extra: FeatureTable, sums: Int32Array, out: Float32Array): void {
    const K = TAG_COUNT;
    const S = SUMS;
    const { weights } = this;
    const scale = this.second.scale;
    const { offsets, ids, active } = extra;
    const n = active.length;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      if (!active[i]) {
        out[o] = 0;
        for (let t = 1; t < K; t++) out[o + t] = -INACTIVE;
        continue;
      }
      const at = i * S + K;
      let u0 = sums[at], u1 = sums[at + 1], u2 = sums[at + 2], u3 = sums[at + 3];
      let u4 = sums[at + 4], u5 = sums[at + 5], u6 = sums[at + 6];
      for (let f = offsets[i]; f < offsets[i + 1]; f++) {
        const r = this.row(ids[f]);
        if (r < 0) continue;
        const w = r * ROW + K;
        u0 += weights[w]; u1 += weights[w + 1]; u2 += weights[w + 2]; u3 += weights[w + 3];
        u4 += weights[w + 4]; u5 += weights[w + 5]; u6 += weights[w + 6];
      }
      out[o] = u0 * scale; out[o + 1] = u1 * scale; out[o + 2] = u2 * scale; out[o + 3] = u3 * scale;
      out[o + 4] = u4 * scale; out[o + 5] = u5 * scale; out[o + 6] = u6 * scale;
    }
  }
}

const NEG = -1e30;

/** Work arrays of viterbi and tagMarginals, grown as needed and reused from one run of tokens to the next. */
export class DecoderScratch {
  private scoreArray = new Float32Array(0);
  private backArray = new Uint8Array(0);
  private alphaArray = new Float64Array(0);
  private betaArray = new Float64Array(0);

  score(length: number): Float32Array {
    if (this.scoreArray.length < length) this.scoreArray = new Float32Array(Math.max(length, 2 * this.scoreArray.length));
    return this.scoreArray;
  }

  back(length: number): Uint8Array {
    if (this.backArray.length < length) this.backArray = new Uint8Array(Math.max(length, 2 * this.backArray.length));
    return this.backArray;
  }

  alpha(length: number): Float64Array {
    if (this.alphaArray.length < length) this.alphaArray = new Float64Array(Math.max(length, 2 * this.alphaArray.length));
    return this.alphaArray;
  }

  beta(length: number): Float64Array {
    if (this.betaArray.length < length) this.betaArray = new Float64Array(Math.max(length, 2 * this.betaArray.length));
    return this.betaArray;
  }
}

/** Viterbi over emission scores (n x TAG_COUNT); writes the best tags and forward-backward style margins. */
export function viterbi(emit: Float32Array, n: number, transitions: Float32Array, tags: Uint8Array, margins?: Float32Array,
  startRow: number = START, endTag = -1, scratch?: DecoderScratch): void {
  const K = TAG_COUNT;
  // Every cell read below is written first, so reused arrays need no clearing.
  const score = scratch ? scratch.score(n * K) : new Float32Array(n * K);
  const back = scratch ? scratch.back(n * K) : new Uint8Array(n * K);
  for (let t = 0; t < K; t++) score[t] = ALLOWED[startRow * K + t] ? transitions[startRow * K + t] + emit[t] : NEG;
  for (let i = 1; i < n; i++) {
    const row = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let best = NEG;
      let arg = 0;
      // Any tag may precede O or a B- tag; only B-X or I-X precede I-X.
      const opens = t === 0 || (t & 1) === 1;
      const last = opens ? K : t + 1;
      for (let p = opens ? 0 : t - 1; p < last; p++) {
        const s = score[row + p] + transitions[p * K + t];
        if (s > best) { best = s; arg = p; }
      }
      score[i * K + t] = best + emit[i * K + t];
      back[i * K + t] = arg;
    }
  }
  // When an O follows the run, the step into it counts.
  const end = (t: number) => score[(n - 1) * K + t] + (endTag >= 0 ? transitions[t * K + endTag] : 0);
  let last = 0;
  for (let t = 1; t < K; t++) if (end(t) > end(last)) last = t;
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * K + tags[i]];
  if (margins) tagMarginals(emit, n, transitions, tags, margins, startRow, endTag, 8, scratch);
}

/**
 * How sure the model is of each chosen tag: the best path through it against the best path through any other tag
 * at that token (max-product forward-backward), squashed to 0..1.
 */
export function tagMarginals(emit: Float32Array, n: number, transitions: Float32Array, tags: Uint8Array, out: Float32Array,
  startRow: number = START, endTag = -1, temperature = 8, scratch?: DecoderScratch): void {
  const K = TAG_COUNT;
  const alpha = scratch ? scratch.alpha(n * K) : new Float64Array(n * K);
  const beta = scratch ? scratch.beta(n * K) : new Float64Array(n * K);
  for (let k = 0; k < K; k++) alpha[k] = ALLOWED[startRow * K + k] ? transitions[startRow * K + k] + emit[k] : NEG;
  for (let k = 0; k < K; k++) beta[(n - 1) * K + k] = endTag >= 0 ? transitions[k * K + endTag] : 0;
  for (let i = 1; i < n; i++) {
    const row = (i - 1) * K;
    for (let k = 0; k < K; k++) {
      let m = NEG;
      const opens = k === 0 || (k & 1) === 1;
      const last = opens ? K : k + 1;
      for (let p = opens ? 0 : k - 1; p < last; p++) { const s = alpha[row + p] + transitions[p * K + k]; if (s > m) m = s; }
      alpha[i * K + k] = m + emit[i * K + k];
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    const next = (i + 1) * K;
    for (let k = 0; k < K; k++) {
      // O and every B- tag may follow any tag; I-X only B-X or I-X (k itself when k is an I- tag, k + 1 after B-X).
      let m = NEG;
      for (let q = 0; q < K; q = q === 0 ? 1 : q + 2) {
        const s = beta[next + q] + transitions[k * K + q] + emit[next + q];
        if (s > m) m = s;
      }
      if (k > 0) {
        const q = k & 1 ? k + 1 : k;
        const s = beta[next + q] + transitions[k * K + q] + emit[next + q];
        if (s > m) m = s;
      }
      beta[i * K + k] = m;
    }
  }
  for (let i = 0; i < n; i++) {
    const chosen = alpha[i * K + tags[i]] + beta[i * K + tags[i]];
    let other = NEG;
    for (let k = 0; k < K; k++) {
      if (k === tags[i]) continue;
      const s = alpha[i * K + k] + beta[i * K + k];
      if (s > other) other = s;
    }
    out[i] = 1 / (1 + Math.exp(-(chosen - other) / temperature));
  }
}

// ---- the shipped form ----

export interface PassData { scale: number; transitions: number[]; rows: string }
export interface ModelData {
  format: 2;
  bucketBits: number;
  tags: readonly string[];
  gazetteer: { maxWords: number; hashes: string };
  passes: PassData[];
  [key: string]: unknown;
}

/**
 * Quantises weights to int16 with one scale per pass, and keeps only the buckets with a weight of at least
 * `pruneBelow` of the largest (so rare features that barely moved cost no space).
 */
export function encodePass(weights: Float32Array, transitions: Float32Array, pruneBelow = 6e-3): { data: PassData; kept: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) { const a = Math.abs(weights[i]); if (a > max) max = a; }
  const scale = max / 32767 || 1;
  const threshold = Math.max(max * pruneBelow, scale);
  const bytes: number[] = [];
  let previous = -1;
  let kept = 0;
  const buckets = weights.length / TAG_COUNT;
  for (let b = 0; b < buckets; b++) {
    let keep = false;
    for (let t = 0; t < TAG_COUNT; t++) if (Math.abs(weights[b * TAG_COUNT + t]) >= threshold) keep = true;
    if (!keep) continue;
    let delta = b - previous;
    previous = b;
    while (delta >= 128) { bytes.push((delta & 127) | 128); delta >>>= 7; }
    bytes.push(delta);
    for (let t = 0; t < TAG_COUNT; t++) {
      const q = Math.max(-32767, Math.min(32767, Math.round(weights[b * TAG_COUNT + t] / scale))) & 0xffff;
      bytes.push(q & 255, q >> 8);
    }
    kept++;
  }
  return { data: { scale, transitions: Array.from(transitions, (x) => Math.round(x * 1e4) / 1e4), rows: toBase64(Uint8Array.from(bytes)) }, kept };
}

export function decodePass(data: PassData, bucketBits: number): LinearChainModel {
  const buckets = 1 << bucketBits;
  const weights = new Int16Array(buckets * TAG_COUNT);
  const bytes = fromBase64(data.rows);
  let bucket = -1;
  let i = 0;
  while (i < bytes.length) {
    let delta = 0;
    let shift = 0;
    for (;;) { const b = bytes[i++]; delta |= (b & 127) << shift; if (b < 128) break; shift += 7; }
    bucket += delta;
    const base = bucket * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++, i += 2) weights[base + t] = ((bytes[i] | (bytes[i + 1] << 8)) << 16) >> 16;
  }
  return new LinearChainModel(weights, data.scale, Float32Array.from(data.transitions), buckets - 1);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b >> 4)] + (i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=') + (i + 2 < bytes.length ? ALPHABET[c & 63] : '=');
    if (out.length > 8192) { parts.push(out); out = ''; }
  }
  parts.push(out);
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  let length = (text.length / 4) * 3;
  if (text.endsWith('==')) length -= 2; else if (text.endsWith('=')) length -= 1;
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = DECODE[text.charCodeAt(i)], b = DECODE[text.charCodeAt(i + 1)];
    const c = DECODE[text.charCodeAt(i + 2)], d = DECODE[text.charCodeAt(i + 3)];
    const n = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
    if (o < length) out[o++] = (n >> 16) & 255;
    if (o < length) out[o++] = (n >> 8) & 255;
    if (o < length) out[o++] = n & 255;
  }
  return out;
}
