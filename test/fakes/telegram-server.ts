/**
 * A fake Telegram Bot API server on 127.0.0.1 (node:http, random port). It implements what
 * baocao uses — getMe, setMyCommands, getUpdates (long polling with offset/timeout), sendMessage,
 * sendDocument/sendPhoto (multipart), answerCallbackQuery, getFile + file download,
 * setWebhook/deleteWebhook — records every call, and delivers updates the test pushes either to
 * a waiting getUpdates or, once a webhook is set, by POSTing them with the secret header, as
 * Telegram does. It answers errors the way Telegram does (HTTP status = error_code):
 * 403 for blocked chats, 400 "chat not found", 429 with retry_after in rate-limit mode. It can also
 * answer a proxy's HTML error page, and go offline (connections refused) and come back on the
 * same port, as api.telegram.org does when the network between us fails, or hang (connections
 * accepted, calls recorded, never answered: the client times out), as when an ISP blocks it.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  /** Files uploaded with the call (multipart). */
  readonly files: readonly UploadedFile[];
}

export interface UploadedFile {
  readonly field: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface SentMessage {
  readonly messageId: number;
  readonly chatId: string;
  readonly method: "sendMessage" | "sendDocument" | "sendPhoto";
  readonly text: string;
  /** Inline keyboard, flattened: label and callback_data of each button, row by row. */
  readonly buttons: readonly { readonly text: string; readonly data: string }[];
  readonly file?: UploadedFile | undefined;
}

export interface ApiFailure {
  readonly code: number;
  readonly description: string;
  readonly parameters?: Record<string, unknown> | undefined;
}

export interface FakeTelegramServer {
  readonly apiRoot: string;
  readonly token: string;
  readonly botUsername: string;
  readonly calls: RecordedCall[];
  readonly sent: SentMessage[];
  /** The webhook Telegram would post to, after setWebhook. */
  readonly webhook: { url: string; secret: string | undefined } | null;
  callsTo(method: string): RecordedCall[];
  sentTo(chatId: string | number): SentMessage[];
  /** Queues an update: to the webhook (returns our HTTP status) or for getUpdates (returns null). */
  pushUpdate(update: { update_id: number } & Record<string, unknown>): Promise<number | null>;
  /** Makes a file downloadable via getFile and /file/bot<token>/<path>. `reportedSize` overrides file_size. */
  addFile(fileId: string, bytes: Uint8Array, reportedSize?: number): void;
  /** Every send to this chat fails with 403 "Forbidden: bot was blocked by the user". */
  blockChat(chatId: string | number): void;
  /** Every send to this chat fails with 400 "Bad Request: chat not found". */
  forgetChat(chatId: string | number): void;
  /** More than `maxPerSecond` sends within one second (overall) get 429 with retry_after; null turns it off. */
  rateLimit(options: { maxPerSecond: number; retryAfterSeconds: number } | null): void;
  /** The next call of `method` fails this way (queued, one failure per call). */
  failNext(method: string, failure: ApiFailure): void;
  /** The next call of `method` gets an HTML page with this HTTP status (a proxy's error page). */
  failNextWithPage(method: string, status: number): void;
  /** Stops listening and drops every connection: calls are refused (ECONNREFUSED) until goOnline. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  readonly online: boolean;
  /** While on, every API call is recorded and never answered (the client's timeout ends it). */
  hang(on: boolean): void;
  /** Resolves once `predicate` holds over the recorded calls (checked after every call). */
  waitFor(predicate: (calls: readonly RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const BOT_ID = 7012345678;
const SEND_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto"]);

type Reply = { status: number; body: unknown; page?: string };
const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });
const fail = (f: ApiFailure): Reply => ({
  status: f.code,
  body: {
    ok: false,
    error_code: f.code,
    description: f.description,
    ...(f.parameters ? { parameters: f.parameters } : {}),
  },
});

function splitMultipart(body: Buffer, boundary: string): { headers: string; body: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; body: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const chunk = body.subarray(start + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const split = chunk.indexOf("\r\n\r\n");
    parts.push({ headers: chunk.subarray(0, split).toString("utf8"), body: chunk.subarray(split + 4) });
    at = next;
  }
  return parts;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** JSON bodies, urlencoded query strings and multipart uploads, as grammY and curl send them. */
async function parseParams(
  req: http.IncomingMessage,
  url: URL,
): Promise<{ params: Record<string, unknown>; files: UploadedFile[] }> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files: UploadedFile[] = [];
  const body = await readBody(req);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return { params, files };
  if (type.includes("application/json"))
    return { params: { ...params, ...(JSON.parse(body.toString("utf8")) as object) }, files };
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  if (!boundary) throw new Error(`unsupported content-type ${type}`);
  for (const part of splitMultipart(body, boundary)) {
    // grammY writes headers without spaces and the filename unquoted: parse leniently.
    const field = /name="([^"]*)"/i.exec(part.headers)?.[1] ?? "";
    const filename = /filename="?([^";\r\n]*)"?/i.exec(part.headers)?.[1];
    if (filename === undefined) {
      const value = part.body.toString("utf8");
      // Objects travel as JSON strings in multipart (reply_markup, commands).
      params[field] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } else {
      files.push({
        field,
        name: filename,
        sizeBytes: part.body.byteLength,
        sha256: createHash("sha256").update(part.body).digest("hex"),
      });
    }
  }
  return { params, files };
}

function flattenKeyboard(markup: unknown): { text: string; data: string }[] {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows
    .flat()
    .map((b: { text: string; callback_data: string }) => ({ text: b.text, data: b.callback_data }));
}

export async function startFakeTelegramServer(token = "123456:TEST-token_abc"): Promise<FakeTelegramServer> {
  const calls: RecordedCall[] = [];
  const sent: SentMessage[] = [];
  const queue: Record<string, unknown>[] = [];
  const pollers = new Set<() => void>();
  const watchers = new Set<() => void>();
  const files = new Map<string, { bytes: Uint8Array; path: string; reportedSize: number }>();
  const blocked = new Set<string>();
  const unknown = new Set<string>();
  const failures = new Map<string, ApiFailure[]>();
  const pages = new Map<string, number[]>();
  let online = true;
  let hanging = false;
  let limit: { maxPerSecond: number; retryAfterSeconds: number } | null = null;
  let sendTimes: number[] = [];
  let webhook: { url: string; secret: string | undefined } | null = null;
  let nextMessageId = 1000;

  const wakePollers = () => {
    for (const p of [...pollers]) p();
  };

  const callApi = async (
    method: string,
    params: Record<string, unknown>,
    files_: UploadedFile[],
    req: http.IncomingMessage,
  ): Promise<Reply> => {
    const page = pages.get(method)?.shift();
    if (page !== undefined)
      return { status: page, body: null, page: `<html><body><h1>${page} Bad Gateway</h1></body></html>` };
    const queued = failures.get(method)?.shift();
    if (queued) return fail(queued);
    const chatId = params.chat_id === undefined ? "" : String(params.chat_id);
    if (SEND_METHODS.has(method)) {
      if (blocked.has(chatId))
        return fail({ code: 403, description: "Forbidden: bot was blocked by the user" });
      if (unknown.has(chatId)) return fail({ code: 400, description: "Bad Request: chat not found" });
      if (limit) {
        const now = Date.now();
        sendTimes = sendTimes.filter((t) => now - t < 1000);
        if (sendTimes.length >= limit.maxPerSecond) {
          const s = limit.retryAfterSeconds;
          return fail({
            code: 429,
            description: `Too Many Requests: retry after ${s}`,
            parameters: { retry_after: s },
          });
        }
        sendTimes.push(now);
      }
      const text = String(params.text ?? params.caption ?? "");
      if (method === "sendMessage" && (text.length === 0 || text.length > 4096)) {
        return fail({
          code: 400,
          description:
            text.length === 0 ? "Bad Request: message text is empty" : "Bad Request: message is too long",
        });
      }
      const buttons = flattenKeyboard(params.reply_markup);
      if (
        buttons.some(
          (b) => Buffer.byteLength(b.data ?? "", "utf8") < 1 || Buffer.byteLength(b.data, "utf8") > 64,
        )
      ) {
        return fail({ code: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
      }
      const messageId = nextMessageId++;
      const file = files_[0];
      sent.push({ messageId, chatId, method: method as SentMessage["method"], text, buttons, file });
      return ok({
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(chatId), type: "private" },
        text,
      });
    }
    switch (method) {
      case "getMe":
        return ok({
          id: BOT_ID,
          is_bot: true,
          first_name: "Báo cáo truyền thông",
          username: "baocao_test_bot",
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        });
      case "setMyCommands":
      case "deleteMyCommands":
      case "answerCallbackQuery":
        return ok(true);
      case "setWebhook":
        webhook = {
          url: String(params.url),
          secret: params.secret_token === undefined ? undefined : String(params.secret_token),
        };
        wakePollers();
        return ok(true);
      case "deleteWebhook":
        webhook = null;
        if (params.drop_pending_updates === true) queue.splice(0);
        return ok(true);
      case "getFile": {
        const f = files.get(String(params.file_id));
        if (!f) return fail({ code: 400, description: "Bad Request: invalid file_id" });
        if (f.reportedSize > 20 * 1024 * 1024)
          return fail({ code: 400, description: "Bad Request: file is too big" });
        return ok({
          file_id: params.file_id,
          file_unique_id: `u${params.file_id}`,
          file_size: f.reportedSize,
          file_path: f.path,
        });
      }
      case "getUpdates":
        return getUpdates(params, req);
      default:
        return fail({ code: 404, description: "Not Found: method not found" });
    }
  };

  const getUpdates = async (params: Record<string, unknown>, req: http.IncomingMessage): Promise<Reply> => {
    if (webhook) {
      return fail({
        code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const offset = Number(params.offset ?? 0);
    const take = () => {
      // Updates below the offset are confirmed: Telegram forgets them.
      while (queue.length > 0 && Number(queue[0]?.update_id) < offset) queue.shift();
      return queue.slice(0, Number(params.limit ?? 100));
    };
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    if (take().length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          pollers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        pollers.add(done);
        req.once("close", done);
      });
    }
    return ok(take());
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const send = (r: Reply) => {
        if (res.destroyed) return;
        if (r.page !== undefined) {
          res.writeHead(r.status, { "content-type": "text/html" });
          res.end(r.page);
          return;
        }
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(JSON.stringify(r.body));
      };
      const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (fileMatch) {
        const entry = [...files.values()].find((f) => f.path === fileMatch[2]);
        if (fileMatch[1] !== token || !entry) return send(fail({ code: 404, description: "Not Found" }));
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": entry.bytes.byteLength,
        });
        res.end(entry.bytes);
        return;
      }
      const apiMatch = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!apiMatch) return send(fail({ code: 404, description: "Not Found" }));
      if (apiMatch[1] !== token) return send(fail({ code: 401, description: "Unauthorized" }));
      const method = apiMatch[2] as string;
      const { params, files: uploaded } = await parseParams(req, url);
      calls.push({ method, params, files: uploaded });
      for (const w of [...watchers]) w();
      if (hanging) return; // never answered; closeAllConnections drops it on close
      send(await callApi(method, params, uploaded, req));
    })().catch((err: unknown) => {
      if (process.env.FAKE_TG_DEBUG) console.error("fake telegram:", err);
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUsername: "baocao_test_bot",
    calls,
    sent,
    get webhook() {
      return webhook;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    sentTo: (chatId) => sent.filter((m) => m.chatId === String(chatId)),
    async pushUpdate(update) {
      if (!webhook) {
        queue.push(update);
        queue.sort((a, b) => Number(a.update_id) - Number(b.update_id));
        wakePollers();
        return null;
      }
      const response = await fetch(webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(webhook.secret ? { "x-telegram-bot-api-secret-token": webhook.secret } : {}),
        },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.status;
    },
    addFile(fileId, bytes, reportedSize) {
      files.set(fileId, {
        bytes,
        path: `documents/file_${files.size + 1}.bin`,
        reportedSize: reportedSize ?? bytes.byteLength,
      });
    },
    blockChat: (chatId) => void blocked.add(String(chatId)),
    forgetChat: (chatId) => void unknown.add(String(chatId)),
    rateLimit(options) {
      limit = options;
      sendTimes = [];
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    failNextWithPage(method, status) {
      pages.set(method, [...(pages.get(method) ?? []), status]);
    },
    get online() {
      return online;
    },
    hang(on) {
      hanging = on;
    },
    async goOffline() {
      if (!online) return;
      online = false;
      wakePollers();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    async goOnline() {
      if (online) return;
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      online = true;
    },
    waitFor(predicate, timeoutMs = 5_000) {
      if (predicate(calls)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(calls)) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`fake Telegram: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        watchers.add(check);
      });
    },
    async close() {
      wakePollers();
      if (!online) return;
      online = false;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
