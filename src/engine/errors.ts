/** A problem with a rule file or config: always names the file and, where known, the line and column. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `rules/x.yaml:3:5: 未知的规则类型 “foo”` — the form editors and terminals turn into links. */
  format(): string {
    const where = this.line ? `${this.file}:${this.line}:${this.column ?? 1}` : this.file;
    return `${where}: ${this.message}`;
  }
}

/** Several config errors at once, so a user fixes all rule files in one round. */
export class ConfigErrors extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => e.format()).join('\n'));
  }
}
