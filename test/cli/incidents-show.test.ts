/**
 * `baocao incidents show REF`: the record the chat shows (same builder), with every evidence file's
 * SHA-256 and where it is stored, as text and as JSON; a malformed reference is a usage error (2),
 * an unknown one exit 1.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliOn, type Harness, joined, P, startHarness, to } from "../conversation/runner/harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

const cli = (...argv: string[]) => cliOn(h, ...argv);

const WHAT = "Một clip về học sinh đánh nhau lan truyền trên TikTok.";
const HANDLING = "Đã mời phụ huynh, báo cáo Phòng, liên hệ gỡ clip.";
const PDF = new TextEncoder().encode("%PDF-1.4 anh chup clip");
const PNG = new TextEncoder().encode("\x89PNG go clip");
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Lan reports an incident with a PDF; Minh adds a follow-up with a picture. */
async function reportWithFollowUp(): Promise<string> {
  const say = async (text: string) => joined(to(await h.text("lan", text), "lan"));
  expect(await say("/baocao vuviec")).toContain("Vụ việc gì đã xảy ra?");
  for (const answer of [WHAT, "1", "hôm nay", "/boqua", "3", HANDLING, "không"]) await say(answer);
  await h.file("lan", { name: "anh-chup-clip.pdf", mimeType: "application/pdf", bytes: PDF });
  await say("/boqua");
  await h.tap("lan", "c:submit");
  const { reference } = await h.db.selectFrom("incidents").select("reference").executeTakeFirstOrThrow();
  h.now = new Date(h.now.getTime() + 90 * 60 * 1000);
  await h.tap("minh", `incu:${reference}`);
  await h.text("minh", "Clip đã được gỡ.");
  await h.text("minh", "2");
  await h.file("minh", { name: "go-clip.png", mimeType: "image/png", bytes: PNG });
  await h.tap("minh", "c:submit");
  return reference;
}

describe("baocao incidents show", () => {
  it("prints the chat's record with each file's SHA-256 and stored path", async () => {
    const ref = await reportWithFollowUp();
    const chat = to(await h.tap("tuan", `incv:${ref}`), "tuan")[0]?.text ?? "";

    const r = await cli("incidents", "show", ref.toLowerCase());
    expect(r).toMatchObject({ code: 0, err: "" });
    const pdfPath = path.join(h.tdb.dir, "files", "2026", "11", `${sha(PDF)}.pdf`);
    const pngPath = path.join(h.tdb.dir, "files", "2026", "11", `${sha(PNG)}.png`);
    expect(fs.existsSync(pdfPath)).toBe(true);
    expect(r.out.split("\n")).toEqual([
      `Hồ sơ vụ việc ${ref} — Trường THCS Nguyễn Du`,
      "Tình trạng: đang mở.",
      "Báo cáo lúc 10/11/2026 10:00, người báo cáo: Nguyễn Thị Lan.",
      `Vụ việc gì đã xảy ra?: ${WHAT}`,
      "Vụ việc xuất hiện ở đâu?: Mạng xã hội (Facebook, Zalo, TikTok…)",
      "Ngày xảy ra hoặc phát hiện: 10/11/2026",
      "Mức độ: Cao: lan rộng, báo chí đưa tin, cần chỉ đạo",
      `Đơn vị đã xử lý ban đầu thế nào?: ${HANDLING}`,
      "Đơn vị có cần cấp trên hỗ trợ, chỉ đạo không?: Không",
      "Tệp minh chứng (1):",
      `• anh-chup-clip.pdf — SHA-256 ${sha(PDF)} — ${pdfPath}`,
      "Các lần cập nhật (1):",
      "1. 10/11/2026 11:30, Trần Văn Minh — Đã xử lý xong. Clip đã được gỡ.",
      "Tệp kèm theo (1):",
      `• go-clip.png — SHA-256 ${sha(PNG)} — ${pngPath}`,
    ]);
    // The same record as the chat: every line the CLI prints apart from the file details is there.
    for (const line of r.out.split("\n").filter((l) => !l.startsWith("• ") && !l.startsWith("Tệp"))) {
      expect(chat).toContain(line);
    }
    expect(chat).toContain("Tệp minh chứng (1): anh-chup-clip.pdf");
    expect(chat).toContain("Tệp kèm theo: go-clip.png");

    const json = JSON.parse((await cli("incidents", "show", ref, "--json")).out);
    expect(json).toMatchObject({
      reference: ref,
      status: "open",
      severity: "high",
      unit: { id: "u-thcs-nd", code: "THCS-ND", name: "Trường THCS Nguyễn Du" },
      reportedAt: "2026-11-10T03:00:00.000Z",
      closedAt: null,
      reporter: { id: P.lan, name: "Nguyễn Thị Lan" },
      answers: { what: WHAT, first_handling: HANDLING, severity: "high" },
      files: [
        {
          name: "anh-chup-clip.pdf",
          sha256: sha(PDF),
          sizeBytes: PDF.byteLength,
          path: `files/2026/11/${sha(PDF)}.pdf`,
          absolutePath: pdfPath,
        },
      ],
      updates: [
        {
          at: "2026-11-10T04:30:00.000Z",
          by: { id: P.minh, name: "Trần Văn Minh" },
          stateLabel: "Đã xử lý xong",
          text: "Clip đã được gỡ.",
          files: [{ name: "go-clip.png", sha256: sha(PNG), path: `files/2026/11/${sha(PNG)}.png` }],
        },
      ],
    });
    expect(json.answerLines).toContainEqual({
      id: "severity",
      label: "Mức độ",
      line: "Mức độ: Cao: lan rộng, báo chí đưa tin, cần chỉ đạo",
    });
  });

  it("shows a closed incident as closed, and speaks English with --lang en", async () => {
    const ref = await reportWithFollowUp();
    expect((await cli("incidents", "close", ref)).code).toBe(0);
    const r = await cli("incidents", "show", ref, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Incident record ${ref} — Trường THCS Nguyễn Du`);
    expect(r.out).toContain("Status: closed by the office at 10/11/2026 11:30.");
    expect(r.out).toContain("Evidence files (1):");
  });

  it("refuses a malformed reference (2) and an unknown one (1), precisely", async () => {
    expect(await cli("incidents", "show", "BC-2611-4827")).toMatchObject({
      code: 2,
      out: "",
      err: "“BC-2611-4827” không phải số vụ việc; số vụ việc có dạng VV-2611-0042. Cách dùng: baocao incidents show REF [--json]",
    });
    expect(await cli("incidents", "show", "VV-2611-0000")).toMatchObject({
      code: 1,
      out: "",
      err: "Không tìm thấy vụ việc số VV-2611-0000. Danh sách vụ việc: baocao incidents list",
    });
    expect((await cli("incidents", "show")).code).toBe(2);
    const help = await cli("incidents", "show", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("baocao incidents show REF [--json]");
    expect((await cli("incidents")).out).toContain("baocao incidents show REF [--json]");
  });
});
