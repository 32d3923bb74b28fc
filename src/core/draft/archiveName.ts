// The draft file's name, apart from archive.ts so that the page can name a file the worker built without
// loading the zip code.
import { chinaDay } from './chinaTime';
import { portableFileName } from './names';
import type { Draft } from './types';

/** 工作室名称 (else the draft's title), 申报草稿 and the date in China, e.g. 某某工作室-申报草稿-20210712.zip. */
export function draftArchiveName(draft: Draft, now: string): string {
  const base = portableFileName(draft.data.cover.studioName ?? '', '') || portableFileName(draft.title, '未命名草稿');
  return `${base}-申报草稿-${chinaDay(now).replaceAll('-', '')}.zip`;
}
