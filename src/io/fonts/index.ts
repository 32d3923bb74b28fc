// Browser IO for the PDF fonts: the bundled chunks (page or worker) and the user's own 仿宋 (page).
export * from './bundled';
export * from './localFonts';
