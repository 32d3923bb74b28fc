import { getCollection, getEntry } from 'astro:content';

// The one notice of this site and its attachments, in order; a missing entry is a build error, not a blank page.
export async function loadNotice() {
  const notice = await getEntry('notice', 'notice');
  if (!notice) throw new Error('src/content/notice/notice.md is missing');
  return notice;
}

export async function loadAttachments() {
  const all = await getCollection('attachments');
  return all.sort((a, b) => a.data.no - b.data.no);
}
