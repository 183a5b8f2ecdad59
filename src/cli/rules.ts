import { createLinter } from '../engine/linter.js';
import { padEnd } from '../output/text-width.js';
import { listRules } from '../service/rules.js';
import { describeFailure, EXIT } from './common.js';

const LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** `fazhi-lint rules`: what is loaded, at which severity, and why it exists. */
export async function runRules(opts: { rules: string[]; format: string }): Promise<number> {
  try {
    const linter = await createLinter({ rulesDirs: opts.rules });
    const rules = listRules(linter.rules, true);
    if (opts.format === 'json') {
      process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) {
      const summary = (r.description.split(/(?<=[。；])/)[0] ?? '').trim();
      process.stdout.write(`${padEnd(r.id, width)}  ${LABEL[r.severity]}  ${r.pack}  ${summary}\n`);
    }
    process.stdout.write(`\n共 ${rules.length} 条规则；fazhi-lint explain <规则名> 查看说明和示例\n`);
    return EXIT.ok;
  } catch (e) {
    process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
}
