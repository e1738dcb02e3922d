/**
 * The only HTTP user of the Zalo Bot adapter: https://bot-api.zaloplatforms.com/bot<token>/<method>
 * with a JSON body, answered `{ok: true, result}` or `{ok: false, error_code, description}`.
 * Quirks: the token sits in the URL path (never log URLs); getUpdates returns a single update, not
 * an array like Telegram; a long poll that times out answers error_code 408, which is normal.
 */
import type { DownloadResult } from "../types";

export const ZALO_BOT_HTTP_TIMEOUT_MS = 15_000;

export type BotResult<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly errorCode: number; readonly description: string };

/** Network failure, timeout, or an answer that is not the Bot API envelope. */
export class ZaloBotHttpError extends Error {
  readonly code = "ZALO_BOT_HTTP";
  constructor(
    message: string,
    /** The server was not reached or did not answer in time (not: it answered badly). */
    readonly unreachable = false,
  ) {
    super(message);
    this.name = "ZaloBotHttpError";
  }
}

export interface ZaloBotClientOptions {
  readonly apiRoot: string;
  readonly token: string;
  readonly fetch?: typeof fetch | undefined;
}

export interface ZaloBotClient {
  call<T = unknown>(
    method: string,
    body?: Record<string, unknown>,
    timeoutMs?: number,
    signal?: AbortSignal,
  ): Promise<BotResult<T>>;
  getMe(): Promise<BotResult<{ id?: string; account_name?: string }>>;
  /** Waits up to `timeoutSeconds` for one update; `signal` ends the wait early (stop). */
  getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<BotResult<unknown>>;
  sendMessage(chatId: string, text: string): Promise<BotResult<{ message_id?: string | number }>>;
  sendPhoto(
    chatId: string,
    photoUrl: string,
    caption: string,
  ): Promise<BotResult<{ message_id?: string | number }>>;
  setWebhook(url: string, secretToken: string): Promise<BotResult<unknown>>;
  deleteWebhook(): Promise<BotResult<unknown>>;
  download(url: string, maxBytes: number): Promise<DownloadResult>;
}

export function createZaloBotClient(options: ZaloBotClientOptions): ZaloBotClient {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.apiRoot.replace(/\/+$/, "")}/bot${options.token}`;

  async function call<T>(
    method: string,
    body: Record<string, unknown> = {},
    timeoutMs = ZALO_BOT_HTTP_TIMEOUT_MS,
    signal?: AbortSignal,
  ) {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${base}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      });
    } catch (err) {
      // The message of a fetch error may contain the URL, hence the token: keep only its name.
      throw new ZaloBotHttpError(`${method} failed: ${err instanceof Error ? err.name : "error"}`, true);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      throw new ZaloBotHttpError(`${method}: HTTP ${response.status}, not JSON`);
    }
    const env = (parsed ?? {}) as {
      ok?: unknown;
      result?: unknown;
      error_code?: unknown;
      description?: unknown;
    };
    if (env.ok === true) return { ok: true, result: env.result as T } as const;
    return {
      ok: false,
      errorCode: Number(env.error_code ?? response.status) || response.status,
      description: typeof env.description === "string" ? env.description : "",
    } as const;
  }

  return {
    call,
    getMe: () => call("getMe"),
    // The poll itself waits `timeoutSeconds`; the HTTP call gets a little longer.
    getUpdates: (timeoutSeconds, signal) =>
      call("getUpdates", { timeout: String(timeoutSeconds) }, (timeoutSeconds + 10) * 1000, signal),
    sendMessage: (chatId, text) => call("sendMessage", { chat_id: chatId, text }),
    sendPhoto: (chatId, photo, caption) => call("sendPhoto", { chat_id: chatId, photo, caption }),
    setWebhook: (url, secretToken) => call("setWebhook", { url, secret_token: secretToken }),
    deleteWebhook: () => call("deleteWebhook"),
    async download(url, maxBytes) {
      let response: Response;
      try {
        response = await doFetch(url, { signal: AbortSignal.timeout(ZALO_BOT_HTTP_TIMEOUT_MS * 4) });
      } catch {
        return { ok: false, reason: "unavailable" };
      }
      if (!response.ok) return { ok: false, reason: "unavailable" };
      if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: "too_large", limitBytes: maxBytes };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) return { ok: false, reason: "too_large", limitBytes: maxBytes };
      return { ok: true, bytes };
    },
  };
}
