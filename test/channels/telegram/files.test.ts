import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localDateOf } from "../../../src/domain/time";
import { receiveFile } from "../../../src/files/index";
import { translator } from "../../../src/i18n/index";
import { enqueueMessage } from "../../../src/outbox/index";
import { startTelegramTest, type TelegramTest } from "./harness";
import { documentUpdate, photoUpdate } from "./updates";

const MB = 1024 * 1024;

/** The handler a bot would have: store the file, or tell the person why not. */
async function startWithFileHandler(): Promise<TelegramTest> {
  return startTelegramTest({
    mode: "webhook",
    async onEvent(event, { db, dispatcher }) {
      if (event.kind !== "file") return;
      const now = new Date();
      const result = await receiveFile(db.db, { dataDir: db.dir, channel: event.channel, now }, event.file);
      if (!result.ok) {
        await enqueueMessage(db.db, {
          chat: event.chat,
          kind: "reply",
          now,
          message: { lang: "vi", parts: [{ key: result.messageKey, params: result.params }] },
        });
        await dispatcher.tick();
      }
    },
  });
}

describe("telegram files", () => {
  let t: TelegramTest;
  afterEach(async () => {
    await t.close();
  });

  it("stores a document under DATA_DIR/files/yyyy/mm/<sha256>.<ext> with size, type and SHA-256", async () => {
    t = await startWithFileHandler();
    const bytes = randomBytes(48_213);
    t.fake.addFile("doc-1", bytes);
    await t.fake.pushUpdate(
      documentUpdate(
        { updateId: 1, chatId: 8001 },
        {
          fileId: "doc-1",
          sizeBytes: bytes.byteLength,
          name: "Bao cao thang 11.pdf",
          mimeType: "application/pdf",
        },
      ),
    );
    await t.pipeline.drain();
    const sha = createHash("sha256").update(bytes).digest("hex");
    const [year, month] = localDateOf(new Date()).split("-");
    const row = await t.db.db.selectFrom("stored_files").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      sha256: sha,
      path: `files/${year}/${month}/${sha}.pdf`,
      size_bytes: 48_213,
      mime_type: "application/pdf",
      original_name: "Bao cao thang 11.pdf",
      channel: "telegram",
    });
    const onDisk = fs.readFileSync(path.join(t.db.dir, row.path));
    expect(createHash("sha256").update(onDisk).digest("hex")).toBe(sha);
    expect(t.events[0]).toMatchObject({ kind: "file", caption: "Minh chứng tin bài" });
  });

  it("downloads the largest size of a photo", async () => {
    t = await startWithFileHandler();
    const bytes = randomBytes(151_204);
    t.fake.addFile("photo-big", bytes);
    await t.fake.pushUpdate(photoUpdate({ updateId: 2, chatId: 8002 }, "photo-big", bytes.byteLength));
    await t.pipeline.drain();
    const row = await t.db.db.selectFrom("stored_files").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ size_bytes: 151_204, mime_type: "image/jpeg" });
    expect(row.path).toMatch(/\.jpg$/);
    expect(t.fake.callsTo("getFile").map((c) => c.params.file_id)).toEqual(["photo-big"]);
  });

  it("refuses a 21 MB file without downloading it and tells the person the 20 MB limit", async () => {
    t = await startWithFileHandler();
    await t.fake.pushUpdate(
      documentUpdate(
        { updateId: 3, chatId: 8003 },
        { fileId: "huge", sizeBytes: 21 * MB, name: "video.mp4", mimeType: "video/mp4" },
      ),
    );
    await t.pipeline.drain();
    expect(t.fake.callsTo("getFile")).toEqual([]);
    expect(await t.db.db.selectFrom("stored_files").selectAll().execute()).toEqual([]);
    const reply = t.fake.sentTo(8003)[0];
    expect(reply?.text).toBe(translator("vi")("channels:file.too_large", { limitMb: 20 }));
    expect(reply?.text).toContain("20 MB");
  });

  it("refuses a file whose size only getFile reveals (Telegram: file is too big)", async () => {
    t = await startWithFileHandler();
    t.fake.addFile("sizeless", new Uint8Array(10), 25 * MB);
    const update = documentUpdate(
      { updateId: 4, chatId: 8004 },
      { fileId: "sizeless", sizeBytes: 0, name: "scan.pdf", mimeType: "application/pdf" },
    );
    delete ((update.message as Record<string, unknown>).document as Record<string, unknown>).file_size;
    await t.fake.pushUpdate(update);
    await t.pipeline.drain();
    expect(t.fake.callsTo("getFile")).toHaveLength(1);
    expect(t.fake.sentTo(8004)[0]?.text).toContain("20 MB");
  });
});
