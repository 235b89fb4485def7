import axe from 'axe-core';

// axe-core on an extension page, the same in both suites. The script goes in
// through the driver's own evaluate of a source string (Playwright over CDP,
// puppeteer over WebDriver BiDi), which the page's CSP does not apply to, as a
// <script> tag would be refused. Every rule axe has runs (WCAG A, AA and AAA,
// best practices, the experimental ones), and a finding at any impact counts.

/** A page that can run a script given as source text: Playwright's and puppeteer's Page both can. */
export interface ScriptPage {
  evaluate(source: string): Promise<unknown>;
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** One CSS selector per element found, with what axe says is wrong there. */
  nodes: { target: string; why: string }[];
}

/** Runs axe over the whole document and returns what it found, one entry per rule broken. */
export async function axeFindings(page: ScriptPage): Promise<AxeFinding[]> {
  // In Node, axe-core's module carries the browser script's source text.
  await page.evaluate(axe.source);
  const raw = (await page.evaluate(`(async () => {
    // Every rule axe has, the experimental ones too.
    const rules = Object.fromEntries(axe.getRules().map((r) => [r.ruleId, { enabled: true }]));
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    return JSON.stringify(result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), why: (n.failureSummary ?? '').replace(/\\s+/g, ' ').trim() })),
    })));
  })()`)) as string;
  return JSON.parse(raw) as AxeFinding[];
}

/** Findings as lines a failing test can print: rule, impact, then each element with the reason. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((f) => [`${f.rule} (${f.impact}): ${f.help}`, ...f.nodes.map((n) => `  ${n.target}: ${n.why}`)].join('\n')).join('\n');
}

/** Counts by impact, for a summary line: { serious: 2, minor: 1 }. */
export function countByImpact(findings: AxeFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.impact] = (counts[f.impact] ?? 0) + f.nodes.length;
  return counts;
}
