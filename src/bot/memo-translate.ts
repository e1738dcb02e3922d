/**
 * i18next's `t` costs tens of microseconds a call, and a /trangthai reply makes dozens of calls
 * whose results repeat all day (state words, period labels, headings of the same units). This
 * keeps results per key and params; a translation depends on nothing else for a fixed language.
 * Only params of plain strings, numbers and booleans are remembered; anything else goes through.
 */
import type { Translate } from "../i18n/index";

/** Distinct (key, params) results kept; cleared when full (a day's worth for a large Sở). */
export const TRANSLATIONS_KEPT = 20_000;

export function memoizeTranslate(t: Translate, kept = TRANSLATIONS_KEPT): Translate {
  const memo = new Map<string, string>();
  return (key, params) => {
    let id = key;
    if (params) {
      for (const [name, value] of Object.entries(params)) {
        const type = typeof value;
        if (type !== "string" && type !== "number" && type !== "boolean") return t(key, params);
        const text = String(value);
        // The separators must not occur in a value, or two param sets could share an id.
        if (text.includes("\u0001") || text.includes("\u0002")) return t(key, params);
        id += `\u0001${name}\u0002${type[0]}${text}`;
      }
    }
    let text = memo.get(id);
    if (text === undefined) {
      text = t(key, params);
      if (memo.size >= kept) memo.clear();
      memo.set(id, text);
    }
    return text;
  };
}
