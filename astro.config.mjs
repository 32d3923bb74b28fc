// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// Union websites often host a notice under a sub-path; BASE_PATH=/some/sub/ builds for that.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [react()],
  devToolbar: { enabled: false },
});
