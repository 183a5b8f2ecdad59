/**
 * The shape of `--format json` (ESLint's: severity 2 error, 1 warning, 0 info), as its readers see it: the web
 * page, the API's users, the tests. Types only, no Node or DOM, so the page can share them.
 */
export interface JsonMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  data?: Record<string, string | number>;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}
