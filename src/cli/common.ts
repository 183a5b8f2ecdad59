import { ConfigError, ConfigErrors } from '../engine/errors.js';
import { InputError } from '../input/errors.js';

/**
 * What every subcommand shares with the entry point: the version, the exit codes and the one-line description
 * of a failure. A module of its own, so subcommands never import `main.ts`, which imports them.
 */
export const VERSION = '0.1.0';

/** Exit codes, as documented in the README: 0 clean, 1 findings over the threshold, 2 failure. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** One clear line for a failure: never a stack trace for a drafter. */
export function describeFailure(e: unknown): string {
  if (e instanceof ConfigErrors)
    return `fazhi-lint: 规则或配置有误，未进行检查：\n${e.errors.map((x) => `  ${x.format()}`).join('\n')}`;
  if (e instanceof ConfigError) return `fazhi-lint: 规则或配置有误，未进行检查：\n  ${e.format()}`;
  if (e instanceof InputError) return `fazhi-lint: ${e.message}`;
  return `fazhi-lint: 内部错误：${e instanceof Error ? e.message : String(e)}（加 --debug 查看详情，并请报告此问题）`;
}
