/**
 * Every `baocao` command. Adding a command: one file in this folder, one line here.
 */
import type { Command } from "../command";
import { migrateCommand } from "./migrate";

export const commands: readonly Command[] = [migrateCommand];
