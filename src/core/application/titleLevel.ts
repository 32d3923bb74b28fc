// Sorts the free-text 职称或技能等级 into the levels the team structure is reported by:
// 职称 正高级/副高级/中级/初级 and 国家职业资格 高级技师/技师/高级工/中级工/初级工.

export const TITLE_LEVELS = ['正高级', '副高级', '中级', '初级', '高级技师', '技师', '高级工', '中级工', '初级工', '其他', '未填'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

// First match wins, so every entry only has to exclude what an earlier entry has not already taken:
// 高级技师 before 副高级's 高级…师, 高级工程师 before the skill 高级工, 主管技师 (中级) before the skill 技师.
// No look-behind: Safari/iOS before 16.4 cannot even parse it. "(?:^|[^副])教授" is "教授 not after 副" for test().
const RULES: readonly (readonly [TitleLevel, RegExp])[] = [
  ['高级技师', /高级技师/],
  ['正高级', /正高|教授级|(?:^|[^副])教授|(?:^|[^副助理])研究员|(?:^|[^副])主任[医药护技]师|(?:^|[^副])编审/],
  ['副高级', /副高|副教授|副研究员|副主任[医药护技]师|副编审|高级.{0,4}师/],
  ['高级工', /高级工/],
  ['中级工', /中级工/],
  ['初级工', /初级工/],
  ['中级', /中级|主治医师|主管[医药护技]师|(?:^|[^理]|(?:^|[^助])理)(?:工程|经济|会计|统计|审计|政工|农艺|讲)师|一级教师|助理研究员/],
  ['初级', /初级|助理|技术员|助教|[二三]级教师|[医药护技]士|[医药护]师/],
  ['技师', /技师/],
];

export function classifyTitle(title: string | undefined): TitleLevel {
  const text = title?.trim() ?? '';
  if (text === '') return '未填';
  return RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? '其他';
}
