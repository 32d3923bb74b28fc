import type { APIRoute } from 'astro';
import { noticeInput } from '../../site/pdfAtBuild';

// The notice's wording as the notice PDF prints it, fetched by the output view only when the applicant makes the
// notice PDF with their own 仿宋 (the same engine as /downloads/notice.pdf); generated once at build time.
export const GET: APIRoute = async () => new Response(JSON.stringify(await noticeInput()), { headers: { 'Content-Type': 'application/json' } });
