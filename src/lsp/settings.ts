import type { Severity } from '../engine/types.js';

export interface Settings {
  enable: boolean;
  /** Extra rule folders, relative to the workspace root (the CLI's `--rules`). */
  rulesDirs: string[];
  /** Findings below this severity are not shown. */
  severityFloor: Severity;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rulesDirs: [], severityFloor: 'info' };

export const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Settings from `workspace/configuration` or `initializationOptions.settings`, anything unknown defaulted. */
export function readSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const floor = s.severityFloor;
  return {
    enable: s.enable !== false,
    rulesDirs: Array.isArray(s.rulesDirs)
      ? s.rulesDirs.filter((d): d is string => typeof d === 'string' && d !== '')
      : [],
    severityFloor: floor === 'warning' || floor === 'error' || floor === 'info' ? floor : 'info',
  };
}
