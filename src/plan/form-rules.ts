/**
 * Rules across the questions of one form. Question ids are unique in the whole form, groups
 * included, because answers are stored by id; `when` may only look back (at questions already
 * answered, in this list or in an enclosing one), otherwise the bot could not decide whether to ask.
 */

import { ruleIssue } from "./fields";
import { duplicates, list, type Rec, rec, str } from "./read";
import type { AddIssue } from "./rules";

type Path = readonly PropertyKey[];

interface Seen {
  readonly type: string | undefined;
  readonly options: readonly string[];
}

function collectIds(
  questions: readonly unknown[],
  path: Path,
  out: { id: string | undefined; path: Path }[],
) {
  questions.forEach((q, i) => {
    const r = rec(q);
    out.push({ id: str(r?.id), path: [...path, i, "id"] });
    if (r?.type === "group") collectIds(list(r.questions), [...path, i, "questions"], out);
  });
}

function optionValues(q: Rec): string[] {
  return list(q.options).flatMap((o) => {
    const v = str(rec(o)?.value);
    return v === undefined ? [] : [v];
  });
}

function checkWhen(
  q: Rec,
  path: Path,
  visible: ReadonlyMap<string, Seen>,
  allIds: ReadonlySet<string>,
  add: AddIssue,
) {
  const when = rec(q.when);
  const target = str(when?.question);
  if (!when || target === undefined) return;
  const seen = visible.get(target);
  if (!seen) {
    const key = allIds.has(target) ? "plan:error.whenNotEarlier" : "plan:error.whenUnknown";
    add(ruleIssue(key, [...path, "when", "question"], { question: target }));
    return;
  }
  list(when.equals).forEach((v, i) => {
    const at = [...path, "when", "equals", i];
    if (seen.type === "yes_no" && typeof v !== "boolean") {
      add(ruleIssue("plan:error.whenBoolean", at, { question: target, value: String(v) }));
    } else if (
      (seen.type === "choice" || seen.type === "multi_choice") &&
      !seen.options.includes(String(v))
    ) {
      add(
        ruleIssue("plan:error.whenOption", at, {
          question: target,
          value: String(v),
          options: seen.options.join(", "),
        }),
      );
    }
  });
}

function checkQuestion(q: Rec, path: Path, add: AddIssue): void {
  const type = str(q.type);
  const isChoice = type === "choice" || type === "multi_choice";
  const options = list(q.options);
  if (isChoice && options.length === 0)
    add(ruleIssue("plan:error.optionsRequired", [...path, "options"], { type }));
  if (type !== undefined && !isChoice && q.options !== undefined) {
    add(ruleIssue("plan:error.optionsOnlyForChoice", [...path, "options"], { type }));
  }
  for (const [i, first] of duplicates(options.map((o) => str(rec(o)?.value)))) {
    add(ruleIssue("plan:error.duplicateOption", [...path, "options", i, "value"], { first }));
  }
  if (type === "group" && list(q.questions).length === 0)
    add(ruleIssue("plan:error.groupNeedsQuestions", [...path, "questions"]));
  if (type !== undefined && type !== "group" && q.questions !== undefined) {
    add(ruleIssue("plan:error.questionsOnlyForGroup", [...path, "questions"], { type }));
  }
  for (const field of ["accept", "max_size_mb"] as const) {
    if (type !== undefined && type !== "file" && q[field] !== undefined) {
      add(ruleIssue("plan:error.fileOnly", [...path, field], { field, type }));
    }
  }
  if (typeof q.min === "number" && typeof q.max === "number" && q.min > q.max) {
    add(ruleIssue("plan:error.rangeOrder", [...path, "max"], { min: q.min, max: q.max }));
  }
}

function walk(
  questions: readonly unknown[],
  path: Path,
  inherited: ReadonlyMap<string, Seen>,
  allIds: ReadonlySet<string>,
  add: AddIssue,
) {
  const visible = new Map(inherited);
  questions.forEach((raw, i) => {
    const q = rec(raw);
    if (!q) return;
    const at = [...path, i];
    checkQuestion(q, at, add);
    checkWhen(q, at, visible, allIds, add);
    if (q.type === "group") walk(list(q.questions), [...at, "questions"], visible, allIds, add);
    const id = str(q.id);
    if (id !== undefined) visible.set(id, { type: str(q.type), options: optionValues(q) });
  });
}

/** All rules of one form; `path` leads to the form ("obligations", 2, "form"). */
export function checkFormRules(form: unknown, path: Path, add: AddIssue): void {
  const questions = list(rec(form)?.questions);
  const ids: { id: string | undefined; path: Path }[] = [];
  collectIds(questions, [...path, "questions"], ids);
  for (const [i, first] of duplicates(ids.map((e) => e.id))) {
    const dup = ids[i];
    const firstPath = ids[first]?.path ?? [];
    if (dup)
      add(
        ruleIssue("plan:error.duplicateQuestionId", dup.path, {
          id: dup.id,
          first: formatPathForMessage(firstPath),
        }),
      );
  }
  const allIds = new Set(ids.flatMap((e) => (e.id === undefined ? [] : [e.id])));
  walk(questions, [...path, "questions"], new Map(), allIds, add);
}

/** ["obligations", 2, "form"] → "obligations[2].form" (also used by issues.ts). */
export function formatPathForMessage(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`;
    return acc === "" ? String(part) : `${acc}.${String(part)}`;
  }, "");
}

/** Is there an unconditional, required file or URL question (evidence, "minh chứng") in the form? */
export function hasEvidenceQuestion(form: unknown): boolean {
  const visit = (questions: readonly unknown[]): boolean =>
    questions.some((raw) => {
      const q = rec(raw);
      if (!q || q.when !== undefined || q.required === false) return false;
      if (q.type === "file" || q.type === "url") return true;
      return q.type === "group" && visit(list(q.questions));
    });
  return visit(list(rec(form)?.questions));
}
