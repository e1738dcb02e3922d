/**
 * Turns zod issues into what a person fixing a plan file needs: the path of the field
 * ("obligations[2].due.day"), a message in their language, and the line when the file is known.
 * Every zod issue code maps to one of our keys; zod's English messages are never shown.
 */
import type { z } from "zod";
import type { Translate } from "../i18n/index";
import { formatPathForMessage } from "./form-rules";

export interface PlanIssue {
  /** "obligations[2].due.day"; "" for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type Locate = (path: readonly PropertyKey[]) => Position | undefined;

type Issue = z.core.$ZodIssue;

const TYPE_KEYS: Record<string, string> = {
  string: "plan:type.string",
  number: "plan:type.number",
  int: "plan:type.int",
  boolean: "plan:type.boolean",
  object: "plan:type.object",
  array: "plan:type.array",
  null: "plan:type.null",
};

function typeName(t: Translate, name: string): string {
  const key = TYPE_KEYS[name];
  return key ? t(key) : name;
}

function typeOfInput(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && Number.isInteger(input)) return "number";
  return typeof input;
}

function show(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

interface Raw {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The branch of a failed union that matched the input's type, if exactly one did. */
function matchingBranch(issue: Extract<Issue, { code: "invalid_union" }>): readonly Issue[] | undefined {
  const candidates = issue.errors.filter(
    (branch) => !(branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0),
  );
  if (candidates.length === 0) return undefined;
  return candidates.reduce((best, b) => (b.length < best.length ? b : best));
}

function sizeMessage(t: Translate, issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  const small = issue.code === "too_small";
  const bound = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") {
    if (small && bound <= 1) return t("plan:error.emptyText");
    return small ? t("plan:error.tooShort", { min: bound }) : t("plan:error.tooLong", { max: bound });
  }
  if (issue.origin === "array" || issue.origin === "set") {
    return small ? t("plan:error.tooFewItems", { min: bound }) : t("plan:error.tooManyItems", { max: bound });
  }
  if (small)
    return issue.inclusive === false
      ? t("plan:error.greaterThan", { min: bound })
      : t("plan:error.tooSmall", { min: bound });
  return issue.inclusive === false
    ? t("plan:error.lessThan", { max: bound })
    : t("plan:error.tooBig", { max: bound });
}

function flatten(issue: Issue, prefix: readonly PropertyKey[], t: Translate): Raw[] {
  const path = [...prefix, ...issue.path];
  const missing = !("input" in issue) || issue.input === undefined;
  switch (issue.code) {
    case "invalid_type":
      if (missing) return [{ path, message: t("plan:error.required") }];
      return [
        {
          path,
          message: t("plan:error.invalidType", {
            expected: typeName(t, issue.expected),
            received: typeName(t, typeOfInput(issue.input)),
          }),
        },
      ];
    case "invalid_value":
      if (missing) return [{ path, message: t("plan:error.required") }];
      return [
        {
          path,
          message: t("plan:error.invalidValue", {
            value: show(issue.input),
            options: issue.values.map(show).join(", "),
          }),
        },
      ];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: t("plan:error.unknownKey", { key }),
      }));
    case "too_small":
    case "too_big":
      return [{ path, message: sizeMessage(t, issue) }];
    case "invalid_format":
      return [{ path, message: t("plan:error.format", { value: show(issue.input) }) }];
    case "invalid_union": {
      if (missing) return [{ path, message: t("plan:error.required") }];
      const discriminator = issue as { options?: readonly unknown[]; note?: string };
      if (discriminator.note !== undefined && discriminator.options) {
        const value = (issue.input as Record<string, unknown> | undefined)?.[String(path[path.length - 1])];
        if (value === undefined) return [{ path, message: t("plan:error.required") }];
        return [
          {
            path,
            message: t("plan:error.invalidValue", {
              value: show(value),
              options: discriminator.options.map(show).join(", "),
            }),
          },
        ];
      }
      const branch = matchingBranch(issue);
      if (branch) return branch.flatMap((inner) => flatten(inner, path, t));
      const expected = issue.errors
        .map((b) => (b[0]?.code === "invalid_type" ? b[0].expected : ""))
        .filter(Boolean);
      return [
        {
          path,
          message: t("plan:error.invalidType", {
            expected: expected.map((e) => typeName(t, e)).join(t("plan:type.or")),
            received: typeName(t, typeOfInput(issue.input)),
          }),
        },
      ];
    }
    case "custom": {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const key = typeof params.key === "string" ? params.key : "plan:error.invalid";
      return [{ path, message: t(key, params) }];
    }
    default:
      return [{ path, message: t("plan:error.invalid") }];
  }
}

/** Localized issues, in file order when positions are known, without repeats. */
export function localizeIssues(issues: readonly Issue[], t: Translate, locate?: Locate): PlanIssue[] {
  const seen = new Set<string>();
  const out: PlanIssue[] = [];
  for (const raw of issues.flatMap((i) => flatten(i, [], t))) {
    const path = formatPathForMessage(raw.path);
    const id = `${path}\u0000${raw.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const pos = locate?.(raw.path);
    out.push({ path, message: raw.message, line: pos?.line, column: pos?.column });
  }
  // Stable: issues without a position keep their order after the located ones.
  return out
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map((e) => e.issue);
}

/** "obligations[2].due.day (dòng 34): Phải ≤ 31" — one line per issue, for the CLI and logs. */
export function formatIssue(issue: PlanIssue, t: Translate): string {
  const where = issue.path === "" ? t("plan:error.wholeFile") : issue.path;
  const line =
    issue.line === undefined ? "" : ` ${t("plan:error.atLine", { line: issue.line, column: issue.column })}`;
  return `${where}${line}: ${issue.message}`;
}
