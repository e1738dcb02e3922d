/**
 * OAuth v4 consent for the OA: a link an OA admin follows (with PKCE and a random state kept in
 * the database), and the callback on our server that exchanges the code (valid 10 minutes, single
 * use) and stores the tokens. Started by `baocao zalo-oa login`, or sent to the admins when Zalo
 * refuses our refresh token.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Translate } from "../../i18n/index";
import type { WebhookHandler } from "../types";
import { ZaloHttpError, type ZaloOaClient } from "./client";
import { pairFromGrant, type TokenManager } from "./tokens";

export const ZALO_OA_CALLBACK_PATH = "/oauth/zalo-oa/callback";

/** Pending consents; implemented over the database in src/db/zalo-oa-consents.ts. */
export interface ZaloConsentStore {
  create(state: string, codeVerifier: string): Promise<void>;
  verifierFor(state: string): Promise<string | undefined>;
  finish(state: string, error: string | null): Promise<void>;
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");

export async function startConsent(
  consents: ZaloConsentStore,
  client: Pick<ZaloOaClient, "consentUrl">,
  publicUrl: string,
): Promise<{ url: string; state: string }> {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash("sha256").update(verifier).digest());
  const state = randomBytes(16).toString("hex");
  await consents.create(state, verifier);
  return { url: client.consentUrl(`${publicUrl}${ZALO_OA_CALLBACK_PATH}`, challenge, state), state };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, text: string): Response {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${escapeHtml(title)}</title><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

export interface CallbackOptions {
  readonly consents: ZaloConsentStore;
  readonly client: Pick<ZaloOaClient, "exchangeCode">;
  readonly tokens: Pick<TokenManager, "adopt">;
  /** When set, a consent given for another OA is refused. */
  readonly expectedOaId: string | undefined;
  readonly now: () => Date;
  readonly t: Translate;
}

export function createConsentCallback(options: CallbackOptions): WebhookHandler {
  const { consents, t } = options;
  const failed = (status: number, reason: string) =>
    page(status, t("zalo:oa.consent.failedTitle"), t("zalo:oa.consent.failed", { reason }));
  return async (request) => {
    const q = new URL(request.url).searchParams;
    const state = q.get("state") ?? "";
    const code = q.get("code") ?? "";
    const verifier = state === "" ? undefined : await consents.verifierFor(state);
    if (!verifier || code === "") return failed(400, t("zalo:oa.consent.unknownState"));
    const oaId = q.get("oa_id");
    if (options.expectedOaId && oaId !== options.expectedOaId) {
      await consents.finish(state, `consent given for OA ${oaId ?? "?"}`);
      return failed(403, t("zalo:oa.consent.wrongOa", { oaId: oaId ?? "?" }));
    }
    let grant: Awaited<ReturnType<ZaloOaClient["exchangeCode"]>>;
    try {
      grant = await options.client.exchangeCode(code, verifier);
    } catch (err) {
      if (!(err instanceof ZaloHttpError)) throw err;
      await consents.finish(state, err.message);
      return failed(502, err.message);
    }
    if (!grant.ok) {
      const reason = `${grant.code} ${grant.message}`.trim();
      await consents.finish(state, reason);
      return failed(502, reason);
    }
    await options.tokens.adopt(pairFromGrant(grant.data, options.now()));
    await consents.finish(state, null);
    return page(200, t("zalo:oa.consent.doneTitle"), t("zalo:oa.consent.done"));
  };
}
