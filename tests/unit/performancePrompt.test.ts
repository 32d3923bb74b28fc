import { describe, expect, it } from 'vitest';
import { performancePrompt } from '../../src/core/application/performancePrompt';

describe('performancePrompt', () => {
  it('gives the outline’s sentence for 技术攻关型', () => {
    expect(performancePrompt('技术攻关型')).toBe('技术攻关型创新工作室攻克或革新的技术，发明创造的成果，技术推广和成果转化的情况，产生的经济效益。');
  });

  it('gives the outline’s sentence for 技能传授型', () => {
    expect(performancePrompt('技能传授型')).toBe('技能传授型创新工作室传授绝技绝活的情况，“传帮带”的效果，培养和造就高技能人才的情况。');
  });

  it('gives the outline’s sentence for 窗口服务型', () => {
    expect(performancePrompt('窗口服务型')).toBe('窗口服务型创新工作室适应客户需求、改进服务流程、拓展服务手段、提高服务质量和水平的情况。');
  });

  it('gives the whole paragraph of 附件2 三、1. while no type is chosen', () => {
    expect(performancePrompt(undefined)).toBe(
      '技术攻关型创新工作室攻克或革新的技术，发明创造的成果，技术推广和成果转化的情况，产生的经济效益。技能传授型创新工作室传授绝技绝活的情况，“传帮带”的效果，培养和造就高技能人才的情况。窗口服务型创新工作室适应客户需求、改进服务流程、拓展服务手段、提高服务质量和水平的情况。',
    );
  });
});
