/**
 * A command's words, read against its option table with node:util parseArgs (strict). Every
 * refusal is a UsageError whose one line names the option or word at fault.
 */
import { parseArgs } from 'node:util';
import { parseByteSize, parseDurationMs } from '../../core/format/flag-units';
import type {
  CommandSpec,
  OptionTable,
  OptionValues,
  SwitchOption,
  ValueOption,
} from './option-table';
import { suggestOption } from './option-suggestion';
import { UsageError } from './usage-error';

/** Every command takes `-h, --help`; the help lists it with the table's own options. */
export const HELP_OPTION: SwitchOption = { type: 'boolean', short: 'h', help: 'show this help' };

/** The words read: either a request for help, or the options and the operands. */
export type ParsedCommandLine<T extends OptionTable> =
  | { readonly help: true }
  | { readonly help: false; readonly options: OptionValues<T>; readonly operands: string[] };

type ParseArgsOptions = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

function parseArgsOptions(options: OptionTable): ParseArgsOptions {
  const config: ParseArgsOptions = {};
  const all: OptionTable = { ...options, help: HELP_OPTION };
  for (const [name, spec] of Object.entries(all)) {
    config[name] = {
      type: spec.type,
      ...(spec.short !== undefined && { short: spec.short }),
      ...(spec.type === 'string' && spec.multiple === true && { multiple: true }),
    };
  }
  return config;
}

export function parseCommandLine<T extends OptionTable>(
  command: CommandSpec<T>,
  argv: readonly string[],
): ParsedCommandLine<T> {
  const args = [...argv];
  const options = parseArgsOptions(command.options);
  // read leniently first, only to find `--help` among words that may hold a mistake
  const { tokens } = parseArgs({
    args,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: command.operands.length > 0,
    });
  } catch (err) {
    throw new UsageError(whatIsWrong(command, tokens) ?? firstLine(err));
  }

  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const given = parsed.values[name];
    if (spec.type === 'boolean') {
      values[name] = given === true;
    } else if (spec.multiple === true) {
      values[name] = ((given ?? []) as string[]).map((raw) => readValue(name, spec, raw));
    } else if (typeof given === 'string' || spec.default !== undefined) {
      values[name] = readValue(name, spec, typeof given === 'string' ? given : spec.default!);
    } else if (spec.required === true) {
      throw new UsageError(`--${name} ${spec.placeholder} is required (${spec.help})`);
    }
  }

  const operands = parsed.positionals;
  const wanted = command.operands;
  if (operands.length !== wanted.length) {
    throw new UsageError(
      wanted.length === 1
        ? `takes exactly one ${wanted[0]!.about} (${wanted[0]!.name}), got ${operands.length === 0 ? 'none' : operands.length}`
        : `takes ${wanted.map((o) => o.name).join(' ')}, got ${operands.length} words`,
    );
  }
  return { help: false, options: values as OptionValues<T>, operands };
}

/** The first word strict parsing refuses, said in a line that names it. */
function whatIsWrong(command: CommandSpec, tokens: ReturnType<typeof parseArgs>['tokens']) {
  for (const token of tokens ?? []) {
    if (token.kind === 'positional' && command.operands.length === 0) {
      return `takes no arguments, got ${JSON.stringify(token.value)}`;
    }
    if (token.kind !== 'option') continue;
    const spec = token.name === 'help' ? HELP_OPTION : command.options[token.name];
    if (spec === undefined) {
      const preferred = Object.entries(command.options).flatMap(([name, o]) =>
        o.preferredGuess === true ? [name] : [],
      );
      const guess = suggestOption(token.rawName, Object.keys(command.options), preferred);
      return `unknown option ${token.rawName} (${guess ? `did you mean ${guess}?` : '--help lists the options'})`;
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      return `${token.rawName} takes no value, got ${JSON.stringify(token.value)}`;
    }
    if (spec.type === 'string' && (token.value === undefined || token.value.startsWith('-'))) {
      // strict parseArgs will not take "-1s" as a value unless it is joined with "="
      const joined =
        token.value === undefined
          ? ''
          : `; a value that starts with - is written --${token.name}=${token.value}`;
      return `${token.rawName} needs a value (${spec.placeholder})${joined}`;
    }
  }
  return undefined;
}

const firstLine = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

const DURATION_EXAMPLES = 'such as 90s, 15m, 1h or 2d';

/** One option's text read as its kind says; a value that does not read names the option. */
export function readValue(name: string, spec: ValueOption, raw: string): string | number {
  const refuse = (what: string): never => {
    throw new UsageError(`--${name} ${JSON.stringify(raw)} is not ${what}`);
  };
  switch (spec.kind ?? 'text') {
    case 'text':
      return raw;
    case 'duration':
      return parseDurationMs(raw) ?? refuse(`a duration ${DURATION_EXAMPLES}`);
    case 'size':
      return parseByteSize(raw) ?? refuse('a size such as 64MiB, 500KB or 1000000');
    case 'port': {
      const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
      return port <= 65_535 ? port : refuse('a port number, 0 to 65535');
    }
    case 'number': {
      const min = spec.min ?? 0;
      const value = raw.trim() === '' ? NaN : Number(raw);
      return Number.isFinite(value) && value >= min ? value : refuse(`a number >= ${min}`);
    }
  }
}
