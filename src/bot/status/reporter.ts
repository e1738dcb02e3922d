/**
 * /trangthai. Whoever reports for a unit sees, per unit, the reports due this month (due date,
 * done or not) and the running quotas ("Tuần này: 0/1 tin bài"). Whoever oversees units sees
 * counts across them; Văn phòng staff and admins across all units.
 */
import type { Button, TextPart } from "../../channels/types";
import type { Db } from "../../db/index";
import type { StoredUnit } from "../../db/units";
import { isUnitValidOn } from "../../domain/org";
import { localDateOf } from "../../domain/time";
import type { Lang } from "../../i18n/index";
import type { Actor } from "../actor";
import type { Reply, Speaker } from "../messages";
import { missingButtons, missingForCommand, missingForPayload } from "./missing-command";
import type { ButtonLimits } from "./missing-render";
import { statusData } from "./model";
import { renderSummary, renderUnit } from "./render";
import { type ActivePlanSource, noSubmissionsYet, type SubmissionStatusSource } from "./sources";

export interface StatusRequest {
  readonly units: ReadonlyMap<string, StoredUnit>;
  readonly sp: Speaker;
  readonly now: Date;
  /** The chat's channel: its button limits, null when it shows numbered choices instead. */
  readonly buttons?: ButtonLimits | null | undefined;
}

export interface StatusReporter {
  /** /trangthai: the asker's own units in detail, and a summary of the units they oversee. */
  myStatus(db: Db, request: StatusRequest & { readonly actor: Actor }): Promise<Reply>;
  /** One unit in detail (a status button); the caller has checked `actor.can("view", unitId)`. */
  unitStatus(db: Db, request: StatusRequest & { readonly unitIds: readonly string[] }): Promise<Reply>;
  /** A "Chưa nộp" button (miss:<code>:<period>): the units of the asker's scope missing it. */
  missing(
    db: Db,
    request: StatusRequest & { readonly actor: Actor; readonly code: string; readonly periodKey: string },
  ): Promise<Reply>;
  /** /chuanop [<report> [<period>]]. */
  missingCommand(
    db: Db,
    request: StatusRequest & { readonly actor: Actor; readonly args: string },
  ): Promise<Reply>;
}

export interface StatusOptions {
  readonly plan: ActivePlanSource;
  readonly lang: Lang;
  /** Default: nothing submitted yet (issue 4 replaces it with its submissions table). */
  readonly submissions?: SubmissionStatusSource | undefined;
}

export function createStatusReporter(options: StatusOptions): StatusReporter {
  const submissions = options.submissions ?? noSubmissionsYet;
  const missingDeps = { plan: options.plan, lang: options.lang, submissions };
  const noPlan = (sp: Speaker): Reply => ({
    parts: [{ key: "bot:status.noPlan", params: { title: sp.title, contact: sp.contact } }],
  });

  return {
    async myStatus(db, { actor, units, sp, now, buttons: limits }) {
      const active = await options.plan(db);
      if (!active) return noPlan(sp);
      const today = localDateOf(now);
      const rc = { t: sp.t, lang: options.lang };
      if (actor.seesAll) {
        const all = [...units.values()].filter((u) => isUnitValidOn(u, today));
        const data = await statusData(db, active, all, today, now, submissions);
        // Count the units that owe something: the Sở, its divisions and the office itself rarely do.
        const owing = new Set([...data.reports, ...data.quotas].map((l) => l.instance.unitId)).size;
        const heading = sp.t("bot:status.summaryAll", summaryParams(today, owing));
        return withButtons(renderSummary(heading, data, rc), missingButtons(data.reports, rc, limits));
      }
      const own = actor.ownUnitIds.map((id) => units.get(id)).filter((u) => u !== undefined);
      const supervised = [...actor.supervisedUnitIds]
        .map((id) => units.get(id))
        .filter((u): u is StoredUnit => u !== undefined && isUnitValidOn(u, today));
      if (own.length === 0 && supervised.length === 0) {
        return { parts: [{ key: "bot:status.noUnits", params: { title: sp.title, contact: sp.contact } }] };
      }
      const parts = [];
      let buttons: Button[] = [];
      if (own.length > 0) {
        const data = await statusData(db, active, own, today, now, submissions);
        for (const unit of own) parts.push(...renderUnit(unit, data, rc));
      }
      if (supervised.length > 0) {
        const data = await statusData(db, active, supervised, today, now, submissions);
        const heading = sp.t("bot:status.summarySupervised", {
          title: sp.title,
          ...summaryParams(today, supervised.length),
        });
        parts.push(...renderSummary(heading, data, rc));
        buttons = missingButtons(data.reports, rc, limits);
      }
      return withButtons(parts, buttons);
    },

    async unitStatus(db, { unitIds, units, sp, now }) {
      const active = await options.plan(db);
      if (!active) return noPlan(sp);
      const today = localDateOf(now);
      const chosen = unitIds.map((id) => units.get(id)).filter((u) => u !== undefined);
      const data = await statusData(db, active, chosen, today, now, submissions);
      return { parts: chosen.flatMap((u) => renderUnit(u, data, { t: sp.t, lang: options.lang })) };
    },

    missing: (db, request) => missingForPayload(db, missingDeps, request),
    missingCommand: (db, request) => missingForCommand(db, missingDeps, request),
  };
}

function withButtons(parts: TextPart[], buttons: readonly Button[]): Reply {
  return buttons.length > 0 ? { parts, buttons } : { parts };
}

function summaryParams(today: string, units: number) {
  return { month: Number(today.slice(5, 7)), year: Number(today.slice(0, 4)), units };
}
