// What a CLI command is, and the argument parsing every command shares.

/** Where a command writes: process streams in the bin, string collectors in tests. */
export interface Output {
  write(text: string): unknown;
}

export interface CliContext {
  stdout: Output;
  stderr: Output;
  /** Relative file arguments are resolved against this directory. */
  cwd: string;
  /** The command table, for `help`. */
  commands: readonly Command[];
}

export interface OptionSpec {
  /** Without the leading `--`. */
  name: string;
  /** The value's placeholder (e.g. `FILE.json`); absent for a boolean flag. */
  value?: string;
  zh: string;
  en: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** A flag given without value is `true`. */
  options: Record<string, string | true>;
}

export interface Command {
  /** One or more words, e.g. `campaign import`. */
  name: string;
  /** Positional arguments, e.g. `FILE.xlsx`; each is required. */
  args: string[];
  options: OptionSpec[];
  zh: string;
  en: string;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNUSABLE = 2;

/** Bad invocation or unusable input: printed on stderr, exit status 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

export function usageLine(command: Command): string {
  const options = command.options.map((o) => `[--${o.name}${o.value ? ` ${o.value}` : ''}]`);
  return ['liaison-tracker', command.name, ...command.args, ...options].join(' ');
}

/** Parses `words` (after the command name) against the command's options; `--name=value` works too. */
export function parseArgs(command: Command, words: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('--') || word === '--') {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const spec = command.options.find((o) => o.name === name);
    if (!spec) {
      throw new CliError(`未知选项 --${name}。用法：${usageLine(command)}`, `Unknown option --${name}. Usage: ${usageLine(command)}`);
    }
    if (!spec.value) {
      if (eq >= 0) throw new CliError(`选项 --${name} 不带值。`, `Option --${name} takes no value.`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? word.slice(eq + 1) : words[++i];
    if (value === undefined || value === '') {
      throw new CliError(`选项 --${name} 需要一个值（${spec.value}）。`, `Option --${name} needs a value (${spec.value}).`);
    }
    options[name] = value;
  }
  if (positionals.length !== command.args.length) {
    throw new CliError(
      `参数个数不对。用法：${usageLine(command)}`,
      `Wrong number of arguments. Usage: ${usageLine(command)}`,
    );
  }
  return { positionals, options };
}

/** A string option's value, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}
