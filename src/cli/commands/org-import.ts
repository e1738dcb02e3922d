import path from "node:path";
import {
  formatProblem,
  type ImportResult,
  importUnits,
  PROGRESS_MIN_ROWS,
  progressBar,
  sortProblems,
} from "../../org/index";
import type { CliContext, Command } from "../command";

type Importer = (
  ctx: CliContext,
  file: string,
  onProgress?: (done: number, total: number) => void,
) => Promise<ImportResult>;

/**
 * Shared by `org import` and `people import`: runs the import, prints the counts, or the reason on
 * one line followed by every problem (row, column, message) and exit code 1.
 */
export async function runImport(
  ctx: CliContext,
  fileArg: string,
  what: "units" | "people",
  importer: Importer,
): Promise<number> {
  const file = path.resolve(fileArg);
  // The bar goes to stderr, so that `--json` output on stdout stays clean.
  const bar = ctx.interactive
    ? progressBar((s) => process.stderr.write(s), ctx.t("org:import.progress"))
    : undefined;
  const onProgress = bar
    ? (done: number, total: number) => total >= PROGRESS_MIN_ROWS && bar(done, total)
    : undefined;
  const result = await importer(ctx, file, onProgress);
  if (!result.ok) {
    const problems = sortProblems(result.problems);
    ctx.err(ctx.t("org:import.failed", { file: path.basename(file), count: problems.length }));
    for (const p of problems) ctx.err(`  ${formatProblem(p, ctx.t)}`);
    if (ctx.json) {
      const list = problems.map((p) => ({
        row: p.row,
        column: p.column,
        code: p.key,
        message: formatProblem(p, ctx.t),
      }));
      ctx.out(JSON.stringify({ ok: false, file, what, problems: list }));
    }
    return 1;
  }
  const s = result.summary;
  if (ctx.json) ctx.out(JSON.stringify({ ok: true, file, what, ...s }));
  else {
    const key = what === "units" ? "org:import.doneUnits" : "org:import.donePeople";
    ctx.out(ctx.t(key, { ...s, file: path.basename(file) }));
    if (s.links && s.links.created + s.links.updated + s.links.unchanged > 0)
      ctx.out(ctx.t("org:import.links", { ...s.links }));
  }
  return 0;
}

export const orgImportCommand: Command = {
  path: ["org", "import"],
  summaryKey: "org:cli.orgImport",
  usage: "baocao org import FILE [--json]",
  positionals: { min: 1, max: 1, names: ["FILE"] },
  run: (ctx, args) =>
    runImport(ctx, args.positionals[0] as string, "units", async (c, file, onProgress) =>
      importUnits((await c.database()).db, file, { now: c.now(), onProgress }),
    ),
};
