/**
 * Every `baocao` command. Adding a command: one file in this folder, one line here.
 */
import type { Command } from "../command";
import { demoCommand } from "./demo";
import { migrateCommand } from "./migrate";
import { orgExportCommand } from "./org-export";
import { orgImportCommand } from "./org-import";
import { peopleExportCommand } from "./people-export";
import { peopleImportCommand } from "./people-import";
import { zaloOaLoginCommand } from "./zalo-oa-login";

export const commands: readonly Command[] = [
  migrateCommand,
  demoCommand,
  orgImportCommand,
  orgExportCommand,
  peopleImportCommand,
  peopleExportCommand,
  zaloOaLoginCommand,
];
