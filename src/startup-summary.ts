/**
 * What `npm start` prints after "running at …": the plan in force, the size of the organisation,
 * what is due this month (per report: due date and how many units owe it), the channels on, and,
 * with the demo, invite links to try the web chat as a school and as the Văn phòng.
 */
import type { RunningApp } from "./app";
import type { Config } from "./config";
import { listPeople, listUnits } from "./db/index";
import { firstOfMonth, lastOfMonth, yearMonthOf } from "./domain/dates";
import { computeInstances } from "./domain/instances";
import { formatDateVi, localDateOf } from "./domain/time";
import { translator } from "./i18n/index";
import { loadCalendar } from "./plan/index";

export async function startupSummary(app: RunningApp, config: Config, now: Date): Promise<string[]> {
  const t = translator(config.lang);
  const lang = config.lang;
  const { plan } = app.plan;
  const text = (l: { vi: string; en?: string | undefined }) => (lang === "en" ? (l.en ?? l.vi) : l.vi);
  const units = await listUnits(app.db);
  const people = await listPeople(app.db);
  const lines = [
    t("main:plan", { title: text(plan.title), id: plan.id }),
    t("main:org", { units: units.length, people: people.length }),
  ];

  const calendar = await loadCalendar(plan.calendar, config.dataDir, lang);
  const month = yearMonthOf(localDateOf(now));
  if (calendar.ok) {
    const range = { from: firstOfMonth(month), to: lastOfMonth(month) };
    const due = computeInstances(plan, units, calendar.calendar, range).filter(
      (i) => i.kind === "report" && i.dueDate >= range.from && i.dueDate <= range.to,
    );
    const groups = new Map<string, { dueDate: string; count: number }>();
    for (const i of due) {
      const key = `${i.obligationCode}|${i.dueDate}`;
      const g = groups.get(key) ?? { dueDate: i.dueDate, count: 0 };
      g.count++;
      groups.set(key, g);
    }
    lines.push(t("main:dueHeading", { month: month.month, year: month.year, count: due.length }));
    const names = new Map(plan.obligations.map((o) => [o.code, text(o.name)]));
    const sorted = [...groups.entries()].sort((a, b) => a[1].dueDate.localeCompare(b[1].dueDate));
    for (const [key, g] of sorted) {
      const code = key.split("|")[0] ?? "";
      lines.push(
        t("main:dueLine", { name: names.get(code) ?? code, due: formatDateVi(g.dueDate), count: g.count }),
      );
    }
    if (sorted.length === 0) lines.push(t("main:dueNone"));
  }

  lines.push(t("main:channels", { list: app.adapters.map((a) => a.id).join(", ") }));
  for (const access of app.demoAccess) {
    lines.push(t(access.role === "school" ? "main:demoSchool" : "main:demoOffice", { url: access.url }));
  }
  return lines;
}
