import type { Pattern } from '../engine/pattern.js';
import { compilePattern } from '../engine/pattern.js';
import { defineKind } from './define.js';

interface Options {
  pattern: string;
  ignoreCase: boolean;
}

/** A user's own check: every match of a regular expression is a finding (`{match}` in the message). */
export default defineKind<Options>({
  name: 'pattern',
  description: '按正则表达式逐处报告（用户自定义规则）',
  options: {
    pattern: {
      type: 'regex',
      required: true,
      description: '要报告的写法（正则表达式；用户规则使用 RE2 语法）',
    },
    ignoreCase: { type: 'boolean', default: false, description: '忽略英文大小写' },
  },
  messages: { default: '“{match}”' },
  prepare: (o, env) => compilePattern(o.pattern, env.trusted, o.ignoreCase),
  check(model, _o, prepared) {
    return (prepared as Pattern)
      .findAll(model.text)
      .map((m) => ({ start: m.start, end: m.end, data: { match: m.text } }));
  },
});
