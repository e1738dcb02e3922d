/**
 * "Typing the report's name starts it": a forgiving match of what a principal types against the
 * obligation names ("bao cao thang", "Báo cáo dư luận tháng", "dư luận") — accents, case and
 * punctuation ignored; each typed word may be the start of a word of the name. Pure.
 */
import { fold } from "../text";

export interface NameCandidate<T> {
  readonly value: T;
  /** The names it may be called by (both languages, short forms). */
  readonly names: readonly string[];
}

/** Words that say "a report" but not which one: they never decide a match alone. */
const GENERIC = new Set(["bao", "cao", "gui", "nop", "lam", "bc", "report", "send", "the", "a", "cua", "ve"]);
/** Share of the typed words that must be found in the name. */
const MIN_SCORE = 0.75;

export function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
}

function score(query: readonly string[], name: readonly string[]): { score: number; specific: boolean } {
  let hits = 0;
  let specific = false;
  for (const q of query) {
    const hit = name.some((w) => w === q || (q.length >= 2 && w.startsWith(q)));
    if (!hit) continue;
    hits++;
    if (!GENERIC.has(q)) specific = true;
  }
  return { score: query.length === 0 ? 0 : hits / query.length, specific };
}

/** The best-matching candidates (several when they tie), or none. */
export function matchName<T>(text: string, candidates: readonly NameCandidate<T>[]): T[] {
  const query = words(text);
  if (query.length === 0 || query.length > 12) return [];
  let best = 0;
  let found: T[] = [];
  for (const c of candidates) {
    let top = 0;
    for (const name of c.names) {
      const s = score(query, words(name));
      if (!s.specific || s.score < MIN_SCORE) continue;
      top = Math.max(top, s.score);
    }
    if (top === 0) continue;
    if (top > best) {
      best = top;
      found = [c.value];
    } else if (top === best) found.push(c.value);
  }
  return found;
}
