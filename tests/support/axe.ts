/**
 * Accessibility checks for Playwright specs: axe-core (through
 * `@axe-core/playwright`) with the WCAG 2.0, 2.1 and 2.2 A and AA rules,
 * failing on any serious or critical finding. The failure message lists each
 * finding's rule, impact, the elements it hit and axe's help, so a red run
 * says what to fix without opening a trace.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The axe tags for WCAG 2.2 AA conformance (each level includes the ones before it). */
export const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe on the page as it is now and fails the test, naming `label` (the
 * page state), when a serious or critical WCAG A/AA finding is left.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  // Fonts re-wrap the text and colours settle after the first paint: check what a person would see.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  const report = blocking.map((v) => {
    const targets = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join("; ")}`);
    const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
    return [`${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`, ...targets, ...more].join("\n");
  });
  expect(report, `axe found serious or critical WCAG A/AA issues on ${label}:\n${report.join("\n")}`).toEqual([]);
}
