/** The JSON the page receives for one bubble (history, live events, send replies). */
import type { WebMessage, WebMessageBody } from "./store";

export interface ClientMessage {
  readonly seq: number;
  readonly direction: "in" | "out";
  /** ISO instant; the page shows it as dd/mm HH:mm in Vietnam time. */
  readonly at: string;
  readonly body: WebMessageBody;
  readonly clientId: string | null;
}

export const toClientMessage = (m: WebMessage): ClientMessage => ({
  seq: m.seq,
  direction: m.direction,
  at: m.createdAt.toISOString(),
  body: m.body,
  clientId: m.clientId,
});
