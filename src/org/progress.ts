/**
 * A one-line progress bar for terminals, redrawn in place with "\r". Hand-written: a dependency is
 * not worth 30 lines. Only drawn when stderr is a terminal and the file is large.
 */

export const PROGRESS_BAR_WIDTH_CHARS = 30;
/** Below this many rows an import is too quick for a bar to help. */
export const PROGRESS_MIN_ROWS = 500;

export function renderProgress(label: string, done: number, total: number): string {
  const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * PROGRESS_BAR_WIDTH_CHARS);
  const bar = `${"█".repeat(filled)}${"░".repeat(PROGRESS_BAR_WIDTH_CHARS - filled)}`;
  return `${label} ${bar} ${String(Math.round(ratio * 100)).padStart(3)}% (${done}/${total})`;
}

/** Returns an onProgress callback that redraws only when the whole percentage changes. */
export function progressBar(
  write: (chunk: string) => void,
  label: string,
): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const percent = total <= 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    write(`\r${renderProgress(label, done, total)}${done >= total ? "\n" : ""}`);
  };
}
