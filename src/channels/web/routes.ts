/**
 * The /chat routes. Every route but the page and its two static files needs a valid session; a
 * chat only ever reads its own history and files (lookups are by chat id from the session).
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { endSession, requireSameOrigin, requireSession, sessionOrNew, type WebEnv } from "./auth";
import type { WebChatContext } from "./context";
import { handleFile, handleUpload, tooLarge } from "./files";
import { handleEvents, handleHistory } from "./history";
import { handleSend } from "./inbound";
import { PAGE_CSP, pickLang, renderPage, STATIC_ASSETS } from "./page";

/** Multipart framing and the id/caption fields on top of the file itself. */
const UPLOAD_OVERHEAD_BYTES = 64 * 1024;
const SEND_BODY_MAX_BYTES = 32 * 1024;

export function createChatRoutes(ctx: WebChatContext): Hono<WebEnv> {
  const chat = new Hono<WebEnv>();

  chat.use("*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    c.header("x-frame-options", "DENY");
  });

  chat.get("/static/:name", (c) => {
    const found = STATIC_ASSETS[c.req.param("name")];
    if (!found) return c.notFound();
    c.header("content-type", found.contentType);
    // Versioned by content hash in the page's links, so a day of caching never serves a stale script.
    c.header("cache-control", c.req.query("v") === found.version ? "public, max-age=86400" : "no-cache");
    return c.body(found.body);
  });

  // The page: with ?code=… the script sends the code as a "start" event by POST, never on GET,
  // because messengers open links in a preview fetcher that would otherwise spend the code.
  chat.get("/", async (c) => {
    const session = await sessionOrNew(ctx, c);
    const lang = pickLang(c.req.query("lang"), ctx.defaultLang);
    c.header("content-security-policy", PAGE_CSP);
    c.header("cache-control", "no-store");
    return c.html(renderPage({ lang, linked: session.linked, maxUploadBytes: ctx.maxUploadBytes }));
  });

  chat.use("*", requireSameOrigin(ctx));
  chat.use("*", requireSession(ctx));
  chat.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
  });

  chat.get("/history", (c) => handleHistory(ctx, c));
  chat.get("/events", (c) => handleEvents(ctx, c));
  chat.post(
    "/send",
    bodyLimit({ maxSize: SEND_BODY_MAX_BYTES, onError: (c) => c.json({ error: "invalid" }, 413) }),
    (c) => handleSend(ctx, c),
  );
  chat.post(
    "/upload",
    bodyLimit({
      maxSize: ctx.maxUploadBytes + UPLOAD_OVERHEAD_BYTES,
      onError: (c) => tooLarge(c, ctx.maxUploadBytes),
    }),
    (c) => handleUpload(ctx, c),
  );
  chat.get("/files/:id", (c) => handleFile(ctx, c));
  chat.post("/logout", async (c) => {
    await endSession(ctx, c, c.get("session"));
    return c.json({ ok: true });
  });
  return chat;
}
