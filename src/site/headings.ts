// Markdown attachments are written with level-2 section headings; when an attachment is nested
// under the notice its headings move one level down so the page keeps one h1 and an unbroken outline.
export function shiftHeadings(html: string, by: number): string {
  if (by === 0) return html;
  return html.replace(/<(\/?)h([1-6])(\s|>)/g, (_m, slash: string, level: string, rest: string) => {
    const shifted = Math.min(6, Number(level) + by);
    return `<${slash}h${shifted}${rest}`;
  });
}
