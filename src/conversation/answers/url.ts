/**
 * Links (evidence: the article on the school website, the Fanpage post). Only http and https with
 * a real host are accepted. Decision: when the scheme is missing but the text is clearly a web
 * address ("www.thcs-abc.edu.vn/…", "thcs-abc.edu.vn/tin-tuc/…") we add "https://" — nearly every
 * school site and Facebook serve https, people copy links without the scheme from the address bar
 * on phones, and the review shows the completed link before anything is sent.
 */
import { fail, ok, type ParseResult, quoted } from "./result";

export const URL_MAX_CHARS = 2000;
const BARE_HOST = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i;

export function parseUrl(raw: string): ParseResult<string> {
  let text = raw.trim().replace(/^[<"'“]+|[>"'”]+$/g, "");
  const input = quoted(raw);
  if (text.length === 0 || text.length > URL_MAX_CHARS || /\s/.test(text)) {
    return fail("form:invalid.url", { input });
  }
  if (!/^https?:\/\//i.test(text)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
    if (BARE_HOST.test(text)) text = `https://${text}`;
    else if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
      return fail("form:invalid.url_scheme", { input, scheme });
    } else return fail("form:invalid.url", { input });
  }
  if (!URL.canParse(text)) return fail("form:invalid.url", { input });
  const host = new URL(text).hostname;
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!ipv4 && !/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(host) && !/^xn--/.test(host)) {
    return fail("form:invalid.url", { input });
  }
  return ok(text);
}
