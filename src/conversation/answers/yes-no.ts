/**
 * Yes/no in the words people actually type: "có", "co", "không", "khong", "ko", "k", "yes", "no",
 * and "1"/"2" for the numbered list shown on channels without buttons (1 = Có, 2 = Không).
 */
import { fold } from "../text";
import { fail, ok, type ParseResult, quoted } from "./result";

const YES = new Set(["co", "c", "yes", "y", "ok", "dung", "vang", "da", "da co", "co a", "1", "true"]);
const NO = new Set(["khong", "ko", "k", "kg", "hong", "no", "n", "sai", "chua", "khong co", "2", "false"]);

export const YES_PAYLOAD = "y:1";
export const NO_PAYLOAD = "y:0";

export function parseYesNo(raw: string): ParseResult<boolean> {
  const word = fold(raw).replace(/[.!]+$/, "");
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail("form:invalid.yes_no", { input: quoted(raw) });
}

export function yesNoFromPayload(payload: string): boolean | null {
  if (payload === YES_PAYLOAD) return true;
  if (payload === NO_PAYLOAD) return false;
  return null;
}
