/**
 * Zalo personal-account adapter (zca-js, UNOFFICIAL, opt-in with ZALO_PERSONAL_ENABLED=true).
 * Direct messages with linked people and digests posted into one group the office designates.
 * Reuses the session saved by `baocao zalo-personal login`, reconnects with backoff, reports its
 * health, and sends at a deliberately slow pace. Risks and quirks: ./README.md.
 */
import type { ZaloPersonalConfig } from "../../config-zalo";
import { type Lang, type Translate, translator } from "../../i18n/index";
import { createLogger, type Logger } from "../../log";
import { chunkText, renderTextWithChoices } from "../render";
import type { ChannelAdapter, ChannelCapabilities, ChatRef, InboundSink, SendResult } from "../types";
import { readCredentials } from "./credentials";
import { personalSendResult } from "./errors";
import { normalizePersonalMessage, ZALO_GROUP_PREFIX } from "./normalize";
import { createPace } from "./pace";
import type { PersonalLogin, PersonalSession } from "./session";
import { zcaLogin } from "./zca-client";

export const ZALO_PERSONAL_TEXT_LIMIT_CHARS = 2000;
export const ZALO_PERSONAL_FILE_MAX_BYTES = 25 * 1024 * 1024;
const RECONNECT_BASE_MS = 5_000;
const RECONNECT_MAX_MS = 15 * 60_000;
/** Another Zalo Web session took over (3000) or Zalo kicked us (3003): do not fight back quickly. */
const TAKEN_OVER_CODES = new Set([3000, 3003]);

export type ZaloPersonalHealthState =
  | "connected"
  | "connecting"
  | "disconnected"
  | "logged_out"
  | "login_failed";

/** Shown to the office (dashboard, `baocao` status): is the personal account usable right now. */
export interface ZaloPersonalHealth {
  readonly state: ZaloPersonalHealthState;
  readonly since: string;
  readonly detail?: string | undefined;
  readonly reconnectInMs?: number | undefined;
}

export interface ZaloPersonalAdapterDeps {
  /** The zca-js login by default; tests pass a fake implementing the same narrow interface. */
  readonly login?: PersonalLogin | undefined;
  readonly log?: Logger | undefined;
  readonly translate?: ((lang: Lang) => Translate) | undefined;
  readonly now?: (() => Date) | undefined;
  readonly onHealth?: ((health: ZaloPersonalHealth) => void | Promise<void>) | undefined;
  /** First reconnect delay; doubles up to 15 minutes (tests shorten it). */
  readonly reconnectBaseMs?: number | undefined;
}

export function zaloPersonalCapabilities(config: ZaloPersonalConfig): ChannelCapabilities {
  const perSecond = 1 / Math.max(1, config.sendIntervalSeconds);
  return {
    maxTextChars: ZALO_PERSONAL_TEXT_LIMIT_CHARS,
    buttons: null,
    filesIn: { maxBytes: ZALO_PERSONAL_FILE_MAX_BYTES },
    filesOut: { maxBytes: ZALO_PERSONAL_FILE_MAX_BYTES },
    edits: false,
    proactive: {
      allowed: true,
      windowHours: null,
      costly: false,
      maxPerSecond: perSecond,
      maxPerChatPerSecond: perSecond,
    },
  };
}

export function createZaloPersonalAdapter(
  config: ZaloPersonalConfig,
  deps: ZaloPersonalAdapterDeps = {},
): ChannelAdapter {
  const login = deps.login ?? zcaLogin;
  const log = deps.log ?? createLogger("silent");
  const translate = deps.translate ?? translator;
  const now = deps.now ?? (() => new Date());
  const baseMs = deps.reconnectBaseMs ?? RECONNECT_BASE_MS;
  const pace = createPace(config.sendIntervalSeconds * 1000, config.maxRecipientsPerHour);
  let sink: InboundSink | undefined;
  let session: PersonalSession | undefined;
  let stopped = true;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const health = (
    state: ZaloPersonalHealthState,
    extra: Omit<ZaloPersonalHealth, "state" | "since"> = {},
  ) => {
    log.info("zalo-personal.health", { state, ...extra });
    void Promise.resolve(deps.onHealth?.({ state, since: now().toISOString(), ...extra })).catch(
      (err: unknown) => log.warn("zalo-personal.health_report_failed", { error: String(err) }),
    );
  };

  const scheduleReconnect = (closeCode: number | null, detail: string) => {
    if (stopped) return;
    const delay =
      closeCode !== null && TAKEN_OVER_CODES.has(closeCode)
        ? RECONNECT_MAX_MS
        : Math.min(baseMs * 2 ** attempt, RECONNECT_MAX_MS);
    attempt += 1;
    health(closeCode === null ? "login_failed" : "disconnected", { detail, reconnectInMs: delay });
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const credentials = await readCredentials(config.credentialsFile).catch(() => undefined);
    if (!credentials) {
      health("logged_out", { detail: "run: baocao zalo-personal login" });
      return;
    }
    health("connecting");
    let s: PersonalSession;
    try {
      s = await login.withCredentials(credentials);
    } catch (err) {
      log.error("zalo-personal.login_failed", { error: String(err).slice(0, 200) });
      scheduleReconnect(null, err instanceof Error ? err.message.slice(0, 200) : "login failed");
      return;
    }
    if (stopped) {
      s.stop();
      return;
    }
    session = s;
    s.listen({
      connected() {
        attempt = 0;
        health("connected");
      },
      message(m) {
        const event = normalizePersonalMessage(m, now(), {
          download: (url, max) => s.download(url, max),
          maxFileBytes: ZALO_PERSONAL_FILE_MAX_BYTES,
        });
        if (!event || !sink) return;
        sink(event).catch((err: unknown) =>
          log.error("zalo-personal.message_dropped", {
            platformId: event.platformId,
            error: String(err).slice(0, 200),
          }),
        );
      },
      closed(info) {
        if (session === s) session = undefined;
        if (stopped || info.code === 1000) return;
        log.warn("zalo-personal.closed", { code: info.code });
        scheduleReconnect(info.code, `closed ${info.code} ${info.reason}`.trim());
      },
      error(err) {
        log.warn("zalo-personal.listener_error", { error: String(err).slice(0, 200) });
      },
    });
  }

  async function send(chatId: string, message: Parameters<ChannelAdapter["send"]>[1]): Promise<SendResult> {
    const s = session;
    // Reconnecting (or logged out): the channel, not this message. The dispatcher waits for it
    // without spending the row's attempts, and gives up only after its maximum channel wait.
    if (!s)
      return {
        status: "retryable",
        retryAfterMs: 60_000,
        reason: "zalo-personal not connected",
        unavailable: true,
      };
    const isGroup = chatId.startsWith(ZALO_GROUP_PREFIX);
    const threadId = isGroup ? chatId.slice(ZALO_GROUP_PREFIX.length) : chatId;
    const admitted = pace.admit(chatId, now().getTime());
    if (!admitted.ok) {
      // Our own pace: the message waits for its turn in a later hour, it has not failed.
      return {
        status: "retryable",
        retryAfterMs: admitted.retryAfterMs,
        reason: "hourly recipient ceiling",
        unavailable: true,
      };
    }
    const chunks = chunkText(
      renderTextWithChoices(message, translate(message.lang)),
      ZALO_PERSONAL_TEXT_LIMIT_CHARS,
    );
    try {
      let id = "";
      for (const chunk of chunks) id = (await pace.run(() => s.sendText(threadId, chunk, isGroup))).messageId;
      const file = message.file;
      if (file) id = (await pace.run(() => s.sendFile(threadId, file.path, "", isGroup))).messageId;
      return id === ""
        ? { status: "permanent", reason: "invalid", detail: "empty message" }
        : { status: "sent", platformMessageId: id };
    } catch (err) {
      const result = personalSendResult(err);
      return isGroup && result.status === "retryable" && !result.throttled
        ? groupSendResult(s, threadId, result)
        : result;
    }
  }

  /**
   * A group send failed. Zalo's codes for "group disbanded" or "not a member" are not documented,
   * so the account's own group list decides: a group it is no longer in is a permanent failure
   * the office must fix (ZALO_PERSONAL_DIGEST_GROUP_ID); otherwise the send is retried.
   */
  async function groupSendResult(
    s: PersonalSession,
    groupId: string,
    failed: SendResult,
  ): Promise<SendResult> {
    let member: boolean;
    try {
      member = (await pace.run(() => s.listGroups())).some((g) => g.id === groupId);
    } catch {
      return failed;
    }
    if (member) return failed;
    const zalo = failed.status === "retryable" ? failed.reason : "";
    const detail = `not a member of Zalo group ${groupId} any more (left, removed or disbanded): ${zalo}`;
    return { status: "permanent", reason: "chat_not_found", detail: detail.slice(0, 300) };
  }

  return {
    id: "zalo-personal",
    capabilities: zaloPersonalCapabilities(config),
    async start(s) {
      sink = s;
      stopped = false;
      attempt = 0;
      await connect();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      session?.stop();
      session = undefined;
      sink = undefined;
    },
    async send(chat, message) {
      if (chat.channel !== "zalo-personal") {
        return { status: "permanent", reason: "invalid", detail: "not a zalo-personal chat" };
      }
      if (message.file && message.file.sizeBytes > ZALO_PERSONAL_FILE_MAX_BYTES) {
        return { status: "permanent", reason: "unsupported", detail: "file over 25 MB" };
      }
      return send(chat.chatId, message);
    },
    // A personal account has no deep links: people message the account and send their code.
    inviteLink: () => undefined,
  };
}

/**
 * The group that receives the Văn phòng's digests (ZALO_PERSONAL_DIGEST_GROUP_ID), as a chat of
 * this channel; undefined when the channel is off or no group is designated. Accepts the id as
 * `baocao zalo-personal groups` prints it, or already prefixed with "group:".
 */
export function digestGroupChat(config: ZaloPersonalConfig | undefined): ChatRef | undefined {
  const id = config?.digestGroupId?.trim().replace(/^group:/, "");
  return id ? { channel: "zalo-personal", chatId: `${ZALO_GROUP_PREFIX}${id}` } : undefined;
}

export { readCredentials, writeCredentials, writeQrPng } from "./credentials";
export { ZALO_GROUP_PREFIX } from "./normalize";
export { qrPngToTerminal } from "./qr-terminal";
export type { PersonalLogin, PersonalSession } from "./session";
export { zcaLogin } from "./zca-client";
