/**
 * Who is this page: the signed session cookie, checked against its server-side row. An anonymous
 * chat gets a random chat id; when the identity module links that chat to a person, the session is
 * rotated (new id, same chat) so a cookie planted before linking cannot ride on the person's rights.
 */
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { WebChatContext } from "./context";
import {
  newSessionId,
  SESSION_COOKIE,
  SESSION_TTL_DAYS,
  sessionExpiry,
  signSessionToken,
  verifySessionToken,
} from "./session";

export interface ActiveSession {
  readonly sessionId: string;
  readonly chatId: string;
  readonly linked: boolean;
}

export type WebEnv = { Variables: { session: ActiveSession } };

const COOKIE_PATH = "/chat";
/** A session with less than this left is renewed when the page is opened. */
const RENEW_BELOW_MS = (SESSION_TTL_DAYS / 2) * 86_400_000;

async function issue(
  ctx: WebChatContext,
  c: Context,
  chatId: string,
  linked: boolean,
): Promise<ActiveSession> {
  const now = ctx.now();
  const session = { id: newSessionId(), chatId, linked, createdAt: now, expiresAt: sessionExpiry(now) };
  await ctx.store.createSession(session);
  setCookie(
    c,
    SESSION_COOKIE,
    signSessionToken(ctx.secret, { sessionId: session.id, expiresAt: session.expiresAt }),
    {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: "Lax",
      secure: ctx.secureCookies,
      expires: session.expiresAt,
    },
  );
  return { sessionId: session.id, chatId, linked };
}

async function rotate(ctx: WebChatContext, c: Context, old: ActiveSession, linked: boolean) {
  await ctx.store.revokeSession(old.sessionId, ctx.now());
  return issue(ctx, c, old.chatId, linked);
}

/** The page's session, or undefined when the cookie is missing, forged, expired or revoked. */
export async function currentSession(
  ctx: WebChatContext,
  c: Context,
  options: { renew: boolean } = { renew: false },
): Promise<ActiveSession | undefined> {
  const raw = getCookie(c, SESSION_COOKIE);
  if (raw === undefined) return undefined;
  const now = ctx.now();
  const token = verifySessionToken(ctx.secret, raw, now);
  if (!token) return undefined;
  const row = await ctx.store.findSession(token.sessionId);
  if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= now.getTime()) return undefined;
  const active: ActiveSession = { sessionId: row.id, chatId: row.chatId, linked: row.linked };
  const linked = await ctx.isLinked(row.chatId);
  if (linked && !row.linked) return rotate(ctx, c, active, true);
  if (options.renew && row.expiresAt.getTime() - now.getTime() < RENEW_BELOW_MS) {
    return rotate(ctx, c, active, linked);
  }
  return { ...active, linked };
}

/** For the page itself: the current session, or a new anonymous chat. */
export async function sessionOrNew(ctx: WebChatContext, c: Context): Promise<ActiveSession> {
  return (await currentSession(ctx, c, { renew: true })) ?? issue(ctx, c, randomUUID(), false);
}

/** For every other route: 401 without a valid session. */
export function requireSession(ctx: WebChatContext): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const session = await currentSession(ctx, c);
    if (!session) return c.json({ error: "session" }, 401);
    c.set("session", session);
    await next();
    return undefined;
  };
}

/**
 * CSRF: state-changing requests must come from our own page. Browsers send Sec-Fetch-Site; older
 * ones send Origin, which must be ours (PUBLIC_URL, or the Host this request came to).
 */
export function requireSameOrigin(ctx: WebChatContext): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !isSameOrigin(ctx, c)) {
      return c.json({ error: "origin" }, 403);
    }
    await next();
    return undefined;
  };
}

function isSameOrigin(ctx: WebChatContext, c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const origin = c.req.header("origin");
  if (origin === undefined || origin === "null") return false;
  if (origin === ctx.publicOrigin) return true;
  try {
    return new URL(origin).host === c.req.header("host");
  } catch {
    return false;
  }
}

export async function endSession(ctx: WebChatContext, c: Context, session: ActiveSession): Promise<void> {
  await ctx.store.revokeSession(session.sessionId, ctx.now());
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: ctx.secureCookies });
}
