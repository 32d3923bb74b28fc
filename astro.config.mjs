// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';
import { esbuildTargets } from './scripts/targets.mjs';

// Union websites often host a notice under a sub-path; BASE_PATH=/some/sub/ builds for that.
const base = process.env.BASE_PATH || '/';
/** A file of this project, for the aliases below. @param {string} path */
const local = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [react()],
  devToolbar: { enabled: false },
  // A strict Content Security Policy on every page, as a meta tag with hashes of Astro's own inline scripts and
  // styles: no inline code of ours, no eval, nothing from another origin. Blobs are the PDFs and photos the
  // applicant makes or picks, shown back to them.
  experimental: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' blob: data:",
        "media-src 'self' blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    // Astro sets the client build to esnext; the supported browsers (browserslist in package.json) get syntax they
    // parse instead. APIs they lack are polyfilled in src/compat/polyfills.ts.
    build: { target: esbuildTargets(), cssTarget: esbuildTargets() },
    // Module workers with shared chunks (the PDF and package workers import the core).
    worker: { format: 'es' },
    esbuild: { target: esbuildTargets() },
    resolve: {
      alias: [
        // See src/islands/form/plainMarkdown.tsx: rjsf never renders Markdown for this form.
        { find: 'markdown-to-jsx/react', replacement: local('./src/islands/form/plainMarkdown.tsx') },
        // See src/islands/form/unusedField.tsx: rjsf's layout-grid and anyOf/oneOf fields (imported by its
        // field registry only).
        { find: /^\.\/(LayoutGridField|LayoutHeaderField|LayoutMultiSchemaField|MultiSchemaField)\.js$/, replacement: local('./src/islands/form/unusedField.tsx') },
        // See src/islands/form/noUriResolver.ts: URI resolution of $refs, for schemas unlike ours.
        { find: /^fast-uri$/, replacement: local('./src/islands/form/noUriResolver.ts') },
        // See src/core/pdf/render/jspdfOptional.ts: jsPDF's optional modules, never run.
        { find: /^(html2canvas|dompurify|canvg)$/, replacement: local('./src/core/pdf/render/jspdfOptional.ts') },
      ],
    },
  },
});
