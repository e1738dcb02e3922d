/**
 * Evidence files and photos. The runner stores the bytes (and computes SHA-256) before the engine
 * sees the file; here only the description is checked against the plan: accepted types (`accept`:
 * extensions like "pdf", "jpg", or a MIME family like "image/*") and `max_size_mb`.
 */
import type { Lang } from "../../i18n/index";
import type { FileAnswer } from "../types";
import { formatNumber } from "./format-number";
import { fail, ok, type ParseResult } from "./result";

/** Telegram's hosted Bot API cannot download more than 20 MB; a sensible default everywhere. */
export const FILE_DEFAULT_MAX_SIZE_MB = 20;
const BYTES_PER_MB = 1024 * 1024;

/** Photos arrive without a name on Telegram and Zalo: their MIME type tells the extension. */
const EXTENSIONS_BY_MIME: Readonly<Record<string, readonly string[]>> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/heic": ["heic"],
  "application/pdf": ["pdf"],
  "application/msword": ["doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "video/mp4": ["mp4"],
};
/** The same file type under two spellings. */
const SYNONYMS: Readonly<Record<string, string>> = { jpeg: "jpg", tif: "tiff", htm: "html" };

function canonical(ext: string): string {
  const e = ext.toLowerCase().replace(/^\./, "");
  return SYNONYMS[e] ?? e;
}

function extensionsOf(file: FileAnswer): string[] {
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1];
  const fromMime = EXTENSIONS_BY_MIME[file.mimeType.toLowerCase()] ?? [];
  return [...(fromName ? [fromName] : []), ...fromMime].map(canonical);
}

function accepted(file: FileAnswer, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const exts = extensionsOf(file);
  const mime = file.mimeType.toLowerCase();
  return accept.some((entry) => {
    const a = entry.toLowerCase();
    if (a.endsWith("/*")) return mime.startsWith(a.slice(0, -1));
    if (a.includes("/")) return mime === a;
    return exts.includes(canonical(a));
  });
}

interface FileRules {
  readonly accept?: readonly string[] | undefined;
  readonly max_size_mb?: number | undefined;
}

export function acceptedList(rules: FileRules): string {
  return (rules.accept ?? []).join(", ");
}

export function isFileAnswer(value: unknown): value is FileAnswer {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.fileId === "string" &&
    v.fileId.length > 0 &&
    typeof v.name === "string" &&
    typeof v.mimeType === "string" &&
    typeof v.sizeBytes === "number" &&
    Number.isSafeInteger(v.sizeBytes) &&
    v.sizeBytes >= 0 &&
    typeof v.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(v.sha256)
  );
}

export function checkFile(file: FileAnswer, rules: FileRules, lang: Lang): ParseResult<FileAnswer> {
  if (!isFileAnswer(file)) return fail("form:invalid.file_unreadable");
  const name = file.name || file.mimeType;
  if (!accepted(file, rules.accept ?? [])) {
    return fail("form:invalid.file_type", { name, accepted: acceptedList(rules) });
  }
  const maxMb = rules.max_size_mb ?? FILE_DEFAULT_MAX_SIZE_MB;
  if (file.sizeBytes > maxMb * BYTES_PER_MB) {
    return fail("form:invalid.file_size", {
      name,
      size: formatNumber(Math.round((file.sizeBytes / BYTES_PER_MB) * 10) / 10, lang),
      max: formatNumber(maxMb, lang),
    });
  }
  // Keep exactly the described fields: the runner may pass a richer object.
  return ok({
    fileId: file.fileId,
    name: file.name,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
  });
}
