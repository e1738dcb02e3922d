/** What the office is told when the words of an export name no report period (chat and CLI alike). */
import type { ActivePlan } from "../bot/status/sources";
import { localized } from "../conversation/text";
import type { Lang, Translate } from "../i18n/index";
import type { ExportTarget } from "./target";

export interface Problem {
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Exit code for the CLI: 2 for a period written wrongly (a usage error), else 1. */
  readonly exitCode: 1 | 2;
}

export function targetProblem(
  target: Extract<ExportTarget, { ok: false }>,
  active: ActivePlan,
  t: Translate,
  lang: Lang,
): Problem {
  const named = (o: { code: string; name: { vi: string; en?: string | undefined } }) =>
    `${o.code} (${localized(o.name, lang)})`;
  switch (target.reason) {
    case "unknown_report": {
      const codes = active.plan.obligations.filter((o) => o.kind === "report").map((o) => o.code);
      return {
        key: "exports:problem.unknownReport",
        params: { report: target.report, codes: codes.join(", ") },
        exitCode: 1,
      };
    }
    case "ambiguous":
      return {
        key: "exports:problem.ambiguous",
        params: { candidates: target.candidates.map(named).join("; ") },
        exitCode: 1,
      };
    case "not_a_report":
      return {
        key: "exports:problem.notAReport",
        params: { report: named(target.obligation) },
        exitCode: 1,
      };
    case "bad_period":
      return {
        key: "exports:problem.badPeriod",
        params: {
          period: target.period,
          code: target.obligation.code,
          cadence: t(`plan:describe.cadence.${target.obligation.period.cadence}`),
          example: target.example,
        },
        exitCode: 2,
      };
  }
}

/** The command that writes the same workbook on the server, for a chat that cannot receive it. */
export function cliCommand(fileName: string, code: string, periodKey: string): string {
  return `baocao submissions export ${fileName} --obligation ${code} --period ${periodKey}`;
}
