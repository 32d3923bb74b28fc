// The characters of an application that no bundled font prints (emoji, invisible characters, other scripts), with
// their fields, for 检查申报内容. Loaded on demand, apart from the form's code.
import type { Application } from '../../core/application/types';
import { planFonts, type UnprintableCharacter } from '../../core/pdf/fonts/coverage';
import { validateFontManifest } from '../../core/pdf/fonts/manifest';
import { fieldTexts } from '../../core/pdf/documents/texts';
import { bundledFontBase, loadManifest } from './bundled';

/** Without the manifest (offline, never fetched) only what no font can print at all is known. */
const EVERY_CODE_POINT = validateFontManifest({ family: '-', license: '-', source: '-', chunks: [{ file: 'all.ttf', bytes: 1, ranges: [[0, 0x10ffff]] }] });

export async function findUnprintable(app: Application): Promise<UnprintableCharacter[]> {
  const manifest = await loadManifest(bundledFontBase(), { manifest: 'cache-first' }).catch(() => EVERY_CODE_POINT);
  return [...planFonts(fieldTexts(app), manifest).unprintable];
}
