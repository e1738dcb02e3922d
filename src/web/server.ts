/**
 * The HTTP server: channel webhooks, the web chat, the office's pages and JSON API. Routes are
 * added by the modules that own them; this file only assembles the app and serves it.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export type WebApp = Hono;

export function createWebApp(): WebApp {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  // Whoever opens the bare address (the README's http://localhost:3000) lands in the web chat.
  app.get("/", (c) => c.redirect("/chat"));
  return app;
}

export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

export function startServer(app: WebApp, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive sockets (and ended event streams) would hold close() for seconds.
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
