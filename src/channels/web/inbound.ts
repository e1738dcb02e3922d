/**
 * POST /chat/send: typed text, a button tap, or an invite code. Each carries the page's UUID, so a
 * retried or doubled submit stores one bubble and (through the pipeline's dedupe) one event.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { InboundEvent, InboundFile } from "../types";
import type { ActiveSession, WebEnv } from "./auth";
import { WEB_TYPED_TEXT_MAX_CHARS, type WebChatContext } from "./context";
import { parseWebMessage, type WebMessageBody } from "./store";
import { toClientMessage } from "./view";

export const clientIdSchema = z.uuid();

const sendSchema = z.discriminatedUnion("kind", [
  z.object({
    id: clientIdSchema,
    kind: z.literal("text"),
    text: z.string().trim().min(1).max(WEB_TYPED_TEXT_MAX_CHARS),
  }),
  z.object({
    id: clientIdSchema,
    kind: z.literal("action"),
    replyTo: z.number().int().positive(),
    payload: z.string().min(1).max(64),
  }),
  z.object({ id: clientIdSchema, kind: z.literal("start"), code: z.string().trim().min(1).max(64) }),
]);

type SendRequest = z.infer<typeof sendSchema>;
/** The kind-specific part of an inbound event. */
export type InboundContent =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "action"; readonly payload: string }
  | { readonly kind: "file"; readonly file: InboundFile; readonly caption?: string | undefined }
  | { readonly kind: "start"; readonly payload: string | null };

/** The label of the tapped button, when the bot really offered that payload in that message. */
async function buttonLabel(ctx: WebChatContext, chatId: string, replyTo: number, payload: string) {
  const row = await ctx.store.findMessage(chatId, replyTo);
  const message = row && row.direction === "out" ? parseWebMessage(row) : undefined;
  if (message?.body.kind !== "bot") return undefined;
  return message.body.buttons.find((b) => b.payload === payload)?.label;
}

/**
 * Stores the person's bubble, then hands the event to the sink. The bubble is stored first so the
 * page shows it at once; a failed sink is retried by the page with the same id (stored once).
 */
export async function acceptInbound(
  ctx: WebChatContext,
  c: Context<WebEnv>,
  session: ActiveSession,
  clientId: string,
  body: WebMessageBody,
  content: InboundContent,
): Promise<Response> {
  const sink = ctx.sink;
  if (!sink) return c.json({ error: "unavailable" }, 503);
  const now = ctx.now();
  const { message: row } = await ctx.store.appendMessage({
    chatId: session.chatId,
    direction: "in",
    body,
    clientId,
    now,
  });
  const message = parseWebMessage(row);
  if (!message) return c.json({ error: "unavailable" }, 503);
  const event: InboundEvent = {
    ...content,
    channel: "web",
    chat: { channel: "web", chatId: session.chatId },
    sender: { platformUserId: session.chatId },
    // Scoped by chat: one page cannot make another chat's event look like a duplicate.
    platformId: `${session.chatId}:${clientId}`,
    receivedAt: now,
  };
  try {
    await sink(event);
  } catch (err) {
    ctx.log?.error("webchat.sink_failed", { chatId: session.chatId, error: String(err) });
    return c.json({ error: "retry" }, 503);
  }
  // Shown to the chat's other open pages only once the bot has it (a retry publishes again; pages
  // drop a seq they already show).
  ctx.hub.publish(message);
  return c.json({ message: toClientMessage(message) });
}

export async function handleSend(ctx: WebChatContext, c: Context<WebEnv>): Promise<Response> {
  const session = c.get("session");
  let input: SendRequest;
  try {
    const parsed = sendSchema.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: "invalid" }, 400);
    input = parsed.data;
  } catch {
    return c.json({ error: "invalid" }, 400);
  }
  switch (input.kind) {
    case "text":
      return acceptInbound(
        ctx,
        c,
        session,
        input.id,
        { kind: "text", text: input.text },
        { kind: "text", text: input.text },
      );
    case "start":
      return acceptInbound(
        ctx,
        c,
        session,
        input.id,
        { kind: "start" },
        { kind: "start", payload: input.code },
      );
    case "action": {
      const label = await buttonLabel(ctx, session.chatId, input.replyTo, input.payload);
      if (label === undefined) return c.json({ error: "unknown_action" }, 400);
      const body = { kind: "action", label, payload: input.payload, replyTo: input.replyTo } as const;
      return acceptInbound(ctx, c, session, input.id, body, { kind: "action", payload: input.payload });
    }
  }
}
