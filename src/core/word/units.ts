// Word measures in twentieths of a point (twips) and font sizes in half-points; the documents in points.
import type { Rgb } from '../pdf/layout/types';

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** An RGB colour of the documents (0–1 per channel) as Word's hex. */
export function hex(rgb: Rgb): string {
  return rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}
