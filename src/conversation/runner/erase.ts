/** Drafts hold a person's unsent answers: they go with the person (pass to erasePerson's erasers). */

import { deleteDraftsOfPerson } from "../../db/drafts";
import type { PersonalDataEraser } from "../../identity/erase";

export const eraseDrafts: PersonalDataEraser = async (trx, erased) => {
  await deleteDraftsOfPerson(trx, erased.personId);
};
