/** One run of ours and one of the reference, taken one right after the other. */
export interface Pair<O, R = O> {
  ours: O;
  reference: R;
  ratio: number;
}

export interface PairedRuns<O, R = O> {
  pairs: Pair<O, R>[];
  /** The pair whose ratio is the median: the figures a table shows. */
  median: Pair<O, R>;
}

/**
 * Runs ours and the reference side by side `count` times, which of them goes first swapped every
 * pair, and takes the ratio within each pair. On a shared machine the load moves within seconds:
 * the best of each side's runs can pair a quiet moment of one with a busy moment of the other,
 * while two runs taken back to back mostly share it.
 *
 * @example
 * const { median, pairs } = await paired(3, () => engineTurns(url, 5), () => grammyEchoTurns(url, 5), (run) => run.turnsPerSecond);
 */
export async function paired<O, R>(count: number, ours: () => Promise<O>, reference: () => Promise<R>, rate: (run: O | R) => number): Promise<PairedRuns<O, R>> {
  const pairs: Pair<O, R>[] = [];
  for (let i = 0; i < count; i++) {
    let first: O;
    let second: R;
    if (i % 2 === 0) {
      first = await ours();
      second = await reference();
    } else {
      second = await reference();
      first = await ours();
    }
    pairs.push({ ours: first, reference: second, ratio: rate(first) / rate(second) });
  }
  const byRatio = [...pairs].sort((a, b) => a.ratio - b.ratio);
  return { pairs, median: byRatio[Math.floor((byRatio.length - 1) / 2)]! };
}

/** The pairs' ratios in the order they ran, for a table: "0.41, 0.46, 0.44". */
export function ratiosOf(runs: PairedRuns<unknown, unknown>, digits = 2): string {
  return runs.pairs.map((pair) => pair.ratio.toFixed(digits)).join(', ');
}
