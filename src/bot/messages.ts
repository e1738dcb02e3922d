/**
 * The bot's own messages (greeting, help, unknown command, not linked), built from locale keys.
 * Lists are joined into one paragraph here, in the reader's language, so that every channel shows
 * them as consecutive lines.
 */
import type { Button, OutboundMessage, TextPart } from "../channels/types";
import type { StoredUnit } from "../db/units";
import type { Role } from "../domain/org";
import type { Translate } from "../i18n/index";
import type { Actor } from "./actor";

export type Reply = Omit<OutboundMessage, "lang">;

/** What every message to a known person needs: the translator, how to address them, whom to call. */
export interface Speaker {
  readonly t: Translate;
  readonly title: string;
  readonly name: string;
  readonly contact: string;
}

/** The role that best describes a person, for choosing "their" unit in the greeting. */
const ROLE_PRIORITY: readonly Role[] = [
  "head",
  "deputy",
  "comms",
  "staff",
  "cluster_head",
  "office_staff",
  "admin",
];

/** The person's units, most representative first (a principal's school before their cluster). */
export function unitsInOrder(actor: Actor, units: ReadonlyMap<string, StoredUnit>): StoredUnit[] {
  const sorted = [...actor.memberships].sort(
    (a, b) => ROLE_PRIORITY.indexOf(a.role) - ROLE_PRIORITY.indexOf(b.role),
  );
  const seen = new Set<string>();
  const result: StoredUnit[] = [];
  for (const m of sorted) {
    const unit = units.get(m.unitId);
    if (unit && !seen.has(unit.id)) {
      seen.add(unit.id);
      result.push(unit);
    }
  }
  return result;
}

/** "Cô có thể dùng các lệnh sau:" and one line per command this person may use. */
export function commandList(actor: Actor, sp: Speaker): string {
  const { t } = sp;
  const lines = [t("bot:commands.intro", { title: sp.title })];
  if (actor.seesAll || actor.ownUnitIds.length > 0) {
    lines.push(t("bot:commands.baocao"), t("bot:commands.tinbai"), t("bot:commands.vuviec"));
  }
  // Incidents are seen by their unit, the units above it and the Văn phòng (runner/incident-access.ts).
  if (actor.seesAll || actor.ownUnitIds.length > 0 || actor.supervisedUnitIds.size > 0) {
    lines.push(t("bot:commands.xemvuviec"));
  }
  if (actor.seesAll) lines.push(t("bot:commands.office"));
  lines.push(actor.seesAll ? t("bot:commands.trangthaiAll") : t("bot:commands.trangthai"));
  // The Văn phòng and overseers: the units of their scope that have not sent a report (/chuanop).
  if (actor.seesAll || actor.supervisedUnitIds.size > 0) lines.push(t("missing:help"));
  lines.push(t("bot:commands.dulieu"), t("bot:commands.huylienket"), t("bot:commands.trogiup"));
  return lines.join("\n");
}

/** A status button per own unit (payload names the unit: checked again when tapped). */
export function statusButtons(actor: Actor, units: ReadonlyMap<string, StoredUnit>): Button[] {
  return actor.ownUnitIds
    .map((id) => units.get(id))
    .filter((u) => u !== undefined)
    .slice(0, 3)
    .map((u) => ({
      label: { key: "bot:buttons.status", params: { unit: u.shortName ?? u.name } },
      payload: `status:${u.id}`,
    }));
}

export function greeting(
  actor: Actor,
  units: ReadonlyMap<string, StoredUnit>,
  sp: Speaker,
  justLinked: boolean,
): Reply {
  const [first, ...others] = unitsInOrder(actor, units);
  const parts: TextPart[] = [
    first
      ? { key: "bot:greeting.withUnit", params: { title: sp.title, name: sp.name, unit: first.name } }
      : { key: "bot:greeting.withoutUnit", params: { title: sp.title, name: sp.name } },
  ];
  if (justLinked) parts.push({ key: "bot:greeting.linked", params: { title: sp.title } });
  if (others.length > 0) {
    parts.push({
      key: "bot:greeting.moreUnits",
      params: { title: sp.title, units: others.map((u) => u.name).join(", ") },
    });
  }
  parts.push({ text: commandList(actor, sp) });
  const buttons = statusButtons(actor, units);
  return buttons.length > 0 ? { parts, buttons } : { parts };
}

export function help(actor: Actor, sp: Speaker): Reply {
  return {
    parts: [
      { text: commandList(actor, sp) },
      { key: "bot:commands.aliases" },
      { key: "bot:help.contact", params: { title: sp.title, contact: sp.contact } },
    ],
  };
}

export function unknownCommand(word: string, actor: Actor, sp: Speaker): Reply {
  return {
    parts: [
      { key: "bot:unknownCommand", params: { command: word } },
      { text: commandList(actor, sp) },
      { key: "bot:commands.aliases" },
    ],
  };
}

/** All an unknown chat ever gets: what baocao is, how to link, whom to ask. Never data. */
export function notLinked(contact: string): Reply {
  return {
    parts: [
      { key: "bot:unlinked.intro" },
      { key: "bot:unlinked.howTo" },
      { key: "bot:unlinked.contact", params: { contact } },
    ],
  };
}
