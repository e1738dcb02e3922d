/**
 * Fills in a plan's form the way a person would, from what the bot shows: it finds the question
 * by its label in the last message and gives a valid answer for its type (the first option, a
 * count, "hôm nay", "không" for yes/no so that optional branches stay short), skips optional
 * files, and taps "Gửi" at the review. Channel-agnostic: the tests feed it texts and buttons.
 */
import type { Form, Question } from "../../src/domain/plan";

export type Move =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "tap"; readonly payload: string }
  | { readonly kind: "file" }
  | { readonly kind: "done" };

function allQuestions(form: Form): Question[] {
  return form.questions.flatMap((q) => (q.type === "group" ? [q, ...(q.questions ?? [])] : [q]));
}

function answerOf(q: Question): string {
  switch (q.type) {
    case "integer":
      return String(Math.max(q.min ?? 0, Math.min(3, q.max ?? 3)));
    case "decimal":
      return "1,5";
    case "yes_no":
      return "không";
    case "date":
      return "hôm nay";
    case "url":
      return "https://truong.edu.vn/tin-tuc/bai-1";
    case "phone":
      return "0912 345 678";
    case "email":
      return "vanphong@truong.edu.vn";
    case "choice":
    case "multi_choice":
      return "1";
    case "long_text":
      return "Đơn vị thực hiện đầy đủ theo kế hoạch.";
    default:
      return "Nguyễn Văn An";
  }
}

export function nextMove(form: Form, text: string, payloads: readonly string[], filesIn: boolean): Move {
  if (text.includes("Số tham chiếu")) return { kind: "done" };
  if (payloads.includes("c:submit")) return { kind: "tap", payload: "c:submit" };
  if (/có muốn thêm mục khác|có mục nào cần khai báo/.test(text)) return { kind: "text", text: "không" };
  const asked = allQuestions(form)
    .filter((q) => q.type !== "group" && text.includes(q.label.vi))
    .sort((a, b) => b.label.vi.length - a.label.vi.length)[0];
  if (!asked) throw new Error(`no question recognised in: ${text.slice(0, 300)}`);
  if (asked.type === "file") {
    if (filesIn && asked.accept?.includes("pdf") !== false) return { kind: "file" };
    return { kind: "text", text: "/boqua" };
  }
  return { kind: "text", text: answerOf(asked) };
}

export interface MainReport {
  readonly preset: string;
  readonly obligation: string;
  /** Who sends it: a person of a unit that owes it. */
  readonly person: string;
  readonly unitName: string;
}

/** The main (monthly) report of each seed preset, and who in the test organisation owes it. */
export const MAIN_REPORTS: readonly MainReport[] = [
  { preset: "modern", obligation: "DL_MONTHLY", person: "p-lan", unitName: "Trường THCS Nguyễn Du" },
  {
    preset: "hanoi-2017",
    obligation: "DL_MONTHLY",
    person: "p-hung",
    unitName: "Phòng GD&ĐT huyện Kim Thành",
  },
  {
    preset: "kimthanh-2024",
    obligation: "DL_SCHOOL_MONTHLY",
    person: "p-lan",
    unitName: "Trường THCS Nguyễn Du",
  },
  {
    preset: "badinh-2024",
    obligation: "DL_DISTRICT_MONTHLY",
    person: "p-hung",
    unitName: "Phòng GD&ĐT huyện Kim Thành",
  },
  { preset: "haiphong-2021", obligation: "OFFICE_MONTHLY", person: "p-chanh", unitName: "Văn phòng Sở" },
  {
    preset: "hoabinh-2025",
    obligation: "MONTHLY_REPORT",
    person: "p-hung",
    unitName: "Phòng GD&ĐT huyện Kim Thành",
  },
];
