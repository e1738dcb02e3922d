/**
 * The ConversationHook (src/bot/conversation.ts): report commands, free text, taps and files of a
 * linked person, inside the bot's transaction. A person answers one draft at a time (the active
 * one); everything else — the list, starting, resuming, office actions — is decided here.
 */
import type { ConversationHook } from "../../bot/conversation";
import type { InboundFile } from "../../channels/types";
import {
  type Draft,
  deactivateDrafts,
  findActiveDraft,
  findLastSubmittedDraft,
  getDraft,
  listOpenDrafts,
} from "../../db/drafts";
import { getUnitByCode } from "../../db/index";
import { findSubmissionByRevisionKey } from "../../db/submissions";
import { extensionFor, receiveFile } from "../../files/index";
import { PAYLOAD } from "../commands";
import { fold } from "../text";
import type { CommandName } from "../types";
import { startByName } from "./by-name";
import { createRun, type Run, type RunnerDeps } from "./context";
import { startArticle, startIncident, startIncidentUpdate } from "./flows";
import {
  closeIncidentFromButton,
  isIncidentReference,
  parseShowIncidentText,
  showIncidentCommand,
  showIncidentFromButton,
} from "./incident-view";
import { labelText } from "./labels";
import { offerDraft, showMenu } from "./menu";
import { parseOfficeCommand, runOfficeCommand } from "./office-chat";
import { parsePayload } from "./payloads";
import { alreadyReceived } from "./receipt";
import { reopenByReference, startFromReportPayload } from "./start";
import { resumeDraft, stepDraft } from "./step";

/**
 * A draft untouched this long is not answered by the next message: the person is asked first
 * whether to go on ("Thầy đang làm dở … — tiếp tục?"), since a message typed days later is rarely
 * the answer to a question asked then.
 */
export const DRAFT_IDLE_OFFER_HOURS = 12;

const NAVIGATION: Readonly<Record<string, CommandName>> = {
  back: "back",
  skip: "skip",
  cancel: "cancel",
  resume: "resume",
};

function isIdle(run: Run, draft: Draft): boolean {
  return run.now.getTime() - draft.updatedAt.getTime() > DRAFT_IDLE_OFFER_HOURS * 60 * 60 * 1000;
}

async function offerUnfinished(run: Run): Promise<boolean> {
  const [latest] = await listOpenDrafts(run.trx, run.personId);
  if (!latest) return false;
  await offerDraft(run, latest);
  return true;
}

async function onNavigation(run: Run, name: CommandName): Promise<void> {
  const active = await findActiveDraft(run.trx, run.personId);
  if (active) return stepDraft(run, active, { kind: "command", command: { name } });
  if (name === "resume") {
    const [latest] = await listOpenDrafts(run.trx, run.personId);
    if (latest) {
      return resumeDraft(run, latest, [
        { key: "report:resume.intro", params: { name: labelText(latest.label, run.t, run.lang), unit: "" } },
      ]);
    }
  }
  await showMenu(run, undefined, [{ key: "report:nav.nothingOpen", params: { title: run.ctx.title } }]);
}

async function onReportArgs(run: Run, args: string): Promise<void> {
  const word = fold(args).replace(/\s+/g, "");
  if (word === "tinbai" || word === "article") return startArticle(run);
  if (word === "vuviec" || word === "incident") return startIncident(run, undefined, false);
  // "/baocao THCS-ND": the list of that unit (Văn phòng staff entering a paper report).
  if (/^\S+$/.test(args.trim())) {
    const unit = await getUnitByCode(run.trx, args.trim());
    if (unit) return showMenu(run, unit.id);
  }
  if (await startByName(run, args)) return;
  await showMenu(run, undefined, [{ key: "report:match.none", params: { title: run.ctx.title } }]);
}

async function onCommand(run: Run, name: string, args: string): Promise<void> {
  const office = run.ctx.actor.seesAll
    ? parseOfficeCommand(`${name === "report" ? "" : name} ${args}`)
    : null;
  if (office) return runOfficeCommand(run, office);
  switch (name) {
    case "report":
      return args === "" ? showMenu(run) : onReportArgs(run, args);
    // Names the router passes once /tinbai and /vuviec are routed to the conversation.
    case "article":
      return startArticle(run);
    case "incident":
      return startIncident(run, undefined, false);
    case "showIncident":
      return showIncidentCommand(run, args);
  }
  const nav = NAVIGATION[name];
  if (nav) return onNavigation(run, nav);
  await showMenu(run);
}

async function onStaleAction(run: Run, payload: string): Promise<void> {
  if (payload === PAYLOAD.submit) {
    const last = await findLastSubmittedDraft(run.trx, run.personId);
    const sent = last ? await findSubmissionByRevisionKey(run.trx, `draft:${last.id}`) : undefined;
    if (last && sent) {
      return run.send(
        alreadyReceived(sent, {
          name: labelText(last.label, run.t, run.lang),
          unit: "",
          by: null,
          editable: false,
        }),
      );
    }
    if (last) return run.say([{ key: "report:submit.alreadyGeneric" }]);
  }
  if (!(await offerUnfinished(run)))
    await run.say([{ key: "report:nav.staleButton", params: { title: run.ctx.title } }]);
}

async function onAction(run: Run, payload: string): Promise<void> {
  const p = parsePayload(payload);
  if (!p) {
    const active = await findActiveDraft(run.trx, run.personId);
    return active ? stepDraft(run, active, { kind: "action", payload }) : onStaleAction(run, payload);
  }
  switch (p.type) {
    case "report":
      return startFromReportPayload(run, p);
    case "menu":
      return showMenu(run, p.unitId);
    case "resume": {
      const draft = await getDraft(run.trx, p.draftId);
      if (!draft || draft.personId !== run.personId || draft.status !== "open") {
        return run.say([{ key: "report:draft.notFound", params: { title: run.ctx.title } }]);
      }
      return resumeDraft(run, draft);
    }
    case "later":
      await deactivateDrafts(run.trx, run.personId);
      return run.say([{ key: "report:resume.later", params: { title: run.ctx.title } }]);
    case "reopen":
      return reopenByReference(run, p.reference);
    case "article":
      return startArticle(run, p.unitId);
    case "incident":
      return startIncident(run, p.unitId, p.fresh);
    case "incidentUpdate":
      return startIncidentUpdate(run, p.reference);
    case "incidentView":
      return showIncidentFromButton(run, p.reference);
    case "incidentClose":
      return closeIncidentFromButton(run, p.reference);
  }
}

async function onText(run: Run, text: string): Promise<void> {
  const office = run.ctx.actor.seesAll ? parseOfficeCommand(text) : null;
  if (office) return runOfficeCommand(run, office);
  // "xem vụ việc [VV-…]" is /xemvuviec typed without the slash, before "vụ việc" starts a report.
  const show = parseShowIncidentText(text);
  if (show !== null) return showIncidentCommand(run, show);
  const active = await findActiveDraft(run.trx, run.personId);
  if (active && !isIdle(run, active)) return stepDraft(run, active, { kind: "text", text });
  if (active) {
    await deactivateDrafts(run.trx, run.personId);
    return offerDraft(run, active, [{ key: "report:resume.welcomeBack", params: { title: run.ctx.title } }]);
  }
  // A bare "VV-2611-0042" when no question waits for it: that incident's record (if one may see it).
  if (isIncidentReference(text)) return showIncidentCommand(run, text);
  if (await startByName(run, text)) return;
  if (await offerUnfinished(run)) return;
  await showMenu(run, undefined, [{ key: "report:match.none", params: { title: run.ctx.title } }]);
}

async function onFile(run: Run, file: InboundFile): Promise<void> {
  const active = await findActiveDraft(run.trx, run.personId);
  if (!active) return run.say([{ key: "report:file.noDraft", params: { title: run.ctx.title } }]);
  const received = await receiveFile(
    run.trx,
    { dataDir: run.deps.config.dataDir, channel: run.ctx.chat.channel, now: run.now },
    file,
  );
  if (!received.ok) return run.say([{ key: received.messageKey, params: received.params }]);
  const stored = received.file;
  const name = file.name ?? `${run.t("report:file.photoName")}.${extensionFor(null, stored.mimeType)}`;
  await stepDraft(run, active, {
    kind: "file",
    file: {
      fileId: stored.id,
      name,
      mimeType: stored.mimeType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
    },
  });
}

/** The conversation engine wired to the database: pass it to createBotHandler as `conversation`. */
export function createConversationHook(deps: RunnerDeps): ConversationHook {
  return async (ctx, input) => {
    const run = createRun(deps, ctx);
    switch (input.kind) {
      case "command":
        // Widened: the router may pass more names than today's ConversationCommand (see README).
        return onCommand(run, input.command as string, input.args);
      case "action":
        return onAction(run, input.payload);
      case "text":
        return onText(run, input.text);
      case "file":
        return onFile(run, input.file);
    }
  };
}
