/**
 * /dulieu: everything baocao stores about the person asking (Law 91/2025 on personal data: people
 * may see their data). Chat ids are not shown: they mean nothing to people and identify the chat.
 */
import type { ChannelId } from "../channels/types";
import { listLinksOfPerson } from "../db/channel-links";
import type { Db } from "../db/index";
import type { StoredUnit } from "../db/units";
import type { Role } from "../domain/org";
import { formatDateVi, localDateOf } from "../domain/time";
import type { Actor } from "./actor";
import { addressTitle } from "./address";
import type { Reply, Speaker } from "./messages";

const ROLE_KEYS: Record<Role, string> = {
  head: "bot:role.head",
  deputy: "bot:role.deputy",
  comms: "bot:role.comms",
  office_staff: "bot:role.office_staff",
  admin: "bot:role.admin",
  cluster_head: "bot:role.cluster_head",
  staff: "bot:role.staff",
};

const CHANNEL_KEYS: Record<ChannelId, string> = {
  web: "bot:channel.web",
  telegram: "bot:channel.telegram",
  "zalo-oa": "bot:channel.zalo-oa",
  "zalo-bot": "bot:channel.zalo-bot",
  "zalo-personal": "bot:channel.zalo-personal",
};

export function roleLabel(role: Role, t: Speaker["t"]): string {
  return t(ROLE_KEYS[role]);
}

export function channelLabel(channel: ChannelId, t: Speaker["t"]): string {
  return t(CHANNEL_KEYS[channel]);
}

export async function myData(
  db: Db,
  actor: Actor,
  units: ReadonlyMap<string, StoredUnit>,
  sp: Speaker,
): Promise<Reply> {
  const { t } = sp;
  const p = actor.person;
  const none = t("bot:mydata.none");
  const identity = [
    t("bot:mydata.name", { value: p.fullName }),
    t("bot:mydata.phone", { value: p.phone ?? none }),
    t("bot:mydata.email", { value: p.email ?? none }),
    t("bot:mydata.addressAs", { value: addressTitle(p.addressAs, t) }),
  ].join("\n");
  const roles =
    actor.memberships.length === 0
      ? t("bot:mydata.noRoles")
      : [
          t("bot:mydata.roles"),
          ...actor.memberships.map((m) =>
            t("bot:mydata.role", { role: roleLabel(m.role, t), unit: units.get(m.unitId)?.name ?? m.unitId }),
          ),
        ].join("\n");
  const links = await listLinksOfPerson(db, p.id);
  const linkLines = [
    t("bot:mydata.links"),
    ...links.map((l) =>
      t("bot:mydata.link", {
        channel: channelLabel(l.channel, t),
        linkedOn: formatDateVi(localDateOf(l.linkedAt)),
      }),
    ),
  ].join("\n");
  return {
    parts: [
      { key: "bot:mydata.intro", params: { title: sp.title } },
      { text: identity },
      { text: roles },
      { text: linkLines },
      { key: "bot:mydata.purpose", params: { contact: sp.contact } },
    ],
  };
}
