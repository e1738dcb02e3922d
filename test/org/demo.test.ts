import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findPersonByPhoneOrEmail, listMemberships, listPeople } from "../../src/db/people";
import { listUnitLinks } from "../../src/db/unit-links";
import { getUnitByCode, listUnits } from "../../src/db/units";
import { normalizeEmail, normalizePhone } from "../../src/domain/contact";
import { DEMO_PEOPLE, DEMO_PHONES, DEMO_UNIT_CODES, loadDemo } from "../../src/org/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const now = new Date("2026-11-02T03:00:00Z");
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.dispose());

describe("loadDemo", () => {
  it("loads the demo province into an empty database, with the shape the issue asks for", async () => {
    expect(await loadDemo(t.db, now)).toEqual({ loaded: true, units: 24, people: 40, memberships: 41 });
    const units = await listUnits(t.db);
    const byKind = (kind: string) => units.filter((u) => u.kind === kind);
    expect(byKind("so")).toHaveLength(1);
    expect(byKind("office")).toHaveLength(1);
    expect(byKind("division")).toHaveLength(3);
    expect(byKind("commune_office")).toHaveLength(2);
    expect(byKind("district_office")).toHaveLength(1);
    expect(byKind("cluster")).toHaveLength(1);
    expect(byKind("school")).toHaveLength(14);
    expect(byKind("center")).toHaveLength(1);
    const levels = new Set(byKind("school").map((u) => u.levels.join("&")));
    expect([...levels].sort()).toEqual(["mn", "th", "th&thcs", "thcs", "thcs&thpt", "thpt"]);
  });

  it("puts MN/TH/THCS under the commune office, reporting to the Sở or the cluster; THPT and centres under the Sở", async () => {
    await loadDemo(t.db, now);
    const units = await listUnits(t.db);
    const idOf = (code: string) => units.find((u) => u.code === code)?.id;
    const so = idOf(DEMO_UNIT_CODES.so);
    const communeOffices = new Set([
      idOf(DEMO_UNIT_CODES.communeOfficePhuLam),
      idOf(DEMO_UNIT_CODES.communeOfficeDongThanh),
    ]);
    for (const u of units.filter((u) => u.kind === "school" || u.kind === "center")) {
      if (u.levels.includes("thpt") || u.kind === "center") expect(u.parentId, u.code).toBe(so);
      else {
        expect(communeOffices.has(u.parentId ?? ""), u.code).toBe(true);
        expect([so, idOf(DEMO_UNIT_CODES.cluster)], u.code).toContain(u.reportsToId);
      }
    }
    const legacy = await getUnitByCode(t.db, DEMO_UNIT_CODES.legacyDistrictOffice);
    expect(legacy?.validTo).toBe("2025-06-30");
    const links = await listUnitLinks(t.db);
    expect(links.map((l) => [l.fromUnitId, l.kind, l.effectiveDate])).toEqual([
      [legacy?.id, "split", "2025-07-01"],
      [legacy?.id, "split", "2025-07-01"],
    ]);
    expect(new Set(links.map((l) => l.toUnitId))).toEqual(communeOffices);
  });

  it("gives every school a head and a comms officer, and the cluster a head who is a principal", async () => {
    await loadDemo(t.db, now);
    const units = await listUnits(t.db);
    const memberships = await listMemberships(t.db);
    for (const school of units.filter((u) => u.kind === "school" || u.kind === "center")) {
      const roles = memberships
        .filter((m) => m.unitId === school.id)
        .map((m) => m.role)
        .sort();
      expect(roles, school.code).toEqual(["comms", "head"]);
    }
    const clusterHead = await findPersonByPhoneOrEmail(t.db, { phone: DEMO_PHONES.nguyenDuHead });
    const roles = memberships
      .filter((m) => m.personId === clusterHead?.id)
      .map((m) => m.role)
      .sort();
    expect(roles).toEqual(["cluster_head", "head"]);
    const office = memberships.filter((m) => m.unitId === units.find((u) => u.code === "VP")?.id);
    expect(office.map((m) => m.role).sort()).toEqual(["admin", "head", "office_staff", "office_staff"]);
    const forms = new Set((await listPeople(t.db)).map((p) => p.addressAs));
    expect(forms).toEqual(new Set(["thay", "co", "dong_chi", "anh", "chi"]));
  });

  it("has valid, distinct phones and e-mails on a reserved domain", () => {
    const phones = new Map<string, string>();
    for (const p of DEMO_PEOPLE) {
      expect(normalizePhone(p.phone)).toEqual({ ok: true, value: p.phone });
      expect(normalizeEmail(p.email).ok).toBe(true);
      expect(p.email.endsWith(".example")).toBe(true);
      const owner = phones.get(p.phone);
      if (owner) expect(owner, p.phone).toBe(p.fullName);
      phones.set(p.phone, p.fullName);
    }
    for (const phone of Object.values(DEMO_PHONES)) expect(phones.has(phone), phone).toBe(true);
  });

  it("does nothing when units exist, however often it runs", async () => {
    await loadDemo(t.db, now);
    const before = { units: await listUnits(t.db), people: await listPeople(t.db) };
    expect(await loadDemo(t.db, now)).toEqual({ loaded: false, reason: "notEmpty" });
    expect({ units: await listUnits(t.db), people: await listPeople(t.db) }).toEqual(before);
  });
});
