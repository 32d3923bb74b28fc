// 申报条件1: the leader must hold a 劳动模范 / 先进工作者 (the 劳模 title for civil servants and the like)
// or 五一劳动奖章 title, at any level. 洪城工匠, 赣鄱工匠 and 其他 do not count.
import type { Honor } from './types';

const MODEL_WORKER_TITLE = /劳动模范|先进工作者|五一劳动奖章/;

export function isModelWorkerHonor(honor: Honor): boolean {
  return honor.title !== undefined && MODEL_WORKER_TITLE.test(honor.title);
}
