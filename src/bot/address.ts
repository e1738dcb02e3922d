/**
 * How the bot addresses a person (DOMAIN §5.5): their chosen form ("Thầy", "Cô", "Đồng chí",
 * "Anh", "Chị") and given name (the last word of the full name), or the neutral "Thầy/Cô" when
 * nobody told us.
 */
import { type AddressAs, givenName, type Person } from "../domain/org";
import type { Translate } from "../i18n/index";

const TITLE_KEYS: Record<AddressAs | "neutral", string> = {
  thay: "bot:address.thay",
  co: "bot:address.co",
  dong_chi: "bot:address.dong_chi",
  anh: "bot:address.anh",
  chi: "bot:address.chi",
  neutral: "bot:address.neutral",
};

export interface Address {
  /** "Cô", "Thầy/Cô" … */
  readonly title: string;
  /** "Lan" */
  readonly name: string;
}

export function addressTitle(addressAs: AddressAs | null, t: Translate): string {
  return t(TITLE_KEYS[addressAs ?? "neutral"]);
}

export function addressOf(person: Pick<Person, "fullName" | "addressAs">, t: Translate): Address {
  return { title: addressTitle(person.addressAs, t), name: givenName(person.fullName) };
}
