/**
 * `baocao submissions export FILE.xlsx --obligation CODE --period PERIOD [--json]`: the Văn
 * phòng's workbook of one report and period (src/exports), written atomically to FILE.xlsx.
 * --json prints {file, rows, submitted, missing}.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { exportSubmissions, exportTarget } from "../../exports/index";
import { targetProblem } from "../../exports/messages";
import { CliError, type Command, stringFlag } from "../command";
import { planForNames } from "./submissions-shared";

const USAGE = "baocao submissions export FILE.xlsx --obligation CODE --period PERIOD [--json]";

/** Written beside the target under a temporary name, then renamed: no reader sees half a file. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
  } finally {
    await fs.rm(temp, { force: true });
  }
}

export const submissionsExportCommand: Command = {
  path: ["submissions", "export"],
  summaryKey: "exports:cli.summary",
  usage: USAGE,
  flags: { obligation: { type: "string" }, period: { type: "string" } },
  positionals: { min: 1, max: 1, names: ["FILE.xlsx"] },
  async run(ctx, args) {
    const file = path.resolve(args.positionals[0] as string);
    if (!file.toLowerCase().endsWith(".xlsx"))
      throw new CliError("exports:cli.error.notXlsx", { file, usage: USAGE }, 2);
    const report = stringFlag(args, "obligation")?.trim() ?? "";
    const period = stringFlag(args, "period")?.trim() ?? "";
    if (report === "" || period === "")
      throw new CliError("exports:cli.error.missingFlags", { usage: USAGE }, 2);
    const active = await planForNames(ctx);
    if (!active) throw new CliError("exports:cli.error.noPlan");
    const now = ctx.now();
    const target = exportTarget(active, report, period, now);
    if (!target.ok) {
      const problem = targetProblem(target, active, ctx.t, ctx.lang);
      throw new CliError(problem.key, problem.params, problem.exitCode);
    }
    const { db } = await ctx.database();
    const result = await exportSubmissions(db, active, target, { now, lang: ctx.lang, t: ctx.t });
    try {
      await writeAtomically(file, result.bytes);
    } catch (err) {
      const reason = err instanceof Error && "code" in err ? String(err.code) : String(err);
      throw new CliError("exports:cli.error.cannotWrite", { file, reason });
    }
    if (ctx.json) ctx.out(JSON.stringify({ file, ...result.summary }));
    else
      ctx.out(
        ctx.t("exports:cli.written", {
          file,
          report: result.reportName,
          period: result.periodText,
          ...result.summary,
        }),
      );
    return 0;
  },
};
