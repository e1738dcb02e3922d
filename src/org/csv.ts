/**
 * CSV as Vietnamese offices produce it: Excel's "CSV UTF-8" (with a BOM), LibreOffice (without),
 * comma- or semicolon-separated (Excel uses ";" where the decimal separator is ","), quoted fields
 * with doubled quotes and line breaks inside, CRLF or LF. Hand-written: the format is small.
 */

const BOM = "\uFEFF";
const DELIMITERS = [",", ";", "\t"] as const;
/** Lines looked at to guess the delimiter: enough to skip a title line above the header. */
const DELIMITER_SAMPLE_LINES = 10;

/** UTF-8 (BOM or not) or UTF-16 with a BOM; anything else (e.g. Windows-1258) is refused. */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false } {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return { ok: true, text: new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2)) };
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return { ok: true, text: new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2)) };
    }
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text: text.startsWith(BOM) ? text.slice(1) : text };
  } catch {
    return { ok: false };
  }
}

/** The delimiter that occurs most often outside quotes in the first lines. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < DELIMITER_SAMPLE_LINES; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") lines++;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Records of fields; the record number (from 1) is the index + 1. */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a BOM and CRLF line ends, so that Excel opens Vietnamese text correctly. */
export function toCsv(rows: readonly (readonly string[])[], delimiter = ","): string {
  return `${BOM}${rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}
