import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getSetting } from "../../src/db/index";
import {
  ACTIVE_PLAN_SETTING,
  getPreset,
  loadActivePlan,
  PlanInvalidError,
  planVersion,
  resolveActivePlan,
  usePlan,
} from "../../src/plan/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const FIXTURES = path.resolve(__dirname, "../fixtures/plan");
const NOW = new Date("2026-11-20T03:00:00.000Z");

function preset(id: string) {
  const p = getPreset(id);
  if (!p) throw new Error(id);
  return p;
}

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.dispose();
});

describe("the plan in force", () => {
  it("is the modern preset when nothing is stored or configured", async () => {
    const active = await resolveActivePlan(t.db, { planRef: undefined });
    expect(active.from).toBe("default");
    expect(active.plan.id).toBe("modern");
    expect(active.version).toBe(planVersion(preset("modern")));
  });

  it("follows BAOCAO_PLAN: a preset id or a plan file", async () => {
    expect((await loadActivePlan(t.db, { planRef: "hoabinh-2025" })).id).toBe("hoabinh-2025");
    const fromFile = await resolveActivePlan(t.db, { planRef: "example.yaml" }, FIXTURES);
    expect(fromFile).toMatchObject({ from: "config", plan: { id: "so-vidu-2026" } });
  });

  it("refuses an invalid BAOCAO_PLAN file with its errors", async () => {
    const attempt = resolveActivePlan(t.db, { planRef: path.join(FIXTURES, "bad.yaml") });
    await expect(attempt).rejects.toBeInstanceOf(PlanInvalidError);
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "calender" })]),
    });
  });

  it("usePlan stores the content with its hash as version and marks it active, over BAOCAO_PLAN", async () => {
    const plan = preset("kimthanh-2024");
    const { rowId, version } = await usePlan(t.db, plan, "preset", NOW);
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    expect(await getSetting(t.db, ACTIVE_PLAN_SETTING)).toBe(rowId);
    const row = await t.db.selectFrom("plans").selectAll().where("id", "=", rowId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: "preset", version, created_at: NOW.toISOString() });
    expect(JSON.parse(row.content)).toEqual(JSON.parse(JSON.stringify(plan)));
    const active = await resolveActivePlan(t.db, { planRef: "hoabinh-2025" });
    expect(active).toMatchObject({ from: "stored", version, rowId });
    expect(active.plan).toEqual(plan);
  });

  it("using the same content twice keeps one row; another plan switches the active one", async () => {
    const first = await usePlan(t.db, preset("badinh-2024"), "preset", NOW);
    const again = await usePlan(t.db, preset("badinh-2024"), "preset", new Date(NOW.getTime() + 60_000));
    expect(again).toEqual(first);
    await usePlan(t.db, preset("haiphong-2021"), "preset", NOW);
    const rows = await t.db.selectFrom("plans").select("id").execute();
    expect(rows).toHaveLength(2);
    expect((await loadActivePlan(t.db, { planRef: undefined })).id).toBe("haiphong-2021");
  });

  it("rejects an invalid plan built in code instead of storing it", async () => {
    const broken = { ...preset("modern"), obligations: [] };
    await expect(usePlan(t.db, broken, "file", NOW)).rejects.toBeInstanceOf(PlanInvalidError);
    expect(await getSetting(t.db, ACTIVE_PLAN_SETTING)).toBeUndefined();
  });

  it("a stored plan that no longer validates is an error, not a silent fallback", async () => {
    const { rowId } = await usePlan(t.db, preset("modern"), "preset", NOW);
    await t.db
      .updateTable("plans")
      .set({ content: JSON.stringify({ id: "modern" }) })
      .where("id", "=", rowId)
      .execute();
    await expect(resolveActivePlan(t.db, { planRef: undefined })).rejects.toBeInstanceOf(PlanInvalidError);
  });

  it("the version depends on content, not on key order", () => {
    const plan = preset("hanoi-2017");
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(plan) as typeof plan;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(plan));
    expect(planVersion(reordered)).toBe(planVersion(plan));
    expect(planVersion({ ...plan, max_reminders_per_person_per_day: 3 })).not.toBe(planVersion(plan));
  });
});
