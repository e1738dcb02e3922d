import type { Command } from "../command";
import { runExport } from "./org-export";

export const peopleExportCommand: Command = {
  path: ["people", "export"],
  summaryKey: "org:cli.peopleExport",
  usage: "baocao people export FILE [--json]",
  positionals: { min: 1, max: 1, names: ["FILE"] },
  run: (ctx, args) => runExport(ctx, args.positionals[0] as string, "people"),
};
