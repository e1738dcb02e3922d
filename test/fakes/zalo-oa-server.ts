/**
 * A fake Zalo OA platform on 127.0.0.1: Open API (consultation messages, uploads), OAuth v4
 * (code exchange with PKCE, single-use rotating refresh tokens) and ZBS template messages, plus
 * hosting of files "sent by users". It records every call so tests assert on what reached Zalo,
 * and can be told to answer with any error code of the reference's table.
 */
import { createHash } from "node:crypto";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export interface RecordedCall {
  readonly path: string;
  readonly accessToken: string | null;
  readonly body: unknown;
}

export interface FakeZaloOaServer {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Consultation messages accepted, in order. */
  readonly sent: { userId: string; message: Record<string, unknown> }[];
  readonly uploads: { kind: string; name: string; size: number }[];
  readonly zbs: Record<string, unknown>[];
  /** Successful refreshes (each rotated the refresh token). */
  refreshCount: number;
  /** The only access token Zalo currently accepts. */
  accessToken: string;
  /** The only refresh token Zalo currently accepts (single use). */
  refreshToken: string;
  /** Delay before answering a refresh, to make concurrent callers overlap. */
  refreshDelayMs: number;
  /** Reject `cs` messages that carry buttons with -201, like an API without them would. */
  rejectButtons: boolean;
  zbsRemaining: number;
  /** The next call to `path` answers with this Zalo error code (queued, one per call). */
  failNext(path: string, code: number, message?: string): void;
  /** The next call to `path` gets an HTML page with this HTTP status (a gateway's error page). */
  failNextWithPage(path: string, status: number): void;
  /** Every `cs` message to this user fails with `code` (e.g. -230: window closed). */
  failUser(userId: string, code: number): void;
  /** An admin consented with this PKCE challenge: returns the authorization code. */
  issueCode(codeChallenge: string): string;
  /** Hosts bytes at a URL, as Zalo does for files people send. */
  hostFile(name: string, bytes: Uint8Array): string;
  close(): Promise<void>;
}

const ok = (data: unknown) => ({ error: 0, message: "Success", data });
const fail = (error: number, message: string) => ({ error, message });

export async function startFakeZaloOaServer(): Promise<FakeZaloOaServer> {
  const app = new Hono();
  const failures = new Map<string, { code: number; message: string }[]>();
  const pages = new Map<string, number[]>();
  const failingUsers = new Map<string, number>();
  const codes = new Map<string, string>();
  const files = new Map<string, Uint8Array>();
  let seq = 0;
  let url = "";

  const state: Omit<FakeZaloOaServer, "url" | "close"> = {
    calls: [],
    sent: [],
    uploads: [],
    zbs: [],
    refreshCount: 0,
    accessToken: "AT-0",
    refreshToken: "RT-0",
    refreshDelayMs: 0,
    rejectButtons: false,
    zbsRemaining: 499,
    failNext(path, code, message = "scripted failure") {
      const list = failures.get(path) ?? [];
      list.push({ code, message });
      failures.set(path, list);
    },
    failNextWithPage(path, status) {
      pages.set(path, [...(pages.get(path) ?? []), status]);
    },
    failUser(userId, code) {
      failingUsers.set(userId, code);
    },
    issueCode(challenge) {
      const code = `CODE-${++seq}`;
      codes.set(code, challenge);
      return code;
    },
    hostFile(name, bytes) {
      files.set(name, bytes);
      return `${url}/files/${encodeURIComponent(name)}`;
    },
  };

  const scripted = (path: string) => failures.get(path)?.shift();
  app.use(async (c, next) => {
    const path =
      c.req.path === "/v3.0/oa/message/cs" ? "cs" : c.req.path === "/message/template" ? "zbs" : "";
    const status = pages.get(path)?.shift();
    if (status === undefined) return next();
    return c.html(`<html><body><h1>${status} Bad Gateway</h1></body></html>`, status as 502);
  });
  const authorized = (token: string | undefined) => token === state.accessToken;

  app.post("/v3.0/oa/message/cs", async (c) => {
    const token = c.req.header("access_token") ?? null;
    const body = (await c.req.json()) as { recipient: { user_id: string }; message: Record<string, unknown> };
    state.calls.push({ path: "cs", accessToken: token, body });
    const f = scripted("cs");
    if (f) return c.json(fail(f.code, f.message));
    if (!authorized(token ?? undefined)) return c.json(fail(-216, "Access token is invalid"));
    const userFailure = failingUsers.get(body.recipient.user_id);
    if (userFailure !== undefined) return c.json(fail(userFailure, "User has not interacted with the OA"));
    if (state.rejectButtons && "attachment" in body.message) {
      const att = body.message.attachment as { payload?: { buttons?: unknown } };
      if (att.payload?.buttons) return c.json(fail(-201, "Parameter is invalid"));
    }
    state.sent.push({ userId: body.recipient.user_id, message: body.message });
    return c.json(ok({ message_id: `mid-${++seq}`, user_id: body.recipient.user_id }));
  });

  app.post("/v2.0/oa/upload/:kind", async (c) => {
    const token = c.req.header("access_token") ?? null;
    const form = await c.req.formData();
    const file = form.get("file");
    const kind = c.req.param("kind");
    const size = file instanceof Blob ? file.size : 0;
    const name = file instanceof File ? file.name : "";
    state.calls.push({ path: `upload/${kind}`, accessToken: token, body: { name, size } });
    const f = scripted(`upload/${kind}`);
    if (f) return c.json(fail(f.code, f.message));
    if (!authorized(token ?? undefined)) return c.json(fail(-216, "Access token is invalid"));
    const limit = kind === "image" ? 1024 * 1024 : 5 * 1024 * 1024;
    if (size > limit) return c.json(fail(-210, "File size exceeds limit"));
    state.uploads.push({ kind, name, size });
    return c.json(ok(kind === "image" ? { attachment_id: `att-${++seq}` } : { token: `tok-${++seq}` }));
  });

  app.post("/v4/oa/access_token", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const secret = c.req.header("secret_key") ?? null;
    state.calls.push({ path: "access_token", accessToken: secret, body: Object.fromEntries(form) });
    const f = scripted("access_token");
    if (f) return c.json({ error: f.code, error_name: f.message, error_description: f.message });
    if (form.get("grant_type") === "refresh_token") {
      if (state.refreshDelayMs > 0) await new Promise((r) => setTimeout(r, state.refreshDelayMs));
      if (form.get("refresh_token") !== state.refreshToken) {
        return c.json({
          error: -14014,
          error_name: "Invalid refresh token",
          error_description: "Invalid refresh token",
        });
      }
      state.refreshCount += 1;
    } else {
      const challenge = codes.get(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const computed = createHash("sha256").update(verifier).digest("base64url");
      codes.delete(form.get("code") ?? "");
      if (!challenge || challenge !== computed) {
        return c.json({
          error: -14019,
          error_name: "Invalid code",
          error_description: "Invalid authorization code",
        });
      }
    }
    state.accessToken = `AT-${++seq}`;
    state.refreshToken = `RT-${seq}`;
    // expires_in is a quoted string in Zalo's answers.
    return c.json({
      access_token: state.accessToken,
      refresh_token: state.refreshToken,
      expires_in: "90000",
    });
  });

  app.post("/message/template", async (c) => {
    const token = c.req.header("access_token") ?? null;
    const body = (await c.req.json()) as Record<string, unknown>;
    state.calls.push({ path: "zbs", accessToken: token, body });
    const f = scripted("zbs");
    if (f) return c.json(fail(f.code, f.message));
    if (!authorized(token ?? undefined)) return c.json(fail(-124, "Access token is invalid"));
    if (state.zbsRemaining <= 0) return c.json(fail(-144, "Out of daily quota"));
    state.zbsRemaining -= 1;
    state.zbs.push(body);
    return c.json(
      ok({
        msg_id: `zbs-${++seq}`,
        sent_time: String(Date.now()),
        quota: { dailyQuota: "500", remainingQuota: String(state.zbsRemaining) },
      }),
    );
  });

  app.get("/files/:name", (c) => {
    const bytes = files.get(c.req.param("name"));
    if (!bytes) return c.text("not found", 404);
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": "application/octet-stream", "content-length": String(bytes.byteLength) },
    });
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
    close: () => new Promise<void>((done) => server.close(() => done())),
  }) as FakeZaloOaServer;
}
