import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../../src/engine/config.js';
import { ConfigError, ConfigErrors } from '../../src/engine/errors.js';
import { createLinter } from '../../src/engine/linter.js';
import { ROOT, tempTree } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/fazhi-lint-config.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false });
const validate = ajv.compile(schema);

/** Sample configs: [name, YAML text, valid?]. Rule ids and options are real, so only the structure is tested. */
const samples: [string, string, boolean][] = [
  ['empty', '', true],
  ['root only', 'root: true\n', true],
  [
    'every key',
    'root: true\nextends: []\nrules:\n  closing-date: warning\n  quantified-results: [info, { minimum: 2 }]\n  closing-signer: [error]\nrulesDirs: []\nignores: ["草稿/**"]\nignore:\n  closing-signer: [某镇人民政府]\n  closing-date: "2025年"\noverrides:\n  - files: "**/*.md"\n    rules:\n      closing-date: off\n  - files: [a.txt, b.txt]\n',
    true,
  ],
  ['null sections (YAML keys left empty)', 'root: true\nrules:\nignores:\nextends:\n', true],
  ['ignores as a string', 'root: true\nignores: "*.bak.txt"\n', true],
  ['unknown key', 'root: true\nrule: {}\n', false],
  ['root as a string', 'root: "true"\n', false],
  ['rules as a list', 'rules: [closing-date]\n', false],
  ['bad severity', 'rules:\n  closing-date: on\n', false],
  ['numeric severity', 'rules:\n  closing-date: 2\n', false],
  ['options not a mapping', 'rules:\n  closing-date: [error, 3]\n', false],
  ['three items', 'rules:\n  closing-date: [error, {}, {}]\n', false],
  ['empty setting list', 'rules:\n  closing-date: []\n', false],
  ['ignores a number', 'ignores: 3\n', false],
  ['ignores a list with a number', 'ignores: [a, 3]\n', false],
  ['extends a mapping', 'extends: { a: b }\n', false],
  ['ignore a list', 'ignore: [a]\n', false],
  ['ignore with a number', 'ignore:\n  closing-date: [2025]\n', false],
  ['overrides a mapping', 'overrides: { files: a }\n', false],
  ['override without files', 'overrides:\n  - rules: { closing-date: off }\n', false],
  ['override with empty files', 'overrides:\n  - files: []\n', false],
  ['override with unknown key', 'overrides:\n  - files: a\n    rule: {}\n', false],
  ['override with bad severity', 'overrides:\n  - files: a\n    rules: { closing-date: yes }\n', false],
  ['override not a mapping', 'overrides: [a.txt]\n', false],
  ['rule id with capitals (no rule can have it)', 'rules:\n  Closing-Date: off\n', false],
];

async function loaderAccepts(text: string): Promise<boolean> {
  const dir = tempTree({ '.fazhi-lint.yaml': text });
  const file = join(dir, '.fazhi-lint.yaml');
  try {
    resolveConfig(join(dir, 'report.txt'), file);
    const linter = await createLinter({ cwd: dir, configPath: file });
    linter.lintText('某镇人民政府\n2025年1月20日\n', join(dir, 'report.txt'));
    linter.lintText('某镇人民政府\n2025年1月20日\n', join(dir, 'report.md'));
    return true;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof ConfigErrors) return false;
    throw e;
  }
}

describe('schemas/fazhi-lint-config.schema.json', () => {
  it('is a draft-07 schema that compiles in strict mode, with Chinese descriptions', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.description).toMatch(/[\u4e00-\u9fff]/);
    for (const key of Object.keys(schema.properties))
      expect(schema.properties[key].description ?? schema.definitions.ruleSettings.description).toMatch(
        /[\u4e00-\u9fff]/,
      );
  });

  for (const [name, text, valid] of samples) {
    it(`${valid ? 'accepts' : 'rejects'} ${name}, as the loader does`, async () => {
      const value = parse(text) ?? {};
      const ok = validate(value);
      expect(ok, JSON.stringify(validate.errors)).toBe(valid);
      expect(await loaderAccepts(text)).toBe(valid);
    });
  }

  it('accepts the schema comment a YAML language server reads', () => {
    const text = '# yaml-language-server: $schema=../schemas/fazhi-lint-config.schema.json\nroot: true\n';
    expect(validate(parse(text))).toBe(true);
  });
});
