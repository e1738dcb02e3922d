import { formatDateVi, localDateOf } from "../../domain/time";
import { formatInviteCode } from "../../identity/codes";
import { findPersonByRef } from "../../identity/find-person";
import { createInvite } from "../../identity/invites";
import { inviteLinks, linkTargets } from "../../identity/links";
import { CliError, type Command, stringFlag } from "../command";

const USAGE = "baocao invite create --person PHONE|EMAIL|ID [--json]";

export const inviteCreateCommand: Command = {
  path: ["invite", "create"],
  summaryKey: "identity:cli.inviteCreate",
  usage: USAGE,
  flags: { person: { type: "string" } },
  async run(ctx, args) {
    const ref = stringFlag(args, "person");
    if (!ref) throw new CliError("identity:person.required", { usage: USAGE }, 2);
    const { db } = await ctx.database();
    const person = await findPersonByRef(db, ref);
    if (!person) throw new CliError("identity:person.notFound", { ref });
    const now = ctx.now();
    const { code, invite } = await createInvite(db, {
      personId: person.id,
      ttlDays: ctx.config.inviteTtlDays,
      pepper: ctx.config.sessionSecret,
      now,
      createdBy: "cli",
    });
    const links = inviteLinks(code, await linkTargets(db, ctx.config));
    if (ctx.json) {
      ctx.out(
        JSON.stringify({
          personId: person.id,
          code,
          display: formatInviteCode(code),
          expiresAt: invite.expiresAt.toISOString(),
          links,
        }),
      );
      return 0;
    }
    const expires = formatDateVi(localDateOf(invite.expiresAt));
    ctx.out(
      ctx.t("identity:invite.created", { name: person.fullName, code: formatInviteCode(code), expires }),
    );
    ctx.out(ctx.t("identity:invite.linkWeb", { url: links.web }));
    if (links.telegram) ctx.out(ctx.t("identity:invite.linkTelegram", { url: links.telegram }));
    else if (ctx.config.telegram) ctx.out(ctx.t("identity:invite.telegramPending"));
    return 0;
  },
};
