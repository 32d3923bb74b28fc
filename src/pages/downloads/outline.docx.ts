import type { APIRoute } from 'astro';
import { DOCX_TYPE } from '../../core/word/names';
import { outlineDocx } from '../../site/wordAtBuild';

// 附件2 参考提纲 as a Word file to write the 申报材料 under its headings; generated once at build time.
export const GET: APIRoute = async () => new Response(await outlineDocx(), { headers: { 'Content-Type': DOCX_TYPE } });
