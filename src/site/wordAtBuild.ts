// Build-time Word editions (the blank 申报表, the blank 附件2 outline), written from the same descriptions as the
// PDFs by the same writer the browser uses for the filled ones.
import { emptyApplication } from '../core/application/schema';
import { makeWord } from '../core/word/documents';
import { loadNotice } from './notice';
import { formTemplate, outlineSections, outlineTemplate } from './templates';

async function wordJob() {
  const notice = await loadNotice();
  const ctx = { noticeYear: Number(notice.data.date.slice(0, 4)), noticeDate: notice.data.date };
  return { app: emptyApplication(), ctx, form: await formTemplate(), outline: await outlineTemplate() };
}

export async function blankFormDocx(): Promise<Uint8Array<ArrayBuffer>> {
  return makeWord({ kind: 'blankForm', ...(await wordJob()) });
}

export async function outlineDocx(): Promise<Uint8Array<ArrayBuffer>> {
  return makeWord({ kind: 'outline', ...(await wordJob()), outlineSections: await outlineSections() });
}
