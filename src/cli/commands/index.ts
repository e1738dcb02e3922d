/**
 * Every `baocao` command. Adding a command: one file in this folder, one line here.
 */
import type { Command } from "../command";
import { demoCommand } from "./demo";
import { exemptionsAddCommand, exemptionsListCommand, exemptionsRemoveCommand } from "./exemptions";
import { incidentsCloseCommand, incidentsListCommand } from "./incidents";
import { incidentsShowCommand } from "./incidents-show";
import { inviteBulkCommand } from "./invite-bulk";
import { inviteCreateCommand } from "./invite-create";
import { inviteRevokeCommand } from "./invite-revoke";
import { migrateCommand } from "./migrate";
import { obligationsCommand } from "./obligations";
import { orgExportCommand } from "./org-export";
import { orgImportCommand } from "./org-import";
import { outboxListCommand, outboxRetryCommand } from "./outbox";
import { peopleEraseCommand } from "./people-erase";
import { peopleExportCommand } from "./people-export";
import { peopleImportCommand } from "./people-import";
import { peopleShowCommand } from "./people-show";
import { planPresetsCommand } from "./plan-presets";
import { planShowCommand } from "./plan-show";
import { planUseCommand } from "./plan-use";
import { planValidateCommand } from "./plan-validate";
import { remindersPreviewCommand, remindersRunCommand, remindersUnreachableCommand } from "./reminders";
import { submissionsListCommand, submissionsShowCommand } from "./submissions";
import { submissionsExportCommand } from "./submissions-export";
import { submissionsMissingCommand } from "./submissions-missing";
import { periodsLockCommand, submissionsAcceptCommand, submissionsReturnCommand } from "./submissions-review";
import { zaloOaLoginCommand } from "./zalo-oa-login";
import { zaloPersonalGroupsCommand, zaloPersonalLoginCommand } from "./zalo-personal";

export const commands: readonly Command[] = [
  migrateCommand,
  demoCommand,
  orgImportCommand,
  orgExportCommand,
  peopleImportCommand,
  peopleExportCommand,
  peopleShowCommand,
  peopleEraseCommand,
  inviteCreateCommand,
  inviteBulkCommand,
  inviteRevokeCommand,
  zaloOaLoginCommand,
  zaloPersonalLoginCommand,
  zaloPersonalGroupsCommand,
  planValidateCommand,
  planPresetsCommand,
  planUseCommand,
  planShowCommand,
  obligationsCommand,
  submissionsListCommand,
  submissionsShowCommand,
  submissionsMissingCommand,
  submissionsExportCommand,
  submissionsReturnCommand,
  submissionsAcceptCommand,
  periodsLockCommand,
  incidentsListCommand,
  incidentsShowCommand,
  incidentsCloseCommand,
  remindersPreviewCommand,
  remindersRunCommand,
  remindersUnreachableCommand,
  outboxListCommand,
  outboxRetryCommand,
  exemptionsAddCommand,
  exemptionsListCommand,
  exemptionsRemoveCommand,
];
