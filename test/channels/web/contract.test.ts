/**
 * The channel contract for the web chat. Its "platform" is our own HTTP routes: the person's side
 * is a real HTTP client with a session cookie, and what reached a chat is read back from
 * GET /chat/history. Chats are sessions created up front (the contract's chat(n) is synchronous).
 */
import path from "node:path";
import type { ChatRef, InboundSink } from "../../../src/channels/types";
import { createWebAdapter } from "../../../src/channels/web/index";
import { sessionExpiry, signSessionToken } from "../../../src/channels/web/session";
import { createWebChatStore } from "../../../src/db/web-chat";
import { createWebApp, startServer } from "../../../src/web/server";
import { createTestDatabase } from "../../helpers/db";
import { ChatClient } from "../../web/client";
import { TEST_SECRET } from "../../web/harness";
import { type ContractHarness, runChannelContract } from "../contract";

const CHATS = 100;

/** The page's message id for platform message `seq`: the same seq is the same submit, retried. */
const clientId = (seq: number) => `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`;

async function setup(): Promise<ContractHarness> {
  const database = await createTestDatabase();
  const store = createWebChatStore(database.db);
  const app = createWebApp();
  const server = await startServer(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${server.port}`;
  const adapter = createWebAdapter({
    store,
    filesDir: path.join(database.dir, "files"),
    sessionSecret: TEST_SECRET,
    publicUrl: url,
    isLinked: async () => true,
  });
  adapter.mount(app);

  const now = new Date();
  const clients = new Map<string, ChatClient>();
  for (let n = 0; n < CHATS; n++) {
    const session = { id: `contract-session-${String(n).padStart(4, "0")}`, chatId: `chat-${n}` };
    const expiresAt = sessionExpiry(now);
    await store.createSession({ ...session, linked: true, createdAt: now, expiresAt });
    const client = new ChatClient(url);
    client.cookie = signSessionToken(TEST_SECRET, { sessionId: session.id, expiresAt });
    clients.set(session.chatId, client);
  }
  const client = (chat: ChatRef): ChatClient => {
    const found = clients.get(chat.chatId);
    if (!found) throw new Error(`no web chat ${chat.chatId}`);
    return found;
  };
  const ok = async (res: Promise<Response>) => {
    const status = (await res).status;
    if (status !== 200) throw new Error(`web chat answered ${status}`);
  };

  return {
    adapter,
    start: (sink: InboundSink) => adapter.start(sink),
    chat: (n) => ({ channel: "web", chatId: `chat-${n}` }),
    async received(chat) {
      const { messages } = await client(chat).history();
      return messages.flatMap((m) =>
        m.body.kind === "bot" ? [{ text: m.body.paragraphs.join("\n\n"), buttons: m.body.buttons }] : [],
      );
    },
    deliverText: (chat, seq, text) =>
      ok(client(chat).post("/chat/send", { id: clientId(seq), kind: "text", text })),
    async tapButton(chat, seq, payload) {
      const { messages } = await client(chat).history();
      const offered = messages.findLast(
        (m) => m.body.kind === "bot" && m.body.buttons.some((b) => b.payload === payload),
      );
      if (!offered) throw new Error(`no button ${payload} in ${chat.chatId}`);
      await ok(
        client(chat).post("/chat/send", { id: clientId(seq), kind: "action", replyTo: offered.seq, payload }),
      );
    },
    // A web chat cannot block the bot or rate-limit it: nothing to simulate.
    failSends: () => null,
    async close() {
      await adapter.stop();
      await server.close();
      await database.dispose();
    },
  };
}

runChannelContract("web", setup);
