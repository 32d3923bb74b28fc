import type { APIRoute } from 'astro';
import { blankFormPdf } from '../../site/pdfAtBuild';

// 附件1 申报表, blank, to print and fill by hand; generated once at build time.
export const GET: APIRoute = async () => new Response(await blankFormPdf(), { headers: { 'Content-Type': 'application/pdf' } });
