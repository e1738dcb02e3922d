import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extensionFor, storeFile } from "../../src/files/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("file store", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it("stores by content under files/yyyy/mm of Vietnam time, once per content", async () => {
    const bytes = new TextEncoder().encode("minh chứng");
    const sha = createHash("sha256").update(bytes).digest("hex");
    // 17:30 UTC on 31/10 is already 01/11 in Vietnam.
    const now = new Date("2026-10-31T17:30:00Z");
    const a = await storeFile(db.db, {
      dataDir: db.dir,
      bytes,
      name: "Ảnh.JPG",
      mimeType: "image/jpeg",
      now,
      channel: "web",
    });
    const b = await storeFile(db.db, {
      dataDir: db.dir,
      bytes,
      name: "khác.jpg",
      mimeType: "image/jpeg",
      now,
      channel: "telegram",
    });
    expect(a).toMatchObject({
      path: `files/2026/11/${sha}.jpg`,
      sizeBytes: bytes.byteLength,
      mimeType: "image/jpeg",
      sha256: sha,
    });
    expect(b.path).toBe(a.path);
    expect(fs.readdirSync(path.join(db.dir, "files/2026/11"))).toEqual([`${sha}.jpg`]);
    expect(
      await db.db.selectFrom("stored_files").select("original_name").orderBy("original_name").execute(),
    ).toEqual([{ original_name: "khác.jpg" }, { original_name: "Ảnh.JPG" }]);
  });

  it("picks a safe extension from the name, else the MIME type, else bin", () => {
    expect(extensionFor("Báo cáo.PDF", null)).toBe("pdf");
    expect(extensionFor("../../etc/passwd", null)).toBe("bin");
    expect(extensionFor(null, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe(
      "xlsx",
    );
    expect(extensionFor("noext", "application/x-unknown")).toBe("bin");
  });
});
