import type { LintMessage, LintResult, LoadedRule, Severity } from '../../engine/types.js';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint.js';
import { jsonArrayAt, jsonAt } from './json-layout.js';
import { directoryUri, fileUri } from './paths.js';
import { type FormatterContext, oneShot, type WriterFactory } from './types.js';

/** Where SARIF consumers send users who want to know what produced the log. TODO(lead): the project's real home. */
export const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/fazhi-lint';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base the relative artifact URIs resolve against; GitHub code scanning and SARIF viewers know this name. */
export const SRCROOT = '%SRCROOT%';

/** Longer findings (a whole missing-section span) get no snippet: it must match the region whole, and logs have size caps. */
const MAX_SNIPPET = 500;

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
  snippet?: { text: string };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface ReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: Level };
  properties?: { tags: string[]; kind: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: ArtifactLocation; region: Region } }[];
  partialFingerprints: Record<string, string>;
  fixes?: {
    artifactChanges: {
      artifactLocation: ArtifactLocation;
      replacements: { deletedRegion: Region; insertedContent: { text: string } }[];
    }[];
  }[];
}

/** SARIF requires an absolute URI in `helpUri`; rule files may leave `url` empty or relative. */
function absoluteUri(value: string): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

/** First sentence (to the first 。！？ or `. `), for `shortDescription`; the whole text goes to `fullDescription`. */
function firstSentence(text: string): string {
  const match = /^[\s\S]*?(?:[。！？]|\.(?=\s)|\n)/.exec(text);
  return (match ? match[0] : text).trim() || text;
}

function describe(rule: LoadedRule): ReportingDescriptor {
  const descriptor: ReportingDescriptor = { id: rule.id, name: rule.id };
  if (rule.description) {
    descriptor.shortDescription = { text: firstSentence(rule.description) };
    descriptor.fullDescription = { text: rule.description };
  }
  const help = absoluteUri(rule.url);
  if (help) descriptor.helpUri = help;
  descriptor.defaultConfiguration = { level: LEVEL[rule.severity] };
  descriptor.properties = { tags: rule.pack ? [rule.pack] : [], kind: rule.kind };
  return descriptor;
}

/**
 * Line and column (1-based, UTF-16 code units, like LintMessage) of `offset`, counted from a known anchor so the
 * engine's own numbering of the message is reused; CRLF, CR and LF each end a line, as in vfile-location.
 */
function positionAt(
  source: string,
  offset: number,
  anchor: { offset: number; line: number; column: number },
): { line: number; column: number } {
  let { line, column, offset: i } = offset >= anchor.offset ? anchor : { offset: 0, line: 1, column: 1 };
  const stop = Math.min(offset, source.length);
  while (i < stop) {
    const ch = source.charCodeAt(i);
    if (ch === 13 && source.charCodeAt(i + 1) === 10 && i + 1 < stop) {
      i += 2;
      line += 1;
      column = 1;
    } else if (ch === 10 || ch === 13) {
      i += 1;
      line += 1;
      column = 1;
    } else {
      i += 1;
      column += 1;
    }
  }
  return { line, column };
}

function fixRegion(result: LintResult, message: LintMessage, range: [number, number]): Region {
  const [from, to] = range;
  if (from === message.start && to === message.end) {
    return {
      startLine: message.line,
      startColumn: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
    };
  }
  if (result.source === undefined) {
    // Without the text, lines cannot be counted; character offsets are an equally valid SARIF region.
    return { charOffset: from, charLength: to - from };
  }
  const anchor = { offset: message.start, line: message.line, column: message.column };
  const start = positionAt(result.source, from, anchor);
  const end = positionAt(result.source, to, { offset: from, ...start });
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** The run's invocation: unsuccessful, with one error notification per file, when some files failed to read. */
function invocation(context: FormatterContext) {
  const failures = context.failures ?? [];
  if (failures.length === 0) return { executionSuccessful: true };
  return {
    executionSuccessful: false,
    toolExecutionNotifications: failures.map((f) => {
      const { uri, relative } = fileUri(context.cwd, f.path);
      return {
        level: 'error' as const,
        message: { text: f.message },
        locations: [
          { physicalLocation: { artifactLocation: relative ? { uri, uriBaseId: SRCROOT } : { uri } } },
        ],
      };
    }),
  };
}

/**
 * SARIF 2.1.0 (OASIS), one run. Validates against `schemas/sarif-2.1.0-rtm.5.json`; accepted by GitHub code
 * scanning (`github/codeql-action/upload-sarif`) and by the VS Code SARIF viewer, which also offers the fixes.
 *
 * Written as a stream: the run's `results` come first, each as its report is done, and `tool` (whose rule list
 * grows with any rule id met outside the loaded rules) and `invocations` (which name the files that failed) after
 * them, from the few facts gathered meanwhile. JSON leaves the order of an object's members free, and SARIF
 * consumers parse the whole log; a writer that put `tool` first would have to hold every result until the end.
 * No `artifacts` list: every result names its file (`artifactLocation.uri`), which is all code scanning reads.
 */
export const sarifWriter: WriterFactory = (context) => {
  const descriptors: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of context.rules.values()) {
    ruleIndex.set(rule.id, descriptors.length);
    descriptors.push(describe(rule));
  }
  const indexOf = (ruleId: string): number => {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      // A message from outside the loaded rules (an engine diagnostic): describe it minimally so ruleIndex holds.
      index = descriptors.length;
      ruleIndex.set(ruleId, index);
      descriptors.push({ id: ruleId, name: ruleId });
    }
    return index;
  };
  // The log as JSON.stringify(log, null, 2) lays it out: results at depth 3 (log → runs → run → results).
  const results = jsonArrayAt(3);

  return {
    head: () =>
      '{\n' +
      `  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n` +
      '  "version": "2.1.0",\n' +
      '  "runs": [\n' +
      '    {\n' +
      `      "originalUriBaseIds": ${jsonAt({ [SRCROOT]: { uri: directoryUri(context.cwd) } }, 3)},\n` +
      '      "columnKind": "utf16CodeUnits",\n' +
      `      "results": ${results.open}`,
    report(result) {
      const { uri, relative } = fileUri(context.cwd, result.filePath);
      const artifactLocation: ArtifactLocation = relative ? { uri, uriBaseId: SRCROOT } : { uri };
      const prints = fingerprints(result);
      let out = '';
      result.messages.forEach((message, i) => {
        const region: Region = {
          startLine: message.line,
          startColumn: message.column,
          endLine: message.endLine,
          endColumn: message.endColumn,
        };
        const quoted = message.end - message.start;
        if (result.source !== undefined && quoted > 0 && quoted <= MAX_SNIPPET) {
          region.snippet = { text: result.source.slice(message.start, message.end) };
        }
        const entry: SarifResult = {
          ruleId: message.ruleId,
          ruleIndex: indexOf(message.ruleId),
          level: LEVEL[message.severity],
          message: { text: message.message },
          locations: [{ physicalLocation: { artifactLocation: { ...artifactLocation }, region } }],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i] as string },
        };
        if (message.fix) {
          entry.fixes = [
            {
              artifactChanges: [
                {
                  artifactLocation: { ...artifactLocation },
                  replacements: [
                    {
                      deletedRegion: fixRegion(result, message, message.fix.range),
                      insertedContent: { text: message.fix.text },
                    },
                  ],
                },
              ],
            },
          ];
        }
        out += results.item(entry);
      });
      return out;
    },
    tail() {
      const tool = {
        driver: {
          name: 'fazhi-lint',
          version: context.toolVersion,
          informationUri: TOOL_INFORMATION_URI,
          rules: descriptors,
        },
      };
      return (
        `${results.close()},\n` +
        `      "tool": ${jsonAt(tool, 3)},\n` +
        `      "invocations": ${jsonAt([invocation(context)], 3)}\n` +
        '    }\n' +
        '  ]\n' +
        '}\n'
      );
    },
  };
};

export const sarif = oneShot(sarifWriter);
