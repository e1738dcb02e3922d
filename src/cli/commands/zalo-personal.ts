/**
 * `baocao zalo-personal login` (QR login of the office's personal Zalo account, risks stated
 * first) and `baocao zalo-personal groups` (the groups it can post digests into). The zca-js
 * login is the default; tests build the commands with a fake of the same narrow interface.
 */
import path from "node:path";
import {
  digestGroupChat,
  type PersonalLogin,
  qrPngToTerminal,
  readCredentials,
  writeCredentials,
  writeQrPng,
  ZALO_GROUP_PREFIX,
  zcaLogin,
} from "../../channels/zalo-personal/index";
import { type CliContext, CliError, type Command } from "../command";

function personalConfig(ctx: CliContext) {
  const config = ctx.config.zaloPersonal;
  if (!config) throw new CliError("zalo:cli.personalLogin.notEnabled");
  return config;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

export function createZaloPersonalLoginCommand(login: PersonalLogin): Command {
  return {
    path: ["zalo-personal", "login"],
    summaryKey: "zalo:cli.personalLogin.summary",
    usage: "baocao zalo-personal login",
    async run(ctx) {
      const config = personalConfig(ctx);
      ctx.out(ctx.t("zalo:cli.personalLogin.risk"));
      ctx.out("");
      const qrPath = path.join(path.dirname(config.credentialsFile), "login-qr.png");
      const writes: Promise<void>[] = [];
      let result: Awaited<ReturnType<PersonalLogin["withQr"]>>;
      try {
        result = await login.withQr((event) => {
          switch (event.type) {
            case "qr": {
              ctx.out(ctx.t("zalo:cli.personalLogin.scan"));
              try {
                for (const line of qrPngToTerminal(event.pngBase64)) ctx.out(line);
              } catch {
                // An image we cannot read: the PNG file below still works.
              }
              writes.push(writeQrPng(qrPath, event.pngBase64));
              ctx.out(ctx.t("zalo:cli.personalLogin.saved", { path: qrPath }));
              break;
            }
            case "expired":
              ctx.out(ctx.t("zalo:cli.personalLogin.expired"));
              break;
            case "scanned":
              ctx.out(ctx.t("zalo:cli.personalLogin.scanned"));
              break;
            case "declined":
              ctx.out(ctx.t("zalo:cli.personalLogin.declined"));
              break;
          }
        });
      } catch (err) {
        throw new CliError("zalo:cli.personalLogin.failed", { reason: reason(err) });
      } finally {
        await Promise.allSettled(writes);
      }
      await writeCredentials(config.credentialsFile, result.credentials);
      result.session.stop();
      ctx.out(ctx.t("zalo:cli.personalLogin.done", { path: config.credentialsFile }));
      return 0;
    },
  };
}

export function createZaloPersonalGroupsCommand(login: PersonalLogin): Command {
  return {
    path: ["zalo-personal", "groups"],
    summaryKey: "zalo:cli.personalGroups.summary",
    usage: "baocao zalo-personal groups [--json]",
    async run(ctx) {
      const config = personalConfig(ctx);
      const credentials = await readCredentials(config.credentialsFile);
      if (!credentials) throw new CliError("zalo:cli.personalGroups.noSession");
      let groups: Awaited<ReturnType<Awaited<ReturnType<PersonalLogin["withCredentials"]>>["listGroups"]>>;
      try {
        const session = await login.withCredentials(credentials);
        try {
          groups = await session.listGroups();
        } finally {
          session.stop();
        }
      } catch (err) {
        throw new CliError("zalo:cli.personalGroups.failed", { reason: reason(err) });
      }
      groups = [...groups].sort((a, b) => a.name.localeCompare(b.name, "vi"));
      if (ctx.json) {
        ctx.out(JSON.stringify(groups));
        return 0;
      }
      for (const g of groups)
        ctx.out(ctx.t("zalo:cli.personalGroups.row", { id: g.id, name: g.name, members: g.memberCount }));
      if (groups.length === 0) ctx.out(ctx.t("zalo:cli.personalGroups.none"));
      else ctx.out("");
      // Which group the running bot posts digests to, said plainly when the account is not in it.
      const chosen = digestGroupChat(config)?.chatId.slice(ZALO_GROUP_PREFIX.length);
      const current = groups.find((g) => g.id === chosen);
      if (chosen === undefined) {
        if (groups.length > 0) ctx.out(ctx.t("zalo:cli.personalGroups.hint"));
      } else if (current) {
        ctx.out(ctx.t("zalo:cli.personalGroups.current", { id: current.id, name: current.name }));
      } else {
        ctx.out(ctx.t("zalo:cli.personalGroups.notMember", { id: chosen }));
      }
      return 0;
    },
  };
}

export const zaloPersonalLoginCommand = createZaloPersonalLoginCommand(zcaLogin);
export const zaloPersonalGroupsCommand = createZaloPersonalGroupsCommand(zcaLogin);
