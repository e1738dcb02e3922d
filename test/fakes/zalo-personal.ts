/**
 * A fake of our narrow personal-Zalo interface (src/channels/zalo-personal/session.ts), standing
 * in for zca-js and Zalo Web: it records what the account sent, delivers messages as if people
 * wrote them, drops the connection on demand and plays the QR login.
 */
import QRCode from "qrcode";
import type { DownloadResult } from "../../src/channels/types";
import type {
  PersonalCredentials,
  PersonalGroup,
  PersonalListeners,
  PersonalLogin,
  PersonalMessage,
  PersonalSession,
  QrLoginEvent,
} from "../../src/channels/zalo-personal/session";
import { PersonalZaloError } from "../../src/channels/zalo-personal/session";

export interface FakeZaloPersonal extends PersonalLogin {
  /** Messages the account sent, in order. */
  readonly sent: { threadId: string; isGroup: boolean; text: string | null; file: string | null }[];
  readonly logins: PersonalCredentials[];
  /**
   * The groups the account is in (`listGroups`). Sending to any other group fails, as it does on
   * Zalo when the account left or was removed, or the group was disbanded; Zalo's code for it is
   * not documented, so the fake's is arbitrary and the adapter must not rely on it.
   */
  groups: PersonalGroup[];
  /** Credentials a QR login hands out, and the only ones withCredentials accepts. */
  validCredentials: PersonalCredentials;
  /** The QR text shown at QR login (the test decodes the terminal rendering against it). */
  qrText: string;
  /** The next sendText fails with this zca-js code. */
  failNextSend(code: number, message?: string): void;
  /** Someone writes to the account. */
  deliver(message: Partial<PersonalMessage> & { threadId: string; msgId: string }): void;
  /** Zalo closes the listener with a code (1006: network lost; 3000: Zalo Web opened elsewhere). */
  drop(code: number): void;
  /**
   * Logins wait (Zalo unreachable, the adapter stays "connecting") until the returned function is
   * called; then they proceed as usual. Lets a test keep the account disconnected as long as it likes.
   */
  holdLogins(): () => void;
  hostFile(url: string, bytes: Uint8Array): void;
  readonly connected: boolean;
}

export function createFakeZaloPersonal(): FakeZaloPersonal {
  let listeners: PersonalListeners | undefined;
  let failure: { code: number; message: string } | undefined;
  let held: Promise<void> | undefined;
  const files = new Map<string, Uint8Array>();
  let seq = 0;

  const session = (): PersonalSession => ({
    ownId: "100000000000001",
    async sendText(threadId, text, isGroup) {
      if (failure) {
        const f = failure;
        failure = undefined;
        throw new PersonalZaloError(f.message, f.code);
      }
      if (isGroup && !fake.groups.some((g) => g.id === threadId)) {
        throw new PersonalZaloError("Nhóm không tồn tại hoặc bạn không còn là thành viên", 1100);
      }
      fake.sent.push({ threadId, isGroup, text, file: null });
      return { messageId: String(++seq) };
    },
    async sendFile(threadId, path, _caption, isGroup) {
      if (isGroup && !fake.groups.some((g) => g.id === threadId)) {
        throw new PersonalZaloError("Nhóm không tồn tại hoặc bạn không còn là thành viên", 1100);
      }
      fake.sent.push({ threadId, isGroup, text: null, file: path });
      return { messageId: String(++seq) };
    },
    async listGroups() {
      return fake.groups;
    },
    listen(l) {
      listeners = l;
      queueMicrotask(() => l.connected());
    },
    stop() {
      listeners = undefined;
    },
    async download(url, maxBytes): Promise<DownloadResult> {
      const bytes = files.get(url);
      if (!bytes) return { ok: false, reason: "unavailable" };
      return bytes.byteLength > maxBytes
        ? { ok: false, reason: "too_large", limitBytes: maxBytes }
        : { ok: true, bytes };
    },
  });

  const fake: FakeZaloPersonal = {
    sent: [],
    logins: [],
    groups: [],
    validCredentials: {
      cookie: [{ key: "zpw_sek", value: "fake" }],
      imei: "imei-1",
      userAgent: "Mozilla/5.0 fake",
    },
    qrText: "https://id.zalo.me/account/authen/qr?code=fake-qr-login",
    get connected() {
      return listeners !== undefined;
    },
    async withCredentials(credentials) {
      await held;
      fake.logins.push(credentials);
      if (JSON.stringify(credentials) !== JSON.stringify(fake.validCredentials)) {
        throw new PersonalZaloError("Đăng nhập thất bại", null);
      }
      return session();
    },
    async withQr(onEvent: (e: QrLoginEvent) => void) {
      const png = await QRCode.toBuffer(fake.qrText, { margin: 4, scale: 4 });
      onEvent({ type: "qr", pngBase64: png.toString("base64") });
      onEvent({ type: "scanned", displayName: "Văn phòng Sở" });
      return { session: session(), credentials: fake.validCredentials };
    },
    failNextSend(code, message = "Vượt quá số request cho phép") {
      failure = { code, message };
    },
    deliver(m) {
      listeners?.message({
        isGroup: false,
        isSelf: false,
        fromId: m.threadId,
        fromName: undefined,
        timestampMs: Date.now(),
        text: null,
        attachment: null,
        ...m,
      });
    },
    drop(code) {
      const l = listeners;
      listeners = undefined;
      l?.closed({ code, reason: "fake" });
    },
    hostFile(url, bytes) {
      files.set(url, bytes);
    },
    holdLogins() {
      let resolve: () => void = () => undefined;
      held = new Promise<void>((r) => {
        resolve = r;
      });
      return () => {
        held = undefined;
        resolve();
      };
    },
  };
  return fake;
}
