/**
 * The only file of baocao that touches zca-js, the UNOFFICIAL library that drives a personal
 * Zalo account like Zalo Web does (the account can be locked). It is loaded lazily, so nothing is
 * loaded unless ZALO_PERSONAL_ENABLED=true, and wrapped into our narrow PersonalSession.
 */
import type { DownloadResult } from "../types";
import {
  type PersonalCredentials,
  type PersonalGroup,
  type PersonalLogin,
  type PersonalMessage,
  type PersonalSession,
  PersonalZaloError,
  type QrLoginEvent,
} from "./session";

type Zca = typeof import("zca-js");
type ZcaApi = Awaited<ReturnType<InstanceType<Zca["Zalo"]>["login"]>>;
type ZcaMessage = import("zca-js").Message;

let loaded: Promise<Zca> | undefined;
const zca = (): Promise<Zca> => {
  loaded ??= import("zca-js");
  return loaded;
};

const ZCA_HTTP_TIMEOUT_MS = 60_000;

function wrapError(err: unknown): PersonalZaloError {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return new PersonalZaloError(message, typeof code === "number" ? code : null);
}

function toMessage(m: ZcaMessage, isGroup: boolean): PersonalMessage {
  const content = m.data.content;
  let text: string | null = null;
  let attachment: PersonalMessage["attachment"] = null;
  if (typeof content === "string") {
    text = content;
  } else if (content && typeof content === "object") {
    const c = content as { href?: unknown; title?: unknown; params?: unknown };
    const href = typeof c.href === "string" ? c.href : null;
    const isPhoto = m.data.msgType === "chat.photo";
    if (href && (isPhoto || m.data.msgType === "share.file")) {
      let size: number | null = null;
      try {
        const params = typeof c.params === "string" ? (JSON.parse(c.params) as { fileSize?: unknown }) : {};
        size = Number(params.fileSize) || null;
      } catch {
        size = null;
      }
      attachment = {
        url: href,
        name: typeof c.title === "string" && c.title ? c.title : null,
        sizeBytes: size,
        isPhoto,
      };
    }
  }
  return {
    threadId: m.threadId,
    isGroup,
    isSelf: m.isSelf,
    msgId: String(m.data.msgId),
    fromId: String(m.data.uidFrom),
    fromName: m.data.dName || undefined,
    timestampMs: Number(m.data.ts) || Date.now(),
    text,
    attachment,
  };
}

async function download(url: string, maxBytes: number): Promise<DownloadResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ZCA_HTTP_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, reason: "unavailable" };
    if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
      await response.body?.cancel();
      return { ok: false, reason: "too_large", limitBytes: maxBytes };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > maxBytes
      ? { ok: false, reason: "too_large", limitBytes: maxBytes }
      : { ok: true, bytes };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}

function wrap(api: ZcaApi, lib: Zca): PersonalSession {
  const type = (isGroup: boolean) => (isGroup ? lib.ThreadType.Group : lib.ThreadType.User);
  const idOf = (r: { message: { msgId: number } | null; attachment: { msgId: number }[] }) =>
    String(r.message?.msgId ?? r.attachment.at(-1)?.msgId ?? "");
  return {
    ownId: String(api.getOwnId()),
    async sendText(threadId, text, isGroup) {
      try {
        return { messageId: idOf(await api.sendMessage(text, threadId, type(isGroup))) };
      } catch (err) {
        throw wrapError(err);
      }
    },
    async sendFile(threadId, path, caption, isGroup) {
      try {
        return {
          messageId: idOf(
            await api.sendMessage({ msg: caption, attachments: [path] }, threadId, type(isGroup)),
          ),
        };
      } catch (err) {
        throw wrapError(err);
      }
    },
    async listGroups(): Promise<PersonalGroup[]> {
      try {
        const ids = Object.keys((await api.getAllGroups()).gridVerMap);
        if (ids.length === 0) return [];
        const info = await api.getGroupInfo(ids);
        return ids.map((id) => {
          const g = info.gridInfoMap[id];
          return { id, name: g?.name ?? id, memberCount: g?.totalMember ?? 0 };
        });
      } catch (err) {
        throw wrapError(err);
      }
    },
    listen(l) {
      api.listener.on("connected", () => l.connected());
      api.listener.on("message", (m) => l.message(toMessage(m, m.type === lib.ThreadType.Group)));
      api.listener.on("closed", (code, reason) =>
        l.closed({ code: Number(code), reason: String(reason ?? "") }),
      );
      api.listener.on("error", (e) => l.error(e));
      // Reconnection is ours (with backoff and a health status), not the library's.
      api.listener.start({ retryOnClose: false });
    },
    stop() {
      api.listener.stop();
    },
    download,
  };
}

/** Logging in through zca-js, without its update check (it calls the npm registry) or its logs. */
export const zcaLogin: PersonalLogin = {
  async withCredentials(credentials: PersonalCredentials) {
    const lib = await zca();
    const zalo = new lib.Zalo({ checkUpdate: false, logging: false });
    try {
      const api = await zalo.login({
        cookie: credentials.cookie as Parameters<typeof zalo.login>[0]["cookie"],
        imei: credentials.imei,
        userAgent: credentials.userAgent,
      });
      return wrap(api, lib);
    } catch (err) {
      throw wrapError(err);
    }
  },
  async withQr(onEvent: (event: QrLoginEvent) => void) {
    const lib = await zca();
    const zalo = new lib.Zalo({ checkUpdate: false, logging: false });
    let credentials: PersonalCredentials | undefined;
    const E = lib.LoginQRCallbackEventType;
    try {
      const api = await zalo.loginQR({}, (event) => {
        switch (event.type) {
          case E.QRCodeGenerated:
            onEvent({ type: "qr", pngBase64: event.data.image });
            break;
          case E.QRCodeExpired:
            onEvent({ type: "expired" });
            event.actions.retry();
            break;
          case E.QRCodeScanned:
            onEvent({ type: "scanned", displayName: event.data.display_name });
            break;
          case E.QRCodeDeclined:
            onEvent({ type: "declined" });
            event.actions.abort();
            break;
          case E.GotLoginInfo:
            credentials = {
              cookie: event.data.cookie,
              imei: event.data.imei,
              userAgent: event.data.userAgent,
            };
            break;
        }
      });
      if (!credentials) throw new PersonalZaloError("login finished without credentials", null);
      return { session: wrap(api, lib), credentials };
    } catch (err) {
      throw err instanceof PersonalZaloError ? err : wrapError(err);
    }
  },
};
