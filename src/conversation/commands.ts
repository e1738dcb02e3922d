/**
 * Commands work anywhere in a form, typed with a slash (/quaylai, /boqua, /huy, /tieptuc — also
 * the English /back, /skip, /cancel, /resume) or, as a whole message, in plain words ("quay lại",
 * "bỏ qua"), accents optional. Words that could be a genuine answer are commands only where they
 * cannot be one: "gửi", "sửa 3", "xóa 3" in the review; "không có phát sinh" on the first question.
 */
import { fold } from "./text";
import type { Command, CommandName } from "./types";

/** Button payloads. Short: Telegram allows 64 bytes of callback data. */
export const PAYLOAD = {
  back: "c:back",
  skip: "c:skip",
  cancel: "c:cancel",
  resume: "c:resume",
  submit: "c:submit",
  nil: "c:nil",
  unnil: "c:unnil",
  keepCurrent: "k:cur",
  keepPrevious: "k:prev",
  multiDone: "m!",
} as const;

const SLASH: Readonly<Record<string, CommandName>> = {
  quaylai: "back",
  back: "back",
  boqua: "skip",
  skip: "skip",
  huy: "cancel",
  cancel: "cancel",
  tieptuc: "resume",
  resume: "resume",
  start: "start",
  gui: "submit",
  send: "submit",
  khongphatsinh: "nil",
  nil: "nil",
};

const WORDS: Readonly<Record<string, CommandName>> = {
  "quay lai": "back",
  "bo qua": "skip",
  huy: "cancel",
  "huy bo": "cancel",
  "tam dung": "cancel",
  "tiep tuc": "resume",
};

const REVIEW_WORDS: Readonly<Record<string, CommandName>> = {
  gui: "submit",
  "gui bao cao": "submit",
  nop: "submit",
  "nop bao cao": "submit",
  send: "submit",
  submit: "submit",
};

const NIL_WORDS = new Set(["khong co phat sinh", "khong phat sinh", "nothing to report", "nil"]);

export const KEEP_WORDS = new Set(["giu", "giu nguyen", "giu nhu cu", "giu nhu ky truoc", "keep"]);

export function commandFromPayload(payload: string): Command | null {
  const entry = Object.entries(PAYLOAD).find(([, p]) => p === payload && p.startsWith("c:"));
  if (entry) return { name: entry[0] as CommandName };
  const numbered = /^([ed]):(\d{1,4})$/.exec(payload);
  if (numbered) return { name: numbered[1] === "e" ? "edit" : "delete", n: Number(numbered[2]) };
  if (payload.startsWith("a:") && payload.length > 2) return { name: "add", group: payload.slice(2) };
  return null;
}

interface Where {
  readonly reviewing: boolean;
  /** The first question is being asked and the nil report is offered there. */
  readonly atFirst: boolean;
}

export function commandFromText(text: string, where: Where): Command | null {
  const folded = fold(text);
  const slash = /^\/([a-z]+)(?:@\w+)?(?:\s+(?:cau\s+)?(\d{1,4}))?$/.exec(folded);
  if (slash) {
    const [, word = "", n] = slash;
    if (n !== undefined && (word === "sua" || word === "edit")) return { name: "edit", n: Number(n) };
    if (n !== undefined && (word === "xoa" || word === "delete")) return { name: "delete", n: Number(n) };
    const name = SLASH[word];
    return name && n === undefined ? { name } : null;
  }
  const word = folded.replace(/[.!]+$/, "");
  const plain = WORDS[word];
  if (plain) return { name: plain };
  if (where.reviewing) {
    const review = REVIEW_WORDS[word];
    if (review) return { name: review };
    const numbered = /^(sua|edit|xoa|delete)\s+(?:cau\s+|so\s+)?(\d{1,4})$/.exec(word);
    if (numbered) {
      const edit = numbered[1] === "sua" || numbered[1] === "edit";
      return { name: edit ? "edit" : "delete", n: Number(numbered[2]) };
    }
  }
  if (where.atFirst && NIL_WORDS.has(word)) return { name: "nil" };
  return null;
}
