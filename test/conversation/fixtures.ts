/** Forms and helpers shared by the engine tests: a realistic monthly report and a renderer. */
import type { OutboundMessage, TextPart } from "../../src/channels/types";
import { step } from "../../src/conversation/engine";
import { initialState } from "../../src/conversation/state";
import type { FileAnswer, FormState, StepContext, StepInput, StepResult } from "../../src/conversation/types";
import type { Form } from "../../src/domain/plan";
import { translator } from "../../src/i18n/index";

/** The monthly communications report of a school, as a plan would declare it. */
export const monthlyReport: Form = {
  version: 3,
  questions: [
    {
      id: "so_tin_bai",
      type: "integer",
      label: {
        vi: "Số tin bài đã đăng trên website trong tháng",
        en: "Articles published on the website this month",
      },
      min: 0,
      max: 100,
    },
    {
      id: "kenh",
      type: "multi_choice",
      label: { vi: "Các kênh đơn vị đã dùng", en: "Channels used" },
      options: [
        { value: "website", label: { vi: "Trang web", en: "Website" } },
        { value: "fanpage", label: { vi: "Fanpage" } },
        { value: "zalo_oa", label: { vi: "Zalo OA" } },
        { value: "press", label: { vi: "Báo chí", en: "Press" } },
      ],
    },
    { id: "co_vu_viec", type: "yes_no", label: { vi: "Trong tháng có vụ việc cần báo cáo không?" } },
    {
      id: "chi_tiet",
      type: "long_text",
      label: { vi: "Mô tả vụ việc" },
      when: { question: "co_vu_viec", equals: [true] },
      max: 1000,
    },
    {
      id: "bai_viet",
      type: "group",
      label: { vi: "Bài viết nổi bật", en: "Featured articles" },
      required: false,
      max: 3,
      questions: [
        { id: "tieu_de", type: "text", label: { vi: "Tiêu đề bài viết" } },
        { id: "link", type: "url", label: { vi: "Đường dẫn bài viết" } },
        { id: "ngay_dang", type: "date", label: { vi: "Ngày đăng" } },
        {
          id: "chu_de",
          type: "choice",
          label: { vi: "Chủ đề" },
          required: false,
          options: [
            { value: "guong_dien_hinh", label: { vi: "Gương điển hình" } },
            { value: "hoat_dong", label: { vi: "Hoạt động nhà trường" } },
          ],
        },
      ],
    },
    { id: "sdt", type: "phone", label: { vi: "Số điện thoại người phụ trách" }, carry_over: true },
    { id: "ghi_chu", type: "text", label: { vi: "Ghi chú" }, required: false },
  ],
};

export const NOW = new Date("2026-11-24T03:00:00Z"); // 10:00 in Hà Nội

export function ctxOf(overrides: Partial<StepContext> = {}): StepContext {
  return {
    now: NOW,
    lang: "vi",
    buttons: { maxButtons: 12, maxLabelChars: 40 },
    nilAllowed: false,
    ...overrides,
  };
}

export const text = (t: string): StepInput => ({ kind: "text", text: t });
export const tap = (payload: string): StepInput => ({ kind: "action", payload });
export const cmd = (
  name: "back" | "skip" | "cancel" | "resume" | "start" | "submit" | "nil" | "unnil",
): StepInput => ({
  kind: "command",
  command: { name },
});

export function file(overrides: Partial<FileAnswer> = {}): StepInput {
  return {
    kind: "file",
    file: {
      fileId: "f1",
      name: "bao-cao.pdf",
      mimeType: "application/pdf",
      sizeBytes: 120_000,
      sha256: "a".repeat(64),
      ...overrides,
    },
  };
}

export function renderPart(part: TextPart, lang: "vi" | "en" = "vi"): string {
  return "text" in part ? part.text : translator(lang)(part.key, part.params as Record<string, unknown>);
}

/** Renders a message the way adapters will (parts as paragraphs), for readable assertions. */
export function render(message: OutboundMessage): string {
  return message.parts.map((p) => renderPart(p, message.lang)).join("\n\n");
}

export function buttonLabels(message: OutboundMessage): string[] {
  return (message.buttons ?? []).map((b) => renderPart(b.label, message.lang));
}

/** Runs a conversation: each input is one step; returns every result. */
export class Chat {
  state: FormState;
  last: StepResult | undefined;
  constructor(
    readonly form: Form,
    readonly ctx: StepContext = ctxOf(),
  ) {
    this.state = initialState(form, ctx.now);
  }

  send(input: StepInput | string): StepResult {
    const result = step(this.form, this.state, typeof input === "string" ? text(input) : input, this.ctx);
    this.state = result.state;
    this.last = result;
    return result;
  }

  /** The text of the last reply. */
  get reply(): string {
    const reply = this.last?.effects.findLast((e) => e.type === "reply");
    return reply?.type === "reply" ? render(reply.message) : "";
  }

  get message(): OutboundMessage | undefined {
    const reply = this.last?.effects.findLast((e) => e.type === "reply");
    return reply?.type === "reply" ? reply.message : undefined;
  }
}
