import { describe, expect, it } from "vitest";
import { ADDRESS_FORMS, ROLES, SCHOOL_LEVELS, UNIT_KINDS } from "../../src/domain/org";
import {
  ADDRESS_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  parseAddressAs,
  parseKind,
  parseLevels,
  parseRole,
  roleLabel,
} from "../../src/org/vocabulary";

describe("vocabulary", () => {
  it("reads Vietnamese unit kinds without case, accents or punctuation", () => {
    expect(parseKind("trường")).toBe("school");
    expect(parseKind("TRUONG")).toBe("school");
    expect(parseKind("phòng GD&ĐT")).toBe("district_office");
    expect(parseKind("Phòng Văn hóa - Xã hội")).toBe("commune_office");
    expect(parseKind("Phòng Văn hóa – Xã hội")).toBe("commune_office");
    expect(parseKind("cụm chuyên môn")).toBe("cluster");
    expect(parseKind("văn phòng sở")).toBe("office");
    expect(parseKind("trung tâm")).toBe("center");
    expect(parseKind("Sở GD&ĐT")).toBe("so");
    expect(parseKind("school")).toBe("school");
    expect(parseKind("bệnh viện")).toBeUndefined();
  });

  it("reads Vietnamese roles", () => {
    expect(parseRole("Hiệu trưởng")).toBe("head");
    expect(parseRole("phó hiệu trưởng")).toBe("deputy");
    expect(parseRole("cán bộ truyền thông")).toBe("comms");
    expect(parseRole("Trưởng phòng")).toBe("head");
    expect(parseRole("Giám đốc")).toBe("head");
    expect(parseRole("chuyên viên văn phòng")).toBe("office_staff");
    expect(parseRole("Cụm trưởng")).toBe("cluster_head");
    expect(parseRole("quản trị")).toBe("admin");
    expect(parseRole("bảo vệ")).toBeUndefined();
  });

  it("reads levels as a set, in canonical order", () => {
    expect(parseLevels("MN, TH, THCS")).toEqual({ ok: true, value: ["mn", "th", "thcs"] });
    expect(parseLevels("tiểu học; mầm non")).toEqual({ ok: true, value: ["mn", "th"] });
    expect(parseLevels("TH&THCS")).toEqual({ ok: true, value: ["th", "thcs"] });
    expect(parseLevels("TH-THCS-THPT")).toEqual({ ok: true, value: ["th", "thcs", "thpt"] });
    expect(parseLevels("GDNN-GDTX")).toEqual({ ok: true, value: ["gdtx"] });
    expect(parseLevels("")).toEqual({ ok: true, value: [] });
    expect(parseLevels("TH, đại học")).toEqual({ ok: false, bad: "đại học" });
  });

  it("reads forms of address", () => {
    expect(parseAddressAs("Thầy")).toBe("thay");
    expect(parseAddressAs("cô")).toBe("co");
    expect(parseAddressAs("Đồng chí")).toBe("dong_chi");
    expect(parseAddressAs("anh")).toBe("anh");
    expect(parseAddressAs("Chị")).toBe("chi");
  });

  it("reads back every word it writes on export", () => {
    for (const kind of UNIT_KINDS) {
      expect(parseKind(KIND_LABELS[kind])).toBe(kind);
      for (const role of ROLES) expect(parseRole(roleLabel(role, kind)), `${role} in ${kind}`).toBe(role);
    }
    for (const level of SCHOOL_LEVELS)
      expect(parseLevels(LEVEL_LABELS[level])).toEqual({ ok: true, value: [level] });
    for (const form of ADDRESS_FORMS) expect(parseAddressAs(ADDRESS_LABELS[form])).toBe(form);
  });

  it("titles a head by the kind of unit", () => {
    expect(roleLabel("head", "school")).toBe("Hiệu trưởng");
    expect(roleLabel("head", "so")).toBe("Giám đốc");
    expect(roleLabel("head", "commune_office")).toBe("Trưởng phòng");
    expect(roleLabel("deputy", "school")).toBe("Phó Hiệu trưởng");
  });
});
