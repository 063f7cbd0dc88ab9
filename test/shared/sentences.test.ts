// Leaders and themes read out of activity sentences (narrative and matrix trackers, issue 10).
import { leadersIn, themeIn } from '../../shared/sentences';

describe('leadersIn', () => {
  test.each([
    ['3月16日下午，罗副主席在吕梁市委会作专题讲座', '罗副主席'],
    ['下午罗副主席作专题讲座', '罗副主席'],
    ['由罗副主席主讲', '罗副主席'],
    ['邀请罗副主席授课', '罗副主席'],
    ['民进中央朱永新副主席出席', '朱永新副主席'],
    ['罗副主席和张秘书长出席', '罗副主席、张秘书长'],
    ['罗副主席、张秘书长与市工委座谈', '罗副主席、张秘书长'],
    ['罗副主席看望老同志，罗副主席讲话', '罗副主席'],
    ['看望慰问老同志', null],
    ['副主席出席', null],
  ])('%s → %s', (text, leader) => expect(leadersIn(text)).toBe(leader));
});

describe('themeIn', () => {
  test.each([
    ['作“学习贯彻全会精神”专题讲座', '学习贯彻全会精神'],
    ['作《新时代统一战线》专题报告', '新时代统一战线'],
    ['作「参政议政」讲座', '参政议政'],
    ['召开座谈会', null],
    ['作“”讲座', null],
  ])('%s → %s', (text, theme) => expect(themeIn(text)).toBe(theme));
});
