import type { LintMessage } from '../../engine/types.js';
import { relativePath } from './paths.js';
import { oneShot, type WriterFactory } from './types.js';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml.js';

/** Name of the passing testcase written for a file without findings. */
export const CLEAN_TESTCASE = 'fazhi-lint';

function detail(m: LintMessage): string {
  return `${m.line}:${m.column} ${m.severity} ${m.message}`;
}

/**
 * JUnit XML: one `<testsuite>` per file, one `<testcase>` per rule that reported in that file, and one passing
 * `<testcase name="fazhi-lint">` for a file without findings.
 *
 * Why per rule, not per message: both GitLab and Jenkins identify a test by suite + classname + name and compare
 * it across runs (GitLab's merge request widget lists "new" and "fixed" failures against the target branch, Jenkins
 * tracks a failure's age). A per-message name would have to carry a line number or an index, so inserting a line
 * would show every finding below as fixed and failed anew. Per rule the identity is stable, the list stays short,
 * and every finding is still listed, with line and column, in the failure body (GitLab shows the element text as
 * the test's details; Jenkins shows `message` as "Error Message" and the text as the trace).
 *
 * A rule fails the test case when it reported an error or a warning in the file; a rule that only left `info`
 * notes passes, with the notes in `<system-out>`. `<error>` is not used: JUnit reserves it for a test that crashed.
 * The failure `type` is the severity rather than the rule id because GitLab reads the XML with ActiveSupport's
 * `Hash.from_xml`, which treats `type` as a type cast (`type="date"`, `type="array"`…) and would choke on a rule so
 * named.
 *
 * The root element carries the totals, so its head is written last (`headLast`).
 */
export const junitWriter: WriterFactory = (context) => {
  let totalTests = 0;
  let totalFailures = 0;
  return {
    headLast: true,
    head: () =>
      `${XML_DECLARATION}\n<testsuites name="fazhi-lint" tests="${totalTests}" failures="${totalFailures}" errors="0" time="0">\n`,
    report(result) {
      const path = relativePath(context.cwd, result.filePath);
      const byRule = new Map<string, LintMessage[]>();
      for (const m of result.messages) {
        const list = byRule.get(m.ruleId);
        if (list) list.push(m);
        else byRule.set(m.ruleId, [m]);
      }
      const cases: string[] = [];
      let failures = 0;
      const open = (name: string) =>
        `    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(path)}" file="${xmlAttr(path)}" time="0"`;
      if (byRule.size === 0) cases.push(`${open(CLEAN_TESTCASE)}/>`);
      for (const [ruleId, messages] of byRule) {
        const failing = messages.filter((m) => m.severity !== 'info');
        const body = messages.map((m) => xmlText(detail(m))).join('\n');
        if (failing.length === 0) {
          cases.push(`${open(ruleId)}>`, `      <system-out>${body}</system-out>`, '    </testcase>');
          continue;
        }
        failures += 1;
        const worst = failing.some((m) => m.severity === 'error') ? 'error' : 'warning';
        const first = failing[0] as LintMessage;
        const summary = failing.length === 1 ? first.message : `${first.message} (+${failing.length - 1})`;
        cases.push(
          `${open(ruleId)}>`,
          `      <failure message="${xmlAttr(summary)}" type="${worst}">${body}</failure>`,
          '    </testcase>',
        );
      }
      const tests = Math.max(byRule.size, 1);
      totalTests += tests;
      totalFailures += failures;
      return [
        `  <testsuite name="${xmlAttr(path)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
        ...cases,
        '  </testsuite>',
        '',
      ].join('\n');
    },
    tail: () => '</testsuites>\n',
  };
};

export const junit = oneShot(junitWriter);
