import { formatFindings, takeFindings } from './accessibility';

// Every e2e test fails on a serious or critical axe-core violation on any page it reached.
afterEach(async () => {
  const findings = await takeFindings();
  if (findings.length > 0) throw new Error(`accessibility violations (axe-core, serious or critical):\n${formatFindings(findings)}`);
});
