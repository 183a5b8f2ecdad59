import { compilePattern, PatternError } from './pattern.js';
import type { Kind, OptionSchema } from './types.js';

export interface OptionProblem {
  option: string;
  message: string;
}

const TYPE_NAMES: Record<OptionSchema['type'], string> = {
  string: '字符串',
  number: '数字',
  boolean: 'true 或 false',
  regex: '正则表达式字符串',
  'string[]': '字符串列表',
  map: '“原文: 替换” 映射',
  object: '结构化选项',
};

function hasType(schema: OptionSchema, v: unknown): boolean {
  switch (schema.type) {
    case 'string':
    case 'regex':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'map':
      return (
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        Object.values(v).every((x) => typeof x === 'string')
      );
    case 'object':
      return v !== undefined;
  }
}

/** Checks options against the kind's schema and fills defaults in place; returns every problem found. */
export function validateOptions(
  kind: Kind,
  options: Record<string, unknown>,
  trusted: boolean,
): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const [name, schema] of Object.entries(kind.options)) {
    const v = options[name];
    if (v === undefined) {
      if (schema.required)
        problems.push({
          option: name,
          message: `规则类型 ${kind.name} 缺少必填选项 “${name}”（${schema.description}）`,
        });
      else if (schema.default !== undefined) options[name] = structuredClone(schema.default);
      continue;
    }
    if (!hasType(schema, v)) {
      problems.push({ option: name, message: `选项 “${name}” 应为${TYPE_NAMES[schema.type]}` });
      continue;
    }
    if (schema.type === 'regex') {
      try {
        compilePattern(v as string, trusted);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problems.push({ option: name, message: `选项 “${name}” 的正则表达式无法编译：${e.message}` });
      }
    }
  }
  if (problems.length === 0 && kind.validate) problems.push(...kind.validate(options));
  return problems;
}
