/**
 * Last month's report lines are kept for the Văn phòng's large unit sets and recomputed as soon as
 * this process writes a submission or an exemption (the status epoch); small sets are not kept.
 */
import { describe, expect, it } from "vitest";
import type { ReportLine } from "../../src/bot/status/model";
import { pastLines } from "../../src/bot/status/past-lines";
import { bumpStatusEpoch } from "../../src/db/change-epoch";
import type { Unit } from "../../src/domain/org";

const unit = (i: number): Unit => ({
  id: `u-${i}`,
  code: `U${i}`,
  name: `Trường ${i}`,
  shortName: null,
  kind: "school",
  levels: ["th"],
  parentId: null,
  reportsToId: null,
  validFrom: null,
  validTo: null,
});
const many = Array.from({ length: 60 }, (_, i) => unit(i));

function counter() {
  const state = { calls: 0 };
  const compute = async (): Promise<readonly ReportLine[]> => {
    state.calls++;
    return [];
  };
  return { state, compute };
}

describe("last month's lines", () => {
  it("are computed once for a large unit set, again after a status write in this process", async () => {
    const owner = {};
    const { state, compute } = counter();
    await pastLines([owner], "2026-11", many, compute);
    await pastLines([owner], "2026-11", many, compute);
    expect(state.calls).toBe(1);
    bumpStatusEpoch(); // insertSubmission, addExemption and removeExemption do this
    await pastLines([owner], "2026-11", many, compute);
    expect(state.calls).toBe(2);
    // Another month, another set of units or another owner (database, plan…) is another entry.
    await pastLines([owner], "2026-10", many, compute);
    await pastLines([owner], "2026-11", many.slice(1), compute);
    await pastLines([{}], "2026-11", many, compute);
    expect(state.calls).toBe(5);
  });

  it("are not kept for a school's few units", async () => {
    const owner = {};
    const { state, compute } = counter();
    await pastLines([owner], "2026-11", many.slice(0, 3), compute);
    await pastLines([owner], "2026-11", many.slice(0, 3), compute);
    expect(state.calls).toBe(2);
  });
});
