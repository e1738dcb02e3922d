import { parseArgs } from "node:util";
import type { Config } from "../config";
import type { OpenDatabase } from "../db/index";
import type { Lang, Translate } from "../i18n/index";

/** Flags of node:util parseArgs, declared per command. */
export type FlagSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

export interface CliContext {
  readonly config: Config;
  readonly lang: Lang;
  readonly t: Translate;
  readonly json: boolean;
  /** Opens (and migrates) the database on first use; closed by the runner. */
  database(): Promise<OpenDatabase>;
  /** Injected clock: commands never read the system time directly. */
  now(): Date;
  out(line: string): void;
  err(line: string): void;
  /** True when stdout is a terminal (progress bars, colours). */
  readonly interactive: boolean;
}

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export interface Command {
  /** Words after `baocao`, e.g. ["org", "import"]. */
  readonly path: readonly string[];
  /** i18n key of a one-line summary. */
  readonly summaryKey: string;
  /** Usage line, e.g. "baocao org import FILE". */
  readonly usage: string;
  readonly flags?: FlagSpec;
  /** Minimum/maximum number of positional arguments. */
  readonly positionals?: { readonly min: number; readonly max: number; readonly names: readonly string[] };
  run(ctx: CliContext, args: ParsedArgs): Promise<number | undefined>;
}

/** An expected failure: printed as one localized line, exit code 1 (or the given one). */
export class CliError extends Error {
  readonly code = "CLI_ERROR";
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly exitCode = 1,
  ) {
    super(key);
    this.name = "CliError";
  }
}

export const GLOBAL_FLAGS: FlagSpec = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  lang: { type: "string" },
};

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...GLOBAL_FLAGS, ...(command.flags ?? {}) },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? message;
    throw new CliError("cli:error.badFlag", { flag, usage: command.usage }, 2);
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}
