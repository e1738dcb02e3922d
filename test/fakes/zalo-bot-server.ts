/**
 * A fake Zalo Bot API on 127.0.0.1: POST /bot<token>/<method>, answering in the `{ok, result}`
 * envelope. getUpdates hands out ONE queued update per call (as Zalo does) and answers 408 when
 * its wait ends empty. Every call is recorded so tests assert on what reached Zalo.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export interface FakeZaloBotServer {
  readonly url: string;
  readonly token: string;
  readonly calls: { method: string; body: Record<string, unknown> }[];
  /** Texts sent by the bot, per chat. */
  readonly messages: { chatId: string; text: string }[];
  webhook: { url: string; secret: string } | null;
  /** How long an empty getUpdates waits before answering 408 (capped by the request's timeout). */
  emptyWaitMs: number;
  /** Queues an update for getUpdates. */
  push(update: unknown): void;
  /** The next call of `method` fails with this error code. */
  failNext(method: string, errorCode: number, description?: string): void;
  /** Bytes served at a URL, as Zalo's CDN serves photos people send. */
  hostFile(name: string, bytes: Uint8Array): string;
  close(): Promise<void>;
}

export async function startFakeZaloBotServer(token = "12345689:abc-xyz"): Promise<FakeZaloBotServer> {
  const app = new Hono();
  const queue: unknown[] = [];
  const waiters: (() => void)[] = [];
  const failures = new Map<string, { errorCode: number; description: string }[]>();
  const files = new Map<string, Uint8Array>();
  let seq = 0;
  let url = "";
  const state = {
    token,
    calls: [] as FakeZaloBotServer["calls"],
    messages: [] as FakeZaloBotServer["messages"],
    webhook: null as FakeZaloBotServer["webhook"],
    emptyWaitMs: 200,
    push(update: unknown) {
      queue.push(update);
      waiters.splice(0).forEach((w) => {
        w();
      });
    },
    failNext(method: string, errorCode: number, description = "scripted failure") {
      const list = failures.get(method) ?? [];
      list.push({ errorCode, description });
      failures.set(method, list);
    },
    hostFile(name: string, bytes: Uint8Array) {
      files.set(name, bytes);
      return `${url}/cdn/${encodeURIComponent(name)}`;
    },
  };

  app.post("/:bot/:method", async (c) => {
    const method = c.req.param("method");
    if (c.req.param("bot") !== `bot${token}`) {
      return c.json({ ok: false, error_code: 401, description: "Unauthorized" });
    }
    const body = ((await c.req.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
    state.calls.push({ method, body });
    const f = failures.get(method)?.shift();
    if (f) return c.json({ ok: false, error_code: f.errorCode, description: f.description });
    switch (method) {
      case "getMe":
        return c.json({ ok: true, result: { id: "123", account_name: "bot.baocao", account_type: "BASIC" } });
      case "getUpdates": {
        if (state.webhook) return c.json({ ok: false, error_code: 400, description: "Webhook is set" });
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, state.emptyWaitMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        const update = queue.shift();
        if (update === undefined)
          return c.json({ ok: false, error_code: 408, description: "Request timeout" });
        return c.json({ ok: true, result: update });
      }
      case "sendMessage":
      case "sendPhoto": {
        const chatId = String(body.chat_id ?? "");
        const text = String(body.text ?? body.caption ?? "");
        if (method === "sendMessage" && text.length > 2000) {
          return c.json({ ok: false, error_code: 400, description: "Text too long" });
        }
        state.messages.push({ chatId, text });
        return c.json({ ok: true, result: { message_id: `m${++seq}`, date: Date.now() } });
      }
      case "setWebhook":
        state.webhook = { url: String(body.url), secret: String(body.secret_token) };
        return c.json({ ok: true, result: { url: body.url, updated_at: Date.now() } });
      case "deleteWebhook":
        state.webhook = null;
        return c.json({ ok: true, result: { url: "", updated_at: Date.now() } });
      default:
        return c.json({ ok: false, error_code: 404, description: "Not found" });
    }
  });

  app.get("/cdn/:name", (c) => {
    const bytes = files.get(c.req.param("name"));
    return bytes ? new Response(new Uint8Array(bytes)) : c.text("not found", 404);
  });

  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
        resolve({ server: s, port: info.port }),
      );
    },
  );
  url = `http://127.0.0.1:${port}`;
  return Object.assign(state, {
    url,
    close: () =>
      new Promise<void>((done) => {
        waiters.splice(0).forEach((w) => {
          w();
        });
        server.close(() => done());
      }),
  });
}
