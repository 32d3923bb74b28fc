// 附件2 三、1. 创新业绩: the outline gives one sentence per 工作室类型; show the one that applies.
import { STUDIO_TYPES, type StudioType } from './types';

const PROMPTS: Readonly<Record<StudioType, string>> = {
  技术攻关型: '技术攻关型创新工作室攻克或革新的技术，发明创造的成果，技术推广和成果转化的情况，产生的经济效益。',
  技能传授型: '技能传授型创新工作室传授绝技绝活的情况，“传帮带”的效果，培养和造就高技能人才的情况。',
  窗口服务型: '窗口服务型创新工作室适应客户需求、改进服务流程、拓展服务手段、提高服务质量和水平的情况。',
};

/** The guidance for materials.results.performance; the outline's whole paragraph while no type is chosen. */
export function performancePrompt(type: StudioType | undefined): string {
  return type === undefined ? STUDIO_TYPES.map((t) => PROMPTS[t]).join('') : PROMPTS[type];
}
