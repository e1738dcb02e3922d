/**
 * The organisation as the planner sees it (pure, built once per tick): units, who holds which role
 * where, how to address people, and the chats each person can be reached on, best first.
 */
import type { ChatRef } from "../channels/types";
import { indexUnits, type UnitIndex } from "../domain/audience";
import type { AddressAs, Person, Role, Unit } from "../domain/org";
import { givenName, isUnitValidOn } from "../domain/org";
import type { EscalationTarget } from "../domain/plan";

export interface PersonChat extends ChatRef {
  readonly lastInteractionAt: Date | null;
}

export interface OrgSnapshot {
  readonly units: readonly Unit[];
  readonly index: UnitIndex;
  readonly people: ReadonlyMap<string, Person>;
  /** Members of each unit with their roles, in the order given. */
  readonly members: ReadonlyMap<string, readonly { readonly personId: string; readonly role: Role }[]>;
  /** Reachable chats of each person on configured channels, best first. */
  readonly chats: ReadonlyMap<string, readonly PersonChat[]>;
}

export interface SnapshotInput {
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
  readonly memberships: readonly {
    readonly personId: string;
    readonly unitId: string;
    readonly role: Role;
  }[];
  readonly links: readonly LinkInput[];
  /** Channels with an adapter in this process; links to others cannot be used. */
  readonly channels: readonly string[];
}

export type LinkInput = PersonChat & { readonly personId: string; readonly unreachable: boolean };

/** The organisation without the chats: what changes only with org.version (and the day). */
export type OrgStructure = Omit<OrgSnapshot, "chats">;

/** Fixed preference when people interacted equally recently (never): Telegram, then Zalo, then web. */
const CHANNEL_PREFERENCE = ["telegram", "zalo-oa", "zalo-bot", "zalo-personal", "web"];

export function buildStructure(input: Omit<SnapshotInput, "links" | "channels">): OrgStructure {
  const members = new Map<string, { personId: string; role: Role }[]>();
  for (const m of input.memberships) {
    const list = members.get(m.unitId);
    if (list) list.push({ personId: m.personId, role: m.role });
    else members.set(m.unitId, [{ personId: m.personId, role: m.role }]);
  }
  return {
    units: input.units,
    index: indexUnits(input.units),
    people: new Map(input.people.map((p) => [p.id, p])),
    members,
  };
}

/** Reachable chats of each person on the configured channels, best first. */
export function buildChats(
  links: readonly LinkInput[],
  channels: readonly string[],
): Map<string, PersonChat[]> {
  const configured = new Set(channels);
  const chats = new Map<string, PersonChat[]>();
  for (const l of links) {
    if (l.unreachable || !configured.has(l.channel)) continue;
    const chat = { channel: l.channel, chatId: l.chatId, lastInteractionAt: l.lastInteractionAt };
    const list = chats.get(l.personId);
    if (list) list.push(chat);
    else chats.set(l.personId, [chat]);
  }
  // The chat the person used last is the one they read; then the fixed preference.
  for (const list of chats.values()) {
    if (list.length < 2) continue;
    list.sort(
      (a, b) =>
        (b.lastInteractionAt?.getTime() ?? 0) - (a.lastInteractionAt?.getTime() ?? 0) ||
        CHANNEL_PREFERENCE.indexOf(a.channel) - CHANNEL_PREFERENCE.indexOf(b.channel),
    );
  }
  return chats;
}

export function buildSnapshot(input: SnapshotInput): OrgSnapshot {
  return { ...buildStructure(input), chats: buildChats(input.links, input.channels) };
}

/** People of the unit holding one of the roles, in the roles' order, each once. */
export function holders(org: OrgSnapshot, unitId: string, roles: readonly Role[]): string[] {
  const list = org.members.get(unitId) ?? [];
  const result: string[] = [];
  for (const role of roles) {
    for (const m of list) if (m.role === role && !result.includes(m.personId)) result.push(m.personId);
  }
  return result;
}

/** Who else of a unit can carry a reminder when its recipients cannot be reached. */
const FALLBACK_ROLES: readonly Role[] = ["head", "deputy", "comms", "staff"];

export function otherMembers(org: OrgSnapshot, unitId: string, exclude: ReadonlySet<string>): string[] {
  return holders(org, unitId, FALLBACK_ROLES).filter((p) => !exclude.has(p));
}

/** The Văn phòng Sở existing on the day (the first office unit otherwise). */
export function officeUnit(org: OrgSnapshot, day: string): Unit | undefined {
  const offices = org.index.byKind.get("office") ?? [];
  return offices.find((u) => isUnitValidOn(u, day)) ?? offices[0];
}

export function officeStaff(org: OrgSnapshot, day: string): string[] {
  const office = officeUnit(org, day);
  if (!office) return [];
  const staff = holders(org, office.id, ["office_staff"]);
  return staff.length > 0 ? staff : holders(org, office.id, ["head"]);
}

function headsOf(org: OrgSnapshot, unit: Unit): string[] {
  return unit.kind === "cluster"
    ? holders(org, unit.id, ["cluster_head", "head"])
    : holders(org, unit.id, ["head"]);
}

/** The cluster a unit belongs to: the unit it reports to, or its parent, when that is a cluster. */
function clusterOf(org: OrgSnapshot, unit: Unit): Unit | undefined {
  for (const id of [unit.reportsToId, unit.parentId]) {
    const up = id === null ? undefined : org.index.byId.get(id);
    if (up?.kind === "cluster") return up;
  }
  return undefined;
}

export interface EscalationRecipients {
  /** The unit whose people are told (for the message); null for the office. */
  readonly unit: Unit | undefined;
  readonly personIds: readonly string[];
}

/**
 * Who hears that a unit is late. reports_to_head: the head of the unit it reports to (or its
 * parent) — except when that is the Sở itself: its Giám đốc is not chased about every school, the
 * Văn phòng is. cluster_head: its cluster's head, else as reports_to_head. office: Văn phòng staff.
 */
export function escalationRecipients(
  org: OrgSnapshot,
  unit: Unit,
  to: EscalationTarget,
  day: string,
): EscalationRecipients {
  const office = (): EscalationRecipients => ({
    unit: officeUnit(org, day),
    personIds: officeStaff(org, day),
  });
  if (to === "office") return office();
  if (to === "cluster_head") {
    const cluster = clusterOf(org, unit);
    if (cluster && isUnitValidOn(cluster, day)) {
      const heads = headsOf(org, cluster);
      if (heads.length > 0) return { unit: cluster, personIds: heads };
    }
  }
  const upId = unit.reportsToId ?? unit.parentId;
  const up = upId === null ? undefined : org.index.byId.get(upId);
  if (!up || up.kind === "so" || up.kind === "office") return office();
  const heads = headsOf(org, up);
  return heads.length > 0 ? { unit: up, personIds: heads } : office();
}

export function addressAsOf(
  org: OrgSnapshot,
  personId: string,
): { addressAs: AddressAs | null; name: string } {
  const p = org.people.get(personId);
  return { addressAs: p?.addressAs ?? null, name: p ? givenName(p.fullName) : "" };
}
