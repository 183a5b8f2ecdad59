import * as api from './api.js';
import { byId, clear, el } from './dom.js';
import { findingAt, findingsOf, normalizeBreaks, shiftFindings } from './findings.js';
import { renderHighlights } from './highlight.js';
import type { Check, Detail, Explanation, Finding, JsonResult, LintResponse, Severity } from './types.js';
import { SEVERITY_LABEL } from './types.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Quiet time after typing before the text is checked again. */
const RELINT_MS = 500;

export interface OpenReport {
  /** The file's own name (or 粘贴的文字.txt). */
  name: string;
  /** The uploaded file, kept in the page only, for the Word review copy. */
  file: File | null;
  response: LintResponse;
}

export interface ReportHooks {
  status(message: string): void;
  alert(message: string): void;
  /** Shown as “返回汇总” when the report was opened from a batch. */
  back?: () => void;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** One report: its text with the findings in place (editable, checked again as one types) and the side list. */
export class ReportView {
  private name = '';
  private file: File | null = null;
  private format: Detail['format'] = 'text';
  private encoding: Detail['encoding'] | null = null;
  private findings: Finding[] = [];
  private checks: Check[] = [];
  private detail: Detail | null = null;
  private result: JsonResult | null = null;
  private current: number | null = null;
  private edited = false;
  private seq = 0;
  private timer: number | undefined;
  private composing = false;
  private inflight: AbortController | null = null;
  private text = '';
  private hooks: ReportHooks;

  private readonly section = byId<HTMLElement>('report');
  private readonly textarea = byId<HTMLTextAreaElement>('text');
  private readonly backdrop = byId<HTMLElement>('backdrop');

  constructor(hooks: ReportHooks) {
    this.hooks = hooks;
    this.textarea.addEventListener('input', () => this.onInput());
    this.textarea.addEventListener('compositionstart', () => {
      this.composing = true;
    });
    this.textarea.addEventListener('compositionend', () => {
      this.composing = false;
      this.onInput();
    });
    this.textarea.addEventListener('click', () => {
      const f = findingAt(this.findings, this.textarea.selectionStart);
      if (f) this.select(f.index, { scroll: false });
    });
    byId('fix-all').addEventListener('click', () => void this.fixAll());
    byId('download').addEventListener('click', () => void this.download());
    byId('back').addEventListener('click', () => this.hooks.back?.());
    byId('findings').addEventListener('keydown', (e) => this.onListKey(e));
    byId('checks').addEventListener('keydown', (e) => this.onListKey(e));
    document.addEventListener('keydown', (e) => {
      if (this.section.hidden || e.target === this.textarea || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'j') this.step(1, e);
      else if (e.key === 'p' || e.key === 'k') this.step(-1, e);
    });
  }

  open(report: OpenReport, hooks: ReportHooks): void {
    this.hooks = hooks;
    this.name = report.name;
    this.file = report.file;
    this.edited = false;
    this.current = null;
    this.format = report.response.detail.format;
    this.encoding = report.response.detail.encoding;
    byId('back').hidden = !hooks.back;
    this.apply(report.response, true);
    this.section.hidden = false;
    byId('explain').replaceChildren(
      el('p', { class: 'muted' }, '点击右侧列表中的问题，或文中标出的文字，查看说明和依据。'),
    );
  }

  /** The name the page's text is checked under: a Word file's text is checked as plain text once edited. */
  private textName(): string {
    return this.format === 'docx' ? `${stemOf(this.name)}.txt` : this.name;
  }

  private apply(response: LintResponse, first: boolean): void {
    const result = response.results[0] as JsonResult;
    const detail = response.detail;
    const { text, map } = normalizeBreaks(detail.text);
    this.result = result;
    this.detail = detail;
    this.checks = detail.checks;
    this.findings = findingsOf(result, detail, map);
    // A new report replaces the text; an answer for the text being edited only replaces the findings.
    if (first) {
      this.text = text;
      this.textarea.value = text;
    }
    if (this.current !== null && this.current >= this.findings.length) this.current = null;
    this.render();
  }

  private render(): void {
    renderHighlights(this.backdrop, this.text, this.findings, this.current);
    this.renderHeader();
    this.renderChecks();
    this.renderList();
  }

  private renderHeader(): void {
    const r = this.result;
    const d = this.detail;
    if (!r || !d) return;
    const fixable = this.findings.filter((f) => f.fix).length;
    byId('report-title').textContent = this.name;
    const facts = [
      d.report.unit && d.report.unitSource !== 'file' ? `单位：${d.report.unit}` : '',
      d.report.year !== null ? `年度：${d.report.year}` : '',
      d.report.title ? `标题：${d.report.title}` : '未识别出标题',
    ].filter(Boolean);
    byId('report-facts').textContent = facts.join(' · ');
    byId('report-counts').textContent =
      `错误 ${r.errorCount} · 警告 ${r.warningCount} · 提示 ${r.infoCount} · 可安全修复 ${fixable}`;
    const notes = [...d.notes];
    if (this.edited && this.format === 'docx')
      notes.push('已在页面中修改：修改后的文字按纯文本重新检查（Word 的标题样式不再参与）。');
    if (this.format === 'docx')
      notes.push('Word 文件的下载是带批注和修订的审阅稿；若本机未安装该功能，则下载修复后的纯文本。');
    const box = byId('report-notes');
    box.replaceChildren(...notes.map((n) => el('li', {}, n)));
    box.hidden = notes.length === 0;
    const fixAll = byId<HTMLButtonElement>('fix-all');
    fixAll.disabled = fixable === 0;
    fixAll.textContent = fixable > 0 ? `全部安全修复（${fixable} 处）` : '没有可安全修复的问题';
    byId('download').textContent = this.format === 'docx' ? '下载 Word 审阅稿' : '下载修复后的文本';
  }

  private renderChecks(): void {
    const list = byId('checks');
    clear(list);
    // the required checks; findings of any further rule are listed by rule below
    for (const c of this.checks.filter((x) => x.id !== 'other')) {
      const first = this.findings.find((f) => f.column_ === c.id);
      const ruleId = c.id.split(':')[0] as string;
      const state =
        c.status === 'pass'
          ? '通过'
          : c.status === 'error'
            ? `有错误 ${c.errors} 处`
            : `有警告 ${c.warnings} 处`;
      const label = [`${c.symbol} ${c.label}`, el('span', { class: 'sr-only' }, `：${state}`)];
      const title = `${c.label}：${state}`;
      const attrs = {
        class: `check status-${c.status}`,
        'data-rule-id': ruleId,
        'data-check': c.id,
        'data-line': first ? first.line : 0,
        title: `${title}。${c.description}`,
      };
      list.append(
        el(
          'li',
          {},
          first
            ? el('button', { ...attrs, type: 'button', 'data-index': first.index }, ...label)
            : el('span', attrs, ...label),
        ),
      );
    }
    for (const b of list.querySelectorAll<HTMLButtonElement>('button[data-index]')) {
      b.addEventListener('click', () => this.select(Number(b.dataset.index), { scroll: true }));
    }
  }

  private renderList(): void {
    const box = byId('findings');
    clear(box);
    const groups = new Map<string, Finding[]>();
    for (const f of this.findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
    const ordered = [...groups.entries()].sort(
      ([a, x], [b, y]) =>
        Math.min(...x.map((f) => RANK[f.severity])) - Math.min(...y.map((f) => RANK[f.severity])) ||
        a.localeCompare(b),
    );
    if (ordered.length === 0) box.append(el('p', { class: 'ok' }, '没有发现问题。'));
    for (const [ruleId, list] of ordered) {
      const items = list.map((f) =>
        el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              class: `finding sev-${f.severity}${f.index === this.current ? ' current' : ''}`,
              'data-rule-id': f.ruleId,
              'data-line': f.line,
              'data-index': f.index,
              'aria-current': f.index === this.current ? 'true' : undefined,
            },
            el('span', { class: `sev sev-${f.severity}` }, SEVERITY_LABEL[f.severity]),
            el('span', { class: 'loc' }, `第 ${f.line} 行`),
            el('span', { class: 'msg' }, f.message),
            f.fix ? el('span', { class: 'tag' }, '可修复') : null,
          ),
        ),
      );
      box.append(
        el(
          'section',
          { class: 'group', 'aria-label': `${ruleId}：${list.length} 个问题` },
          el('h3', {}, el('code', {}, ruleId), `（${list.length}）`),
          el('ul', {}, ...items),
        ),
      );
    }
    for (const b of box.querySelectorAll<HTMLButtonElement>('button.finding')) {
      b.addEventListener('click', () => this.select(Number(b.dataset.index), { scroll: true }));
    }
  }

  /** Arrow keys move between the entries of a list (and show each), Home/End to the first/last. */
  private onListKey(e: KeyboardEvent): void {
    const buttons = [
      ...document.querySelectorAll<HTMLButtonElement>('#checks button, #findings button.finding'),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(buttons.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const b = buttons[next] as HTMLButtonElement;
    b.focus();
    this.select(Number(b.dataset.index), { scroll: true });
  }

  /** The next or previous finding in the text's order (n / p, or j / k). */
  private step(direction: 1 | -1, e?: KeyboardEvent): void {
    if (this.findings.length === 0) return;
    e?.preventDefault();
    const inOrder = [...this.findings].sort((a, b) => a.start - b.start || a.index - b.index);
    const at = inOrder.findIndex((f) => f.index === this.current);
    const next =
      inOrder[
        at < 0 ? (direction > 0 ? 0 : inOrder.length - 1) : (at + direction + inOrder.length) % inOrder.length
      ];
    if (!next) return;
    this.select(next.index, { scroll: true });
    document.querySelector<HTMLButtonElement>(`#findings button[data-index="${next.index}"]`)?.focus();
  }

  select(index: number, options: { scroll: boolean }): void {
    const f = this.findings.find((x) => x.index === index);
    if (!f) return;
    this.current = index;
    for (const m of this.backdrop.querySelectorAll('mark.current')) m.classList.remove('current');
    const marks = this.backdrop.querySelectorAll<HTMLElement>(`mark[data-index="${index}"]`);
    for (const m of marks) m.classList.add('current');
    for (const b of document.querySelectorAll<HTMLButtonElement>('#findings button.finding')) {
      const on = Number(b.dataset.index) === index;
      b.classList.toggle('current', on);
      if (on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    if (options.scroll) marks[0]?.scrollIntoView({ block: 'center', behavior: 'instant' });
    void this.showExplanation(f);
  }

  private async showExplanation(f: Finding): Promise<void> {
    const panel = byId('explain');
    const fixButton = f.fix
      ? el(
          'button',
          { type: 'button', id: 'fix-one', class: 'primary' },
          f.fix.text
            ? `应用此修复：改为“${f.fix.text}”`
            : `应用此修复：删除“${this.text.slice(f.fix.start, f.fix.end)}”`,
        )
      : null;
    const body = el('div', { class: 'explain-body' }, el('p', { class: 'muted' }, '正在读取规则说明…'));
    panel.replaceChildren(
      el('h2', { id: 'explain-title' }, f.message),
      el(
        'p',
        { class: 'meta' },
        el('span', { class: `sev sev-${f.severity}` }, SEVERITY_LABEL[f.severity]),
        ' 规则 ',
        el('code', {}, f.ruleId),
        ` · 第 ${f.line} 行第 ${f.column} 列`,
      ),
      el(
        'div',
        { class: 'actions' },
        fixButton,
        el('button', { type: 'button', id: 'prev-finding' }, '上一个问题'),
        el('button', { type: 'button', id: 'next-finding' }, '下一个问题'),
      ),
      body,
    );
    fixButton?.addEventListener('click', () => this.fixOne(f));
    byId('prev-finding').addEventListener('click', () => this.step(-1));
    byId('next-finding').addEventListener('click', () => this.step(1));
    let x: Explanation;
    try {
      x = await api.explain(f.ruleId);
    } catch (e) {
      body.replaceChildren(el('p', { class: 'error' }, `无法读取规则说明：${(e as Error).message}`));
      return;
    }
    if (this.current !== f.index) return;
    const parts: Node[] = [];
    parts.push(el('h3', {}, '依据'));
    parts.push(
      x.norms.length
        ? el('ul', { class: 'norms' }, ...x.norms.map((n) => el('li', {}, n)))
        : el('p', { class: 'muted' }, '（说明中未引用规范）'),
    );
    parts.push(el('h3', {}, '说明'), el('p', { class: 'description' }, x.description));
    if (x.invalid) {
      parts.push(el('h3', {}, '不符合的写法'), el('pre', { class: 'example bad' }, x.invalid.text));
      if (x.invalid.findings.length)
        parts.push(
          el(
            'ul',
            { class: 'example-findings' },
            ...x.invalid.findings.map((m) =>
              el('li', {}, `${m.line}:${m.column} ${SEVERITY_LABEL[m.severity]} ${m.message}`),
            ),
          ),
        );
    }
    if (x.valid !== null)
      parts.push(el('h3', {}, '符合的写法'), el('pre', { class: 'example good' }, x.valid));
    body.replaceChildren(...parts);
  }

  private onInput(): void {
    const next = this.textarea.value;
    if (next === this.text) return;
    this.findings = shiftFindings(this.text, next, this.findings);
    this.text = next;
    this.edited = true;
    if (this.current !== null && !this.findings.some((f) => f.index === this.current)) this.current = null;
    renderHighlights(this.backdrop, this.text, this.findings, this.current);
    if (this.composing) return;
    window.clearTimeout(this.timer);
    this.hooks.status('正在输入…停顿后自动重新检查');
    this.timer = window.setTimeout(() => void this.relint(), RELINT_MS);
  }

  /** Checks the page's text again with the same engine (the newest answer wins). */
  async relint(): Promise<void> {
    window.clearTimeout(this.timer);
    const seq = ++this.seq;
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    const text = this.text;
    try {
      const response = await api.lint(text, this.textName(), controller.signal);
      // typed on meanwhile: the answer is for an older text, and the next check is on its way
      if (seq !== this.seq || text !== this.text) return;
      this.apply(response, false);
      const r = response.results[0] as JsonResult;
      this.hooks.status(`已重新检查：错误 ${r.errorCount}，警告 ${r.warningCount}，提示 ${r.infoCount}`);
    } catch (e) {
      if ((e as Error).name === 'AbortError' || seq !== this.seq) return;
      this.hooks.alert((e as Error).message);
    }
  }

  private replaceText(text: string): void {
    const scroll = window.scrollY;
    this.textarea.value = text;
    this.onInput();
    window.scrollTo({ top: scroll });
    void this.relint();
  }

  private fixOne(f: Finding): void {
    if (!f.fix) return;
    this.replaceText(this.text.slice(0, f.fix.start) + f.fix.text + this.text.slice(f.fix.end));
    this.hooks.status('已应用一处修复，正在重新检查…');
  }

  private async fixAll(): Promise<void> {
    try {
      this.hooks.status('正在应用全部安全修复…');
      const fixed = await api.fix(this.text, this.textName());
      const text = await fixed.blob.text();
      if (text !== this.text) this.replaceText(text);
      this.hooks.status('已应用全部安全修复，正在重新检查…');
    } catch (e) {
      this.hooks.alert((e as Error).message);
    }
  }

  /** The text with the file's own line breaks, for saving. */
  private textWithBreaks(): string {
    const eol = this.encoding?.eol ?? '\n';
    return eol === '\n' ? this.text : this.text.replace(/\n/g, eol);
  }

  private async download(): Promise<void> {
    try {
      if (this.format === 'docx' && this.file) {
        const copy = await api.annotate(this.file, this.name);
        download(copy.blob, copy.fileName);
        this.hooks.status(
          this.edited
            ? `已下载 Word 审阅稿 ${copy.fileName}（基于原始文件，页面中的修改不在其中）`
            : `已下载 Word 审阅稿 ${copy.fileName}`,
        );
        return;
      }
      const encoding = this.encoding ?? { name: 'utf-8', bom: false };
      let fixed: api.Download;
      try {
        fixed = await api.fix(this.textWithBreaks(), this.textName(), {
          encoding: encoding.name,
          bom: encoding.bom,
        });
      } catch (e) {
        if (!(e instanceof api.ApiFailure) || e.code !== 'unencodable') throw e;
        fixed = await api.fix(this.textWithBreaks(), this.textName(), { encoding: 'utf-8', bom: false });
        this.hooks.alert(`${e.message}。已改为以 UTF-8 编码下载。`);
      }
      const name = this.file ? this.name : this.textName();
      download(fixed.blob, name);
      this.hooks.status(`已下载修复后的文本 ${name}（其余的安全修复已一并应用）`);
    } catch (e) {
      this.hooks.alert((e as Error).message);
    }
  }

  hide(): void {
    this.section.hidden = true;
  }
}
