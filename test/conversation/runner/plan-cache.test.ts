import { describe, expect, it } from "vitest";
import type { ActivePlan } from "../../../src/bot/status/sources";
import { cachePlanSource } from "../../../src/conversation/runner/index";
import type { Db } from "../../../src/db/index";

describe("cachePlanSource", () => {
  it("loads once per ttl, shares a load in flight, and retries after a failure", async () => {
    let clock = 0;
    let loads = 0;
    let fail = false;
    const plan = { plan: { id: "p" }, calendar: { id: "c" } } as unknown as ActivePlan;
    const source = cachePlanSource(
      async () => {
        loads++;
        if (fail) throw new Error("plan row missing");
        return plan;
      },
      { ttlMs: 1000, now: () => clock },
    );
    const db = {} as Db;
    await Promise.all([source(db), source(db)]);
    expect(loads).toBe(1);
    clock = 999;
    await source(db);
    expect(loads).toBe(1);
    clock = 1000;
    fail = true;
    await expect(source(db)).rejects.toThrow("plan row missing");
    fail = false;
    expect(await source(db)).toBe(plan);
    expect(loads).toBe(3);
  });
});
