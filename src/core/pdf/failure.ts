/** What the PDF worker says of a failure it did not expect; the panel then names the likely cause (too long a text). */
export const UNEXPECTED_PDF_FAILURE = '生成PDF时发生意外错误，请重试；若仍失败，请刷新页面。';
