/**
 * `baocao zalo-oa login`: the first consent of an OA admin. Prints the consent link, then waits
 * for Zalo to call back /oauth/zalo-oa/callback: on a temporary server when the port is free,
 * otherwise on the running baocao server (the pending consent is shared through the database).
 */
import { beginZaloOaConsent, createZaloOaAdapter, ZALO_OA_CALLBACK_PATH } from "../../channels/zalo-oa/index";
import { createZaloOaStores } from "../../db/zalo-oa";
import { createWebApp, type RunningServer, startServer } from "../../web/server";
import { CliError, type Command, stringFlag } from "../command";

const POLL_INTERVAL_MS = 500;
const DEFAULT_TIMEOUT_MINUTES = 10; // Zalo's authorization code lives 10 minutes

export const zaloOaLoginCommand: Command = {
  path: ["zalo-oa", "login"],
  summaryKey: "zalo:cli.oaLogin.summary",
  usage: "baocao zalo-oa login [--timeout-minutes N]",
  flags: { "timeout-minutes": { type: "string" } },
  async run(ctx, args) {
    const config = ctx.config.zaloOa;
    if (!config) throw new CliError("zalo:cli.oaLogin.notConfigured");
    const minutes = Number(stringFlag(args, "timeout-minutes") ?? DEFAULT_TIMEOUT_MINUTES);
    const { db } = await ctx.database();
    const stores = createZaloOaStores(db, config.appId, () => ctx.now());
    const { url, state } = await beginZaloOaConsent(config, stores.consents, ctx.config.publicUrl);
    ctx.out(ctx.t("zalo:cli.oaLogin.open"));
    ctx.out(url);
    ctx.out(
      ctx.t("zalo:cli.oaLogin.callback", { callback: `${ctx.config.publicUrl}${ZALO_OA_CALLBACK_PATH}` }),
    );

    let server: RunningServer | undefined;
    try {
      const adapter = createZaloOaAdapter(config, {
        ...stores,
        publicUrl: ctx.config.publicUrl,
        alertAdmins: async () => {},
        now: () => ctx.now(),
      });
      const app = createWebApp();
      for (const route of adapter.routes ?? []) {
        if (route.method === "GET") app.get(route.path, (c) => route.handler(c.req.raw));
      }
      server = await startServer(app, ctx.config.port, ctx.config.host);
      ctx.out(ctx.t("zalo:cli.oaLogin.listening", { port: server.port }));
    } catch (err) {
      // The port is taken, normally by the running baocao server, which serves the callback too.
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
      ctx.out(ctx.t("zalo:cli.oaLogin.waiting"));
    }
    try {
      const polls = Math.ceil((minutes * 60_000) / POLL_INTERVAL_MS);
      for (let i = 0; i < polls; i++) {
        const status = await stores.consents.status(state);
        if (status?.done) {
          if (status.error) throw new CliError("zalo:cli.oaLogin.failed", { reason: status.error });
          ctx.out(ctx.t("zalo:cli.oaLogin.done"));
          return 0;
        }
        await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
      }
      throw new CliError("zalo:cli.oaLogin.timeout", { minutes });
    } finally {
      await server?.close();
    }
  },
};
