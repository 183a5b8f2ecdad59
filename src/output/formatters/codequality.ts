import type { Severity } from '../../engine/types.js';
import { fingerprints } from './fingerprint.js';
import { jsonArrayAt } from './json-layout.js';
import { relativePath } from './paths.js';
import { oneShot, type WriterFactory } from './types.js';

/** GitLab's severities: blocker, critical, major, minor, info. */
export type CodeQualitySeverity = 'blocker' | 'critical' | 'major' | 'minor' | 'info';

const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  /** Code Climate's issue type; GitLab ignores it, Code Climate tools require it. */
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  /** Code Climate categories; 'Style' is the closest to wording and format compliance. */
  categories: ['Style'];
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`), a JSON array of Code Climate issues.
 * GitLab compares the reports of a merge request's base and head by `fingerprint`, so it must stay put when
 * unrelated text moves (see fingerprint.ts) and must be unique across the whole report: the path is hashed in,
 * unlike SARIF, where fingerprints are already scoped to their artifact.
 * `location.lines` is the form every GitLab version reads (the MR widget and the diff annotations).
 */
export const codequalityWriter: WriterFactory = (context) => {
  const issues = jsonArrayAt(0);
  return {
    head: () => issues.open,
    report(result) {
      const path = relativePath(context.cwd, result.filePath);
      const prints = fingerprints(result, { path });
      let out = '';
      result.messages.forEach((m, i) => {
        const issue: CodeQualityIssue = {
          type: 'issue',
          description: m.message || m.ruleId,
          check_name: m.ruleId,
          fingerprint: prints[i] as string,
          severity: SEVERITY[m.severity],
          categories: ['Style'],
          location: { path, lines: { begin: m.line, end: m.endLine } },
        };
        out += issues.item(issue);
      });
      return out;
    },
    tail: () => `${issues.close()}\n`,
  };
};

export const codequality = oneShot(codequalityWriter);
