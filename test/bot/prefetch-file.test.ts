/**
 * A file is downloaded before the event's transaction: while one person's evidence is still
 * downloading, another chat's reply is committed (on SQLite a transaction holds the only write
 * lock, so a download inside it held every chat). A stranger's file is never downloaded.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DownloadResult, InboundEvent, InboundFile } from "../../src/channels/types";
import type { Plan } from "../../src/domain/plan";
import { getPreset } from "../../src/plan/index";
import { type Harness, joined, NOW, startHarness, to } from "../conversation/runner/harness";

const modern = getPreset("modern") as Plan;
/** The modern preset, its monthly report asking for the evidence file first. */
const PLAN: Plan = {
  ...modern,
  obligations: modern.obligations.map((o) =>
    o.code === "DL_MONTHLY" && o.form
      ? {
          ...o,
          form: {
            version: o.form.version + 1,
            questions: [
              ...o.form.questions
                .filter((q) => q.id === "evidence_file")
                .map((q) => ({ ...q, required: true })),
              ...o.form.questions.filter((q) => q.id !== "evidence_file"),
            ],
          },
        }
      : o,
  ),
};
const NOVEMBER = "report:DL_MONTHLY:2026-11:u-thcs-nd";
const PDF = new TextEncoder().encode("%PDF-1.4 minh chung");

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ plan: PLAN });
});
afterEach(async () => {
  await h.dispose();
});

/** A file whose download waits until release() is called; counts its downloads. */
function gatedFile() {
  let release: (r: DownloadResult) => void = () => {};
  const gate = new Promise<DownloadResult>((r) => {
    release = r;
  });
  const state = { downloads: 0 };
  const file: InboundFile = {
    name: "minh-chung.pdf",
    mimeType: "application/pdf",
    sizeBytes: PDF.byteLength,
    isPhoto: false,
    download: () => {
      state.downloads++;
      return gate;
    },
  };
  return { file, state, release: () => release({ ok: true, bytes: PDF }) };
}

let counter = 0;
function fileEvent(chatId: string, file: InboundFile): InboundEvent {
  return {
    channel: "telegram",
    chat: { channel: "telegram", chatId },
    sender: { platformUserId: `u-${chatId}` },
    platformId: `prefetch-${++counter}`,
    receivedAt: NOW,
    kind: "file",
    file,
  };
}

describe("a file in a chat", () => {
  it("is downloaded outside the transaction: another chat is answered meanwhile, the file is stored once", async () => {
    expect(joined(await h.tap("lan", NOVEMBER))).toContain("Tệp minh chứng");
    const { file, state, release } = gatedFile();
    const lan = h.send(fileEvent("lan", file));
    // Lan's download is pending; Minh's /trogiup goes through and commits.
    const help = to(await h.text("minh", "/trogiup"), "minh");
    expect(joined(help)).toContain("/baocao");
    expect(state.downloads).toBe(1);
    release();
    expect(joined(to(await lan, "lan"))).toContain("Câu 2/");
    expect(state.downloads).toBe(1);
    const stored = await h.db.selectFrom("stored_files").select(["size_bytes", "sha256"]).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.size_bytes).toBe(PDF.byteLength);
  });

  it("from an unlinked chat is never downloaded", async () => {
    const { file, state } = gatedFile();
    const replies = await h.send(fileEvent("stranger", file));
    expect(joined(replies)).toContain("mã mời");
    expect(state.downloads).toBe(0);
  });
});
