// Files dropped on the desk, folders included: Chromium, Edge and Firefox hand a dropped folder over as a
// FileSystemDirectoryEntry whose files are read one batch at a time. Browsers without it give only files.

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(await fileOf(entry as FileSystemFileEntry));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await readBatch(reader);
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** Every file dropped, those inside dropped folders too. */
export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.some((entry) => entry === null)) return [...transfer.files];
  const out: File[] = [];
  for (const entry of entries) if (entry !== null) await walk(entry, out);
  return out;
}

/** What the desk opens from a folder: packages, draft files and application.json files, nothing else. */
export function isDeskFile(file: File): boolean {
  return /\.(zip|json)$/i.test(file.name);
}
