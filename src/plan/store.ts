/**
 * Which plan is in force. A plan put in use is stored whole (table `plans`, content as JSON, version =
 * hash of the content) so that drafts and obligation instances can name the exact version they
 * were made under, and so that editing or deleting the source file never changes a running system.
 *
 * Resolution order: the stored active plan → BAOCAO_PLAN (a preset id or a file path) → `modern`.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Config } from "../config";
import { type Db, getSetting, setSetting } from "../db/index";
import type { Plan } from "../domain/plan";
import type { PlanIssue } from "./issues";
import { loadPlanFile, parsePlan } from "./load";
import { DEFAULT_PRESET_ID, getPreset } from "./presets/index";

/** settings key holding the `plans.id` of the plan in force. */
export const ACTIVE_PLAN_SETTING = "plan.active";

export type PlanOrigin = "preset" | "file";

export interface ActivePlan {
  readonly plan: Plan;
  readonly version: string;
  /** stored: put in use with `baocao plan use`; config: BAOCAO_PLAN; default: the modern preset. */
  readonly from: "stored" | "config" | "default";
  /** The `plans` row when stored. */
  readonly rowId?: string | undefined;
}

/** A plan that should be valid is not (a stored row after a format change, a BAOCAO_PLAN file). */
export class PlanInvalidError extends Error {
  readonly code = "PLAN_INVALID";
  constructor(
    readonly where: string,
    readonly issues: readonly PlanIssue[],
  ) {
    super(`${where}: ${issues.map((i) => `${i.path || "(file)"}: ${i.message}`).join("; ")}`);
    this.name = "PlanInvalidError";
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** SHA-256 of the plan's canonical JSON (sorted keys): equal content, equal version. */
export function planVersion(plan: Plan): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(plan)))
    .digest("hex");
}

/**
 * Stores the plan (validated again: the caller may hold an object built in code) and makes it the
 * active one. Putting the same content in use twice reuses its row.
 */
export async function usePlan(
  db: Db,
  plan: Plan,
  source: PlanOrigin,
  now: Date,
): Promise<{ readonly rowId: string; readonly version: string }> {
  const checked = parsePlan(plan, "en");
  if (!checked.ok) throw new PlanInvalidError(`plan ${plan.id}`, checked.errors);
  const version = planVersion(checked.plan);
  const rowId = `${checked.plan.id}@${version.slice(0, 12)}`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("plans")
      .values({
        id: rowId,
        source,
        content: JSON.stringify(canonical(checked.plan)),
        version,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    await setSetting(trx, ACTIVE_PLAN_SETTING, rowId, now);
  });
  return { rowId, version };
}

async function storedPlan(db: Db): Promise<ActivePlan | undefined> {
  const rowId = await getSetting(db, ACTIVE_PLAN_SETTING);
  if (rowId === undefined) return undefined;
  const row = await db
    .selectFrom("plans")
    .select(["content", "version"])
    .where("id", "=", rowId)
    .executeTakeFirst();
  if (!row)
    throw new PlanInvalidError(`plans.${rowId}`, [{ path: "", message: "the active plan row is missing" }]);
  const parsed = parsePlan(JSON.parse(row.content) as unknown, "en");
  if (!parsed.ok) throw new PlanInvalidError(`plans.${rowId}`, parsed.errors);
  return { plan: parsed.plan, version: row.version, from: "stored", rowId };
}

/** The plan named by a preset id or a file path (relative to `cwd`). */
export async function planFromRef(
  ref: string,
  cwd: string = process.cwd(),
): Promise<{ ok: true; plan: Plan; origin: PlanOrigin } | { ok: false; errors: readonly PlanIssue[] }> {
  const preset = getPreset(ref);
  if (preset) return { ok: true, plan: preset, origin: "preset" };
  const loaded = await loadPlanFile(path.resolve(cwd, ref), "en");
  return loaded.ok ? { ok: true, plan: loaded.plan, origin: "file" } : loaded;
}

export async function resolveActivePlan(
  db: Db,
  config: Pick<Config, "planRef">,
  cwd: string = process.cwd(),
): Promise<ActivePlan> {
  const stored = await storedPlan(db);
  if (stored) return stored;
  if (config.planRef !== undefined) {
    const fromRef = await planFromRef(config.planRef, cwd);
    if (!fromRef.ok) throw new PlanInvalidError(`BAOCAO_PLAN=${config.planRef}`, fromRef.errors);
    return { plan: fromRef.plan, version: planVersion(fromRef.plan), from: "config" };
  }
  const preset = getPreset(DEFAULT_PRESET_ID);
  if (!preset) throw new Error(`default preset ${DEFAULT_PRESET_ID} is missing`);
  return { plan: preset, version: planVersion(preset), from: "default" };
}

/** The plan in force. */
export async function loadActivePlan(db: Db, config: Pick<Config, "planRef">, cwd?: string): Promise<Plan> {
  return (await resolveActivePlan(db, config, cwd)).plan;
}
