import { classifyActivity, TYPE_CODES, TYPE_LABELS } from '../../shared';
import type { TypeCode } from '../../shared';

describe('classifyActivity', () => {
  test.each<[string, TypeCode]>([
    ['举办专题讲座', 'lecture'],
    ['专题讲座', 'lecture'],
    ['授课', 'lecture'],
    ['为联系点授课：不忘合作初心，继续携手前进', 'lecture'],
    ['作专题辅导报告', 'lecture'],
    ['召开座谈会', 'symposium'],
    ['座谈交流', 'symposium'],
    ['调查研究', 'symposium'],
    ['调研', 'symposium'],
    ['参加支部生活会', 'branch-meeting'],
    ['组织生活会', 'branch-meeting'],
    ['看望慰问老同志、老会员', 'veteran-visit'],
    ['看望老同志', 'veteran-visit'],
    ['慰问老会员', 'veteran-visit'],
    ['走访基层', 'grassroots-visit'],
    ['走访基层组织', 'grassroots-visit'],
    ['推动“我为机关建设建一言”活动', 'grassroots-visit'],
    ['与当地统战部沟通', 'authority-liaison'],
    ['与有关部门和领导沟通交流', 'authority-liaison'],
    ['总结经验', 'experience-summary'],
    ['总结提炼经验、宣传典型', 'experience-summary'],
    ['自选动作', 'self-chosen'],
    ['舉辦專題講座', 'lecture'],
    ['召開座談會', 'symposium'],
    ['參加支部生活會', 'branch-meeting'],
    ['看望慰問老同志、老會員', 'veteran-visit'],
    ['與當地統戰部溝通', 'authority-liaison'],
    ['　举办　专题讲座　', 'lecture'],
  ])('%s → %s', (text, type) => {
    expect(classifyActivity(text)).toEqual({ type, recognised: true });
  });

  test.each(TYPE_CODES.map((c) => [c]))('the type code %s itself', (code) => {
    expect(classifyActivity(code)).toEqual({ type: code, recognised: true });
    expect(classifyActivity(code.toUpperCase())).toEqual({ type: code, recognised: true });
  });

  test.each(TYPE_CODES.map((c) => [TYPE_LABELS[c].zh, c]))('the label %s (the template dropdown) → %s', (label, code) => {
    expect(classifyActivity(label)).toEqual({ type: code, recognised: true });
  });

  describe('when several activities are named, the most specific decides, then the first', () => {
    test.each<[string, TypeCode]>([
      ['看望老同志并召开座谈会', 'veteran-visit'],
      ['召开座谈会并看望老同志', 'veteran-visit'],
      ['走访基层组织并召开座谈会', 'symposium'],
      ['举办专题讲座后座谈交流', 'lecture'],
      ['参加支部生活会并作专题讲座', 'branch-meeting'],
      ['作专题讲座并参加支部生活会', 'lecture'],
      ['与统战部座谈', 'symposium'],
      ['自选动作：走访基层', 'self-chosen'],
      ['走访基层，总结经验', 'grassroots-visit'],
    ])('%s → %s', (text, type) => {
      expect(classifyActivity(text).type).toBe(type);
    });
  });

  test.each(['参观红色教育基地', '春游', '', '   ', '123', '???'])('nothing recognised in %p → other', (text) => {
    expect(classifyActivity(text)).toEqual({ type: 'other', recognised: false });
  });

  test('其他 is a deliberate choice of other', () => {
    expect(classifyActivity('其他')).toEqual({ type: 'other', recognised: true });
  });
});
