import type { Lang } from "../../i18n/index";

/**
 * "1.234,5" in Vietnamese, "1,234.5" in English. Written by hand rather than with Intl so that the
 * output does not depend on the ICU data a Node build ships with.
 */
export function formatNumber(value: number, lang: Lang): string {
  const [thousands, decimal] = lang === "vi" ? [".", ","] : [",", "."];
  const negative = value < 0;
  // Up to 6 decimals, trailing zeros dropped: reports never need more and floats stay readable.
  const fixed = Math.abs(value).toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  const [int = "0", frac] = fixed.split(".");
  const groupedInt = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const sign = negative && fixed !== "0" ? "-" : "";
  return `${sign}${groupedInt}${frac ? decimal + frac : ""}`;
}
