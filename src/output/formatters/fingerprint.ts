import type { LintMessage, LintResult } from '../../engine/types.js';
import { builtins } from '../../util/builtins.js';

/**
 * Name of the fingerprint in SARIF `partialFingerprints`. Versioned as the SARIF spec (§3.27.17) asks: change the
 * suffix whenever the computation below changes, so consumers do not match old and new fingerprints.
 */
export const FINGERPRINT_KEY = 'fazhiLint/v1';

/** The text a finding quotes (`source.slice(start, end)`), line endings normalised; '' when unknown or empty. */
export function findingText(result: LintResult, message: LintMessage): string {
  if (result.source === undefined) return '';
  return result.source.slice(message.start, message.end).replace(/\r\n?/g, '\n');
}

export interface FingerprintOptions {
  /**
   * Mixed into the hash so that equal findings in different files differ. SARIF leaves this out (its consumers
   * already key fingerprints by artifact); GitLab Code Quality needs it (one flat list for the whole project).
   */
  path?: string;
}

/**
 * One fingerprint per message of `result`, in the order of `result.messages`.
 *
 * The hash covers the rule id, the quoted text of the finding and the occurrence index of that (rule, text) pair
 * among the file's findings in document order — never a line, column or offset — so editing text elsewhere (adding
 * a paragraph above) keeps every fingerprint, while a different quoted text gives a different one. A finding that
 * quotes nothing (zero-width, or no `source`) uses its message text instead.
 */
export function fingerprints(result: LintResult, options: FingerprintOptions = {}): string[] {
  const keys = result.messages.map((message) => {
    const text = findingText(result, message);
    return text === ''
      ? `${message.ruleId}\u0000message\u0000${message.message}`
      : `${message.ruleId}\u0000text\u0000${text}`;
  });
  const order = result.messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => a.message.start - b.message.start || a.message.end - b.message.end || a.index - b.index);
  const seen = new Map<string, number>();
  const out = new Array<string>(result.messages.length);
  for (const { index } of order) {
    // Hashed as UTF-16 code units: UTF-8 would turn every lone surrogate into U+FFFD and make halves collide.
    const key = keys[index] as string;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out[index] = builtins
      .crypto()
      .createHash('sha256')
      .update(`${FINGERPRINT_KEY}\u0000${options.path ?? ''}\u0000${key}\u0000${occurrence}`, 'utf16le')
      .digest('hex')
      .slice(0, 32);
  }
  return out;
}
