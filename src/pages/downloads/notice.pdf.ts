import type { APIRoute } from 'astro';
import { noticePdf } from '../../site/pdfAtBuild';

// The notice as a GB/T 9704 PDF, generated once at build time.
export const GET: APIRoute = async () => new Response(await noticePdf(), { headers: { 'Content-Type': 'application/pdf' } });
