/**
 * Clustering of documents by pairwise similarity (a map from `i * n + j`, i < j, to a value in [0, 1]).
 */

import { runToEnd } from './story-similarity';

/** Up to this many documents the clustering keeps a dense matrix (4 bytes a pair) and runs in n² time. */
const DENSE_MAX_DOCUMENTS = 2500;

/** How many merges (or pairs read) the clustering makes between two steps of averageLinkageSteps. */
const WORK_PER_STEP = 20000;

/** Average-linkage agglomerative clustering: merge the two closest clusters while their mean similarity exceeds `threshold`. */
export function averageLinkage(n: number, similarity: ReadonlyMap<number, number>, threshold: number): number[][] {
  return runToEnd(averageLinkageSteps(n, similarity, threshold));
}

/** averageLinkage in steps: yields between components and within a large one (nothing is kept if dropped part way). */
export function* averageLinkageSteps(n: number, similarity: ReadonlyMap<number, number>, threshold: number): Generator<void, number[][], void> {
  // Two clusters merge only when some pair across them is above the threshold, so every cluster lies inside one
  // connected component of the pairs above it: each component is clustered on its own, with its own pairs.
  const parent = new Int32Array(n).map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) { parent[index] = parent[parent[index]]; index = parent[index]; }
    return index;
  };
  let read = 0;
  for (const [key, value] of similarity) {
    if (++read % WORK_PER_STEP === 0) yield;
    if (value <= threshold) continue;
    const a = root(Math.floor(key / n)), b = root(key % n);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const components = new Map<number, number[]>();
  for (let index = 0; index < n; index++) {
    const top = root(index);
    const members = components.get(top);
    if (members) members.push(index); else components.set(top, [index]);
  }
  const pairs = new Map<number, Map<number, number>>();
  yield;
  for (const [key, value] of similarity) {
    if (++read % WORK_PER_STEP === 0) yield;
    const i = Math.floor(key / n), top = root(i);
    if (top !== root(key % n) || components.get(top)!.length < 2) continue;
    let list = pairs.get(top);
    if (!list) pairs.set(top, (list = new Map()));
    list.set(key, value);
  }
  const clusters: number[][] = [];
  for (const [top, members] of components) {
    if (members.length === 1) { clusters.push(members); continue; }
    yield;
    const local = new Map(members.map((member, position) => [member, position]));
    const m = members.length;
    const within = new Map<number, number>();
    for (const [key, value] of pairs.get(top) ?? []) within.set(local.get(Math.floor(key / n))! * m + local.get(key % n)!, value);
    yield;
    const found = m <= DENSE_MAX_DOCUMENTS ? yield* denseAverageLinkage(m, within, threshold) : yield* sparseAverageLinkage(m, within, threshold);
    for (const cluster of found) clusters.push(cluster.map((position) => members[position]));
  }
  return clusters.sort((a, b) => a[0] - b[0]);
}

/**
 * The nearest-neighbour chain: follow nearest neighbours until two are each other's nearest, merge them
 * (the Lance–Williams mean), repeat. Average linkage never brings a cluster closer to others by a merge, so
 * a cluster whose nearest neighbour is at or below the threshold is final.
 */
function* denseAverageLinkage(n: number, similarity: ReadonlyMap<number, number>, threshold: number): Generator<void, number[][], void> {
  const matrix = new Float32Array(n * n);
  for (const [key, value] of similarity) {
    const i = Math.floor(key / n), j = key % n;
    matrix[i * n + j] = value;
    matrix[j * n + i] = value;
  }
  const members: number[][] = Array.from({ length: n }, (_, index) => [index]);
  const alive = new Uint8Array(n).fill(1);
  const done: number[][] = [];
  const chain: number[] = [];
  let remaining = n;
  let start = 0;
  // Each round reads a row of n: a step is a few rounds of a large component.
  const roundsPerStep = Math.max(1, Math.floor(WORK_PER_STEP * 10 / n));
  let rounds = 0;
  while (remaining > 0) {
    if (++rounds % roundsPerStep === 0) yield;
    if (!chain.length) {
      while (!alive[start]) start++;
      chain.push(start);
    }
    const top = chain[chain.length - 1];
    const previous = chain.length > 1 ? chain[chain.length - 2] : -1;
    let nearest = -1, nearestValue = -Infinity;
    for (let other = 0; other < n; other++) {
      if (other === top || !alive[other]) continue;
      const value = matrix[top * n + other];
      if (value > nearestValue || (value === nearestValue && other === previous)) { nearest = other; nearestValue = value; }
    }
    if (nearest < 0 || nearestValue <= threshold) {
      alive[top] = 0; remaining--; done.push(members[top]); chain.pop();
      continue;
    }
    if (nearest !== previous) { chain.push(nearest); continue; }
    const total = members[top].length + members[nearest].length;
    for (let other = 0; other < n; other++) {
      if (!alive[other] || other === top || other === nearest) continue;
      const merged = (members[top].length * matrix[top * n + other] + members[nearest].length * matrix[nearest * n + other]) / total;
      matrix[nearest * n + other] = merged;
      matrix[other * n + nearest] = merged;
    }
    members[nearest] = [...members[nearest], ...members[top]];
    alive[top] = 0; remaining--;
    chain.pop(); chain.pop();
  }
  return done.map((cluster) => cluster.sort((x, y) => x - y));
}

function* sparseAverageLinkage(n: number, similarity: ReadonlyMap<number, number>, threshold: number): Generator<void, number[][], void> {
  const members = new Map<number, number[]>();
  // Sum of the pair similarities between two clusters; the mean is the sum over the product of their sizes.
  const links = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) { members.set(i, [i]); links.set(i, new Map()); }
  for (const [key, value] of similarity) {
    const i = Math.floor(key / n), j = key % n;
    links.get(i)!.set(j, value);
    links.get(j)!.set(i, value);
  }
  yield;
  const version = new Array<number>(n).fill(0);
  const heap = new MaxHeap<[number, number, number, number, number]>((entry) => entry[0]);
  const mean = (a: number, b: number) => (links.get(a)!.get(b) ?? 0) / (members.get(a)!.length * members.get(b)!.length);
  // The clusters each cluster is closer to than the threshold: a merged cluster's mean with another is a weighted
  // mean of its two parts' means, so only the parts' close clusters can be close to the merged one.
  const close = new Map<number, Set<number>>();
  const closeTo = (cluster: number) => { let set = close.get(cluster); if (!set) close.set(cluster, (set = new Set())); return set; };
  for (const [key, value] of similarity) {
    if (value <= threshold) continue;
    const i = Math.floor(key / n), j = key % n;
    heap.push([value, i, j, 0, 0]);
    closeTo(i).add(j);
    closeTo(j).add(i);
  }
  // A merge costs the links of its two clusters: a step is that many links read, stale heap entries counted one each.
  let work = 0;
  while (heap.size) {
    if (++work >= WORK_PER_STEP) { work = 0; yield; }
    const [, a, b, versionA, versionB] = heap.pop()!;
    if (!members.has(a) || !members.has(b) || version[a] !== versionA || version[b] !== versionB) continue;
    members.get(a)!.push(...members.get(b)!);
    members.delete(b);
    const linksA = links.get(a)!, linksB = links.get(b)!;
    work += linksA.size + linksB.size;
    for (const [other, sum] of linksB) {
      if (other === a) continue;
      linksA.set(other, (linksA.get(other) ?? 0) + sum);
      const otherLinks = links.get(other)!;
      otherLinks.set(a, (otherLinks.get(a) ?? 0) + sum);
      otherLinks.delete(b);
    }
    linksA.delete(b);
    links.delete(b);
    version[a]++;
    const candidates = new Set([...closeTo(a), ...closeTo(b)]);
    candidates.delete(a);
    candidates.delete(b);
    for (const other of candidates) { const set = closeTo(other); set.delete(a); set.delete(b); }
    close.delete(b);
    const closeToA = new Set<number>();
    close.set(a, closeToA);
    // In the order of the links, as every pair was once read, so that equal means meet the heap in the same order.
    for (const other of linksA.keys()) {
      if (!candidates.has(other)) continue;
      const value = mean(a, other);
      if (value <= threshold) continue;
      heap.push([value, Math.min(a, other), Math.max(a, other), version[Math.min(a, other)], version[Math.max(a, other)]]);
      closeToA.add(other);
      closeTo(other).add(a);
    }
  }
  return [...members.values()].map((cluster) => cluster.sort((x, y) => x - y));
}

/**
 * Splits `cluster` in two along the second eigenvector of its normalised similarity matrix. Returns the
 * halves and the normalised cut between them (0: no link between the halves; near 1 or more: no real seam).
 */
export function spectralBisection(cluster: readonly number[], n: number, similarity: ReadonlyMap<number, number>):
  { halves: [number[], number[]]; normalisedCut: number } | null {
  const size = cluster.length;
  const weights = cluster.map((a) => cluster.map((b) => (a === b ? 0 : similarity.get(Math.min(a, b) * n + Math.max(a, b)) ?? 0)));
  const degree = weights.map((row) => row.reduce((sum, value) => sum + value, 0) + 1e-9);
  const scale = degree.map((value) => 1 / Math.sqrt(value));
  // The top eigenvector of D^-1/2 W D^-1/2 is sqrt(degree); power iteration on (M + I) with it projected out finds the second.
  const top = degree.map(Math.sqrt);
  const topNorm = Math.sqrt(top.reduce((sum, value) => sum + value * value, 0));
  const unitTop = top.map((value) => value / topNorm);
  let vector = cluster.map((_, index) => Math.sin(index + 1));
  for (let iteration = 0; iteration < 300; iteration++) {
    const projection = vector.reduce((sum, value, index) => sum + value * unitTop[index], 0);
    vector = vector.map((value, index) => value - projection * unitTop[index]);
    const next = vector.map((_, row) => vector[row] + scale[row] * weights[row].reduce((sum, value, column) => sum + value * scale[column] * vector[column], 0));
    const norm = Math.sqrt(next.reduce((sum, value) => sum + value * value, 0)) || 1;
    vector = next.map((value) => value / norm);
  }
  const side = vector.map((value, index) => value * scale[index] >= 0);
  const first = cluster.filter((_, index) => side[index]);
  const second = cluster.filter((_, index) => !side[index]);
  if (!first.length || !second.length) return null;
  let cut = 0, volumeFirst = 0, volumeSecond = 0;
  for (let row = 0; row < size; row++) {
    if (side[row]) volumeFirst += degree[row]; else volumeSecond += degree[row];
    for (let column = 0; column < size; column++) if (side[row] && !side[column]) cut += weights[row][column];
  }
  return { halves: [first, second], normalisedCut: cut / volumeFirst + cut / volumeSecond };
}

class MaxHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly key: (item: T) => number) {}

  get size(): number { return this.items.length; }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.key(items[parent]) >= this.key(items[index])) break;
      [items[parent], items[index]] = [items[index], items[parent]];
      index = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    if (!items.length) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1, right = left + 1;
        let largest = index;
        if (left < items.length && this.key(items[left]) > this.key(items[largest])) largest = left;
        if (right < items.length && this.key(items[right]) > this.key(items[largest])) largest = right;
        if (largest === index) break;
        [items[largest], items[index]] = [items[index], items[largest]];
        index = largest;
      }
    }
    return top;
  }
}
