import path from "node:path";
import { exportPeople, exportUnits, formatOf } from "../../org/index";
import { type CliContext, CliError, type Command } from "../command";

/** Shared by `org export` and `people export`: the format follows the file's extension. */
export async function runExport(ctx: CliContext, fileArg: string, what: "units" | "people"): Promise<number> {
  const file = path.resolve(fileArg);
  if (!formatOf(file)) throw new CliError("org:export.unsupportedFormat", { file: path.basename(file) });
  const { db } = await ctx.database();
  const result = what === "units" ? await exportUnits(db, file) : await exportPeople(db, file);
  if (!result.ok) throw new CliError("org:export.unsupportedFormat", { file: path.basename(file) });
  if (ctx.json) ctx.out(JSON.stringify({ ok: true, file, what, rows: result.rows }));
  else {
    const key = what === "units" ? "org:export.doneUnits" : "org:export.donePeople";
    ctx.out(ctx.t(key, { rows: result.rows, file }));
  }
  return 0;
}

export const orgExportCommand: Command = {
  path: ["org", "export"],
  summaryKey: "org:cli.orgExport",
  usage: "baocao org export FILE [--json]",
  positionals: { min: 1, max: 1, names: ["FILE"] },
  run: (ctx, args) => runExport(ctx, args.positionals[0] as string, "units"),
};
