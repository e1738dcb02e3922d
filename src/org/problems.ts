/**
 * A problem found in an import file: where (row and column as the user sees them) and what (an
 * i18n key of the org namespace, with parameters). Files are checked completely before anything is
 * written, so a user fixes every problem in one go.
 */
import type { Translate } from "../i18n/index";

export interface Problem {
  /** Row number in the file (1 = first row), or null for the file as a whole. */
  readonly row: number | null;
  /** The column's header as written in the file (or its standard name when the column is missing). */
  readonly column: string | null;
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export function formatProblem(problem: Problem, t: Translate): string {
  const message = t(problem.key, problem.params ?? {});
  if (problem.row !== null && problem.column !== null) {
    return t("org:problem.atCell", { row: problem.row, column: problem.column, message });
  }
  if (problem.row !== null) return t("org:problem.atRow", { row: problem.row, message });
  return message;
}

/** Problems in file order: by row, then column. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
