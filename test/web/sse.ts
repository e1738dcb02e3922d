/** Reads a /chat/events stream the way EventSource does, for assertions on what a page receives. */
import type { ClientMessage } from "../../src/channels/web/view";
import type { ChatClient } from "./client";

export interface EventStream {
  /** Resolves with the next `count` messages (data events), in order. */
  next(count: number): Promise<ClientMessage[]>;
  close(): void;
}

export async function openEvents(
  client: ChatClient,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(`${client.base}/chat/events`, {
    headers: client.headers(headers),
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const ready: ClientMessage[] = [];
  let sawReady = false;

  const pump = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) throw new Error("events: stream ended");
    buffer += value;
    for (let at = buffer.indexOf("\n\n"); at >= 0; at = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const lines = block.split("\n");
      if (lines.some((l) => l === "event: ready")) sawReady = true;
      else {
        const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
        if (data.length > 0) ready.push(JSON.parse(data.join("\n")) as ClientMessage);
      }
    }
  };
  // The server subscribes before it writes "ready": after it, nothing sent can be missed.
  while (!sawReady) await pump();
  return {
    async next(count) {
      while (ready.length < count) await pump();
      return ready.splice(0, count);
    },
    close: () => abort.abort(),
  };
}
