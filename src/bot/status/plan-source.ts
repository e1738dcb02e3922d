/**
 * The production ActivePlanSource: the plan in force (stored → BAOCAO_PLAN → the modern preset,
 * see src/plan/store.ts) and its holiday calendar (shipped, or overridden in DATA_DIR/calendars).
 * `baocao plan use` and calendar edits apply at the next /trangthai, without a restart.
 *
 * Parsing a calendar file and hashing a plan took most of a /trangthai, so both are kept and
 * loaded again only when what names them changes: the `plan.active` setting (a stored plan row
 * never changes: its id carries its version), the BAOCAO_PLAN file's mtime and size, and the
 * calendar override's mtime and size (shipped calendars change only with a deploy). The same
 * plan gives the same object, which lets callers memoize per plan.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../../config";
import { getSetting } from "../../db/index";
import type { Plan } from "../../domain/plan";
import { ACTIVE_PLAN_SETTING, getPreset, loadActivePlan, loadCalendar } from "../../plan/index";
import type { ActivePlan, ActivePlanSource } from "./sources";

/** "mtime:size" of a file, or "none": enough to notice an edit or a replacement. */
function fileStamp(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : "none";
}

export function activePlanSource(
  config: Pick<Config, "planRef" | "dataDir" | "lang">,
  cwd?: string,
): ActivePlanSource {
  let plan: { key: string; value: Plan } | null = null;
  let active: { key: string; value: ActivePlan } | null = null;

  const planKey = async (db: Parameters<ActivePlanSource>[0]): Promise<string> => {
    const stored = await getSetting(db, ACTIVE_PLAN_SETTING);
    if (stored !== undefined) return `stored:${stored}`;
    const ref = config.planRef;
    if (ref === undefined) return "default";
    if (getPreset(ref)) return `preset:${ref}`;
    return `file:${ref}:${fileStamp(path.resolve(cwd ?? process.cwd(), ref))}`;
  };

  return async (db) => {
    const pk = await planKey(db);
    if (plan?.key !== pk) plan = { key: pk, value: await loadActivePlan(db, config, cwd) };
    const current = plan.value;
    const override = path.join(config.dataDir, "calendars", `${current.calendar}.yaml`);
    const key = `${pk}|${current.calendar}|${fileStamp(override)}`;
    if (active?.key === key) return active.value;
    const calendar = await loadCalendar(current.calendar, config.dataDir, config.lang);
    // A plan names a calendar the validator checked; a missing one is an installation fault.
    if (!calendar.ok)
      throw new Error(`calendar "${current.calendar}" of plan ${current.id} cannot be loaded`);
    active = { key, value: { plan: current, calendar: calendar.calendar } };
    return active.value;
  };
}
