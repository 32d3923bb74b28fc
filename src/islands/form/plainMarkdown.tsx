import type { ReactNode } from 'react';

// rjsf imports markdown-to-jsx for help and descriptions, but renders Markdown only when a uiSchema sets
// enableMarkdownIn…, which ours never does. This stand-in, aliased in astro.config.mjs, renders the text as
// it is and keeps ~10 KiB gzip of Markdown parser out of the form's first load.
export function Markdown({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}
