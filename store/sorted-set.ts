/**
 * An in-memory sorted set of ids by score, ordered like a Redis sorted set (score, then id), with
 * O(log n) add, delete and rank (a treap whose nodes count their subtree) and an O(n) walk in order.
 * The embedded store keeps its operator queues in it, so that it scales like the Redis store does.
 */
interface Node {
  score: number;
  id: string;
  /** Random heap priority that keeps the tree balanced in expectation. */
  weight: number;
  size: number;
  left: Node | undefined;
  right: Node | undefined;
}

function compare(score: number, id: string, node: Node): number {
  if (score !== node.score) return score < node.score ? -1 : 1;
  return id < node.id ? -1 : id > node.id ? 1 : 0;
}

const sizeOf = (node: Node | undefined) => node?.size ?? 0;

function resize(node: Node): Node {
  node.size = 1 + sizeOf(node.left) + sizeOf(node.right);
  return node;
}

/** Joins two trees where every key of `a` is below every key of `b`. */
function merge(a: Node | undefined, b: Node | undefined): Node | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.weight > b.weight) {
    a.right = merge(a.right, b);
    return resize(a);
  }
  b.left = merge(a, b.left);
  return resize(b);
}

/** Splits into the keys below (score, id) and the rest. */
function split(node: Node | undefined, score: number, id: string): [Node | undefined, Node | undefined] {
  if (!node) return [undefined, undefined];
  if (compare(score, id, node) > 0) {
    const [low, high] = split(node.right, score, id);
    node.right = low;
    return [resize(node), high];
  }
  const [low, high] = split(node.left, score, id);
  node.left = high;
  return [low, resize(node)];
}

function remove(node: Node | undefined, score: number, id: string): Node | undefined {
  if (!node) return undefined;
  const order = compare(score, id, node);
  if (order === 0) return merge(node.left, node.right);
  if (order < 0) node.left = remove(node.left, score, id);
  else node.right = remove(node.right, score, id);
  return resize(node);
}

export class SortedSet {
  private root: Node | undefined;
  private readonly scores = new Map<string, number>();

  get size(): number {
    return this.scores.size;
  }

  score(id: string): number | undefined {
    return this.scores.get(id);
  }

  /** Adds the id, or moves it to its new score. */
  add(id: string, score: number): void {
    if (Number.isNaN(score)) throw new RangeError(`SortedSet: score of ${id} is NaN`);
    const old = this.scores.get(id);
    if (old === score) return;
    if (old !== undefined) this.root = remove(this.root, old, id);
    const [low, high] = split(this.root, score, id);
    const node: Node = { score, id, weight: Math.random(), size: 1, left: undefined, right: undefined };
    this.root = merge(merge(low, node), high);
    this.scores.set(id, score);
  }

  delete(id: string): boolean {
    const score = this.scores.get(id);
    if (score === undefined) return false;
    this.root = remove(this.root, score, id);
    this.scores.delete(id);
    return true;
  }

  /** 0-based place of the id in order, or null when absent. */
  rank(id: string): number | null {
    const score = this.scores.get(id);
    if (score === undefined) return null;
    let rank = 0;
    let node = this.root;
    while (node) {
      const order = compare(score, id, node);
      if (order === 0) return rank + sizeOf(node.left);
      if (order < 0) node = node.left;
      else {
        rank += sizeOf(node.left) + 1;
        node = node.right;
      }
    }
    return null;
  }

  /** All ids in order. */
  ids(): string[] {
    const out: string[] = [];
    const stack: Node[] = [];
    let node = this.root;
    while (node || stack.length > 0) {
      while (node) {
        stack.push(node);
        node = node.left;
      }
      const next = stack.pop()!;
      out.push(next.id);
      node = next.right;
    }
    return out;
  }
}
