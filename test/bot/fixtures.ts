/**
 * A small organisation, a small plan and a bot wired to a real SQLite database. Events are
 * InboundEvents built here; replies are read back from the outbox table and rendered with the
 * same translator and renderer the adapters use.
 */

import { type ConversationHook, reportFlowNotEnabled } from "../../src/bot/conversation";
import { type BotHandler, createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import type { SubmissionStatusSource } from "../../src/bot/status/sources";
import { renderText } from "../../src/channels/render";
import type { ChannelId, InboundEvent, OutboundMessage } from "../../src/channels/types";
import type { Db } from "../../src/db/index";
import type { HolidayCalendar, Obligation, Plan } from "../../src/domain/plan";
import { type Translate, translator } from "../../src/i18n/index";
import { createInvite } from "../../src/identity/invites";
import { createLogger } from "../../src/log";

export const t: Translate = translator("vi");
export const CONTACT = "Văn phòng Sở GD&ĐT, 024 3825 1234";
/** Tuesday 10/11/2026, 10:00 in Hà Nội. */
export const NOW = new Date("2026-11-10T03:00:00.000Z");

export const U = {
  so: "u-so",
  office: "u-vp",
  commune: "u-xa",
  cluster: "u-cum",
  district: "u-pgd",
  nguyenDu: "u-thcs-nd",
  kimDong: "u-th-kd",
  chuVanAn: "u-thpt-cva",
  oldSchool: "u-th-cu",
} as const;

export const P = {
  lan: "p-lan",
  minh: "p-minh",
  hoa: "p-hoa",
  tuan: "p-tuan",
  admin: "p-admin",
  binh: "p-binh",
  nga: "p-nga",
  nobody: "p-nobody",
} as const;

export async function seedOrg(db: Db): Promise<void> {
  const at = "2026-01-01T00:00:00.000Z";
  const unit = (
    id: string,
    code: string,
    name: string,
    kind: string,
    parent: string | null,
    reportsTo: string | null = null,
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
      unit(U.so, "SO", "Sở Giáo dục và Đào tạo Hà Nội", "so", null),
      unit(U.office, "VP", "Văn phòng Sở", "office", U.so),
      unit(U.commune, "XA-GV", "Phòng Văn hóa – Xã hội phường Giảng Võ", "commune_office", null, U.so),
      unit(U.cluster, "CUM-5", "Cụm chuyên môn 5", "cluster", U.so),
      unit(U.district, "PGD-KT", "Phòng GD&ĐT huyện Kim Thành", "district_office", U.so),
      unit(U.nguyenDu, "THCS-ND", "Trường THCS Nguyễn Du", "school", U.commune, U.cluster, "thcs"),
      unit(U.kimDong, "TH-KD", "Trường Tiểu học Kim Đồng", "school", U.commune, null, "th"),
      unit(U.chuVanAn, "THPT-CVA", "Trường THPT Chu Văn An", "school", U.so, null, "thpt"),
      // Under the district office through the cluster: oversight is recursive.
      unit(U.oldSchool, "TH-KT", "Trường Tiểu học Kim Thành", "school", U.district, null, "th"),
    ])
    .execute();
  await db.updateTable("units").set({ parent_id: U.district }).where("id", "=", U.cluster).execute();
  const person = (id: string, name: string, phone: string | null, addressAs: string | null) => ({
    id,
    full_name: name,
    phone,
    email: null,
    address_as: addressAs,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto("people")
    .values([
      person(P.lan, "Nguyễn Thị Lan", "0912345678", "co"),
      person(P.minh, "Trần Văn Minh", "0987654321", "thay"),
      person(P.hoa, "Lê Thị Hoa", "0901111222", "chi"),
      person(P.tuan, "Phạm Anh Tuấn", "0903333444", "dong_chi"),
      person(P.admin, "Đỗ Quản Trị", "0905555666", "anh"),
      person(P.binh, "Vũ Bình", "0907777888", null),
      person(P.nga, "Hoàng Thị Nga", "0909999000", "co"),
      person(P.nobody, "Ngô Văn Khách", "0911000111", "thay"),
    ])
    .execute();
  const member = (personId: string, unitId: string, role: string) => ({
    id: `m-${personId}-${unitId}`,
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
      member(P.minh, U.kimDong, "head"),
      member(P.minh, U.cluster, "cluster_head"),
      member(P.hoa, U.commune, "head"),
      member(P.tuan, U.office, "office_staff"),
      member(P.admin, U.office, "admin"),
      member(P.binh, U.chuVanAn, "staff"),
      member(P.nga, U.commune, "deputy"),
    ])
    .execute();
}

const tx = (vi: string, en: string) => ({ vi, en });
const LADDER = {
  recipients: ["comms" as const],
  before_working_days: [],
  due_day_at: null,
  after_working_days: [],
  escalate: [],
};

function obligation(
  o: Pick<Obligation, "code" | "kind" | "name" | "audience" | "period" | "due"> & Partial<Obligation>,
): Obligation {
  return {
    source: "test",
    submit_to: { relation: "office" },
    nil_report: false,
    evidence_required: false,
    reminders: LADDER,
    ...o,
  };
}

/** One monthly report and two quotas for schools, as a Sở would write them. */
export const PLAN: Plan = {
  id: "test-plan",
  title: tx("Kế hoạch thử", "Test plan"),
  source: { issuer: "Sở GD&ĐT" },
  calendar: "test",
  calendar_kind: "school",
  sending_window: { weekdays: [1, 2, 3, 4, 5], start: "07:00", end: "21:00" },
  max_reminders_per_person_per_day: 3,
  topics: [],
  obligations: [
    obligation({
      code: "MONTHLY",
      kind: "report",
      name: tx("Báo cáo công tác truyền thông hằng tháng", "Monthly communications report"),
      audience: { kinds: ["school"] },
      period: { cadence: "monthly" },
      due: { rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" },
    }),
    obligation({
      code: "WEEKLY",
      kind: "quota",
      name: tx("Tin bài hay mỗi tuần", "A good article every week"),
      audience: { kinds: ["school"] },
      period: { cadence: "weekly" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 1, counts: tx("tin bài", "articles"), channels: ["website", "fanpage"] },
    }),
    obligation({
      code: "PRESS",
      kind: "quota",
      name: tx("Bài viết trên báo chí", "Press articles"),
      audience: { kinds: ["school"] },
      period: { cadence: "calendar_year" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 8, counts: tx("bài báo", "press articles"), channels: ["press"] },
    }),
  ],
};

export const CALENDAR: HolidayCalendar = {
  id: "test",
  name: tx("Lịch thử", "Test calendar"),
  school_years: [
    {
      id: "2026-2027",
      start: "2026-09-05",
      hk1_end: "2027-01-16",
      hk2_start: "2027-01-18",
      end: "2027-05-31",
    },
  ],
  office_holidays: [],
  school_holidays: [],
};

export interface Outgoing {
  readonly id: number;
  readonly personId: string | null;
  readonly channel: string;
  readonly chatId: string;
  readonly message: OutboundMessage;
  /** As an adapter shows it: paragraphs separated by a blank line. */
  readonly text: string;
}

export async function outbox(db: Db): Promise<Outgoing[]> {
  const rows = await db.selectFrom("outbox").selectAll().orderBy("id").execute();
  return rows.map((r) => {
    const message = JSON.parse(r.message) as OutboundMessage;
    return {
      id: r.id,
      personId: r.person_id,
      channel: r.channel,
      chatId: r.chat_id,
      message,
      text: renderText(message, translator(message.lang)),
    };
  });
}

export interface Bot {
  readonly handle: BotHandler;
  readonly logs: string[];
  kicks: number;
  now: Date;
  /** Sends an event and returns the texts of the replies it queued. */
  send(event: InboundEvent): Promise<Outgoing[]>;
}

export function createBot(
  db: Db,
  options: {
    conversation?: ConversationHook;
    submissions?: SubmissionStatusSource;
    withPlan?: boolean;
    sessionSecret?: string;
  } = {},
): Bot {
  const logs: string[] = [];
  const bot: Bot = {
    logs,
    kicks: 0,
    now: NOW,
    handle: async () => {},
    async send(event) {
      const before = (await outbox(db)).length;
      await bot.handle(event);
      return (await outbox(db)).slice(before);
    },
  };
  const handle = createBotHandler({
    db,
    config: { lang: "vi", officeContact: CONTACT, sessionSecret: options.sessionSecret },
    log: createLogger("info", (line) => logs.push(line)),
    dispatcher: {
      kick() {
        bot.kicks++;
      },
    },
    conversation: options.conversation ?? reportFlowNotEnabled,
    status: createStatusReporter({
      lang: "vi",
      plan: async () => (options.withPlan === false ? null : { plan: PLAN, calendar: CALENDAR }),
      submissions: options.submissions,
    }),
    now: () => bot.now,
  });
  (bot as { handle: BotHandler }).handle = handle;
  return bot;
}

let counter = 0;
const base = (channel: ChannelId, chatId: string, at: Date) => ({
  channel,
  chat: { channel, chatId },
  sender: { platformUserId: `user-${chatId}` },
  platformId: `upd-${++counter}`,
  receivedAt: at,
});

export const ev = {
  text: (chatId: string, text: string, channel: ChannelId = "telegram", at = NOW): InboundEvent => ({
    ...base(channel, chatId, at),
    kind: "text",
    text,
  }),
  start: (
    chatId: string,
    payload: string | null,
    channel: ChannelId = "telegram",
    at = NOW,
  ): InboundEvent => ({
    ...base(channel, chatId, at),
    kind: "start",
    payload,
  }),
  action: (chatId: string, payload: string, channel: ChannelId = "telegram", at = NOW): InboundEvent => ({
    ...base(channel, chatId, at),
    kind: "action",
    payload,
  }),
};

/** A fresh code for the person (what `baocao invite create` prints). */
export async function inviteFor(
  db: Db,
  personId: string,
  now = NOW,
  ttlDays = 30,
  pepper?: string,
): Promise<string> {
  return (await createInvite(db, { personId, ttlDays, pepper, now, createdBy: "test" })).code;
}

/** Links a chat the way a person does: opening the bot with their code. */
export async function linkChat(
  bot: Bot,
  db: Db,
  personId: string,
  chatId: string,
  channel: ChannelId = "telegram",
) {
  const code = await inviteFor(db, personId, bot.now);
  const replies = await bot.send(ev.start(chatId, code, channel));
  if (!replies[0]?.text.startsWith("Kính chào"))
    throw new Error(`linking ${personId} failed: ${replies[0]?.text}`);
  return replies;
}
