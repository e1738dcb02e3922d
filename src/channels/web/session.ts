/**
 * The web chat's session cookie: "v1.<session id>.<expiry seconds>.<HMAC-SHA256>", HttpOnly,
 * SameSite=Lax, Secure on https. The signature stops forgery; the server-side row (web_sessions)
 * makes logout and rotation final even for a copied cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SESSION_COOKIE = "baocao_chat";
export const SESSION_TTL_DAYS = 30;
const DAY_MS = 86_400_000;
const SECRET_FILE = "session-secret";
const MIN_SECRET_CHARS = 32;

export interface SessionToken {
  readonly sessionId: string;
  readonly expiresAt: Date;
}

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export const newSessionId = (): string => randomBytes(24).toString("base64url");

export const sessionExpiry = (now: Date): Date => new Date(now.getTime() + SESSION_TTL_DAYS * DAY_MS);

export function signSessionToken(secret: string, token: SessionToken): string {
  const payload = `v1.${token.sessionId}.${Math.floor(token.expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** The token's content when its signature is right and it has not expired; undefined otherwise. */
export function verifySessionToken(secret: string, value: string, now: Date): SessionToken | undefined {
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return undefined;
  const [, sessionId = "", expiry = "", given = ""] = parts;
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(sessionId) || !/^\d{1,12}$/.test(expiry)) return undefined;
  const expected = Buffer.from(signature(secret, `v1.${sessionId}.${expiry}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return undefined;
  return { sessionId, expiresAt };
}

/**
 * SESSION_SECRET when configured; otherwise a random secret created once in DATA_DIR (mode 0600)
 * so that sessions survive restarts without any setup.
 */
export function loadOrCreateSessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= MIN_SECRET_CHARS) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return secret;
}
