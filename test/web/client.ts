/** A tiny HTTP client for the web chat with its own cookie jar, like one phone's browser. */
import { randomUUID } from "node:crypto";
import type { ClientMessage } from "../../src/channels/web/view";

export const COOKIE_NAME = "baocao_chat";

export class ChatClient {
  cookie: string | undefined;
  lastSetCookie: string | undefined;

  constructor(readonly base: string) {}

  private take(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (pair.slice(0, at) !== COOKIE_NAME) continue;
      this.lastSetCookie = line;
      const value = pair.slice(at + 1);
      this.cookie = value === "" ? undefined : value;
    }
    return res;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      origin: this.base,
      ...(this.cookie ? { cookie: `${COOKIE_NAME}=${this.cookie}` } : {}),
      ...extra,
    };
  }

  async open(pathAndQuery = "/chat", headers: Record<string, string> = {}): Promise<Response> {
    return this.take(await fetch(this.base + pathAndQuery, { headers: this.headers(headers) }));
  }

  async get(pathAndQuery: string): Promise<Response> {
    return this.take(await fetch(this.base + pathAndQuery, { headers: this.headers() }));
  }

  async post(pathAndQuery: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.take(
      await fetch(this.base + pathAndQuery, {
        method: "POST",
        headers: this.headers({ "content-type": "application/json", ...headers }),
        body: JSON.stringify(body),
      }),
    );
  }

  send(body: Record<string, unknown>): Promise<Response> {
    return this.post("/chat/send", { id: randomUUID(), ...body });
  }

  async upload(bytes: Uint8Array, name: string, type: string, id: string = randomUUID()): Promise<Response> {
    const form = new FormData();
    form.append("id", id);
    form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
    return this.take(
      await fetch(`${this.base}/chat/upload`, { method: "POST", headers: this.headers(), body: form }),
    );
  }

  async history(): Promise<{ linked: boolean; messages: ClientMessage[] }> {
    const res = await this.get("/chat/history");
    if (res.status !== 200) throw new Error(`history: ${res.status}`);
    return (await res.json()) as { linked: boolean; messages: ClientMessage[] };
  }
}
