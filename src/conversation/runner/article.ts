/**
 * "Gửi tin bài": an article counts toward the unit's quotas once per link. The link is checked
 * as soon as it is typed (no need to fill in the rest for nothing) and again on sending (two
 * people at once: the unique (unit, url_key) decides).
 */
import { type ActivePlan, instanceKeyString } from "../../bot/status/sources";
import type { TextPart } from "../../channels/types";
import { findArticle, insertArticle } from "../../db/articles";
import type { Draft } from "../../db/drafts";
import { exemptionsFor } from "../../db/exemptions";
import { getUnitById, newId } from "../../db/index";
import { linkFiles } from "../../db/submission-files";
import { minDate } from "../../domain/dates";
import { computeInstances } from "../../domain/instances";
import type { ArticleChannel } from "../../domain/plan";
import { quotaProgress } from "../../domain/quota";
import { localDateOf } from "../../domain/time";
import { localized } from "../text";
import type { FormState, Submission } from "../types";
import type { Run } from "./context";
import { isFileAnswer } from "./files";
import { dateText, quotaPeriodText } from "./labels";
import type { Outgoing } from "./step";
import type { SubmitOutcome } from "./submit";
import { urlKey } from "./url-key";

function duplicate(title: string, createdAt: Date): Outgoing {
  return { parts: [{ key: "report:article.duplicate", params: { title, date: dateText(createdAt) } }] };
}

/** After a step: the link just given was already declared by the unit → the notice, else null. */
export async function duplicateNotice(
  run: Run,
  unitId: string,
  before: unknown,
  state: FormState,
): Promise<Outgoing | null> {
  const url = state.answers.url;
  if (typeof url !== "string" || url === before) return null;
  const existing = await findArticle(run.trx, unitId, urlKey(url));
  return existing ? duplicate(existing.title, existing.createdAt) : null;
}

/** "Tuần này: 1/1 tin bài" for each quota of the unit running today. */
async function progressLines(run: Run, active: ActivePlan, unitId: string): Promise<TextPart[]> {
  const unit = await getUnitById(run.trx, unitId);
  if (!unit) return [];
  const today = localDateOf(run.now);
  const instances = computeInstances(active.plan, [unit], active.calendar, { from: today, to: today }).filter(
    (i) => i.kind === "quota",
  );
  if (instances.length === 0) return [];
  const from = instances.reduce((m, i) => minDate(m, i.periodStart), today);
  const rows = await run.trx
    .selectFrom("articles")
    .select(["unit_id", "channel", "published_on", "topic"])
    .where("unit_id", "=", unitId)
    .where("published_on", ">=", from)
    .execute();
  const articles = rows.map((r) => ({
    unitId: r.unit_id,
    channel: r.channel as ArticleChannel,
    publishedOn: r.published_on,
    kind: r.topic,
  }));
  const byCode = new Map(active.plan.obligations.map((o) => [o.code, o]));
  const lines: string[] = [run.t("report:article.progressTitle")];
  // As /trangthai says it: a period the office exempted is "được miễn" (bot/status/model.ts).
  const exemptions = await exemptionsFor(run.trx, instances);
  for (const p of quotaProgress(active.plan.obligations, instances, articles)) {
    const o = byCode.get(p.instance.obligationCode);
    if (!o?.quota) continue;
    const exempt = exemptions.has(instanceKeyString(p.instance));
    lines.push(
      run.t(exempt ? "report:article.progressExempt" : "report:article.progress", {
        name: localized(o.name, run.lang),
        period: quotaPeriodText(o, active.calendar, p.instance.periodKey, run.t),
        count: p.count,
        target: p.target,
        counts: localized(o.quota.counts, run.lang),
      }),
    );
  }
  // One paragraph, one line per quota: rendered here in the reader's language.
  return lines.length > 1 ? [{ text: lines.join("\n") }] : [];
}

export async function submitArticle(
  run: Run,
  draft: Draft,
  active: ActivePlan,
  submission: Submission,
): Promise<SubmitOutcome> {
  const a = submission.answers;
  const url = String(a.url ?? "");
  const key = urlKey(url);
  const existing = await findArticle(run.trx, draft.unitId, key);
  if (existing) return { messages: [duplicate(existing.title, existing.createdAt)], draft: "discarded" };
  const screenshot = isFileAnswer(a.screenshot) ? a.screenshot : null;
  const id = newId();
  const inserted = await insertArticle(run.trx, {
    id,
    unitId: draft.unitId,
    url,
    urlKey: key,
    title: String(a.title ?? ""),
    channel: String(a.channel ?? "other"),
    outlet: typeof a.outlet === "string" ? a.outlet : null,
    topic: typeof a.topic === "string" ? a.topic : null,
    publishedOn: String(a.published_on ?? localDateOf(run.now)),
    submittedBy: run.personId,
    screenshotFileId: screenshot?.fileId ?? null,
    now: run.now,
  });
  if (!inserted) {
    const other = await findArticle(run.trx, draft.unitId, key);
    return {
      messages: [duplicate(other?.title ?? String(a.title ?? ""), other?.createdAt ?? run.now)],
      draft: "discarded",
    };
  }
  if (screenshot)
    await linkFiles(run.trx, { kind: "article", id }, [{ fileId: screenshot.fileId, path: "screenshot" }]);
  const parts: TextPart[] = [
    { key: "report:article.recorded", params: { article: String(a.title ?? ""), title: run.ctx.title } },
    ...(await progressLines(run, active, draft.unitId)),
  ];
  return { messages: [{ parts }], draft: "submitted" };
}
