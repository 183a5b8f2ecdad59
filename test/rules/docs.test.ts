import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('docs/rules/ matches the rule files (run node scripts/rule-docs.mjs after changing a rule)', () => {
  const r = spawnSync(process.execPath, ['scripts/rule-docs.mjs', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
