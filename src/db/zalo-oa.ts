/**
 * Everything the Zalo OA adapter stores, over one database: the registry passes this to
 * createZaloOaAdapter so the adapter itself never imports the database.
 */
import type { Db } from "./connect";
import { createZaloOaConsentStore } from "./zalo-oa-consents";
import { createZaloOaRecipients } from "./zalo-oa-recipients";
import { createZaloOaTokenStore } from "./zalo-oa-tokens";
import { createZbsUsageStore } from "./zalo-zbs-usage";

export function createZaloOaStores(db: Db, appId: string, now: () => Date = () => new Date()) {
  return {
    tokenStore: createZaloOaTokenStore(db, appId, now),
    consents: createZaloOaConsentStore(db, now),
    zbsUsage: createZbsUsageStore(db, now),
    recipients: createZaloOaRecipients(db),
  };
}
