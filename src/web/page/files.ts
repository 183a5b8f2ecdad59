/** Files dropped or chosen: single files as they are, folders walked for report files. */
export interface PickedFile {
  path: string;
  file: File;
}

const REPORT = /\.(docx|txt|md|markdown)$/i;

/** A report file inside a folder (Word's lock files ~$… and hidden files are left out). */
export function isReportFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return REPORT.test(base) && !base.startsWith('~$') && !base.startsWith('.');
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: PickedFile[], inFolder: boolean): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    const path = entry.fullPath.replace(/^\//, '');
    if (!inFolder || isReportFile(path)) out.push({ path, file });
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader()))
      await walk(child, out, true);
  }
}

/** What a drop holds: files, and the report files of any folders, in path order. */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const entries = [...data.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e !== null)) {
    for (const e of entries) await walk(e as FileSystemEntry, out, false);
  } else for (const file of data.files) out.push({ path: file.name, file });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The files of an <input type="file"> (with webkitdirectory: the report files of the folder). */
export function chosenFiles(input: HTMLInputElement, folder: boolean): PickedFile[] {
  return [...(input.files ?? [])]
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }))
    .filter((f) => !folder || isReportFile(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
