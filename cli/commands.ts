// The command table: adding a command is one module plus one line here.
import type { Command } from './command';
import { campaignImportCommand } from './commands/campaign-import';
import { checkCommand } from './commands/check';
import { helpCommand } from './commands/help';
import { keysCreateCommand, keysRevokeCommand } from './commands/keys';
import { reportCommand } from './commands/report';
import { submitCommand } from './commands/submit';
import { templateCommand } from './commands/template';

export const COMMANDS: readonly Command[] = [checkCommand, submitCommand, templateCommand, campaignImportCommand, reportCommand, keysCreateCommand, keysRevokeCommand, helpCommand];
