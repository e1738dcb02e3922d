import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChatClient } from "./client";
import { GOOD_CODE, startWebChat, type WebChatHarness } from "./harness";

// The smallest valid PNG (1×1 transparent pixel).
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);

async function linkedPhone(h: WebChatHarness): Promise<ChatClient> {
  const phone = new ChatClient(h.url);
  await phone.open();
  await phone.send({ kind: "start", code: GOOD_CODE });
  await h.pipeline.drain();
  await phone.history();
  return phone;
}

describe("web chat files", () => {
  let h: WebChatHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("an upload reaches the bot as a file event whose download() returns the same bytes", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const res = await phone.upload(PNG, "ảnh minh chứng.png", "image/png");
    expect(res.status).toBe(200);
    const { message } = await res.json();
    expect(message.body.file).toMatchObject({
      name: "ảnh minh chứng.png",
      mimeType: "image/png",
      sizeBytes: 68,
    });
    await h.pipeline.drain();
    const event = h.handled.find((e) => e.kind === "file");
    if (event?.kind !== "file") throw new Error("no file event");
    expect(event.file).toMatchObject({
      name: "ảnh minh chứng.png",
      isPhoto: true,
      sizeBytes: PNG.byteLength,
    });
    const got = await event.file.download();
    expect(got.ok && Buffer.from(got.bytes).equals(Buffer.from(PNG))).toBe(true);
    const last = (await phone.history()).messages.at(-1);
    expect(last?.body).toMatchObject({
      kind: "bot",
      paragraphs: ["Đã nhận tệp ảnh minh chứng.png (68 byte)"],
    });
  });

  it("only the owning chat can download a file; others get 404 and no bytes", async () => {
    h = await startWebChat();
    const owner = await linkedPhone(h);
    const { message } = await (await owner.upload(PNG, "a.png", "image/png")).json();
    const id: string = message.body.file.id;

    const mine = await owner.get(`/chat/files/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    expect(mine.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await mine.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);

    const other = new ChatClient(h.url);
    await other.open();
    for (const probe of [id, "00000000-0000-4000-8000-000000000000", "..%2F..%2Fbaocao.db"]) {
      const res = await other.get(`/chat/files/${probe}`);
      expect(res.status, probe).toBe(404);
      expect(Buffer.from(await res.arrayBuffer()).includes(Buffer.from(PNG))).toBe(false);
    }
    const anonymous = new ChatClient(h.url);
    expect((await anonymous.get(`/chat/files/${id}`)).status).toBe(401);
  });

  it("an upload over the limit is refused with 413 and the limit, and nothing is stored", async () => {
    h = await startWebChat({ maxUploadBytes: 1024 });
    const phone = await linkedPhone(h);
    const before = (await phone.history()).messages.length;
    const res = await phone.upload(new Uint8Array(4096), "big.pdf", "application/pdf");
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "too_large", limitBytes: 1024 });
    const huge = await phone.upload(new Uint8Array(200 * 1024), "huge.pdf", "application/pdf");
    expect(huge.status).toBe(413);
    await h.pipeline.drain();
    expect((await phone.history()).messages.length).toBe(before);
    expect(h.handled.filter((e) => e.kind === "file")).toEqual([]);
  });

  it("a non-image file is served as a download, never rendered on our origin", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const { message } = await (await phone.upload(svg, "x.svg", "image/svg+xml")).json();
    const res = await phone.get(`/chat/files/${message.body.file.id}`);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''x\.svg$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("a file the bot sends is copied into the chat and downloadable by that chat", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const source = path.join(h.database.dir, "bao-cao-thang-11.xlsx");
    fs.writeFileSync(source, "xlsx bytes");
    const chat = h.handled[0]?.chat ?? { channel: "web" as const, chatId: "" };
    const sent = await h.adapter.send(chat, {
      lang: "vi",
      parts: [{ text: "Báo cáo tháng 11" }],
      file: {
        path: source,
        name: "bao-cao-thang-11.xlsx",
        mimeType: "application/vnd.ms-excel",
        sizeBytes: 10,
      },
    });
    expect(sent.status).toBe("sent");
    fs.rmSync(source); // a temporary export may vanish; the chat keeps its copy
    const last = (await phone.history()).messages.at(-1);
    if (last?.body.kind !== "bot" || !last.body.file) throw new Error("no file in the bot message");
    const res = await phone.get(`/chat/files/${last.body.file.id}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("xlsx bytes");

    const missing = await h.adapter.send(chat, {
      lang: "vi",
      parts: [{ text: "x" }],
      file: { path: source, name: "gone.xlsx", mimeType: "application/octet-stream", sizeBytes: 1 },
    });
    expect(missing).toMatchObject({ status: "permanent", reason: "invalid" });
  });
});
