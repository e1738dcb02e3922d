import { describe, expect, it } from "vitest";
import { foldText, normalizeEmail, normalizePhone } from "../../src/domain/contact";

describe("normalizePhone", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["0912-345-678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["+84912345678", "0912345678"],
    ["84912345678", "0912345678"],
    ["0084 912 345 678", "0912345678"],
    ["912345678", "0912345678"],
    ["(0203) 3812 345", "02033812345"],
    ["0388 123 456", "0388123456"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["", "12345", "0112345678", "09123456789", "abc", "091234567x", "0612345678"])(
    "rejects %s",
    (input) => {
      expect(normalizePhone(input).ok).toBe(false);
    },
  );
});

describe("normalizeEmail", () => {
  it("lower-cases and trims", () => {
    expect(normalizeEmail("  Lan.NT@Truong.EDU.vn ")).toEqual({ ok: true, value: "lan.nt@truong.edu.vn" });
  });
  it.each(["lan", "lan@", "@x.vn", "lan@truong", "lan nt@x.vn"])("rejects %s", (input) => {
    expect(normalizeEmail(input).ok).toBe(false);
  });
});

describe("foldText", () => {
  it("removes accents, đ and case, and collapses spaces", () => {
    expect(foldText("  Đặng   Thị THÙY Linh ")).toBe("dang thi thuy linh");
    expect(foldText("Phòng Văn hóa – Xã hội")).toBe("phong van hoa – xa hoi");
  });
});
