// Part of `npm run build`: validate the shipped rule packs once and cache them as JSON beside dist/.
import { writeBuiltinRulesCache } from '../dist/engine/builtin-rules.js';

try {
  writeBuiltinRulesCache();
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
