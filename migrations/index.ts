/**
 * The migration list, in order. A static list (not a folder scan) so that the same set runs under
 * tsx, vitest and any bundler. Add a new file, then one line here; never edit a landed migration.
 */
import type { Migration } from "kysely";
import * as m0001 from "./0001_units";
import * as m0002 from "./0002_unit_links";
import * as m0003 from "./0003_people";
import * as m0004 from "./0004_memberships";
import * as m0005 from "./0005_settings";
import * as m0006 from "./0006_plans";
import * as m0007 from "./0007_articles";
import * as m0010 from "./0010_inbound_events";
import * as m0011 from "./0011_outbox";
import * as m0012 from "./0012_chat_choices";
import * as m0013 from "./0013_stored_files";
import * as m0020 from "./0020_web_sessions";
import * as m0021 from "./0021_web_messages";
import * as m0022 from "./0022_web_files";
import * as m0030 from "./0030_invites";
import * as m0031 from "./0031_channel_links";
import * as m0032 from "./0032_link_attempts";
import * as m0040 from "./0040_drafts";
import * as m0041 from "./0041_submissions";
import * as m0042 from "./0042_submission_revisions";
import * as m0043 from "./0043_reviews";
import * as m0044 from "./0044_period_locks";
import * as m0045 from "./0045_incidents";
import * as m0046 from "./0046_incident_updates";
import * as m0047 from "./0047_article_screenshots";
import * as m0048 from "./0048_submission_files";
import * as m0050 from "./0050_zalo_oa_tokens";
import * as m0051 from "./0051_zalo_oa_consents";
import * as m0052 from "./0052_zalo_zbs_usage";
import * as m0060 from "./0060_exemptions";
import * as m0061 from "./0061_reminder_messages";
import * as m0062 from "./0062_reminder_steps";
import * as m0063 from "./0063_reminder_undelivered";
import * as m0070 from "./0070_inbound_replay";
import * as m0071 from "./0071_org_version";
import * as m0075 from "./0075_reminder_steps_spec";
import * as m0076 from "./0076_reminder_messages_day_index";
import * as m0077 from "./0077_link_attempts_channel_index";
import * as m0078 from "./0078_outbox_channel_wait";

export const migrations: Record<string, Migration> = {
  "0001_units": m0001,
  "0002_unit_links": m0002,
  "0003_people": m0003,
  "0004_memberships": m0004,
  "0005_settings": m0005,
  "0006_plans": m0006,
  "0007_articles": m0007,
  "0010_inbound_events": m0010,
  "0011_outbox": m0011,
  "0012_chat_choices": m0012,
  "0013_stored_files": m0013,
  "0020_web_sessions": m0020,
  "0021_web_messages": m0021,
  "0022_web_files": m0022,
  "0030_invites": m0030,
  "0031_channel_links": m0031,
  "0032_link_attempts": m0032,
  "0040_drafts": m0040,
  "0041_submissions": m0041,
  "0042_submission_revisions": m0042,
  "0043_reviews": m0043,
  "0044_period_locks": m0044,
  "0045_incidents": m0045,
  "0046_incident_updates": m0046,
  "0047_article_screenshots": m0047,
  "0048_submission_files": m0048,
  "0050_zalo_oa_tokens": m0050,
  "0051_zalo_oa_consents": m0051,
  "0052_zalo_zbs_usage": m0052,
  "0060_exemptions": m0060,
  "0061_reminder_messages": m0061,
  "0062_reminder_steps": m0062,
  "0063_reminder_undelivered": m0063,
  "0070_inbound_replay": m0070,
  "0071_org_version": m0071,
  "0075_reminder_steps_spec": m0075,
  "0076_reminder_messages_day_index": m0076,
  "0077_link_attempts_channel_index": m0077,
  "0078_outbox_channel_wait": m0078,
};
