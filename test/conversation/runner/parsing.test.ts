/** The runner's small parsers: office commands, report names, button payloads. */
import { describe, expect, it } from "vitest";
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
