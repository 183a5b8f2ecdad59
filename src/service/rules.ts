import type { LoadedRule, Severity } from '../engine/types.js';

/** A loaded rule as `fazhi-lint rules --format json` and `GET /api/rules` list it. */
export interface RuleSummary {
  id: string;
  kind: string;
  severity: Severity;
  pack: string;
  description: string;
  url: string;
  /** The rule file: shown on the command line, left out over HTTP. */
  file?: string;
}

/** The rules by pack, then id, with what a list shows of each. */
export function listRules(rules: readonly LoadedRule[], withFile: boolean): RuleSummary[] {
  return [...rules]
    .sort((a, b) => a.pack.localeCompare(b.pack) || a.id.localeCompare(b.id))
    .map(({ id, kind, severity, pack, description, url, file }) => ({
      id,
      kind,
      severity,
      pack,
      description,
      url,
      ...(withFile ? { file } : {}),
    }));
}
