/**
 * The personal account's session (cookies, imei, user agent) on disk. Whoever reads it can use
 * the account, so it is written owner-only (0600) in an owner-only folder, atomically (temporary
 * file, then rename) so a crash never leaves half a session.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { PersonalCredentials } from "./session";

export async function readCredentials(file: string): Promise<PersonalCredentials | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<PersonalCredentials>;
  if (
    typeof parsed.imei !== "string" ||
    typeof parsed.userAgent !== "string" ||
    parsed.cookie === undefined
  ) {
    return undefined;
  }
  return { cookie: parsed.cookie, imei: parsed.imei, userAgent: parsed.userAgent };
}

export async function writeCredentials(file: string, credentials: PersonalCredentials): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(credentials), { mode: 0o600 });
  await fs.chmod(tmp, 0o600); // the umask may have narrowed it further, never widened: make it exact
  await fs.rename(tmp, file);
}

/** Saves a QR code image next to the credentials, owner-only as well (it logs in the account). */
export async function writeQrPng(file: string, pngBase64: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, Buffer.from(pngBase64, "base64"), { mode: 0o600 });
  await fs.chmod(file, 0o600);
}
