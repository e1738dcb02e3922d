/** The runner's small parsers: office commands, "xem vụ việc" typed, report names, button payloads. */
import { describe, expect, it } from "vitest";
import { isIncidentReference, parseShowIncidentText } from "../../../src/conversation/runner/incident-view";
import { matchName } from "../../../src/conversation/runner/match";
import { parseOfficeCommand } from "../../../src/conversation/runner/office-chat";
import { formatPayload, parsePayload, reportPayload } from "../../../src/conversation/runner/payloads";

describe("office commands", () => {
  it.each([
    [
      "trả lại BC-2611-4827 Thiếu minh chứng",
      { verb: "return", reference: "BC-2611-4827", note: "Thiếu minh chứng" },
    ],
    [
      "tra lai bc-2611-4827   Số liệu\nchưa khớp",
      { verb: "return", reference: "BC-2611-4827", note: "Số liệu\nchưa khớp" },
    ],
    ["/tralai BC-2611-4827 sai", { verb: "return", reference: "BC-2611-4827", note: "sai" }],
    ["Chấp nhận BC-2611-4827", { verb: "accept", reference: "BC-2611-4827", note: "" }],
    ["đóng vụ việc VV-2611-0042", { verb: "close", reference: "VV-2611-0042", note: "" }],
    [
      "return BC-2611-4827 missing evidence",
      { verb: "return", reference: "BC-2611-4827", note: "missing evidence" },
    ],
  ])("%s", (text, expected) => {
    expect(parseOfficeCommand(text)).toEqual(expected);
  });

  it.each(["trả lại sau", "chấp nhận", "BC-2611-4827", "trả lời BC-2611-4827 x", "đóng cửa lớp 5A"])(
    "not a command: %s",
    (text) => {
      expect(parseOfficeCommand(text)).toBeNull();
    },
  );
});

describe("“xem vụ việc” typed without the slash", () => {
  it.each([
    ["xem vụ việc VV-2611-0042", "VV-2611-0042"],
    ["Xem vu viec vv-2611-0042", "vv-2611-0042"],
    ["XEM VỤ VIỆC", ""],
    ["xem vụ việc số VV-2611-0042.", "VV-2611-0042"],
    ["  xem   vụ việc:  VV-2611-0042?  ", "VV-2611-0042"],
    ["Xem hồ sơ vụ việc VV-2611-0042", "VV-2611-0042"],
    ["xemvuviec VV-2611-0042", "VV-2611-0042"],
    ["view incident VV-2611-0042", "VV-2611-0042"],
    // One word that is not a reference: /xemvuviec says what a reference looks like.
    ["xem vụ việc BC-2611-4827", "BC-2611-4827"],
  ])("%s → %j", (text, expected) => {
    expect(parseShowIncidentText(text)).toBe(expected);
  });

  it.each([
    "vụ việc",
    "Báo cáo vụ việc",
    "vụ việc VV-2611-0042",
    "xem",
    "xem vụ việc của trường Kim Đồng",
    "xem lại vụ việc VV-2611-0042",
    "VV-2611-0042",
  ])("not the phrase: %s", (text) => {
    expect(parseShowIncidentText(text)).toBeNull();
  });

  it("knows a bare reference", () => {
    expect(isIncidentReference(" vv-2611-0042 ")).toBe(true);
    expect(isIncidentReference("VV-2611-000000042")).toBe(true);
    expect(isIncidentReference("BC-2611-4827")).toBe(false);
    expect(isIncidentReference("VV-2611-0042 gấp")).toBe(false);
  });
});

describe("report names", () => {
  const candidates = [
    { value: "monthly", names: ["Báo cáo tháng công tác truyền thông và tình hình dư luận"] },
    { value: "contacts", names: ["Phân công phụ trách truyền thông và kênh truyền thông của đơn vị"] },
    { value: "article", names: ["Gửi tin bài", "tin bài"] },
  ];
  it.each([
    ["báo cáo tháng", ["monthly"]],
    ["bao cao du luan", ["monthly"]],
    ["tin bai", ["article"]],
    ["phân công", ["contacts"]],
    ["truyền thông", ["monthly", "contacts"]],
    ["báo cáo", []],
    ["xin chào", []],
    ["", []],
  ])("%s → %j", (text, expected) => {
    expect(matchName(text, candidates)).toEqual(expected);
  });
});

describe("payloads", () => {
  it("round-trip and stay within 64 bytes, naming the unit by code when its id is too long", () => {
    for (const p of [
      { type: "menu", unitId: "u-1" },
      { type: "resume", draftId: "84944320-1c94-44c4-bbbd-cf3dd64b32b7" },
      { type: "later" },
      { type: "reopen", reference: "BC-2611-4827" },
      { type: "article", unitId: "u-1" },
      { type: "incident", unitId: "u-1", fresh: true },
      { type: "incident", unitId: "u-1", fresh: false },
      { type: "incidentUpdate", reference: "VV-2611-0042" },
      { type: "incidentView", reference: "VV-2611-0042" },
      { type: "incidentClose", reference: "VV-2611-000000042" },
      { type: "report", obligationCode: "DL_MONTHLY", periodKey: "2026-11", unit: null },
    ] as const) {
      expect(parsePayload(formatPayload(p))).toEqual(p);
    }
    const uuid = "84944320-1c94-44c4-bbbd-cf3dd64b32b7";
    expect(reportPayload("DL_SCHOOL_MONTHLY", "2026-2027-HK1", { id: uuid, code: "THCS-ND" })).toBe(
      "report:DL_SCHOOL_MONTHLY:2026-2027-HK1:THCS-ND",
    );
    expect(parsePayload("c:submit")).toBeNull();
  });
});
