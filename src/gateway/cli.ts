/**
 * The `skewboard` command line (CONTRACT section 3): finds the command and reports its usage
 * errors, one line naming the command, exit 2.
 */
import type { Command } from './command-line/command';
import { commandHelp, toolHelp } from './command-line/help-text';
import { parseCommandLine } from './command-line/parse-command-line';
import { UsageError } from './command-line/usage-error';
import { analyzeCommand } from './commands/analyze';
import { annotationsImportCommand } from './commands/annotations-import';
import { checkCommand } from './commands/check';
import { postmortemCommand } from './commands/postmortem';
import { serveCommand } from './commands/serve';
import { testLbCommand } from './commands/test-lb';
import { wallWatchdogCommand } from './commands/wall-watchdog';
import { packageVersion } from './own-package';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  analyzeCommand,
  checkCommand,
  testLbCommand,
  annotationsImportCommand,
  postmortemCommand,
  wallWatchdogCommand,
];

const TOOL = {
  name: '',
  summary: '',
  operands: [],
  options: { version: { type: 'boolean', help: 'print the version' } },
} as const;

const specs = COMMANDS.map((c) => c.spec);

/** The command named by the first word or two, and the words after its name. */
function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.spec.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) {
      return { command, rest: argv.slice(words.length) };
    }
  }
  return undefined;
}

/** `annotations` alone, or with a subcommand it does not have. */
function groupProblem(group: string, rest: readonly string[]): number {
  const members = specs.filter((s) => s.name.startsWith(`${group} `));
  const names = members.map((s) => s.name.slice(group.length + 1));
  const [word] = rest;
  if (word === '--help' || word === '-h') {
    process.stdout.write(`${toolHelp(members, group)}\n`);
    return 0;
  }
  throw new UsageError(
    word === undefined
      ? `${group} needs a subcommand: ${names.join(', ')}`
      : `unknown ${group} subcommand ${JSON.stringify(word)}`,
  );
}

async function runTool(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(`${toolHelp(specs)}\n`);
    return 2;
  }
  if (first === 'help') {
    const found = findCommand(rest);
    process.stdout.write(`${found ? commandHelp(found.command.spec) : toolHelp(specs)}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    const parsed = parseCommandLine(TOOL, argv);
    if (!parsed.help && parsed.options.version) {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    process.stdout.write(`${toolHelp(specs)}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (found) return found.command.run(found.rest);
  if (specs.some((s) => s.name.startsWith(`${first} `))) return groupProblem(first, rest);
  throw new UsageError(`unknown command ${JSON.stringify(first)} (--help lists the commands)`);
}

/** Runs one command; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await runTool(argv);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof UsageError)) {
      process.stderr.write(`skewboard: ${message}\n`);
      return 2;
    }
    const found = findCommand(argv);
    const group = specs.find((s) => s.name.startsWith(`${argv[0]} `));
    const who = found?.command.spec.name ?? (group ? argv[0] : undefined);
    process.stderr.write(`skewboard${who ? ` ${who}` : ''}: ${message}\n`);
    return 2;
  }
}
