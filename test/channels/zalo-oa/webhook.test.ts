import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixture, type OaHarness, startOaHarness } from "./setup";

let h: OaHarness;
beforeEach(async () => {
  h = await startOaHarness();
});
afterEach(async () => {
  await h.dispose();
});

async function handledAfter(res: Response) {
  await h.pipeline.drain();
  return { status: res.status, handled: h.handled };
}

describe("zalo-oa webhook", () => {
  it("accepts a correctly signed text event and passes it on once", async () => {
    const { status, handled } = await handledAfter(await h.post(fixture("user_send_text")));
    expect(status).toBe(200);
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({
      channel: "zalo-oa",
      kind: "text",
      text: "Chào Sở, em là Cô Lan trường THCS Nguyễn Du",
      platformId: "cb31dff1c39642cc1b83",
      chat: { channel: "zalo-oa", chatId: "6142494823000000001" },
    });
  });

  it("rejects a forged signature with 401 and processes nothing", async () => {
    const res = await h.post(fixture("user_send_text"), { signature: `mac=${"0".repeat(64)}` });
    expect((await handledAfter(res)).status).toBe(401);
    expect(h.handled).toHaveLength(0);
  });

  it("rejects a body signed with another key with 401", async () => {
    const body = { ...fixture("user_send_text"), timestamp: String(h.clock.getTime()) };
    const raw = Buffer.from(JSON.stringify(body));
    const { signZaloEvent } = await import("../../../src/channels/zalo-oa/signature");
    const forged = signZaloEvent(
      "app_id",
      { appId: "2553928453557884079", oaId: undefined, secretKey: "guess", appSecret: "" },
      raw,
      body.timestamp,
    );
    const res = await h.post(body, { signature: forged });
    expect(res.status).toBe(401);
    await h.pipeline.drain();
    expect(h.handled).toHaveLength(0);
  });

  it("rejects a missing signature with 401", async () => {
    const webhook = h.adapter.webhook;
    if (!webhook) throw new Error("no webhook");
    const res = await webhook(
      new Request("http://127.0.0.1/webhooks/zalo-oa", {
        method: "POST",
        body: JSON.stringify({ ...fixture("user_send_text"), timestamp: String(h.clock.getTime()) }),
      }),
    );
    expect(res.status).toBe(401);
  });

  it("rejects a validly signed but stale event (6 minutes old) with 403 and processes nothing", async () => {
    const stale = String(h.clock.getTime() - 6 * 60_000);
    const res = await h.post(fixture("user_send_text"), { timestamp: stale });
    expect((await handledAfter(res)).status).toBe(403);
    expect(h.handled).toHaveLength(0);
    const future = String(h.clock.getTime() + 6 * 60_000);
    expect((await h.post(fixture("user_send_text"), { timestamp: future })).status).toBe(403);
  });

  it("processes a redelivered msg_id once", async () => {
    const body = fixture("user_send_text");
    const first = await h.post(body);
    h.clock = new Date(h.clock.getTime() + 30_000); // Zalo's first retry comes ~30 s later
    const second = await h.post(body);
    await h.pipeline.drain();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(h.handled).toHaveLength(1);
  });

  it("turns a tapped OA query button into an action", async () => {
    await h.post(fixture("user_click_button"));
    await h.pipeline.drain();
    expect(h.handled[0]).toMatchObject({ kind: "action", payload: "zalo.ack" });
  });

  it("passes follow, unfollow and shared phone numbers on; ignores the OA's own echoes", async () => {
    await h.post(fixture("follow"));
    await h.post(fixture("unfollow"));
    await h.post(fixture("user_submit_info"));
    const echo = await h.post(fixture("oa_send_text"));
    await h.pipeline.drain();
    expect(echo.status).toBe(200);
    expect(h.handled.map((e) => e.kind)).toEqual(["follow", "unfollow", "action"]);
    expect(h.handled[0]?.chat.chatId).toBe("6142494823000000002");
    expect(h.handled[2]).toMatchObject({ payload: "zalo.shared_phone:84912345678" });
  });

  it("passes article links on as text", async () => {
    await h.post(fixture("user_send_link"));
    await h.pipeline.drain();
    expect(h.handled[0]).toMatchObject({
      kind: "text",
      text: "https://thcsnguyendu.edu.vn/tin-tuc/le-ky-niem-20-11",
    });
  });

  it("takes in an evidence file: the event downloads the bytes Zalo hosts", async () => {
    const pdf = Buffer.from("%PDF-1.4 báo cáo tháng 11");
    const body = fixture("user_send_file") as { message: { attachments: { payload: { url: string } }[] } };
    const attachment = body.message.attachments[0];
    if (!attachment) throw new Error("fixture");
    attachment.payload.url = h.fake.hostFile("bao-cao-thang-11.pdf", pdf);
    await h.post(body as unknown as Record<string, unknown>);
    await h.pipeline.drain();
    const event = h.handled[0];
    if (event?.kind !== "file") throw new Error(`expected a file event, got ${event?.kind}`);
    // Zalo declares the extension ("type": "pdf"), not a MIME type: the event carries the MIME type.
    expect(event.file).toMatchObject({
      name: "bao-cao-thang-11.pdf",
      mimeType: "application/pdf",
      sizeBytes: 48213,
      isPhoto: false,
    });
    const downloaded = await event.file.download();
    expect(downloaded.ok && Buffer.from(downloaded.bytes).equals(pdf)).toBe(true);
  });

  it("marks an image as a photo with its caption", async () => {
    const body = fixture("user_send_image") as { message: { attachments: { payload: { url: string } }[] } };
    const attachment = body.message.attachments[0];
    if (!attachment) throw new Error("fixture");
    attachment.payload.url = h.fake.hostFile("anh.jpg", Buffer.from([0xff, 0xd8, 0xff]));
    await h.post(body as unknown as Record<string, unknown>);
    await h.pipeline.drain();
    expect(h.handled[0]).toMatchObject({
      kind: "file",
      caption: "Ảnh hoạt động ngày 20/11",
      file: { isPhoto: true },
    });
  });
});

describe("zalo-oa signature formulas", () => {
  it("accepts the oa_id variant only when configured", async () => {
    const other = await startOaHarness({ ZALO_OA_SIGNATURE: "app_id,oa_id" });
    try {
      const { signZaloEvent } = await import("../../../src/channels/zalo-oa/signature");
      const body = { ...fixture("user_send_text"), timestamp: String(other.clock.getTime()) };
      const raw = Buffer.from(JSON.stringify(body));
      const keys = {
        appId: "2553928453557884079",
        oaId: "3662729599332560487",
        secretKey: "oa-secret-key-for-tests",
        appSecret: "app-secret",
      };
      expect(
        (await other.post(body, { signature: signZaloEvent("oa_id", keys, raw, body.timestamp) })).status,
      ).toBe(200);
      // Not listed: the app_secret variant stays refused.
      expect(
        (await other.post(body, { signature: signZaloEvent("app_secret", keys, raw, body.timestamp) }))
          .status,
      ).toBe(401);
      expect(
        (await h.post(body, { signature: signZaloEvent("oa_id", keys, raw, body.timestamp) })).status,
      ).toBe(401);
    } finally {
      await other.dispose();
    }
  });
});
