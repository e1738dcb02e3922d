/**
 * Reads YAML or JSON text into an unknown value, with syntax errors reported by line and column,
 * and a `locate` function that finds the line of any path, so that schema errors can point at the
 * line too. JSON is located through the YAML parser (JSON is YAML's flow style).
 */
import { LineCounter, parseDocument, type YAMLError } from "yaml";
import type { Translate } from "../i18n/index";
import type { Locate, PlanIssue } from "./issues";

export type DataFormat = "yaml" | "json";

export type ParsedText =
  | { readonly ok: true; readonly value: unknown; readonly locate: Locate }
  | { readonly ok: false; readonly errors: readonly PlanIssue[] };

/** The YAML errors people actually make, in their words; others show the parser's code. */
const YAML_ERROR_KEYS: Record<string, string> = {
  DUPLICATE_KEY: "plan:yaml.duplicateKey",
  BAD_INDENT: "plan:yaml.badIndent",
  TAB_AS_INDENT: "plan:yaml.tab",
  MISSING_CHAR: "plan:yaml.missingChar",
  BLOCK_AS_IMPLICIT_KEY: "plan:yaml.nestedInline",
  MULTILINE_IMPLICIT_KEY: "plan:yaml.multilineKey",
  UNEXPECTED_TOKEN: "plan:yaml.unexpected",
  MULTIPLE_DOCS: "plan:yaml.multipleDocs",
};

function yamlIssue(error: YAMLError, lines: LineCounter, t: Translate): PlanIssue {
  const pos = lines.linePos(error.pos[0]);
  const key = YAML_ERROR_KEYS[error.code];
  const detail = key
    ? t(key)
    : t("plan:yaml.other", { code: error.code, detail: error.message.split("\n")[0] });
  return {
    path: "",
    message: t("plan:yaml.syntax", { line: pos.line, column: pos.col, detail }),
    line: pos.line,
    column: pos.col,
  };
}

function locator(text: string): Locate {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return (path) => {
    // A missing field has no node: point at the nearest enclosing one.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function parseJson(text: string, t: Translate): ParsedText {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, locate: locator(text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = /position (\d+)/.exec(message)?.[1];
    const { line, column } = offset === undefined ? { line: 1, column: 1 } : positionOf(text, Number(offset));
    return {
      ok: false,
      errors: [{ path: "", message: t("plan:json.syntax", { line, column, detail: message }), line, column }],
    };
  }
}

function parseYaml(text: string, t: Translate): ParsedText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map((e) => yamlIssue(e, lines, t)) };
  return { ok: true, value: doc.toJS() as unknown, locate: locator(text) };
}

export function parseDataText(text: string, format: DataFormat, t: Translate): ParsedText {
  if (text.trim() === "") return { ok: false, errors: [{ path: "", message: t("plan:error.emptyFile") }] };
  return format === "json" ? parseJson(text, t) : parseYaml(text, t);
}

/** ".yaml"/".yml" → yaml, ".json" → json, anything else → undefined. */
export function formatOfPath(file: string): DataFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".json")) return "json";
  return undefined;
}
