import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildActor } from "../../src/bot/actor";
import { activePlanSource } from "../../src/bot/status/plan-source";
import { createStatusReporter } from "../../src/bot/status/reporter";
import { getPersonById, listMemberships, listUnits } from "../../src/db/index";
import { getPreset, SHIPPED_CALENDARS_DIR, usePlan } from "../../src/plan/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { NOW, P, seedOrg, t } from "./fixtures";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

describe("the production plan source", () => {
  it("reads the plan in force (the modern preset by default) with its calendar, for /trangthai", async () => {
    const source = activePlanSource({ planRef: undefined, dataDir: tdb.dir, lang: "vi" });
    const active = await source(tdb.db);
    expect(active?.plan.id).toBe("modern");
    expect(active?.calendar.id).toBe(active?.plan.calendar);

    const reporter = createStatusReporter({ plan: source, lang: "vi" });
    const person = await getPersonById(tdb.db, P.lan);
    if (!person) throw new Error("seed");
    const units = await listUnits(tdb.db);
    const actor = buildActor(person, await listMemberships(tdb.db, { personId: P.lan }), units);
    const reply = await reporter.myStatus(tdb.db, {
      actor,
      units: new Map(units.map((u) => [u.id, u])),
      sp: { t, title: "Cô", name: "Lan", contact: "VP" },
      now: NOW,
    });
    const first = reply.parts[0];
    expect(first && "text" in first ? first.text.split("\n")[0] : "").toBe(
      t("bot:status.heading", { unit: "Trường THCS Nguyễn Du", month: 11, year: 2026 }),
    );
  });
});

describe("the production plan source keeps what it loaded until it changes", () => {
  it("returns the same plan while nothing changed, and the new one after `plan use`", async () => {
    const source = activePlanSource({ planRef: undefined, dataDir: tdb.dir, lang: "vi" });
    const first = await source(tdb.db);
    expect(await source(tdb.db)).toBe(first);
    const hanoi = getPreset("hanoi-2017");
    if (!hanoi) throw new Error("preset");
    await usePlan(tdb.db, hanoi, "preset", NOW);
    const after = await source(tdb.db);
    expect(after?.plan.id).toBe("hanoi-2017");
    expect(after?.calendar.id).toBe("ha-noi");
  });

  it("applies an edited calendar override at the next call", async () => {
    const source = activePlanSource({ planRef: undefined, dataDir: tdb.dir, lang: "vi" });
    expect((await source(tdb.db))?.calendar.name.vi).toBe("Lịch chung toàn quốc");
    const dir = path.join(tdb.dir, "calendars");
    fs.mkdirSync(dir, { recursive: true });
    const shipped = fs.readFileSync(path.join(SHIPPED_CALENDARS_DIR, "vn.yaml"), "utf8");
    const edit = (name: string) =>
      fs.writeFileSync(path.join(dir, "vn.yaml"), shipped.replace("vi: Lịch chung toàn quốc", `vi: ${name}`));
    edit("Lịch của Sở");
    expect((await source(tdb.db))?.calendar.name.vi).toBe("Lịch của Sở");
    edit("Lịch của Sở (sửa lần hai)");
    expect((await source(tdb.db))?.calendar.name.vi).toBe("Lịch của Sở (sửa lần hai)");
  });
});
