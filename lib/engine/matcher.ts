/**
 * Aho–Corasick automaton over UTF-16 code units: one pass over the folded text
 * finds every occurrence of every literal term of every rule, overlaps
 * included. The research measured a single automaton/set as the cheapest
 * option for thousands of terms, and it needs no regular expressions at all.
 */
export class LiteralMatcher {
  private readonly ids = new Map<string, number>();
  /** Term id → length in code units. */
  readonly termLength: number[] = [];
  /** Root transitions in a flat table: most scan steps start at the root. */
  private readonly rootNext = new Int32Array(65536);
  /** While adding: each node's children as [code unit, node] (few per node below the root). */
  private children: Array<Array<[number, number]>> = [[]];
  /**
   * After build: non-root transitions in compact arrays (node u's edges are
   * edgeStart[u] … edgeStart[u+1]-1, sorted by code unit). A Map keyed
   * node * 65536 + code unit cost more than the rest of compiling: its keys outgrow
   * small integers once there are more than 32,767 nodes.
   */
  private edgeStart: Int32Array = new Int32Array(1);
  private edgeChar: Uint16Array = new Uint16Array(0);
  private edgeNode: Int32Array = new Int32Array(0);
  private fail: Int32Array = new Int32Array(1);
  /** Term ending at the node, or -1. */
  private outTerm: number[] = [-1];
  /** Nearest proper suffix node that ends a term (0 = none). */
  private dict: Int32Array = new Int32Array(1);
  private built = false;

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
      const kids = this.children[node]!;
      let next = 0;
      if (node === 0) next = this.rootNext[c]!;
      else for (let k = 0; k < kids.length; k++) if (kids[k]![0] === c) { next = kids[k]![1]; break; }
      if (next === 0) {
        next = this.outTerm.length;
        this.outTerm.push(-1);
        this.children.push([]);
        if (node === 0) this.rootNext[c] = next;
        kids.push([c, next]);
      }
      node = next;
    }
    this.outTerm[node] = id;
    return id;
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
    const n = this.outTerm.length;
    // Compact the non-root edges first: step() below reads them.
    this.edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let u = 1; u < n; u++) edges += this.children[u]!.length;
    this.edgeChar = new Uint16Array(edges);
    this.edgeNode = new Int32Array(edges);
    let e = 0;
    for (let u = 1; u < n; u++) {
      this.edgeStart[u] = e;
      const kids = this.children[u]!;
      if (kids.length > 1) kids.sort((a, b) => a[0] - b[0]);
      for (const [c, v] of kids) {
        this.edgeChar[e] = c;
        this.edgeNode[e] = v;
        e++;
      }
    }
    this.edgeStart[n] = e;
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n);
    const queue: number[] = [];
    for (const [, child] of this.children[0]!) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (const [c, v] of this.children[u]!) {
        const f = this.step(this.fail[u]!, c);
        this.fail[v] = f === v ? 0 : f;
        const fv = this.fail[v]!;
        this.dict[v] = this.outTerm[fv]! >= 0 ? fv : this.dict[fv]!;
        queue.push(v);
      }
    }
    this.children = [];
    this.built = true;
  }

  /** Report every occurrence as (termId, start, end) in code units of `text`. */
  scan(text: string, hit: (termId: number, start: number, end: number) => void): void {
    if (!this.built) this.build();
    if (this.termLength.length === 0) return;
    const outTerm = this.outTerm;
    const dict = this.dict;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      node = this.step(node, text.charCodeAt(i));
      if (node === 0) continue;
      let o = outTerm[node]! >= 0 ? node : dict[node]!;
      while (o !== 0) {
        const t = outTerm[o]!;
        hit(t, i + 1 - this.termLength[t]!, i + 1);
        o = dict[o]!;
      }
    }
  }
}
