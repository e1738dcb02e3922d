import fs from "node:fs/promises";
import path from "node:path";
import { addressTitle } from "../../bot/address";
import { channelLabel, roleLabel } from "../../bot/mydata";
import { CHANNEL_IDS } from "../../channels/types";
import { ADDRESS_FORMS, ROLES } from "../../domain/org";
import { formatDateVi, localDateOf } from "../../domain/time";
import { findPersonByRef } from "../../identity/find-person";
import { collectPersonData, type PersonData } from "../../identity/person-data";
import { type CliContext, CliError, type Command, stringFlag } from "../command";

const USAGE = "baocao people show PHONE|EMAIL|ID [--json] [--out FILE.json]";

const day = (iso: string) => formatDateVi(localDateOf(new Date(iso)));

const STATE_KEYS: Record<string, string> = {
  pending: "identity:show.state.pending",
  used: "identity:show.state.used",
  revoked: "identity:show.state.revoked",
  expired: "identity:show.state.expired",
};

/** "từ ngày 01/09/2020 đến hết ngày 31/08/2026", "từ ngày …", "đến hết ngày …" or "không thời hạn". */
function periodText(t: CliContext["t"], from: string | null, to: string | null): string {
  const dates = { from: from ? formatDateVi(from) : "", to: to ? formatDateVi(to) : "" };
  const key = from && to ? "fromTo" : from ? "from" : to ? "to" : "open";
  return t(`identity:show.period.${key}`, dates);
}

function printText(ctx: CliContext, data: PersonData): void {
  const { t } = ctx;
  const p = data.person;
  const none = t("identity:show.none");
  ctx.out(t("identity:show.title", { name: p.fullName, id: p.id }));
  ctx.out(t("identity:show.phone", { value: p.phone ?? none }));
  ctx.out(t("identity:show.email", { value: p.email ?? none }));
  const addressAs = ADDRESS_FORMS.find((a) => a === p.addressAs) ?? null;
  ctx.out(t("identity:show.addressAs", { value: addressTitle(addressAs, t) }));
  if (data.memberships.length === 0) ctx.out(t("identity:show.noMemberships"));
  else ctx.out(t("identity:show.memberships"));
  for (const m of data.memberships) {
    const role = ROLES.find((r) => r === m.role);
    ctx.out(
      t("identity:show.membership", {
        role: role ? roleLabel(role, t) : m.role,
        unit: m.unitName ?? m.unitId,
        code: m.unitCode ?? "?",
        period: periodText(t, m.validFrom, m.validTo),
        state: t(`identity:show.membershipState.${m.state}`),
      }),
    );
  }
  if (data.channelLinks.length === 0) ctx.out(t("identity:show.noLinks"));
  else ctx.out(t("identity:show.links"));
  for (const l of data.channelLinks) {
    const channelId = CHANNEL_IDS.find((c) => c === l.channel);
    const channel = channelId ? channelLabel(channelId, t) : l.channel;
    if (l.unreachableAt) {
      ctx.out(
        t("identity:show.linkUnreachable", {
          channel,
          linkedOn: day(l.linkedAt),
          since: day(l.unreachableAt),
        }),
      );
    } else {
      const lastOn = day(l.lastInteractionAt ?? l.linkedAt);
      ctx.out(t("identity:show.link", { channel, linkedOn: day(l.linkedAt), lastOn }));
    }
  }
  if (data.invites.length === 0) ctx.out(t("identity:show.noInvites"));
  else ctx.out(t("identity:show.invites"));
  for (const i of data.invites) {
    const state = t(STATE_KEYS[i.state] ?? "identity:show.state.pending");
    ctx.out(t("identity:show.invite", { created: day(i.createdAt), expires: day(i.expiresAt), state }));
  }
  ctx.out(t("identity:show.articles", { count: data.articles.length }));
}

/**
 * Also the export of a person's data (Law 91/2025, right of access): `--json` prints it,
 * `--out FILE.json` writes it to a file. Invite codes are never included, only their state.
 */
export const peopleShowCommand: Command = {
  path: ["people", "show"],
  summaryKey: "identity:cli.peopleShow",
  usage: USAGE,
  flags: { out: { type: "string" } },
  positionals: { min: 1, max: 1, names: ["PHONE|EMAIL|ID"] },
  async run(ctx, args) {
    const ref = args.positionals[0] as string;
    const { db } = await ctx.database();
    const person = await findPersonByRef(db, ref);
    if (!person) throw new CliError("identity:person.notFound", { ref });
    const data = await collectPersonData(db, person, ctx.now());
    const out = stringFlag(args, "out");
    if (out !== undefined) {
      const file = path.resolve(out);
      await fs.writeFile(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      if (ctx.json) ctx.out(JSON.stringify({ file }));
      else ctx.out(ctx.t("identity:show.written", { file }));
      return 0;
    }
    if (ctx.json) ctx.out(JSON.stringify(data));
    else printText(ctx, data);
    return 0;
  },
};
