import type { APIRoute } from 'astro';
import { DOCX_TYPE } from '../../core/word/names';
import { blankFormDocx } from '../../site/wordAtBuild';

// 附件1 申报表, blank, as a Word file to fill in WPS or Word; generated once at build time.
export const GET: APIRoute = async () => new Response(await blankFormDocx(), { headers: { 'Content-Type': DOCX_TYPE } });
