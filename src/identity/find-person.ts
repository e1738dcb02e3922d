/** The person an admin names on the command line: an id, a phone number or an e-mail address. */
import { type Db, findPersonByPhoneOrEmail, getPersonById } from "../db/index";
import type { Person } from "../domain/org";

export async function findPersonByRef(db: Db, ref: string): Promise<Person | undefined> {
  const trimmed = ref.trim();
  if (trimmed === "") return undefined;
  const byId = await getPersonById(db, trimmed);
  if (byId) return byId;
  return findPersonByPhoneOrEmail(db, trimmed.includes("@") ? { email: trimmed } : { phone: trimmed });
}
