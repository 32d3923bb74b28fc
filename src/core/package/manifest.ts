// The two files the package writes about itself: 材料清单.txt, for the people who receive it, and
// application.json, for programs.
import { candidateTitle, printedRecommender } from '../application/facts';
import type { Application } from '../application/types';
import { formatChineseDate } from '../chinese-date';
import { chinaWallClock } from '../draft/chinaTime';
import { APPLICATION_JSON_FORMAT } from '../draft/types';

/** The version of application.json's envelope; bump when its shape changes. */
export const PACKAGE_FORMAT_VERSION = 1;

export interface ListedFile {
  /** Path relative to the package's root folder ("04-照片/01-外景.jpg"), or the name of a file sent beside it. */
  path: string;
  size: number;
  /** 64 lower-case hex digits */
  sha256: string;
}

export interface MaterialsListInput {
  application: Application;
  /** The files in the package, in its order. */
  files: readonly ListedFile[];
  /** Files sent beside the package (the video as 超大附件). */
  separate?: readonly ListedFile[];
  /** ISO 8601 */
  generatedAt: string;
}

/** "1,234,567 字节（1.2 MB）": the exact count, as Explorer's 属性 shows it, and a readable size. */
export function describeSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB'] as const;
  let readable = `${bytes} 字节`;
  let value = bytes;
  for (const unit of units) {
    if (value < 1024) break;
    value /= 1024;
    readable = `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${unit}`;
  }
  return bytes < 1024 ? readable : `${bytes.toLocaleString('en-US')} 字节（${readable}）`;
}

/** "2021年7月12日 01:30（北京时间）" whatever zone the machine is set to. */
export function chinaDateTime(iso: string): string {
  const wall = chinaWallClock(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日`;
  return `${day} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}（北京时间）`;
}

function fileLines(files: readonly ListedFile[]): string[] {
  return files.flatMap((file, i) => [`${i + 1}. ${file.path}`, `   大小：${describeSize(file.size)}`, `   SHA-256：${file.sha256}`, '']);
}

/**
 * The text of 材料清单.txt. Windows line ends (CRLF) and UTF-8 with a byte order mark: Notepad before
 * Windows 10 1903 opens a file without a BOM in the system's code page (GBK on Chinese Windows) and shows
 * UTF-8 Chinese as mojibake, and before Windows 10 1809 shows a file with bare LF line ends as one line.
 * With the BOM every Notepad, and every other editor, knows the file is UTF-8.
 */
export function materialsList({ application, files, separate = [], generatedAt }: MaterialsListInput): string {
  const { cover, leader, contact } = application;
  const fact = (label: string, value: string | undefined) => `${label}：${value?.trim() || '（未填写）'}`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const lines = [
    '劳模创新工作室申报材料清单',
    '',
    fact('工作室名称', candidateTitle(application)),
    fact('所在单位', cover.unitName),
    fact('推荐单位', printedRecommender(cover)),
    fact('领衔人', leader.name),
    fact('联系电话', leader.phone),
    fact('填表人', contact.name),
    fact('填表人联系电话', contact.phone),
    fact('填报日期', cover.fillDate === undefined ? undefined : formatChineseDate(cover.fillDate)),
    '',
    `压缩包内的文件（共 ${files.length} 个，合计 ${describeSize(total)}）：`,
    '',
    ...fileLines(files),
  ];
  if (separate.length > 0) {
    lines.push('另行发送的文件（超大附件，不在压缩包内）：', '', ...fileLines(separate));
  }
  lines.push(
    '核对方法：在 Windows 的命令提示符中运行 certutil -hashfile 文件名 SHA256，',
    '得到的值应与上面列出的 SHA-256 相同；不同则说明文件在传送中损坏或被改动。',
    '材料清单本身不在列表中。',
    '',
    `生成时间：${chinaDateTime(generatedAt)}`,
    '',
  );
  return `\uFEFF${lines.join('\r\n')}`;
}

export interface ApplicationJson {
  format: typeof APPLICATION_JSON_FORMAT;
  formatVersion: number;
  /** ISO 8601 */
  generatedAt: string;
  /** The application in the data contract's shape (schemas/application.schema.json). */
  data: Application;
}

/**
 * The text of application.json. The data sits under `data`, beside the envelope's fields, because the
 * schema allows no other keys at the top level: `data` validates against it and imports as an application.
 */
export function applicationJson(data: Application, now: string): string {
  const document: ApplicationJson = { format: APPLICATION_JSON_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, generatedAt: now, data };
  return `${JSON.stringify(document, null, 2)}\n`;
}
