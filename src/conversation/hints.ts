/** The line under each question that says what kind of answer is expected, and how to give it. */

import type { TextPart } from "../channels/types";
import type { Question } from "../domain/plan";
import { formatDateVi } from "../domain/time";
import type { Lang } from "../i18n/index";
import { FILE_DEFAULT_MAX_SIZE_MB } from "./answers/file";
import { formatNumber } from "./answers/format-number";
import { textLimit } from "./answers/text";
import { localized } from "./text";

function boundParams(q: Question, lang: Lang, integer: boolean): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (q.min !== undefined) p.min = formatNumber(q.min, lang);
  if (q.max !== undefined) p.max = formatNumber(q.max, lang);
  if (q.min !== undefined && q.max !== undefined) p.context = "range";
  else if (q.min !== undefined) p.context = "min";
  else if (q.max !== undefined) p.context = "max";
  let example = integer ? 5 : 2.5;
  if (q.min !== undefined && example < q.min) example = q.min;
  if (q.max !== undefined && example > q.max) example = q.max;
  p.example = formatNumber(example, lang);
  return p;
}

/** "1. Website\n2. Fanpage" — for channels without buttons, or too many options for buttons. */
export function numberedList(labels: readonly string[]): TextPart {
  return { text: labels.map((l, i) => `${i + 1}. ${l}`).join("\n") };
}

export function optionLabels(q: Question, lang: Lang): string[] {
  return (q.options ?? []).map((o) => localized(o.label, lang));
}

/**
 * `numbered`: the options are listed in the text (no option buttons). `today` feeds the example
 * date, so the hint shows a date the principal recognises.
 */
export function typeHint(q: Question, lang: Lang, numbered: boolean, today: string): TextPart[] {
  switch (q.type) {
    case "text":
    case "long_text":
      return [
        {
          key: q.type === "text" ? "form:hint.text" : "form:hint.long_text",
          params: { max: formatNumber(textLimit({ max: q.max, long: q.type === "long_text" }), lang) },
        },
      ];
    case "integer":
      return [{ key: "form:hint.integer", params: boundParams(q, lang, true) }];
    case "decimal":
      return [{ key: "form:hint.decimal", params: boundParams(q, lang, false) }];
    case "choice":
      return numbered
        ? [numberedList(optionLabels(q, lang)), { key: "form:hint.choice_number" }]
        : [{ key: "form:hint.choice_buttons" }];
    case "multi_choice":
      return numbered
        ? [numberedList(optionLabels(q, lang)), { key: "form:hint.multi_number" }]
        : [{ key: "form:hint.multi_buttons" }];
    case "yes_no":
      return numbered ? [{ key: "form:hint.yes_no" }] : [];
    case "date":
      return [{ key: "form:hint.date", params: { example: formatDateVi(today) } }];
    case "url":
      return [{ key: "form:hint.url" }];
    case "phone":
      return [{ key: "form:hint.phone" }];
    case "email":
      return [{ key: "form:hint.email" }];
    case "file": {
      const max = formatNumber(q.max_size_mb ?? FILE_DEFAULT_MAX_SIZE_MB, lang);
      const accepted = (q.accept ?? []).join(", ");
      return [{ key: "form:hint.file", params: accepted ? { max, accepted, context: "accept" } : { max } }];
    }
    case "group":
      return [];
  }
}
