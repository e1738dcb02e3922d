/** Small text helpers shared by the parsers and the prompts. */
import type { LocalizedText } from "../domain/plan";
import type { Lang } from "../i18n/index";

/**
 * Case- and accent-insensitive form for matching what people type on phones, where diacritics are
 * often left out ("hom nay", "khong") or typed with a different Unicode composition.
 */
export function fold(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A plan text in the reader's language (Vietnamese when no translation exists). */
export function localized(text: LocalizedText, lang: Lang): string {
  return lang === "en" && text.en ? text.en : text.vi;
}

/** Shortens to at most `max` characters (by code point), ending with "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Strips zero-width and control characters that phone keyboards and copy-paste leave behind. */
export function cleanInput(input: string): string {
  return input
    .normalize("NFC")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .trim();
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
