/**
 * Everything stored about one person, for `baocao people show` and its JSON export (the right to
 * access under Law 91/2025). Invite codes are never included: only their dates and state.
 */
import { listLinksOfPerson } from "../db/channel-links";
import { type Db, getUnitById, listMemberships } from "../db/index";
import { inviteState, listInvitesOfPerson } from "../db/invites";
import {
  type DatedMembership,
  isMembershipValidOn,
  type LocalDate,
  type Person,
  type Role,
} from "../domain/org";
import { localDateOf } from "../domain/time";

export interface PersonData {
  readonly person: {
    readonly id: string;
    readonly fullName: string;
    readonly phone: string | null;
    readonly email: string | null;
    readonly addressAs: string | null;
    readonly createdAt: string | null;
    readonly updatedAt: string | null;
  };
  readonly memberships: readonly {
    readonly unitId: string;
    readonly unitCode: string | null;
    readonly unitName: string | null;
    readonly role: Role;
    /** First and last day (inclusive, YYYY-MM-DD); null = since always / open-ended. */
    readonly validFrom: string | null;
    readonly validTo: string | null;
    /** In force on today's local day, started or not yet, or ended. */
    readonly state: MembershipState;
  }[];
  readonly channelLinks: readonly {
    readonly channel: string;
    readonly chatId: string;
    readonly platformUserId: string;
    readonly linkedAt: string;
    readonly lastInteractionAt: string | null;
    readonly unreachableAt: string | null;
  }[];
  readonly invites: readonly {
    readonly id: string;
    readonly state: string;
    readonly createdAt: string;
    readonly expiresAt: string;
    readonly usedAt: string | null;
    readonly revokedAt: string | null;
  }[];
  /** Articles this person declared (they stay with the unit after an erasure). */
  readonly articles: readonly {
    readonly id: string;
    readonly unitId: string;
    readonly title: string;
    readonly url: string;
    readonly publishedOn: string;
  }[];
}

export type MembershipState = "in_force" | "not_started" | "ended";

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function membershipState(m: Pick<DatedMembership, "validFrom" | "validTo">, day: LocalDate): MembershipState {
  if (isMembershipValidOn(m, day)) return "in_force";
  return m.validFrom !== null && day < m.validFrom ? "not_started" : "ended";
}

export async function collectPersonData(db: Db, person: Person, now: Date): Promise<PersonData> {
  const row = await db
    .selectFrom("people")
    .select(["created_at", "updated_at"])
    .where("id", "=", person.id)
    .executeTakeFirst();
  const today = localDateOf(now);
  const memberships = [];
  for (const m of await listMemberships(db, { personId: person.id })) {
    const unit = await getUnitById(db, m.unitId);
    memberships.push({
      unitId: m.unitId,
      unitCode: unit?.code ?? null,
      unitName: unit?.name ?? null,
      role: m.role,
      validFrom: m.validFrom,
      validTo: m.validTo,
      state: membershipState(m, today),
    });
  }
  const links = await listLinksOfPerson(db, person.id);
  const invites = await listInvitesOfPerson(db, person.id);
  const articles = await db
    .selectFrom("articles")
    .select(["id", "unit_id", "title", "url", "published_on"])
    .where("submitted_by", "=", person.id)
    .orderBy("published_on")
    .execute();
  return {
    person: {
      id: person.id,
      fullName: person.fullName,
      phone: person.phone,
      email: person.email,
      addressAs: person.addressAs,
      createdAt: row?.created_at ?? null,
      updatedAt: row?.updated_at ?? null,
    },
    memberships,
    channelLinks: links.map((l) => ({
      channel: l.channel,
      chatId: l.chatId,
      platformUserId: l.platformUserId,
      linkedAt: l.linkedAt.toISOString(),
      lastInteractionAt: iso(l.lastInteractionAt),
      unreachableAt: iso(l.unreachableAt),
    })),
    invites: invites.map((i) => ({
      id: i.id,
      state: inviteState(i, now),
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      usedAt: iso(i.usedAt),
      revokedAt: iso(i.revokedAt),
    })),
    articles: articles.map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      title: a.title,
      url: a.url,
      publishedOn: a.published_on,
    })),
  };
}
