import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Actor, buildActor } from "../../src/bot/actor";
import { getPersonById, listMemberships, listUnits } from "../../src/db/index";
import type { Membership, Role } from "../../src/domain/org";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createBot, ev, linkChat, P, seedOrg, t, U } from "./fixtures";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

async function actorOf(personId: string, memberships?: Membership[]): Promise<Actor> {
  const person = await getPersonById(tdb.db, personId);
  if (!person) throw new Error(personId);
  return buildActor(
    person,
    memberships ?? (await listMemberships(tdb.db, { personId })),
    await listUnits(tdb.db),
  );
}

const ALL_UNITS = Object.values(U);
const visible = (a: Actor, action: "view" | "submit") => ALL_UNITS.filter((u) => a.can(action, u)).sort();

describe("Actor.can: the rules of issue 3 §5", () => {
  it.each(["head", "deputy", "comms", "staff"] as Role[])(
    "a school's %s views and submits for their own unit only",
    async (role) => {
      const actor = await actorOf(P.lan, [{ personId: P.lan, unitId: U.nguyenDu, role }]);
      expect(visible(actor, "view")).toEqual([U.nguyenDu]);
      expect(visible(actor, "submit")).toEqual([U.nguyenDu]);
      expect(actor.can("admin")).toBe(false);
    },
  );

  it("a cluster head sees the schools that report to the cluster, submits only for their own school", async () => {
    const actor = await actorOf(P.minh);
    expect(visible(actor, "view")).toEqual([U.nguyenDu, U.kimDong].sort());
    expect(visible(actor, "submit")).toEqual([U.kimDong]);
  });

  it("the head of a commune office sees the schools under it, and acts for the office only", async () => {
    const actor = await actorOf(P.hoa);
    expect(visible(actor, "view")).toEqual([U.commune, U.nguyenDu, U.kimDong].sort());
    expect(visible(actor, "submit")).toEqual([U.commune]);
  });

  it("the deputy of a commune office does not oversee its schools", async () => {
    const actor = await actorOf(P.nga);
    expect(visible(actor, "view")).toEqual([U.commune]);
  });

  it("the head of a district office sees recursively: its cluster and the cluster's schools", async () => {
    const actor = await actorOf(P.nobody, [{ personId: P.nobody, unitId: U.district, role: "head" }]);
    expect(visible(actor, "view")).toEqual([U.district, U.cluster, U.nguyenDu, U.oldSchool].sort());
    expect(visible(actor, "submit")).toEqual([U.district]);
  });

  it("the head of a school is not an overseer, whatever hangs below the school", async () => {
    await tdb.db.updateTable("units").set({ parent_id: U.kimDong }).where("id", "=", U.chuVanAn).execute();
    const actor = await actorOf(P.minh, [{ personId: P.minh, unitId: U.kimDong, role: "head" }]);
    expect(visible(actor, "view")).toEqual([U.kimDong]);
  });

  it("Văn phòng staff see and act for every unit, but are not admins", async () => {
    const actor = await actorOf(P.tuan);
    expect(visible(actor, "view")).toEqual([...ALL_UNITS].sort());
    expect(visible(actor, "submit")).toEqual([...ALL_UNITS].sort());
    expect(actor.can("admin")).toBe(false);
  });

  it("admins can do everything, including admin commands", async () => {
    const actor = await actorOf(P.admin);
    expect(visible(actor, "view")).toEqual([...ALL_UNITS].sort());
    expect(actor.can("admin")).toBe(true);
  });

  it("a unit id nobody knows is refused for everyone, admins included", async () => {
    for (const p of [P.lan, P.minh, P.tuan, P.admin]) {
      const actor = await actorOf(p);
      expect(actor.can("view", "u-forged")).toBe(false);
      expect(actor.can("submit", "u-forged")).toBe(false);
      expect(actor.can("view")).toBe(false);
    }
  });

  it("a person without memberships can do nothing", async () => {
    const actor = await actorOf(P.nobody);
    expect(visible(actor, "view")).toEqual([]);
    expect(actor.can("admin")).toBe(false);
  });
});

describe("button payloads naming a unit are checked again when tapped", () => {
  const refusal = (title: string) => t("bot:refused.unit", { title });

  it("a forged status payload for another school is refused and shows no data", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    for (const forged of [`status:${U.kimDong}`, `status:${U.commune}`, "status:u-forged", "status:"]) {
      const replies = await bot.send(ev.action("100", forged));
      if (forged === "status:") {
        // Not a status payload at all: it goes to the conversation engine, not to status.
        expect(replies[0]?.text).not.toContain("Kim Đồng");
        continue;
      }
      expect(replies.map((r) => r.text)).toEqual([refusal("Cô")]);
    }
  });

  it("the same payload for the person's own unit shows its status", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    const [reply] = await bot.send(ev.action("100", `status:${U.nguyenDu}`));
    expect(reply?.text.split("\n")[0]).toBe(
      t("bot:status.heading", { unit: "Trường THCS Nguyễn Du", month: 11, year: 2026 }),
    );
  });

  it("an overseer may open a school below them, not one elsewhere", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.hoa, "100");
    const [allowed] = await bot.send(ev.action("100", `status:${U.kimDong}`));
    expect(allowed?.text.split("\n")[0]).toBe(
      t("bot:status.heading", { unit: "Trường Tiểu học Kim Đồng", month: 11, year: 2026 }),
    );
    const [refused] = await bot.send(ev.action("100", `status:${U.chuVanAn}`));
    expect(refused?.text).toBe(refusal("Chị"));
  });

  it("an unlinked chat tapping a status payload learns only how to link", async () => {
    const bot = createBot(tdb.db);
    const [reply] = await bot.send(ev.action("100", `status:${U.nguyenDu}`));
    expect(reply?.text.split("\n\n")[0]).toBe(t("bot:unlinked.intro"));
    expect(reply?.text).not.toContain("Nguyễn Du");
  });
});
