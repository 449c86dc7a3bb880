/**
 * `--help` text, written from the same tables the parser reads.
 */
import type { CommandSpec, OptionSpec } from './option-table';
import { HELP_OPTION } from './parse-command-line';

const TOOL = 'skewboard';
// help starts in the column after the widest name, up to this one; a wider name has its help
// on the next line, so one long name does not push every line past the terminal
const MAX_HELP_COLUMN = 32;

/** `check --haproxy URL`: the name, the required options and the operands. */
function synopsis(command: CommandSpec): string {
  const required = Object.entries(command.options).flatMap(([name, spec]) =>
    spec.type === 'string' && spec.required === true ? [`--${name} ${spec.placeholder}`] : [],
  );
  return [command.name, ...required, ...command.operands.map((o) => o.name)].join(' ');
}

function optionName(name: string, spec: OptionSpec): string {
  const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
  return `${short}--${name}${spec.type === 'string' ? ` ${spec.placeholder}` : ''}`;
}

function optionHelp(spec: OptionSpec): string {
  if (spec.type === 'boolean') return spec.help;
  const extras = [
    spec.default !== undefined && `default ${spec.default}`,
    spec.multiple === true && 'repeatable',
    spec.required === true && 'required',
  ].filter(Boolean);
  return extras.length === 0 ? spec.help : `${spec.help} (${extras.join(', ')})`;
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const fits = rows.map(([left]) => left.length + 4).filter((width) => width <= MAX_HELP_COLUMN);
  const column = Math.max(8, ...fits);
  return rows.map(([left, right]) =>
    left.length + 4 > column
      ? `  ${left}\n${' '.repeat(column)}${right}`
      : `  ${left.padEnd(column - 2)}${right}`,
  );
}

/** What `skewboard <command> --help` prints. */
export function commandHelp(command: CommandSpec): string {
  const options = Object.entries({ ...command.options, help: HELP_OPTION });
  return [
    `usage: ${TOOL} ${synopsis(command)} [options]`,
    '',
    command.summary,
    '',
    'options:',
    ...columns(options.map(([name, spec]) => [optionName(name, spec), optionHelp(spec)])),
    ...(command.notes && command.notes.length > 0 ? ['', ...command.notes] : []),
  ].join('\n');
}

/** What `skewboard --help` prints; `skewboard annotations --help` the same for its group. */
export function toolHelp(commands: readonly CommandSpec[], group?: string): string {
  return [
    group === undefined
      ? `usage: ${TOOL} <command> [options]`
      : `usage: ${TOOL} ${group} <subcommand> [options]`,
    '',
    'commands:',
    ...columns(commands.map((c) => [synopsis(c), c.summary])),
    '',
    `${TOOL} <command> --help lists a command's options; ${TOOL} --version prints the version.`,
  ].join('\n');
}
