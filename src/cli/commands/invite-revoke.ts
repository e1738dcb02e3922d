import { findInviteByHash, inviteState, revokeInvites, revokePendingInvitesOfPerson } from "../../db/invites";
import { inviteCodeHashCandidates } from "../../identity/codes";
import { findPersonByRef } from "../../identity/find-person";
import { CliError, type Command, stringFlag } from "../command";

const USAGE = "baocao invite revoke CODE | --person PHONE|EMAIL|ID [--json]";

export const inviteRevokeCommand: Command = {
  path: ["invite", "revoke"],
  summaryKey: "identity:cli.inviteRevoke",
  usage: USAGE,
  flags: { person: { type: "string" } },
  positionals: { min: 0, max: 1, names: ["CODE"] },
  async run(ctx, args) {
    const code = args.positionals[0];
    const ref = stringFlag(args, "person");
    if ((code === undefined) === (ref === undefined))
      throw new CliError("identity:revoke.needOne", { usage: USAGE }, 2);
    const { db } = await ctx.database();
    const now = ctx.now();
    if (ref !== undefined) {
      const person = await findPersonByRef(db, ref);
      if (!person) throw new CliError("identity:person.notFound", { ref });
      const count = await revokePendingInvitesOfPerson(db, person.id, now);
      if (ctx.json) ctx.out(JSON.stringify({ personId: person.id, revoked: count }));
      else ctx.out(ctx.t("identity:revoke.personDone", { count, name: person.fullName }));
      return 0;
    }
    const invite = await findInviteByHash(
      db,
      inviteCodeHashCandidates(code as string, ctx.config.sessionSecret),
    );
    if (!invite) throw new CliError("identity:revoke.notFound");
    const state = inviteState(invite, now);
    if (state === "used") throw new CliError("identity:revoke.used");
    if (state !== "pending") throw new CliError("identity:revoke.inactive");
    await revokeInvites(db, [invite.id], now);
    if (ctx.json) ctx.out(JSON.stringify({ inviteId: invite.id, personId: invite.personId, revoked: 1 }));
    else ctx.out(ctx.t("identity:revoke.done"));
    return 0;
  },
};
