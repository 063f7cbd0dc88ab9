// Runs the CLI in-process with captured output.
import { runCli } from '../../cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}
