import path from "node:path";
import { roleLabel } from "../../bot/mydata";
import { UNIT_KINDS, type UnitKind } from "../../domain/org";
import { formatDateVi, localDateOf } from "../../domain/time";
import { bulkTargets } from "../../identity/bulk-targets";
import { formatInviteCode } from "../../identity/codes";
import { type InviteSheetRow, writeInviteSheet } from "../../identity/invite-sheet";
import { createInvite } from "../../identity/invites";
import { inviteLinks, linkTargets } from "../../identity/links";
import { CliError, type Command, stringFlag } from "../command";

const USAGE = "baocao invite bulk --out FILE.xlsx [--unit-kind KIND] [--unlinked] [--json]";

export const inviteBulkCommand: Command = {
  path: ["invite", "bulk"],
  summaryKey: "identity:cli.inviteBulk",
  usage: USAGE,
  flags: { out: { type: "string" }, "unit-kind": { type: "string" }, unlinked: { type: "boolean" } },
  async run(ctx, args) {
    const out = stringFlag(args, "out");
    if (!out) throw new CliError("identity:bulk.outRequired", { usage: USAGE }, 2);
    const file = path.resolve(out);
    if (path.extname(file).toLowerCase() !== ".xlsx")
      throw new CliError("identity:bulk.badExtension", { file }, 2);
    const kindArg = stringFlag(args, "unit-kind");
    const unitKind = UNIT_KINDS.find((k) => k === kindArg);
    if (kindArg !== undefined && unitKind === undefined) {
      throw new CliError("identity:bulk.badKind", { kind: kindArg, kinds: UNIT_KINDS.join(", ") }, 2);
    }
    const { db } = await ctx.database();
    const now = ctx.now();
    const targets = await bulkTargets(
      db,
      { unitKind: unitKind as UnitKind | undefined, unlinkedOnly: args.values.unlinked === true },
      localDateOf(now),
    );
    if (targets.length === 0) throw new CliError("identity:bulk.none");
    const where = await linkTargets(db, ctx.config);
    // All codes or none. Should writing the file fail afterwards, the codes exist but nobody has
    // seen them: they only expire, and running the command again makes fresh ones.
    const rows = await db.transaction().execute(async (trx) => {
      const made: InviteSheetRow[] = [];
      for (const target of targets) {
        const { code, invite } = await createInvite(trx, {
          personId: target.person.id,
          ttlDays: ctx.config.inviteTtlDays,
          pepper: ctx.config.sessionSecret,
          now,
          createdBy: "cli",
        });
        const links = inviteLinks(code, where);
        made.push({
          unitCode: target.unit.code,
          unitName: target.unit.name,
          personName: target.person.fullName,
          role: roleLabel(target.role, ctx.t),
          code: formatInviteCode(code),
          expires: formatDateVi(localDateOf(invite.expiresAt)),
          webLink: links.web,
          telegramLink: links.telegram,
        });
      }
      return made;
    });
    const { t } = ctx;
    await writeInviteSheet(
      file,
      {
        sheet: t("identity:bulk.headers.sheet"),
        unitCode: t("identity:bulk.headers.unitCode"),
        unitName: t("identity:bulk.headers.unitName"),
        person: t("identity:bulk.headers.person"),
        role: t("identity:bulk.headers.role"),
        code: t("identity:bulk.headers.code"),
        expires: t("identity:bulk.headers.expires"),
        webLink: t("identity:bulk.headers.webLink"),
        telegramLink: t("identity:bulk.headers.telegramLink"),
        qr: t("identity:bulk.headers.qr"),
      },
      rows,
    );
    if (ctx.json) ctx.out(JSON.stringify({ file, invites: rows.length }));
    else ctx.out(ctx.t("identity:bulk.done", { count: rows.length, file }));
    return 0;
  },
};
