import * as api from './api.js';
import { type BatchEntry, renderBatch } from './batch.js';
import { byId } from './dom.js';
import { chosenFiles, droppedFiles, type PickedFile } from './files.js';
import { ReportView } from './report.js';

/**
 * The page for drafters (`fazhi-lint serve`): choose or drop a report (or several, or a folder), or paste its
 * text; see every finding in place, its explanation and the norm it cites; fix; download. Everything it loads
 * comes from the server that served it.
 */
const status = byId('status');
const alertBox = byId('alert');
const start = byId('start');
const batch = byId('batch');

function say(message: string): void {
  alertBox.hidden = true;
  status.textContent = message;
}

function warn(message: string): void {
  alertBox.textContent = message;
  alertBox.hidden = false;
}

const hooks = { status: say, alert: warn };
const view = new ReportView(hooks);
let entries: BatchEntry[] = [];

function show(which: 'start' | 'batch' | 'report'): void {
  start.hidden = which !== 'start';
  batch.hidden = which !== 'batch';
  if (which !== 'report') view.hide();
  byId('again').hidden = which === 'start';
}

async function openOne(picked: PickedFile): Promise<void> {
  say(`正在检查 ${picked.path}…`);
  try {
    const response = await api.lint(picked.file, picked.file.name);
    show('report');
    view.open({ name: picked.file.name, file: picked.file, response }, hooks);
    const r = response.results[0];
    say(
      `检查完成：${picked.path}：错误 ${r?.errorCount ?? 0}，警告 ${r?.warningCount ?? 0}，提示 ${r?.infoCount ?? 0}`,
    );
    byId('report-title').focus();
  } catch (e) {
    warn((e as Error).message);
  }
}

async function openMany(picked: PickedFile[]): Promise<void> {
  entries = picked.map((p) => ({ path: p.path, file: p.file }));
  show('batch');
  let done = 0;
  const draw = () => renderBatch(entries, openEntry);
  const next = async (): Promise<void> => {
    const entry = entries.find((e) => !e.response && !e.error && !(e as { busy?: boolean }).busy);
    if (!entry) return;
    (entry as { busy?: boolean }).busy = true;
    try {
      entry.response = await api.lint(entry.file, entry.file.name);
    } catch (e) {
      entry.error = (e as Error).message;
    }
    done++;
    say(`正在检查：${done}/${entries.length}`);
    draw();
    await next();
  };
  say(`正在检查 ${entries.length} 份报告…`);
  await Promise.all([next(), next()]);
  draw();
  const failed = entries.filter((e) => e.error).length;
  say(`检查完成：${entries.length} 份报告${failed ? `，其中 ${failed} 份无法检查（见表格下方）` : ''}`);
}

function openEntry(entry: BatchEntry): void {
  if (!entry.response) return;
  show('report');
  view.open(
    { name: entry.file.name, file: entry.file, response: entry.response },
    {
      ...hooks,
      back: () => {
        show('batch');
        byId<HTMLButtonElement>(`batch-table`)
          .querySelector<HTMLButtonElement>(`button[data-path="${CSS.escape(entry.path)}"]`)
          ?.focus();
      },
    },
  );
  byId('report-title').focus();
}

async function openPicked(picked: PickedFile[]): Promise<void> {
  if (picked.length === 0) warn('没有找到可以检查的文件（.docx、.txt 或 .md）');
  else if (picked.length === 1) await openOne(picked[0] as PickedFile);
  else await openMany(picked);
}

const fileInput = byId<HTMLInputElement>('file');
fileInput.addEventListener('change', () => {
  void openPicked(chosenFiles(fileInput, false));
  fileInput.value = '';
});
const folderInput = byId<HTMLInputElement>('folder');
folderInput.addEventListener('change', () => {
  void openPicked(chosenFiles(folderInput, true));
  folderInput.value = '';
});

const drop = byId('drop');
for (const target of [drop, document.body]) {
  target.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  target.addEventListener('dragleave', () => drop.classList.remove('over'));
  target.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation();
    drop.classList.remove('over');
    if (e.dataTransfer) void droppedFiles(e.dataTransfer).then(openPicked, (err: Error) => warn(err.message));
  });
}

byId('paste-check').addEventListener('click', () => {
  const text = byId<HTMLTextAreaElement>('paste').value;
  if (text.trim() === '') {
    warn('请先粘贴报告的文字');
    return;
  }
  const file = new File([text], '粘贴的文字.txt', { type: 'text/plain' });
  void openOne({ path: file.name, file });
});

byId('again').addEventListener('click', () => {
  show('start');
  say('请选择或拖入报告');
  fileInput.focus();
});

show('start');
