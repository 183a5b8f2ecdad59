import { clearConfigCache } from '../engine/config.js';
import { ConfigError } from '../engine/errors.js';
import { createLinter, type Linter } from '../engine/linter.js';
import type { LintMessage } from '../engine/types.js';
import { type Analysis, analyseSource, toConfigErrors } from './analysis.js';
import { type ExplainOutcome, explainRule } from './explain.js';
import type { OpenedDocument } from './open.js';

export interface DocumentServiceOptions {
  /** Where configs are looked up from and rule folders resolved against (an editor's workspace root). */
  cwd: string;
  rulesDirs?: string[];
  configPath?: string;
  /** Load optional parsers when a file needs them (the CLI's fast start); else up front. */
  loadOnDemand?: boolean;
  /** Told about failures that are not the user's (a rule that throws is already one finding). */
  onInternalError?: (what: string, e: unknown) => void;
}

/**
 * One document service for every transport (the language server, the web server, their workers): it owns the
 * linter built from the rules and config, and opens, analyses, fixes and explains documents the same way for all.
 * `generation` changes whenever what an analysis depends on changes, so callers can cache analyses by it.
 */
export class DocumentService {
  linter: Linter | null = null;
  /** Rule or config errors that stopped the linter from loading. */
  errors: ConfigError[] = [];
  generation = 0;
  private readonly options: DocumentServiceOptions;

  constructor(options: DocumentServiceOptions) {
    this.options = { ...options };
  }

  get cwd(): string {
    return this.options.cwd;
  }

  get loaded(): boolean {
    return this.linter !== null || this.errors.length > 0;
  }

  /** Reads rules and configs again (from disk: the config cache is cleared), with new settings if given. */
  async reload(changes: Partial<Pick<DocumentServiceOptions, 'cwd' | 'rulesDirs'>> = {}): Promise<void> {
    Object.assign(this.options, changes);
    this.generation++;
    clearConfigCache();
    const { cwd, rulesDirs, configPath, loadOnDemand } = this.options;
    try {
      this.linter = await createLinter({ cwd, rulesDirs, configPath, loadOnDemand });
      this.errors = [];
    } catch (e) {
      const errors = toConfigErrors(e);
      if (!errors) this.options.onInternalError?.('fazhi-lint: could not load rules', e);
      this.linter = null;
      this.errors = errors ?? [new ConfigError(cwd, `无法加载规则：${(e as Error).message}`)];
    }
  }

  /** Something analyses depend on changed without the rules changing (e.g. which findings are shown). */
  invalidate(): void {
    this.generation++;
  }

  /** The analysis of a document version, reusing `cached` when it is for the same version and generation. */
  analyse(doc: OpenedDocument, version = 0, cached?: Analysis): Analysis {
    if (cached && cached.version === version && cached.generation === this.generation) return cached;
    return analyseSource(
      this.linter,
      this.errors,
      this.generation,
      { text: doc.text, source: doc.source, shift: doc.shift, version },
      (e) => this.options.onInternalError?.(`fazhi-lint: lint failed for ${doc.source.path}`, e),
    );
  }

  /**
   * The text with every safe fix applied until stable (as `--fix`) and the findings left in it, or null when
   * nothing changes.
   */
  fixAll(a: Analysis): { output: string; remaining: LintMessage[] } | null {
    if (!this.linter || !a.messages.some((m) => m.fix)) return null;
    const { output, result } = this.linter.fixSource(a.source);
    return output === a.source.text ? null : { output, remaining: result.messages };
  }

  explain(ruleId: string): Promise<ExplainOutcome> {
    const { cwd, rulesDirs, configPath } = this.options;
    return explainRule(ruleId, { cwd, rulesDirs, configPath });
  }
}
