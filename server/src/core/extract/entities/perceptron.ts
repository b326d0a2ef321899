// A linear-chain model over BIO tags (weights of an averaged structured perceptron), Viterbi decoding, and the
// compact form the model ships in (pruned, quantised to int8, base64 in JSON).
import { TAG_COUNT, type FeatureTable } from './features';

/** Row TAG_COUNT of `transitions` holds the scores of a sentence's first tag. */
export const START = TAG_COUNT;

/** "I-X" may only follow "B-X" or "I-X". */
export function allowed(previous: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return previous !== START && (previous === tag || previous === tag - 1);
}

/** The best tags, and each chosen tag's probability under the model's scores. */
export interface Decoded { tags: Uint8Array; margins: Float32Array }

export class LinearChainModel {
  constructor(
    /** weights[bucket * TAG_COUNT + tag], times `scale`. */
    readonly weights: Float32Array | Int8Array,
    readonly scale: number,
    /** (TAG_COUNT + 1) x TAG_COUNT: previous tag (or START) to tag. */
    readonly transitions: Float32Array,
    readonly mask: number,
  ) {}

  /** Emission scores of tokens [from, to) of the table: (to - from) x TAG_COUNT. */
  emissions(table: FeatureTable, from: number, to: number, out = new Float32Array((to - from) * TAG_COUNT)): Float32Array {
    const { weights, scale } = this;
    const { offsets, ids } = table;
    for (let i = from; i < to; i++) {
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

  /** Best tag sequence of tokens [from, to), with each token's margin (best path score minus best other tag's). */
  decode(table: FeatureTable, from: number, to: number): Decoded {
    const n = to - from;
    const tags = new Uint8Array(n);
    const margins = new Float32Array(n);
    if (n === 0) return { tags, margins };
    const emit = this.emissions(table, from, to);
    viterbi(emit, n, this.transitions, tags, margins);
    return { tags, margins };
  }
}

const NEG = -1e30;

/** Viterbi over emission scores (n x TAG_COUNT); writes the best tags and forward-backward style margins. */
export function viterbi(emit: Float32Array, n: number, transitions: Float32Array, tags: Uint8Array, margins?: Float32Array): void {
  const K = TAG_COUNT;
  const score = new Float32Array(n * K);
  const back = new Uint8Array(n * K);
  for (let t = 0; t < K; t++) score[t] = allowed(START, t) ? transitions[START * K + t] + emit[t] : NEG;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < K; t++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < K; p++) {
        if (!allowed(p, t)) continue;
        const s = score[(i - 1) * K + p] + transitions[p * K + t];
        if (s > best) { best = s; arg = p; }
      }
      score[i * K + t] = best + emit[i * K + t];
      back[i * K + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < K; t++) if (score[(n - 1) * K + t] > score[(n - 1) * K + last]) last = t;
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * K + tags[i]];
  if (margins) tagMarginals(emit, n, transitions, tags, margins);
}

/**
 * The probability of each chosen tag when the scores, divided by `temperature`, are read as a linear-chain
 * CRF's log potentials (forward-backward).
 */
export function tagMarginals(emit: Float32Array, n: number, transitions: Float32Array, tags: Uint8Array, out: Float32Array, temperature = 40): void {
  const K = TAG_COUNT;
  const alpha = new Float64Array(n * K);
  const beta = new Float64Array(n * K);
  const t = 1 / temperature;
  for (let k = 0; k < K; k++) alpha[k] = allowed(START, k) ? (transitions[START * K + k] + emit[k]) * t : NEG;
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < K; k++) {
      let m = NEG;
      for (let p = 0; p < K; p++) if (allowed(p, k)) m = Math.max(m, alpha[(i - 1) * K + p] + transitions[p * K + k] * t);
      let sum = 0;
      for (let p = 0; p < K; p++) if (allowed(p, k)) sum += Math.exp(alpha[(i - 1) * K + p] + transitions[p * K + k] * t - m);
      alpha[i * K + k] = m + Math.log(sum) + emit[i * K + k] * t;
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let k = 0; k < K; k++) {
      let m = NEG;
      for (let q = 0; q < K; q++) if (allowed(k, q)) m = Math.max(m, beta[(i + 1) * K + q] + (transitions[k * K + q] + emit[(i + 1) * K + q]) * t);
      let sum = 0;
      for (let q = 0; q < K; q++) if (allowed(k, q)) sum += Math.exp(beta[(i + 1) * K + q] + (transitions[k * K + q] + emit[(i + 1) * K + q]) * t - m);
      beta[i * K + k] = m + Math.log(sum);
    }
  }
  let m = NEG;
  for (let k = 0; k < K; k++) m = Math.max(m, alpha[(n - 1) * K + k]);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += Math.exp(alpha[(n - 1) * K + k] - m);
  const logZ = m + Math.log(sum);
  for (let i = 0; i < n; i++) out[i] = Math.exp(alpha[i * K + tags[i]] + beta[i * K + tags[i]] - logZ);
}

// ---- the shipped form ----

export interface PassData { scale: number; transitions: number[]; rows: string }
export interface ModelData {
  format: 1;
  bucketBits: number;
  tags: readonly string[];
  gazetteer: { maxWords: number; hashes: string };
  passes: PassData[];
  [key: string]: unknown;
}

/** Keeps the buckets whose largest weight survives quantisation; int8 weights with one scale per pass. */
export function encodePass(weights: Float32Array, transitions: Float32Array, pruneBelow: number): { data: PassData; kept: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) { const a = Math.abs(weights[i]); if (a > max) max = a; }
  const scale = max / 127 || 1;
  const threshold = Math.max(pruneBelow, scale * 0.5);
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
    for (let t = 0; t < TAG_COUNT; t++) bytes.push(Math.max(-127, Math.min(127, Math.round(weights[b * TAG_COUNT + t] / scale))) & 255);
    kept++;
  }
  return { data: { scale, transitions: Array.from(transitions, (x) => Math.round(x * 1e4) / 1e4), rows: toBase64(Uint8Array.from(bytes)) }, kept };
}

export function decodePass(data: PassData, bucketBits: number): LinearChainModel {
  const buckets = 1 << bucketBits;
  const weights = new Int8Array(buckets * TAG_COUNT);
  const bytes = fromBase64(data.rows);
  let bucket = -1;
  let i = 0;
  while (i < bytes.length) {
    let delta = 0;
    let shift = 0;
    for (;;) { const b = bytes[i++]; delta |= (b & 127) << shift; if (b < 128) break; shift += 7; }
    bucket += delta;
    const base = bucket * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) weights[base + t] = (bytes[i++] << 24) >> 24;
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
