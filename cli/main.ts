// The `liaison-tracker` entry: finds the command in the table, runs it, maps failures to exit 2.
import { COMMANDS } from './commands';
import { CliError, EXIT_UNUSABLE, parseArgs, type CliContext, type Command, type Output } from './command';
import { WorkbookError } from '../xlsx/workbook-error';
import { CampaignError } from '../shared';

export interface CliIo {
  stdout?: Output;
  stderr?: Output;
  cwd?: string;
}

/** The command whose words start `argv` (the longest such name wins). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  let found: { command: Command; rest: string[] } | null = null;
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    const matches = words.every((w, i) => argv[i] === w);
    if (matches && (!found || words.length > found.command.name.split(' ').length)) {
      found = { command, rest: argv.slice(words.length) };
    }
  }
  return found;
}

function errorLines(error: unknown): string {
  if (error instanceof CliError || error instanceof WorkbookError || error instanceof CampaignError) {
    return `${error.message}\n${error.messageEn}\n`;
  }
  // A bug of ours: still exit 2 with the reason, never a silent crash.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `内部错误，请把以下信息发给维护人员：\nInternal error:\n${detail}\n`;
}

export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const ctx: CliContext = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    commands: COMMANDS,
  };
  const helpWords = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h';
  const found = findCommand(helpWords ? ['help'] : argv);
  if (!found) {
    ctx.stderr.write(`未知命令：${argv.join(' ')}。运行 liaison-tracker help 查看用法。\nUnknown command: ${argv.join(' ')}. Run liaison-tracker help.\n`);
    return EXIT_UNUSABLE;
  }
  try {
    return await found.command.run(parseArgs(found.command, found.rest), ctx);
  } catch (error) {
    ctx.stderr.write(errorLines(error));
    return EXIT_UNUSABLE;
  }
}
