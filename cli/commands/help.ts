// `liaison-tracker help`: every command of the table, with its options.
import { EXIT_OK, usageLine, type Command } from '../command';

export const helpCommand: Command = {
  name: 'help',
  args: [],
  options: [],
  zh: '显示本帮助',
  en: 'show this help',
  async run(_args, ctx) {
    const lines = ['liaison-tracker — 联系点工作台账 / liaison-point activity tracker', '', '用法 / Usage:'];
    for (const command of ctx.commands) {
      lines.push(`  ${usageLine(command)}`, `      ${command.zh} / ${command.en}`);
      for (const o of command.options) {
        lines.push(`      --${o.name}${o.value ? ` ${o.value}` : ''}`.padEnd(34) + `${o.zh} / ${o.en}`);
      }
    }
    lines.push('', '退出状态 / Exit status: 0 无错误 no errors · 1 有错误 errors found · 2 无法使用的输入 unusable input', '');
    ctx.stdout.write(lines.join('\n'));
    return EXIT_OK;
  },
};
