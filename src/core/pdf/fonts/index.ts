// Fonts for the PDFs: the bundled chunked Noto Serif SC (manifest), coverage planning, the user's own font.
export * from './manifest';
export * from './coverage';
export * from './cmap';
export * from './userFont';
export * from './roles';
