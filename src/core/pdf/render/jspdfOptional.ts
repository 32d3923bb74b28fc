// jsPDF loads html2canvas and DOMPurify for doc.html() and canvg for SVG images by dynamic import; our renderer
// uses neither, so astro.config.mjs aliases the three to this stand-in and the site neither ships nor precaches
// them (~790 KB). Called anyway, it says why instead of failing on a missing module.
export default function unusedJsPdfModule(): never {
  throw new Error('jsPDF called html2canvas, DOMPurify or canvg, which astro.config.mjs aliases away');
}
