import { afterEach, describe, expect, it } from "vitest";
import { signSessionToken } from "../../src/channels/web/session";
import { ChatClient } from "./client";
import { GOOD_CODE, startWebChat, type WebChatHarness } from "./harness";

const DAY_MS = 86_400_000;

describe("web chat sessions", () => {
  let h: WebChatHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("the page gives an anonymous chat a signed, HttpOnly, SameSite=Lax, expiring cookie", async () => {
    h = await startWebChat();
    const phone = new ChatClient(h.url);
    const res = await phone.open();
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="invite"');
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const cookie = phone.lastSetCookie ?? "";
    expect(cookie).toMatch(/^baocao_chat=v1\.[\w-]+\.\d+\.[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/chat/i);
    expect(cookie).toMatch(/Expires=/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; see the https case below
    expect((await phone.history()).linked).toBe(false);
  });

  it("marks the cookie Secure when PUBLIC_URL is https", async () => {
    h = await startWebChat({ publicUrl: "https://baocao.example.edu.vn" });
    const res = await new ChatClient(h.url).open();
    expect(res.headers.getSetCookie().join("\n")).toMatch(/Secure/i);
  });

  it("refuses a missing, forged, foreign-secret or expired cookie, revealing nothing", async () => {
    let now = new Date("2026-11-02T01:00:00Z");
    h = await startWebChat({ now: () => now });
    const phone = new ChatClient(h.url);
    await phone.open();
    expect((await phone.send({ kind: "text", text: "bí mật của trường A" })).status).toBe(200);
    const good = phone.cookie ?? "";

    const attempts: (string | undefined)[] = [
      undefined,
      `${good.slice(0, -2)}xx`,
      good.replace(/^v1\.[\w-]+/, "v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
      signSessionToken("another-secret-of-at-least-32-characters", {
        sessionId: good.split(".")[1] ?? "",
        expiresAt: new Date(now.getTime() + DAY_MS),
      }),
    ];
    for (const cookie of attempts) {
      const stranger = new ChatClient(h.url);
      stranger.cookie = cookie;
      for (const path of ["/chat/history", "/chat/events"]) {
        const res = await stranger.get(path);
        expect(res.status, `${path} with ${cookie}`).toBe(401);
        expect(await res.text()).not.toContain("bí mật");
      }
      expect((await stranger.send({ kind: "text", text: "x" })).status).toBe(401);
    }

    now = new Date(now.getTime() + 31 * DAY_MS);
    expect((await phone.get("/chat/history")).status).toBe(401);
  });

  it("rotates the session when the chat gets linked; the old cookie stops working", async () => {
    h = await startWebChat();
    const phone = new ChatClient(h.url);
    await phone.open("/chat?code=ignored-on-get");
    const anonymous = phone.cookie;
    expect(h.handled).toHaveLength(0); // GET never spends an invite code (link previews fetch it)

    expect((await phone.send({ kind: "start", code: GOOD_CODE })).status).toBe(200);
    await h.pipeline.drain();
    const history = await phone.history();
    expect(history.linked).toBe(true);
    expect(phone.cookie).toBeDefined();
    expect(phone.cookie).not.toBe(anonymous);

    const planted = new ChatClient(h.url);
    planted.cookie = anonymous;
    expect((await planted.get("/chat/history")).status).toBe(401);
    // Same chat under the new cookie: the whole conversation is still there.
    expect(history.messages.map((m) => m.body.kind)).toEqual(["start", "bot"]);
  });

  it("logout revokes the session; sends to that chat then report chat_not_found", async () => {
    h = await startWebChat();
    const phone = new ChatClient(h.url);
    await phone.open();
    await phone.send({ kind: "start", code: GOOD_CODE });
    await h.pipeline.drain();
    const chatId = h.handled[0]?.chat.chatId ?? "";
    await phone.history();
    const cookie = phone.cookie;

    expect((await phone.post("/chat/logout", {})).status).toBe(200);
    expect(phone.cookie).toBeUndefined();
    const replay = new ChatClient(h.url);
    replay.cookie = cookie;
    expect((await replay.get("/chat/history")).status).toBe(401);
    const result = await h.adapter.send({ channel: "web", chatId }, { lang: "vi", parts: [{ text: "?" }] });
    expect(result).toEqual({ status: "permanent", reason: "chat_not_found" });
  });

  it("refuses cross-site POSTs (CSRF)", async () => {
    h = await startWebChat();
    const phone = new ChatClient(h.url);
    await phone.open();
    const body = { id: "3f0c8f7e-5a8e-4c59-9b8e-0a4a8e0d2f11", kind: "text", text: "x" };
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://evil.example" },
      { origin: "null" },
    ];
    for (const headers of crossSite) {
      expect((await phone.post("/chat/send", body, headers)).status, JSON.stringify(headers)).toBe(403);
    }
    const noOrigin = await fetch(`${h.url}/chat/send`, {
      method: "POST",
      headers: { cookie: `baocao_chat=${phone.cookie}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    expect(h.handled).toHaveLength(0);
    expect((await phone.post("/chat/send", body, { "sec-fetch-site": "same-origin" })).status).toBe(200);
  });
});
