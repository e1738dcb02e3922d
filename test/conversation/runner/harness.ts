/**
 * A bot wired the way src/main.ts will wire it: the real bot handler with the runner's hook and
 * the submissions status source, on a real SQLite database with real migrations, the modern
 * preset (or another plan) and its shipped calendar. Events are InboundEvents; replies are read
 * back from the outbox and rendered as the adapters render them.
 */

import { createBotHandler } from "../../../src/bot/handler";
import { createStatusReporter } from "../../../src/bot/status/reporter";
import type { ActivePlan } from "../../../src/bot/status/sources";
import { renderText } from "../../../src/channels/render";
import { TELEGRAM_CAPABILITIES } from "../../../src/channels/telegram/adapter";
import type {
  ChannelCapabilities,
  ChannelId,
  InboundEvent,
  InboundFile,
  OutboundMessage,
} from "../../../src/channels/types";
import { WEB_CAPABILITIES } from "../../../src/channels/web/index";
import { runCli } from "../../../src/cli/run";
import { createConversationHook, createSubmissionStatusSource } from "../../../src/conversation/runner/index";
import { linkChat } from "../../../src/db/channel-links";
import type { Db } from "../../../src/db/index";
import type { Plan } from "../../../src/domain/plan";
import { translator } from "../../../src/i18n/index";
import { createLogger } from "../../../src/log";
import { getPreset, loadCalendar } from "../../../src/plan/index";
import { createTestDatabase, type TestDatabase } from "../../helpers/db";

/** Tuesday 10/11/2026, 10:00 in Hà Nội: November's report (due 24/11) is open. */
export const NOW = new Date("2026-11-10T03:00:00.000Z");
export const PUBLIC_URL = "https://baocao.example.vn";

export const U = {
  so: "u-so",
  office: "u-vp",
  district: "u-pgd",
  otherDistrict: "u-pgd2",
  nguyenDu: "u-thcs-nd",
  kimDong: "u-th-kd",
  commune: "u-xa",
} as const;

/** People and the chats they use (chat id = person id without "p-"). */
export const P = {
  lan: "p-lan", // comms, THCS Nguyễn Du
  minh: "p-minh", // head, THCS Nguyễn Du
  hung: "p-hung", // head, Phòng GD&ĐT (Nguyễn Du reports to it)
  mai: "p-mai", // comms, Phòng GD&ĐT
  tuan: "p-tuan", // office staff, Văn phòng Sở
  hoa: "p-hoa", // head, TH Kim Đồng (also under the Phòng)
  nam: "p-nam", // head of another Phòng
  ha: "p-ha", // head of two schools
  nga: "p-nga", // head, commune office (nil reports allowed there)
} as const;

export async function seedOrg(db: Db): Promise<void> {
  const at = "2026-01-01T00:00:00.000Z";
  const unit = (
    id: string,
    code: string,
    name: string,
    kind: string,
    parent: string | null,
    reportsTo: string | null,
    levels = "",
  ) => ({
    id,
    code,
    name,
    short_name: null,
    kind,
    levels,
    parent_id: parent,
    reports_to_id: reportsTo,
    valid_from: null,
    valid_to: null,
    phone: null,
    email: null,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto("units")
    .values([
      unit(U.so, "SO", "Sở Giáo dục và Đào tạo", "so", null, null),
      unit(U.office, "VP", "Văn phòng Sở", "office", U.so, null),
      unit(U.district, "PGD-KT", "Phòng GD&ĐT huyện Kim Thành", "district_office", U.so, U.so),
      unit(U.otherDistrict, "PGD-TM", "Phòng GD&ĐT huyện Thanh Miện", "district_office", U.so, U.so),
      unit(U.nguyenDu, "THCS-ND", "Trường THCS Nguyễn Du", "school", U.district, U.district, "thcs"),
      unit(U.kimDong, "TH-KD", "Trường Tiểu học Kim Đồng", "school", U.district, U.district, "th"),
      unit(U.commune, "XA-GV", "Phòng Văn hóa – Xã hội phường Giảng Võ", "commune_office", null, U.so),
    ])
    .execute();
  const person = (id: string, name: string, addressAs: string | null) => ({
    id,
    full_name: name,
    phone: null,
    email: null,
    address_as: addressAs,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto("people")
    .values([
      person(P.lan, "Nguyễn Thị Lan", "co"),
      person(P.minh, "Trần Văn Minh", "thay"),
      person(P.hung, "Lê Văn Hùng", "thay"),
      person(P.mai, "Phạm Thị Mai", "co"),
      person(P.tuan, "Phạm Anh Tuấn", "dong_chi"),
      person(P.hoa, "Lê Thị Hoa", "co"),
      person(P.nam, "Đỗ Văn Nam", "thay"),
      person(P.ha, "Vũ Thị Hà", "co"),
      person(P.nga, "Hoàng Thị Nga", "co"),
    ])
    .execute();
  const member = (personId: string, unitId: string, role: string) => ({
    id: `m-${personId}-${unitId}-${role}`,
    person_id: personId,
    unit_id: unitId,
    role,
    valid_from: null,
    valid_to: null,
    created_at: at,
  });
  await db
    .insertInto("memberships")
    .values([
      member(P.lan, U.nguyenDu, "comms"),
      member(P.minh, U.nguyenDu, "head"),
      member(P.hung, U.district, "head"),
      member(P.mai, U.district, "comms"),
      member(P.tuan, U.office, "office_staff"),
      member(P.hoa, U.kimDong, "head"),
      member(P.nam, U.otherDistrict, "head"),
      member(P.ha, U.nguyenDu, "head"),
      member(P.ha, U.kimDong, "head"),
      member(P.nga, U.commune, "head"),
    ])
    .execute();
}

export interface Outgoing {
  readonly id: number;
  readonly personId: string | null;
  readonly chatId: string;
  readonly kind: string;
  readonly message: OutboundMessage;
  readonly text: string;
  readonly payloads: readonly string[];
}

export async function outbox(db: Db): Promise<Outgoing[]> {
  const rows = await db.selectFrom("outbox").selectAll().orderBy("id").execute();
  return rows.map((r) => {
    const message = JSON.parse(r.message) as OutboundMessage;
    const t = translator(message.lang);
    const buttons = (message.buttons ?? []).map(
      (b) => `[${"key" in b.label ? t(b.label.key, b.label.params) : b.label.text}]`,
    );
    return {
      id: r.id,
      personId: r.person_id,
      chatId: r.chat_id,
      kind: r.kind,
      message,
      text: [renderText(message, t), ...(buttons.length ? [buttons.join(" ")] : [])].join("\n\n"),
      payloads: (message.buttons ?? []).map((b) => b.payload),
    };
  });
}

export interface Harness {
  readonly tdb: TestDatabase;
  readonly db: Db;
  now: Date;
  active: ActivePlan;
  /** Sends an event; returns the messages it queued (to anyone). */
  send(event: InboundEvent): Promise<Outgoing[]>;
  /** Texts of the replies to this chat for a typed message. */
  text(chatId: string, text: string, channel?: ChannelId): Promise<Outgoing[]>;
  tap(chatId: string, payload: string, channel?: ChannelId): Promise<Outgoing[]>;
  file(
    chatId: string,
    file: { name: string | null; mimeType: string; bytes: Uint8Array; isPhoto?: boolean },
  ): Promise<Outgoing[]>;
  /** Rebuilds the handler (as after a restart), optionally on a reopened database. */
  rebuild(db?: Db): void;
  dispose(): Promise<void>;
  logs: string[];
}

const CAPABILITIES: Partial<Record<ChannelId, ChannelCapabilities>> = {
  telegram: TELEGRAM_CAPABILITIES,
  web: WEB_CAPABILITIES,
  // A channel without buttons or file intake (as Zalo personal accounts are).
  "zalo-personal": { ...WEB_CAPABILITIES, buttons: null, filesIn: null },
};

let counter = 0;

export async function activePlanOf(plan: Plan): Promise<ActivePlan> {
  const calendar = await loadCalendar(plan.calendar);
  if (!calendar.ok) throw new Error(`calendar ${plan.calendar}`);
  return { plan, calendar: calendar.calendar };
}

export async function startHarness(options: { plan?: Plan; ttlDays?: number } = {}): Promise<Harness> {
  const tdb = await createTestDatabase();
  await seedOrg(tdb.db);
  const plan = options.plan ?? (getPreset("modern") as Plan);
  const logs: string[] = [];
  let db = tdb.db;
  let handle: (e: InboundEvent) => Promise<void> = async () => {};
  const h: Harness = {
    tdb,
    get db() {
      return db;
    },
    now: NOW,
    active: await activePlanOf(plan),
    logs,
    rebuild(next) {
      if (next) db = next;
      const conversation = createConversationHook({
        plan: async () => h.active,
        config: { dataDir: tdb.dir, publicUrl: PUBLIC_URL, draftTtlDays: options.ttlDays ?? 14 },
        capabilities: (ch) => CAPABILITIES[ch],
        random: Math.random,
      });
      handle = createBotHandler({
        db,
        config: { lang: "vi", officeContact: "Văn phòng Sở, 0220 3850 000", sessionSecret: undefined },
        log: createLogger("info", (line) => logs.push(line)),
        dispatcher: { kick() {} },
        conversation,
        status: createStatusReporter({
          lang: "vi",
          plan: async () => h.active,
          submissions: createSubmissionStatusSource(),
        }),
        now: () => h.now,
      });
    },
    async send(event) {
      const before = (await outbox(db)).length;
      await handle(event);
      return (await outbox(db)).slice(before);
    },
    async text(chatId, text, channel = "telegram") {
      return h.send({ ...base(channel, chatId, h.now), kind: "text", text });
    },
    async tap(chatId, payload, channel = "telegram") {
      return h.send({ ...base(channel, chatId, h.now), kind: "action", payload });
    },
    async file(chatId, f) {
      const file: InboundFile = {
        name: f.name,
        mimeType: f.mimeType,
        sizeBytes: f.bytes.byteLength,
        isPhoto: f.isPhoto ?? false,
        download: async () => ({ ok: true, bytes: f.bytes }),
      };
      return h.send({ ...base("telegram", chatId, h.now), kind: "file", file });
    },
    async dispose() {
      await tdb.dispose();
    },
  };
  h.rebuild();
  for (const personId of Object.values(P)) {
    await linkChat(tdb.db, {
      personId,
      channel: "telegram",
      chatId: chatOf(personId),
      platformUserId: `tg-${personId}`,
      at: NOW,
    });
  }
  return h;
}

export function chatOf(personId: string): string {
  return personId.replace(/^p-/, "");
}

function base(channel: ChannelId, chatId: string, at: Date) {
  return {
    channel,
    chat: { channel, chatId },
    sender: { platformUserId: `u-${chatId}` },
    platformId: `e-${++counter}`,
    receivedAt: at,
  };
}

/** The replies of a step that went to this chat. */
export function to(messages: readonly Outgoing[], chatId: string): Outgoing[] {
  return messages.filter((m) => m.chatId === chatId);
}

/** All texts of these messages, joined (for "contains" checks). */
export function joined(messages: readonly Outgoing[]): string {
  return messages.map((m) => m.text).join("\n---\n");
}

/** `baocao …` on the harness's database, modern preset, at the harness's time. */
export async function cliOn(h: Harness, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: {
      DATABASE_URL: `${h.tdb.dir}/baocao.db`,
      DATA_DIR: h.tdb.dir,
      BAOCAO_PLAN: "modern",
      BAOCAO_LOG_LEVEL: "silent",
    },
    now: () => h.now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Cô Lan sends Nguyễn Du's November monthly report (modern preset), the shortest valid way. */
export async function sendNovemberReport(h: Harness): Promise<void> {
  await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd");
  for (const a of ["12", "4", "2", "1", "0", "0", "không", "/boqua", "/boqua", "/boqua", "/boqua"])
    await h.text("lan", a);
  await h.tap("lan", "c:submit");
}
