import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WebChatStore } from "../../src/channels/web/store";
import { createWebChatStore, eraseWebChats } from "../../src/db/web-chat";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const T0 = new Date("2026-11-24T02:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("web chat store (SQLite)", () => {
  let database: TestDatabase;
  let store: WebChatStore;
  beforeEach(async () => {
    database = await createTestDatabase();
    store = createWebChatStore(database.db);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("numbers each chat's messages 1, 2, 3… independently of other chats", async () => {
    for (const chatId of ["a", "b", "a", "a", "b"]) {
      await store.appendMessage({ chatId, direction: "out", body: { kind: "text", text: chatId }, now: T0 });
    }
    expect((await store.listMessages("a", { limit: 10 })).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await store.listMessages("b", { limit: 10 })).map((m) => m.seq)).toEqual([1, 2]);
  });

  it("stores an inbound message once per client id, even when appended concurrently", async () => {
    const input = {
      chatId: "a",
      direction: "in" as const,
      body: { kind: "text" as const, text: "Đã nộp" },
      clientId: "6b0a4a53-8a7e-4f44-9a55-2f6c2f0b9b77",
      now: T0,
    };
    const results = await Promise.all([store.appendMessage(input), store.appendMessage(input)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]?.message.id).toBe(results[1]?.message.id);
    expect(await store.listMessages("a", { limit: 10 })).toHaveLength(1);
  });

  it("lists the latest page oldest-first, or everything after a seq", async () => {
    for (let i = 1; i <= 5; i++) {
      await store.appendMessage({
        chatId: "a",
        direction: "out",
        body: { kind: "text", text: `m${i}` },
        now: later(i),
      });
    }
    expect((await store.listMessages("a", { limit: 2 })).map((m) => m.seq)).toEqual([4, 5]);
    expect((await store.listMessages("a", { afterSeq: 3, limit: 10 })).map((m) => m.seq)).toEqual([4, 5]);
    expect(await store.findMessage("a", 2)).toMatchObject({ body: { kind: "text", text: "m2" } });
    expect(await store.findMessage("b", 2)).toBeUndefined();
  });

  it("finds a file only through its own chat", async () => {
    const file = {
      id: "0f1e2d3c-4b5a-4968-8776-655443322110",
      chatId: "a",
      direction: "in" as const,
      name: "minh-chung.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1234,
      storageKey: "7d3a1f0e-2b4c-4d5e-8f60-718293a4b5c6",
      createdAt: T0,
    };
    await store.addFile(file);
    expect(await store.findFile("a", file.id)).toEqual(file);
    expect(await store.findFile("b", file.id)).toBeUndefined();
  });

  it("a chat is reachable while it has a live session; expired ones are deleted", async () => {
    await store.createSession({ id: "s1", chatId: "a", linked: false, createdAt: T0, expiresAt: later(60) });
    expect(await store.chatReachable("a", later(1))).toBe(true);
    expect(await store.chatReachable("a", later(61))).toBe(false);
    await store.revokeSession("s1", later(2));
    expect(await store.chatReachable("a", later(3))).toBe(false);
    expect((await store.findSession("s1"))?.revokedAt).toEqual(later(2));
    expect(await store.deleteExpiredSessions(later(61))).toBe(1);
    expect(await store.findSession("s1")).toBeUndefined();
  });

  it("erasing chats removes their history, files and sessions and nothing of other chats", async () => {
    for (const chatId of ["a", "b"]) {
      await store.createSession({
        id: `s-${chatId}`,
        chatId,
        linked: true,
        createdAt: T0,
        expiresAt: later(60),
      });
      await store.appendMessage({ chatId, direction: "in", body: { kind: "text", text: chatId }, now: T0 });
      await store.addFile({
        id: `00000000-0000-4000-8000-00000000000${chatId === "a" ? 1 : 2}`,
        chatId,
        direction: "in",
        name: "x.pdf",
        mimeType: "application/pdf",
        sizeBytes: 1,
        storageKey: `key-${chatId}`,
        createdAt: T0,
      });
    }
    expect(await eraseWebChats(database.db, ["a"])).toEqual(["key-a"]);
    expect(await store.listMessages("a", { limit: 10 })).toEqual([]);
    expect(await store.findSession("s-a")).toBeUndefined();
    expect(await store.chatReachable("a", T0)).toBe(false);
    expect(await store.listMessages("b", { limit: 10 })).toHaveLength(1);
    expect(await store.chatReachable("b", T0)).toBe(true);
  });
});
