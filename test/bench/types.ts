/**
 * A benchmark module: one measured figure against a target. Benchmarks live here, not in tests,
 * because tests never assert timings (machines differ); `npm run bench` prints them side by side.
 */
export interface BenchResult {
  /** The measured figure, in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** The figure must stay at or below this (same unit). */
  readonly target: number;
  /** Extra context printed under the table, e.g. how many instances were computed. */
  readonly note?: string;
}

export interface Bench {
  readonly name: string;
  run(): Promise<BenchResult>;
}
