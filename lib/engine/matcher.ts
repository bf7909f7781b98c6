/**
 * Aho–Corasick automaton over UTF-16 code units: one pass over the folded text
 * finds every occurrence of every literal term of every rule, overlaps
 * included. The research measured a single automaton/set as the cheapest
 * option for thousands of terms, and it needs no regular expressions at all.
 */
import { foldLiteralUnit } from './normalize';

/** log2 of the transition memo's entries: 2^14 entries are 160 KB per matcher. */
const MEMO_BITS = 14;

export class LiteralMatcher {
  private readonly ids = new Map<string, number>();
  /** Term id → length in code units. */
  readonly termLength: number[] = [];
  /** Root transitions in a flat table: most scan steps start at the root. */
  private readonly rootNext = new Int32Array(65536);
  /**
   * While adding, the trie in growable typed arrays, without an object per node: each node below
   * the root stores the code unit of its incoming edge, its first child and its next sibling
   * (nodes below the root have few children). Garbage from per-node arrays cost more than the rest
   * of compiling the default packs.
   */
  private nodeChar = new Uint16Array(1024);
  private firstChild = new Int32Array(1024);
  private nextSibling = new Int32Array(1024);
  private nodes = 1;
  /**
   * After build: non-root transitions in compact arrays (node u's edges are
   * edgeStart[u] … edgeStart[u+1]-1, sorted by code unit), for a binary search per step.
   */
  private edgeStart: Int32Array = new Int32Array(1);
  private edgeChar: Uint16Array = new Uint16Array(0);
  private edgeNode: Int32Array = new Int32Array(0);
  private fail: Int32Array = new Int32Array(1);
  /** Term ending at the node, or -1. */
  private outTerm = new Int32Array(1024).fill(-1);
  /** Nearest proper suffix node that ends a term (0 = none). */
  private dict: Int32Array = new Int32Array(1);
  private built = false;
  /**
   * Resolved transitions (failure links followed) of non-root nodes, direct-mapped by a hash of
   * (node, unit): a step is then one probe instead of binary searches along a failure chain. A
   * post reuses the same few hundred transitions check after check; a collision just recomputes.
   */
  private readonly memoShift: number;
  private readonly memoNode: Int32Array;
  private readonly memoUnit: Uint16Array;
  private readonly memoNext: Int32Array;
  /** Occurrence pairs (term id, end offset) of the last collect(). */
  found = new Int32Array(256);

  /** `memoBits`: log2 of the transition memo's size (tests make it tiny to force collisions). */
  constructor(memoBits = MEMO_BITS) {
    this.memoShift = 32 - memoBits;
    this.memoNode = new Int32Array(1 << memoBits);
    this.memoUnit = new Uint16Array(1 << memoBits);
    this.memoNext = new Int32Array(1 << memoBits);
  }

  get size(): number {
    return this.termLength.length;
  }

  /** Register a folded term; returns its id (the same string always gets the same id). */
  add(term: string): number {
    const known = this.ids.get(term);
    if (known !== undefined) return known;
    if (this.built) throw new Error('LiteralMatcher: add() after build()');
    const id = this.termLength.length;
    this.ids.set(term, id);
    this.termLength.push(term.length);
    let node = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let next = 0;
      if (node === 0) next = this.rootNext[c]!;
      else for (let k = this.firstChild[node]!; k !== 0; k = this.nextSibling[k]!) if (this.nodeChar[k] === c) { next = k; break; }
      if (next === 0) {
        next = this.newNode(c);
        if (node === 0) this.rootNext[c] = next;
        else {
          this.nextSibling[next] = this.firstChild[node]!;
          this.firstChild[node] = next;
        }
      }
      node = next;
    }
    this.outTerm[node] = id;
    return id;
  }

  private newNode(c: number): number {
    if (this.nodes === this.nodeChar.length) {
      const grow = <T extends Int32Array | Uint16Array>(a: T, fill = 0): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.fill(fill);
        b.set(a);
        return b;
      };
      this.nodeChar = grow(this.nodeChar);
      this.firstChild = grow(this.firstChild);
      this.nextSibling = grow(this.nextSibling);
      this.outTerm = grow(this.outTerm, -1);
    }
    const node = this.nodes++;
    this.nodeChar[node] = c;
    return node;
  }

  /** The transition from `node` on unit `c`, through the memo. */
  private next(node: number, c: number): number {
    if (node === 0) return this.rootNext[c]!;
    const h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77)) >>> this.memoShift;
    if (this.memoNode[h] === node && this.memoUnit[h] === c) return this.memoNext[h]!;
    const next = this.step(node, c);
    this.memoNode[h] = node;
    this.memoUnit[h] = c;
    this.memoNext[h] = next;
    return next;
  }

  private step(node: number, c: number): number {
    const start = this.edgeStart;
    const chars = this.edgeChar;
    for (;;) {
      if (node === 0) return this.rootNext[c]!;
      let lo = start[node]!;
      let hi = start[node + 1]!;
      // Binary search in the node's sorted edges (most nodes have one or two).
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const m = chars[mid]!;
        if (m === c) return this.edgeNode[mid]!;
        if (m < c) lo = mid + 1;
        else hi = mid;
      }
      node = this.fail[node]!;
    }
  }

  /** Compute failure and dictionary links (breadth-first). */
  build(): void {
    const n = this.nodes;
    // Compact the non-root edges first: step() below reads them.
    this.edgeStart = new Int32Array(n + 1);
    this.edgeChar = new Uint16Array(n);
    this.edgeNode = new Int32Array(n);
    let e = 0;
    for (let u = 1; u < n; u++) {
      this.edgeStart[u] = e;
      const first = e;
      for (let k = this.firstChild[u]!; k !== 0; k = this.nextSibling[k]!) {
        // Insertion sort by code unit (a node has few children).
        let at = e++;
        while (at > first && this.edgeChar[at - 1]! > this.nodeChar[k]!) {
          this.edgeChar[at] = this.edgeChar[at - 1]!;
          this.edgeNode[at] = this.edgeNode[at - 1]!;
          at--;
        }
        this.edgeChar[at] = this.nodeChar[k]!;
        this.edgeNode[at] = k;
      }
    }
    this.edgeStart[n] = e;
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n);
    const outTerm = this.outTerm;
    const queue = new Int32Array(n);
    let tail = 0;
    for (let c = 0; c < 65536; c++) if (this.rootNext[c] !== 0) queue[tail++] = this.rootNext[c]!;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      for (let k = this.edgeStart[u]!; k < this.edgeStart[u + 1]!; k++) {
        const v = this.edgeNode[k]!;
        const f = this.step(this.fail[u]!, this.edgeChar[k]!);
        this.fail[v] = f === v ? 0 : f;
        const fv = this.fail[v]!;
        this.dict[v] = outTerm[fv]! >= 0 ? fv : this.dict[fv]!;
        queue[tail++] = v;
      }
    }
    this.nodeChar = new Uint16Array(0);
    this.firstChild = new Int32Array(0);
    this.nextSibling = new Int32Array(0);
    this.built = true;
  }

  /**
   * Every occurrence in `text` (each unit folded by foldLiteralUnit first when `fold`), as pairs
   * (term id, end offset in code units) in `found`, which the next call reuses; returns the number
   * of pairs. A buffer, not a callback: the loop stays monomorphic for every caller.
   */
  collect(text: string, fold = false): number {
    if (!this.built) this.build();
    if (this.termLength.length === 0) return 0;
    const outTerm = this.outTerm;
    const dict = this.dict;
    let found = this.found;
    let count = 0;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = this.next(node, fold ? foldLiteralUnit(c) : c);
      if (node === 0) continue;
      let o = outTerm[node]! >= 0 ? node : dict[node]!;
      while (o !== 0) {
        if (count + 2 > found.length) {
          const more = new Int32Array(found.length * 2);
          more.set(found);
          this.found = found = more;
        }
        found[count++] = outTerm[o]!;
        found[count++] = i + 1;
        o = dict[o]!;
      }
    }
    return count / 2;
  }
}
