/**
 * A command: its table and what it does with the values read from it. `--help` is answered
 * here, so no command can forget it.
 */
import { commandHelp } from './help-text';
import type { CommandSpec, OptionTable, OptionValues } from './option-table';
import { parseCommandLine } from './parse-command-line';

export interface Command {
  readonly spec: CommandSpec;
  /** reads the words after the command's name; resolves to the exit code */
  run(argv: readonly string[]): Promise<number>;
}

export function defineCommand<const T extends OptionTable>(
  spec: CommandSpec<T>,
  run: (options: OptionValues<T>, operands: string[]) => Promise<number>,
): Command {
  return {
    spec,
    async run(argv) {
      const parsed = parseCommandLine(spec, argv);
      if (parsed.help) {
        process.stdout.write(`${commandHelp(spec)}\n`);
        return 0;
      }
      return run(parsed.options, parsed.operands);
    },
  };
}
