/**
 * A counter this process bumps whenever it writes what a report's status depends on (a
 * submission, an exemption). Caches of computed statuses key on it; a write from another process
 * (the CLI) is not seen, so such caches also expire after a short time.
 */
let epoch = 0;

export function bumpStatusEpoch(): void {
  epoch++;
}

export function statusEpoch(): number {
  return epoch;
}
