/**
 * Entry of `npm run bench`: runs every benchmark of index.ts in sequence and prints one table row
 * each (name, measured figure, target, pass/fail) plus the process's peak RSS. Always exits 0 so
 * that a slow machine does not break a pipeline; read the PASS/FAIL column.
 * `npm run bench -- inbound` runs only the benchmarks whose name contains "inbound".
 */
import { benches } from "./index";

interface Row {
  readonly name: string;
  readonly measured: string;
  readonly target: string;
  readonly verdict: string;
}

function format(value: number, unit: string): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ${unit}`;
}

function table(rows: readonly Row[]): string[] {
  const header: Row = { name: "benchmark", measured: "measured", target: "target", verdict: "result" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `${r.name.padEnd(width("name"))}  ${r.measured.padStart(width("measured"))}  ${r.target.padStart(width("target"))}  ${r.verdict}`;
  return [line(header), "-".repeat(line(header).length), ...rows.map(line)];
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const notes: string[] = [];
  let failed = 0;
  const filter = process.argv[2]?.toLowerCase();
  for (const bench of benches.filter((b) => !filter || b.name.toLowerCase().includes(filter))) {
    try {
      const r = await bench.run();
      const pass = r.value <= r.target;
      if (!pass) failed++;
      rows.push({
        name: bench.name,
        measured: format(r.value, r.unit),
        target: `≤ ${format(r.target, r.unit)}`,
        verdict: pass ? "PASS" : "FAIL",
      });
      if (r.note) notes.push(`${bench.name}: ${r.note}`);
    } catch (e) {
      failed++;
      rows.push({ name: bench.name, measured: "error", target: "", verdict: "FAIL" });
      notes.push(`${bench.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const out = [
    "",
    ...table(rows),
    "",
    ...notes,
    `peak RSS: ${peakRssMb.toFixed(0)} MB`,
    failed === 0 ? "All benchmarks within target." : `${failed} benchmark(s) FAILED their target.`,
    "",
  ];
  process.stdout.write(out.join("\n"));
}

await main();
