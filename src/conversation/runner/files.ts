/** Evidence in answers: finding the stored files a set of answers holds (for submission_files). */
import type { Answers, FileAnswer } from "../types";

export function isFileAnswer(v: unknown): v is FileAnswer {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const f = v as Record<string, unknown>;
  return typeof f.fileId === "string" && typeof f.sha256 === "string" && typeof f.name === "string";
}

/** Every file answer with its path: "evidence_file", "issues[0].evidence". */
export function filesInAnswers(
  answers: Answers | Readonly<Record<string, unknown>>,
): { fileId: string; path: string }[] {
  const out: { fileId: string; path: string }[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (isFileAnswer(value)) out.push({ fileId: value.fileId, path: id });
    else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        if (typeof item !== "object" || item === null) return;
        for (const [sub, v] of Object.entries(item as Record<string, unknown>)) {
          if (isFileAnswer(v)) out.push({ fileId: v.fileId, path: `${id}[${i}].${sub}` });
        }
      });
    }
  }
  return out;
}
