import { importPeople } from "../../org/index";
import type { Command } from "../command";
import { runImport } from "./org-import";

export const peopleImportCommand: Command = {
  path: ["people", "import"],
  summaryKey: "org:cli.peopleImport",
  usage: "baocao people import FILE [--json]",
  positionals: { min: 1, max: 1, names: ["FILE"] },
  run: (ctx, args) =>
    runImport(ctx, args.positionals[0] as string, "people", async (c, file, onProgress) =>
      importPeople((await c.database()).db, file, { now: c.now(), onProgress }),
    ),
};
