/**
 * GET /chat: one server-rendered HTML page; strings come from locales/<lang>/webchat.json and are
 * embedded as JSON for the small script in static/app.js. No external fonts, scripts or CDNs: the
 * page works on a school's slow connection and under a strict Content-Security-Policy.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { isLang, type Lang, translator } from "../../i18n/index";
import { WEB_TYPED_TEXT_MAX_CHARS } from "./context";

const STATIC_DIR = new URL("./static/", import.meta.url);

export interface StaticAsset {
  readonly body: string;
  readonly contentType: string;
  readonly version: string;
}

function asset(name: string, contentType: string): StaticAsset {
  const body = fs.readFileSync(new URL(name, STATIC_DIR), "utf8");
  return { body, contentType, version: createHash("sha256").update(body).digest("hex").slice(0, 12) };
}

/** The only files served from static/, by fixed name (no path from the request reaches the disk). */
const JS = "text/javascript; charset=utf-8";
export const STATIC_ASSETS: Readonly<Record<string, StaticAsset>> = {
  "app.js": asset("app.js", JS),
  "bubbles.js": asset("bubbles.js", JS),
  "util.js": asset("util.js", JS),
  "app.css": asset("app.css", "text/css; charset=utf-8"),
};

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * ?lang= wins, else the product's language (BAOCAO_LANG). Not the browser's Accept-Language: the
 * bot speaks the product's language in every chat, and many Vietnamese phones run in English, so
 * following the browser gave an English page around a Vietnamese conversation.
 */
export function pickLang(query: string | undefined, fallback: Lang): Lang {
  return isLang(query) ? query : fallback;
}

/** Strings the script needs; placeholders stay as {{name}} for the script to fill. */
function pageStrings(lang: Lang): Record<string, string> {
  const t = translator(lang);
  return {
    typing: t("webchat:status.typing"),
    online: t("webchat:header.subtitle"),
    offline: t("webchat:status.offline"),
    uploading: t("webchat:status.uploading", { percent: "{{percent}}" }),
    tooLarge: t("webchat:error.tooLarge", { limit: "{{limit}}" }),
    uploadFailed: t("webchat:error.upload"),
    sendFailed: t("webchat:error.send"),
    sessionExpired: t("webchat:error.session"),
    emptyFile: t("webchat:error.emptyFile"),
    codeSent: t("webchat:bubble.codeSent"),
    download: t("webchat:bubble.download"),
    choices: t("webchat:bubble.choices"),
    retry: t("webchat:bubble.retry"),
    you: t("webchat:bubble.you"),
    bot: t("webchat:bubble.bot"),
  };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** JSON inside <script type="application/json">: "<" escaped so no text can close the tag. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");

const ACCEPT_FILES = [
  "image/*",
  "application/pdf",
  ".pdf",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".ppt",
  ".pptx",
  ".odt",
  ".ods",
].join(",");

export function renderPage(options: { lang: Lang; linked: boolean; maxUploadBytes: number }): string {
  const { lang, linked, maxUploadBytes } = options;
  const t = translator(lang);
  const h = (key: string) => escapeHtml(t(key));
  const config = { lang, linked, maxUploadBytes, strings: pageStrings(lang) };
  const css = STATIC_ASSETS["app.css"]?.version ?? "";
  const js = STATIC_ASSETS["app.js"]?.version ?? "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b5e8a">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${h("webchat:page.title")}</title>
<link rel="stylesheet" href="/chat/static/app.css?v=${css}">
<script type="application/json" id="webchat-config">${scriptJson(config)}</script>
<script type="module" src="/chat/static/app.js?v=${js}"></script>
</head>
<body>
<div class="app">
  <header class="bar">
    <div class="avatar" aria-hidden="true">B</div>
    <div class="who">
      <h1>${h("webchat:header.title")}</h1>
      <p id="status" class="status" aria-live="polite">${h("webchat:header.subtitle")}</p>
    </div>
    <button id="logout" type="button" class="ghost"${linked ? "" : " hidden"}>${h("webchat:header.logout")}</button>
  </header>
  <main id="log" class="log" role="log" aria-live="polite" aria-label="${h("webchat:page.logLabel")}">
    <p class="empty" id="empty">${h("webchat:page.empty")}</p>
  </main>
  <div id="typing" class="typing" hidden><span class="dots" aria-hidden="true"><i></i><i></i><i></i></span><span class="sr-only">${h("webchat:status.typing")}</span></div>
  <div id="notice" class="notice" role="alert" hidden></div>
  <form id="invite" class="invite"${linked ? " hidden" : ""}>
    <label for="invite-code">${h("webchat:invite.title")}</label>
    <p class="hint" id="invite-hint">${h("webchat:invite.hint")}</p>
    <div class="invite-row">
      <input id="invite-code" name="code" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="64" required aria-describedby="invite-hint" placeholder="${h("webchat:invite.placeholder")}">
      <button type="submit" class="primary">${h("webchat:invite.submit")}</button>
    </div>
  </form>
  <form id="composer" class="composer"${linked ? "" : " hidden"}>
    <input type="file" id="file" class="file-input" accept="${ACCEPT_FILES}">
    <label for="file" class="attach" title="${h("webchat:composer.attach")}">
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M16.5 6.5v10.1a4.5 4.5 0 0 1-9 0V5.8a3 3 0 0 1 6 0v9.9a1.5 1.5 0 0 1-3 0V6.5H9v9.2a3 3 0 0 0 6 0V5.8a4.5 4.5 0 0 0-9 0v10.8a6 6 0 0 0 12 0V6.5z"/></svg>
      <span class="sr-only">${h("webchat:composer.attach")}</span>
    </label>
    <label for="text" class="sr-only">${h("webchat:composer.label")}</label>
    <textarea id="text" name="text" rows="1" maxlength="${WEB_TYPED_TEXT_MAX_CHARS}" placeholder="${h("webchat:composer.placeholder")}" enterkeyhint="send"></textarea>
    <button type="submit" class="send" title="${h("webchat:composer.send")}">
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15 12 3.4 13.9z"/></svg>
      <span class="sr-only">${h("webchat:composer.send")}</span>
    </button>
  </form>
</div>
</body>
</html>
`;
}
