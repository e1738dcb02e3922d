/**
 * GET /chat/history and GET /chat/events (Server-Sent Events). Phones drop connections often:
 * EventSource reconnects by itself and sends Last-Event-ID (the last seq it saw), and the stream
 * first replays what was missed, so a bubble is never lost between two connections.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { WebEnv } from "./auth";
import { WEB_HISTORY_PAGE_MESSAGES, type WebChatContext } from "./context";
import { parseWebMessage, type WebMessage } from "./store";
import { toClientMessage } from "./view";

/** Proxies and phone networks close silent connections; a comment line keeps the stream open. */
const SSE_KEEPALIVE_MS = 20_000;
/** How soon EventSource reconnects after a drop. */
const SSE_RETRY_MS = 3_000;

function parseSeq(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

async function messagesAfter(ctx: WebChatContext, chatId: string, afterSeq: number | undefined) {
  const rows = await ctx.store.listMessages(chatId, { afterSeq, limit: WEB_HISTORY_PAGE_MESSAGES });
  return rows.flatMap((row) => parseWebMessage(row) ?? []);
}

export async function handleHistory(ctx: WebChatContext, c: Context<WebEnv>): Promise<Response> {
  const session = c.get("session");
  const messages = await messagesAfter(ctx, session.chatId, parseSeq(c.req.query("after")));
  return c.json({ linked: session.linked, messages: messages.map(toClientMessage) });
}

export function handleEvents(ctx: WebChatContext, c: Context<WebEnv>): Response {
  const session = c.get("session");
  const after = parseSeq(c.req.header("last-event-id")) ?? parseSeq(c.req.query("after"));
  c.header("cache-control", "no-store");
  // Nginx and similar proxies buffer responses unless told not to.
  c.header("x-accel-buffering", "no");
  return streamSSE(c, async (stream) => {
    let lastSeq = after ?? 0;
    const queue: WebMessage[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    const close = () => {
      closed = true;
      wake?.();
    };
    const unsubscribe = ctx.hub.subscribe(
      session.chatId,
      (message) => {
        queue.push(message);
        wake?.();
      },
      close,
    );
    stream.onAbort(close);
    try {
      await stream.writeSSE({ event: "ready", data: "{}", retry: SSE_RETRY_MS });
      // Subscribed first, then replay: a message stored in between arrives twice, never zero times.
      if (after !== undefined) queue.unshift(...(await messagesAfter(ctx, session.chatId, after)));
      while (!closed) {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          if (next.seq <= lastSeq) continue;
          lastSeq = next.seq;
          await stream.writeSSE({ id: String(next.seq), data: JSON.stringify(toClientMessage(next)) });
        }
        if (closed) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SSE_KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (queue.length === 0 && !closed) await stream.write(": keepalive\n\n");
      }
    } finally {
      unsubscribe();
    }
  });
}
