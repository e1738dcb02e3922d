/**
 * The only HTTP user of the Zalo OA adapter: Open API (openapi.zalo.me), OAuth v4
 * (oauth.zaloapp.com) and ZBS template messages (business.openapi.zalo.me). Base URLs come from
 * config so tests point them at a fake server on 127.0.0.1.
 *
 * Quirks: errors come back as HTTP 200 with a non-zero `error`; authentication is a bare
 * `access_token` header (not Authorization: Bearer); token calls send the app secret as a
 * `secret_key` header with a form-encoded body; `expires_in` is a quoted string.
 */
import type { DownloadResult } from "../types";

export const ZALO_HTTP_TIMEOUT_MS = 15_000;

export interface ZaloOaClientOptions {
  readonly apiBase: string;
  readonly oauthBase: string;
  readonly zbsApiBase: string;
  readonly appId: string;
  readonly appSecret: string;
  readonly fetch?: typeof fetch | undefined;
  readonly timeoutMs?: number | undefined;
}

export type ZaloResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly code: number; readonly message: string };

export interface TokenGrant {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInSeconds: number;
  readonly refreshExpiresInSeconds: number | null;
}

/** The network failed, timed out, or Zalo answered something that is not its JSON envelope. */
export class ZaloHttpError extends Error {
  readonly code = "ZALO_HTTP";
  constructor(
    message: string,
    /** The HTTP status of Zalo's answer; absent when no answer came. */
    readonly status?: number,
  ) {
    super(message);
    this.name = "ZaloHttpError";
  }

  /** Zalo's server was not reached or did not answer in time (not: it answered badly). */
  get unreachable(): boolean {
    return this.status === undefined;
  }
}

export interface UploadFile {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mimeType: string;
}

export interface ZaloOaClient {
  sendCs(accessToken: string, body: unknown): Promise<ZaloResult<{ messageId: string }>>;
  upload(
    accessToken: string,
    kind: "image" | "file",
    file: UploadFile,
  ): Promise<ZaloResult<{ attachmentId: string | null; token: string | null }>>;
  sendZbs(
    accessToken: string,
    body: unknown,
  ): Promise<ZaloResult<{ msgId: string; remainingQuota: number | null }>>;
  exchangeCode(code: string, codeVerifier: string): Promise<ZaloResult<TokenGrant>>;
  refresh(refreshToken: string): Promise<ZaloResult<TokenGrant>>;
  download(url: string, maxBytes: number): Promise<DownloadResult>;
  consentUrl(redirectUri: string, codeChallenge: string, state: string): string;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};
const obj = (v: unknown): Json => (v !== null && typeof v === "object" ? (v as Json) : {});

export function createZaloOaClient(options: ZaloOaClientOptions): ZaloOaClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? ZALO_HTTP_TIMEOUT_MS;

  async function call(url: string, init: RequestInit): Promise<Json> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new ZaloHttpError(`request failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ZaloHttpError(`HTTP ${response.status}: not JSON`, response.status);
    }
    if (parsed === null || typeof parsed !== "object") {
      throw new ZaloHttpError(`HTTP ${response.status}: unexpected body`, response.status);
    }
    return parsed as Json;
  }

  function envelope<T>(body: Json, pick: (data: Json) => T): ZaloResult<T> {
    const code = num(body.error) ?? 0;
    if (code !== 0) return { ok: false, code, message: str(body.message) ?? "" };
    return { ok: true, data: pick(obj(body.data)) };
  }

  const json = (accessToken: string, body: unknown): RequestInit => ({
    method: "POST",
    headers: { access_token: accessToken, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  async function token(form: Record<string, string>): Promise<ZaloResult<TokenGrant>> {
    const body = await call(`${options.oauthBase}/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: options.appSecret, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...form, app_id: options.appId }).toString(),
    });
    const accessToken = str(body.access_token);
    const refreshToken = str(body.refresh_token);
    if (!accessToken || !refreshToken) {
      const code = num(body.error) ?? -1;
      const message = str(body.error_description) ?? str(body.error_name) ?? str(body.message) ?? "";
      return { ok: false, code: code === 0 ? -1 : code, message };
    }
    return {
      ok: true,
      data: {
        accessToken,
        refreshToken,
        expiresInSeconds: num(body.expires_in) ?? 3600,
        refreshExpiresInSeconds: num(body.refresh_token_expires_in),
      },
    };
  }

  return {
    async sendCs(accessToken, body) {
      const res = await call(`${options.apiBase}/v3.0/oa/message/cs`, json(accessToken, body));
      return envelope(res, (d) => ({ messageId: str(d.message_id) ?? "" }));
    },

    async upload(accessToken, kind, file) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.name);
      const res = await call(`${options.apiBase}/v2.0/oa/upload/${kind}`, {
        method: "POST",
        headers: { access_token: accessToken },
        body: form,
      });
      return envelope(res, (d) => ({ attachmentId: str(d.attachment_id), token: str(d.token) }));
    },

    async sendZbs(accessToken, body) {
      const res = await call(`${options.zbsApiBase}/message/template`, json(accessToken, body));
      return envelope(res, (d) => ({
        msgId: str(d.msg_id) ?? "",
        remainingQuota: num(obj(d.quota).remainingQuota),
      }));
    },

    exchangeCode: (code, codeVerifier) =>
      token({ code, grant_type: "authorization_code", code_verifier: codeVerifier }),

    refresh: (refreshToken) => token({ refresh_token: refreshToken, grant_type: "refresh_token" }),

    async download(url, maxBytes) {
      let response: Response;
      try {
        response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs * 4) });
      } catch {
        return { ok: false, reason: "unavailable" };
      }
      if (!response.ok || !response.body) return { ok: false, reason: "unavailable" };
      const declared = Number(response.headers.get("content-length") ?? "0");
      if (declared > maxBytes) {
        await response.body.cancel();
        return { ok: false, reason: "too_large", limitBytes: maxBytes };
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel();
          return { ok: false, reason: "too_large", limitBytes: maxBytes };
        }
        chunks.push(value);
      }
      return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
    },

    consentUrl(redirectUri, codeChallenge, state) {
      const q = new URLSearchParams({
        app_id: options.appId,
        redirect_uri: redirectUri,
        code_challenge: codeChallenge,
        state,
      });
      return `${options.oauthBase}/v4/oa/permission?${q.toString()}`;
    },
  };
}
