// The draft file's name, apart from archive.ts so that the page can name a file the worker built without
// loading the zip code.
import { chinaDay } from './chinaTime';
import { portableFileName } from './names';
import type { Draft } from './types';

/**
 * 草稿备份, 工作室名称 (else the draft's title) and the date in China, e.g. 草稿备份-某某工作室-20210712.zip: it
 * starts differently from the package (申报材料包-…zip) so that the two are never mistaken for each other.
 */
export function draftArchiveName(draft: Draft, now: string): string {
  const base = portableFileName(draft.data.cover.studioName ?? '', '') || portableFileName(draft.title, '未命名草稿');
  return `草稿备份-${base}-${chinaDay(now).replaceAll('-', '')}.zip`;
}
