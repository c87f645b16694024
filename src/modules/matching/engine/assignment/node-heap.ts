/**
 * A binary min-heap of node ids ordered by (key, node), with decrease-key, on typed arrays: no
 * allocation per operation, which matters at millions of operations per solve. A key is a pair
 * (hi, lo) compared lexicographically: the solver's costs are such pairs (tiers.ts). Equal keys
 * come out in node order, so the order of pops never depends on the order of pushes.
 */
export class NodeHeap {
  private readonly nodes: Int32Array;
  private readonly his: Float64Array;
  private readonly los: Float64Array;
  /** Per node, its slot in the heap or -1. */
  private readonly slot: Int32Array;
  private size = 0;

  constructor(nodeCount: number) {
    this.nodes = new Int32Array(nodeCount);
    this.his = new Float64Array(nodeCount);
    this.los = new Float64Array(nodeCount);
    this.slot = new Int32Array(nodeCount).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The smallest key's first part; only meaningful when not empty. */
  get minHi(): number {
    return this.his[0] ?? Infinity;
  }

  /** The smallest key's second part; only meaningful when not empty. */
  get minLo(): number {
    return this.los[0] ?? Infinity;
  }

  /** Inserts the node, or lowers its key if it is already in (the key must not be higher). */
  push(node: number, hi: number, lo: number): void {
    const { nodes, his, los, slot } = this;
    let i = slot[node] ?? -1;
    if (i < 0) i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentHi = his[parent] ?? 0;
      const parentLo = los[parent] ?? 0;
      const parentNode = nodes[parent] ?? 0;
      if (
        parentHi < hi ||
        (parentHi === hi && (parentLo < lo || (parentLo === lo && parentNode < node)))
      ) {
        break;
      }
      nodes[i] = parentNode;
      his[i] = parentHi;
      los[i] = parentLo;
      slot[parentNode] = i;
      i = parent;
    }
    nodes[i] = node;
    his[i] = hi;
    los[i] = lo;
    slot[node] = i;
  }

  /** Removes and returns the node with the smallest key; the heap must not be empty. */
  pop(): number {
    const { nodes, his, los, slot } = this;
    const top = nodes[0] ?? 0;
    slot[top] = -1;
    const size = --this.size;
    if (size > 0) {
      const node = nodes[size] ?? 0;
      const hi = his[size] ?? 0;
      const lo = los[size] ?? 0;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        let childHi = his[child] ?? 0;
        let childLo = los[child] ?? 0;
        let childNode = nodes[child] ?? 0;
        if (child + 1 < size) {
          const rightHi = his[child + 1] ?? 0;
          const rightLo = los[child + 1] ?? 0;
          const rightNode = nodes[child + 1] ?? 0;
          if (
            rightHi < childHi ||
            (rightHi === childHi &&
              (rightLo < childLo || (rightLo === childLo && rightNode < childNode)))
          ) {
            child++;
            childHi = rightHi;
            childLo = rightLo;
            childNode = rightNode;
          }
        }
        if (
          childHi > hi ||
          (childHi === hi && (childLo > lo || (childLo === lo && childNode > node)))
        ) {
          break;
        }
        nodes[i] = childNode;
        his[i] = childHi;
        los[i] = childLo;
        slot[childNode] = i;
        i = child;
      }
      nodes[i] = node;
      his[i] = hi;
      los[i] = lo;
      slot[node] = i;
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.nodes[i] ?? 0] = -1;
    this.size = 0;
  }
}

/**
 * The same heap with a single number as key, ordered by (key, node): for searches on plain
 * integer costs (priority-flow.ts compares fit only), where the pair's first part would always
 * be equal. Pops come out in exactly the order NodeHeap gives for keys (0, key).
 */
export class KeyHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  /** Per node, its slot in the heap or -1. */
  private readonly slot: Int32Array;
  private size = 0;

  constructor(nodeCount: number) {
    this.nodes = new Int32Array(nodeCount);
    this.keys = new Float64Array(nodeCount);
    this.slot = new Int32Array(nodeCount).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The smallest key; only meaningful when not empty. */
  get minKey(): number {
    return this.keys[0] ?? Infinity;
  }

  /** Inserts the node, or lowers its key if it is already in (the key must not be higher). */
  push(node: number, key: number): void {
    const { nodes, keys, slot } = this;
    let i = slot[node] ?? -1;
    if (i < 0) i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent] ?? 0;
      const parentNode = nodes[parent] ?? 0;
      if (parentKey < key || (parentKey === key && parentNode < node)) break;
      nodes[i] = parentNode;
      keys[i] = parentKey;
      slot[parentNode] = i;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
    slot[node] = i;
  }

  /** Removes and returns the node with the smallest key; the heap must not be empty. */
  pop(): number {
    const { nodes, keys, slot } = this;
    const top = nodes[0] ?? 0;
    slot[top] = -1;
    const size = --this.size;
    if (size > 0) {
      const node = nodes[size] ?? 0;
      const key = keys[size] ?? 0;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        let childKey = keys[child] ?? 0;
        let childNode = nodes[child] ?? 0;
        if (child + 1 < size) {
          const rightKey = keys[child + 1] ?? 0;
          const rightNode = nodes[child + 1] ?? 0;
          if (rightKey < childKey || (rightKey === childKey && rightNode < childNode)) {
            child++;
            childKey = rightKey;
            childNode = rightNode;
          }
        }
        if (childKey > key || (childKey === key && childNode > node)) break;
        nodes[i] = childNode;
        keys[i] = childKey;
        slot[childNode] = i;
        i = child;
      }
      nodes[i] = node;
      keys[i] = key;
      slot[node] = i;
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.nodes[i] ?? 0] = -1;
    this.size = 0;
  }
}
