import { type Config, ConfigError, loadConfig } from "../config";
import { migrateToLatest, type OpenDatabase, openDatabase } from "../db/index";
import { isLang, type Lang, translator } from "../i18n/index";
import { type CliContext, CliError, type Command, parseCommandArgs } from "./command";
import { commands } from "./commands/index";

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly now?: () => Date;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  readonly interactive?: boolean;
}

/** Finds the longest command path that prefixes argv (`org import x.xlsx` → org import). */
function findCommand(words: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const n = command.path.length;
    if (n <= words.length && command.path.every((w, i) => words[i] === w)) {
      if (!best || n > best.command.path.length) best = { command, rest: words.slice(n) };
    }
  }
  return best;
}

function langFromArgv(argv: string[], fallback: Lang): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return fallback;
  const arg = argv[i] ?? "";
  const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[i + 1];
  return isLang(value) ? value : fallback;
}

function printHelp(ctx: Pick<CliContext, "t" | "out">, prefix: string[]): void {
  ctx.out(ctx.t("cli:help.title"));
  ctx.out("");
  for (const c of commands.filter((c) => prefix.every((w, i) => c.path[i] === w))) {
    ctx.out(`  ${c.usage.padEnd(58)} ${ctx.t(c.summaryKey)}`);
  }
  ctx.out("");
  ctx.out(ctx.t("cli:help.footer"));
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  let config: Config;
  try {
    config = loadConfig(options.env ?? process.env, options.cwd ?? process.cwd());
  } catch (e) {
    if (e instanceof ConfigError) {
      const t = translator(langFromArgv(argv, "vi"));
      err(t("cli:error.config"));
      for (const p of e.problems) err(`  ${p}`);
      return 2;
    }
    throw e;
  }
  const lang = langFromArgv(argv, config.lang);
  const t = translator(lang);
  const words = argv.filter((a) => !a.startsWith("-"));
  const match = findCommand(argv);
  if (
    argv.length === 0 ||
    (!match && (argv.includes("--help") || argv.includes("-h") || words[0] === "help"))
  ) {
    printHelp({ t, out }, words[0] === "help" ? [] : words);
    return 0;
  }
  // Command words come first, flags after: `baocao org import FILE --json`.
  if (!match) {
    const groupExists = commands.some((c) => c.path[0] === words[0]);
    if (groupExists && words.length === 1) {
      printHelp({ t, out }, [words[0] as string]);
      return 0;
    }
    err(t("cli:error.unknownCommand", { command: words.join(" ") || argv.join(" ") }));
    return 2;
  }
  const { command, rest } = match;
  let opened: OpenDatabase | undefined;
  const ctx: CliContext = {
    config,
    lang,
    t,
    json: rest.includes("--json"),
    now: options.now ?? (() => new Date()),
    out,
    err,
    interactive: options.interactive ?? Boolean(process.stdout.isTTY),
    async database() {
      if (!opened) {
        opened = await openDatabase(config.database);
        await migrateToLatest(opened.db);
      }
      return opened;
    },
  };
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      out(`${t("cli:help.usage")}: ${command.usage}`);
      out(t(command.summaryKey));
      return 0;
    }
    const pos = command.positionals ?? { min: 0, max: 0, names: [] };
    if (args.positionals.length < pos.min) {
      throw new CliError(
        "cli:error.missingArgument",
        { name: pos.names[args.positionals.length], usage: command.usage },
        2,
      );
    }
    if (args.positionals.length > pos.max) {
      throw new CliError(
        "cli:error.extraArgument",
        { arg: args.positionals[pos.max], usage: command.usage },
        2,
      );
    }
    return (await command.run(ctx, args)) ?? 0;
  } catch (e) {
    if (e instanceof CliError) {
      err(t(e.key, e.params));
      return e.exitCode;
    }
    err(t("cli:error.unexpected", { message: e instanceof Error ? e.message : String(e) }));
    if (config.logLevel === "debug" && e instanceof Error && e.stack) err(e.stack);
    return 1;
  } finally {
    await opened?.close();
  }
}
