// Part of `npm run build`: index jieba's dict.txt once (line starts, frequency total) beside dist/, so a process
// that segments reads the index instead of making a pass over 5 MB (src/segment/dictionary-index.ts).
import { writeDictionaryIndex } from '../dist/segment/dictionary-index.js';
import { jiebaDictionaryPath, jiebaVersion } from '../dist/segment/index.js';

try {
  writeDictionaryIndex(jiebaDictionaryPath(), jiebaVersion());
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
