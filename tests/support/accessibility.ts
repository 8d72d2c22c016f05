import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);
/** A page is audited once it has been still this long (the app renders, then loads its data). */
const SETTLE_MS = 600;

export interface Finding {
  route: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

type AxeWindow = Window & { axe?: { run(context: Document | HTMLElement, options: object): Promise<AxeResults> } };

let queue: Promise<unknown> = Promise.resolve();
/** axe-core refuses to run twice at once in a page: every audit waits for the one before. */
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work);
  queue = result.catch(() => undefined);
  return result;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export function auditPage(page: Page): Promise<Finding[]> {
  return serialized(() => runAxe(page));
}

async function runAxe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) await page.addScriptTag({ content: AXE_SOURCE });
  const route = new URL(page.url()).hash.replace(/^#/, '') || '/';
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    // The app's own tree; Taro's transient overlays outside it (toasts, action sheets) come and go mid-audit.
    const root = document.getElementById('app') ?? document;
    const results = await axe.run(root, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, RULE_TAGS);
  return violations.filter((violation) => FAILING.has(violation.impact)).map((violation) => ({ route, ...violation }));
}

const findings: Finding[] = [];
const audited = new Set<string>();

/**
 * Audits every route this page reaches, once per route per test file, after it settles; audits run one
 * at a time beside the test and a page that moves on mid-audit is simply audited on its next route.
 */
export function watchAccessibility(page: Page): void {
  let timer: NodeJS.Timeout | null = null;
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const route = new URL(page.url()).hash.split('?')[0];
      if (audited.has(route) || page.isClosed()) return;
      void serialized(async () => {
        if (page.isClosed() || new URL(page.url()).hash.split('?')[0] !== route || audited.has(route)) return;
        try {
          findings.push(...(await runAxe(page)));
          audited.add(route);
        } catch {
          // The page navigated or closed during the audit; its next route will be audited.
        }
      });
    }, SETTLE_MS);
  });
}

/** Waits for running audits and returns (and forgets) what they found. */
export async function takeFindings(): Promise<Finding[]> {
  await queue;
  return findings.splice(0, findings.length);
}

export function formatFindings(list: Finding[]): string {
  return list.map((finding) => `${finding.route}: [${finding.impact}] ${finding.rule} — ${finding.help}\n    ${finding.targets.join('\n    ')}`).join('\n');
}
