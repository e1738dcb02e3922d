/**
 * The form behind each kind of draft: a report's form comes from the plan; the article and the
 * incident follow-up forms are built here (the article's topics from the plan); the incident form
 * is the plan's event obligation form.
 */
import type { ActivePlan } from "../../bot/status/sources";
import type { Draft, DraftKind } from "../../db/drafts";
import type { ArticleChannel, ChoiceOption, Form, Obligation, Plan } from "../../domain/plan";
import { reportObligation } from "./instances";

export interface FormTarget {
  readonly form: Form;
  readonly nilAllowed: boolean;
  readonly obligation: Obligation | null;
}

/** The obligation code drafts of articles carry (articles belong to no single obligation). */
export const ARTICLE_CODE = "ARTICLE";
/** Topic value of an article that counts for "gương điển hình" quotas when the plan has no topic for it. */
const KIND_LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  exemplary: { vi: "Gương điển hình, người tốt việc tốt", en: "Exemplary people and good deeds" },
};

const tx = (vi: string, en: string) => ({ vi, en });

const CHANNELS: readonly { value: ArticleChannel; vi: string; en: string }[] = [
  { value: "website", vi: "Trang thông tin điện tử của đơn vị", en: "The unit's website" },
  { value: "fanpage", vi: "Fanpage (Facebook)", en: "Facebook page" },
  { value: "zalo_oa", vi: "Zalo OA", en: "Zalo Official Account" },
  { value: "press", vi: "Báo, tạp chí", en: "Newspaper or magazine" },
  { value: "so_website", vi: "Cổng thông tin của Sở", en: "The Department's portal" },
  { value: "other", vi: "Kênh khác", en: "Another channel" },
];

function topicOptions(plan: Plan): ChoiceOption[] {
  const options: ChoiceOption[] = plan.topics.map((t) => ({ value: t.code, label: t.name }));
  for (const o of plan.obligations) {
    const kind = o.quota?.article_kind;
    if (kind === undefined || options.some((x) => x.value === kind)) continue;
    options.push({ value: kind, label: KIND_LABELS[kind] ?? o.quota?.counts ?? { vi: kind } });
  }
  return options;
}

/** "Gửi tin bài": title, link, channel (outlet when press), date, topic, optional screenshot. */
export function articleForm(plan: Plan): Form {
  const topics = topicOptions(plan);
  return {
    version: 1,
    questions: [
      { id: "title", type: "text", label: tx("Tiêu đề tin bài", "Title of the article"), max: 300 },
      { id: "url", type: "url", label: tx("Đường dẫn (link) của tin bài", "Link to the article") },
      {
        id: "channel",
        type: "choice",
        label: tx("Tin bài đăng trên kênh nào?", "Where was it published?"),
        options: CHANNELS.map((c) => ({ value: c.value, label: tx(c.vi, c.en) })),
      },
      {
        id: "outlet",
        type: "text",
        label: tx("Tên báo, tạp chí", "Name of the newspaper or magazine"),
        max: 200,
        when: { question: "channel", equals: ["press"] },
      },
      { id: "published_on", type: "date", label: tx("Ngày đăng", "Publication date") },
      ...(topics.length > 0
        ? [
            {
              id: "topic",
              type: "choice" as const,
              label: tx("Tin bài thuộc nhóm nội dung nào?", "Which content group is it about?"),
              options: topics,
              required: false,
            },
          ]
        : []),
      {
        id: "screenshot",
        type: "file",
        label: tx("Ảnh chụp màn hình tin bài (nếu có)", "Screenshot of the article (optional)"),
        required: false,
        accept: ["jpg", "jpeg", "png", "webp", "heic", "pdf"],
        max_size_mb: 10,
      },
    ],
  };
}

/** A follow-up of an open incident: what changed, where handling stands, optional evidence. */
export function incidentUpdateForm(): Form {
  return {
    version: 1,
    questions: [
      {
        id: "update",
        type: "long_text",
        label: tx("Diễn biến mới và việc đơn vị đã làm", "What has happened since, and what the unit did"),
        max: 3000,
      },
      {
        id: "state",
        type: "choice",
        label: tx("Tình hình hiện nay", "Where things stand"),
        options: [
          { value: "handling", label: tx("Đang xử lý", "Being handled") },
          { value: "resolved", label: tx("Đã xử lý xong", "Resolved") },
          { value: "need_support", label: tx("Cần cấp trên hỗ trợ", "Needs support from above") },
        ],
      },
      {
        id: "evidence_file",
        type: "file",
        label: tx("Tệp minh chứng (nếu có)", "Evidence file (optional)"),
        required: false,
      },
    ],
  };
}

export function eventObligation(active: ActivePlan, code: string): Obligation | undefined {
  return active.plan.obligations.find((o) => o.code === code && o.kind === "event" && o.form !== undefined);
}

export function formFor(active: ActivePlan, kind: DraftKind, obligationCode: string): FormTarget | null {
  switch (kind) {
    case "report": {
      const o = reportObligation(active, obligationCode);
      return o ? { form: o.form, nilAllowed: o.nil_report, obligation: o } : null;
    }
    case "article":
      return { form: articleForm(active.plan), nilAllowed: false, obligation: null };
    case "incident": {
      const o = eventObligation(active, obligationCode);
      return o?.form ? { form: o.form, nilAllowed: false, obligation: o } : null;
    }
    case "incident_update":
      return { form: incidentUpdateForm(), nilAllowed: false, obligation: null };
  }
}

export function formOfDraft(active: ActivePlan, draft: Pick<Draft, "kind" | "obligationCode">) {
  return formFor(active, draft.kind, draft.obligationCode);
}
