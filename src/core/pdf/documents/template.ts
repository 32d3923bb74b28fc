// The fixed wording the documents print, taken from the notice's own content (附件1, 附件2) by the caller,
// so that the PDFs never repeat it in code.

export interface FormTemplate {
  /** "2021年南昌市劳模创新工作室" / "申 报 表" */
  titleLines: string[];
  /** The six cover fields, as printed on the cover (labels of the schema's cover group). */
  coverFields: string[];
  /** "南昌市总工会制" */
  coverFooter: string;
  /** 填表说明 1–12, each a plain sentence starting with its number. */
  notes: string[];
}

export interface OutlineTemplate {
  /** "南昌市2021年劳模创新工作室申报材料" / "参 考 提 纲" */
  titleLines: string[];
}

/** Page sizes in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const A3_LANDSCAPE = { width: 1190.55, height: 841.89 } as const;

/** 字号 → points (official-format.md). */
export const PT = { 初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15, 四号: 14, 小四: 12, 五号: 10.5 } as const;

export const MM = 72 / 25.4;
