/** E-mail addresses: one "@", a dotted domain with a letter TLD, no spaces; the domain lower-cased. */
import { fail, ok, type ParseResult, quoted } from "./result";

export const EMAIL_MAX_CHARS = 254;
const SHAPE = /^([^\s@"<>(),;:]+)@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})$/i;

export function parseEmail(raw: string): ParseResult<string> {
  const text = raw.trim().replace(/^mailto:/i, "");
  const m = SHAPE.exec(text);
  if (!m || text.length > EMAIL_MAX_CHARS || /\.\./.test(text)) {
    return fail("form:invalid.email", { input: quoted(raw) });
  }
  return ok(`${m[1]}@${(m[2] as string).toLowerCase()}`);
}
