// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';

// Union websites often host a notice under a sub-path; BASE_PATH=/some/sub/ builds for that.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [react()],
  devToolbar: { enabled: false },
  vite: {
    // Module workers with shared chunks (the PDF and package workers import the core).
    worker: { format: 'es' },
    resolve: {
      // See src/islands/form/plainMarkdown.tsx: rjsf never renders Markdown for this form.
      alias: { 'markdown-to-jsx/react': fileURLToPath(new URL('./src/islands/form/plainMarkdown.tsx', import.meta.url)) },
    },
  },
});
