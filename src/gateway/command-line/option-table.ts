/**
 * One command's options, written once: parsing (node:util parseArgs, strict) and `--help`
 * are both derived from this table, so the two cannot disagree.
 */

/** How a value is read; every duration and every size goes through one parser. */
export type ValueKind = 'text' | 'duration' | 'size' | 'port' | 'number';

/** A flag without a value, e.g. `--no-record`; false when absent. */
export interface SwitchOption {
  readonly type: 'boolean';
  readonly short?: string;
  /** among several options a mistyped name is near, this is the one suggested */
  readonly preferredGuess?: boolean;
  readonly help: string;
}

/** An option with a value, e.g. `--port N`. */
export interface ValueOption {
  readonly type: 'string';
  /** what the help shows after the name: N, FILE, URL */
  readonly placeholder: string;
  /** text unless said otherwise */
  readonly kind?: ValueKind;
  readonly short?: string;
  /** among several options a mistyped name is near, this is the one suggested */
  readonly preferredGuess?: boolean;
  /** may be given more than once; the values come in order */
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** the value when absent, read like a given one and shown in the help */
  readonly default?: string;
  /** the smallest number a `number` option takes (0 unless said) */
  readonly min?: number;
  readonly help: string;
}

export type OptionSpec = SwitchOption | ValueOption;

/** Options by long name, in the order the help lists them. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A word the command takes that is not an option, e.g. the recording `analyze` reads. */
export interface OperandSpec {
  /** as the usage line shows it: `<recording|->` */
  readonly name: string;
  /** for the message when it is missing: "recording: a file, or - for stdin" */
  readonly about: string;
}

/** One command: its name (one or two words), what it does and what it takes. */
export interface CommandSpec<T extends OptionTable = OptionTable> {
  readonly name: string;
  /** one line for the tool's help */
  readonly summary: string;
  /** each is required, in this order */
  readonly operands: readonly OperandSpec[];
  readonly options: T;
  /** lines printed under the options in the command's help */
  readonly notes?: readonly string[];
}

type KindValue<K> = K extends 'duration' | 'size' | 'port' | 'number' ? number : string;

type OptionValue<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { multiple: true; kind?: infer K }
    ? KindValue<K>[]
    : O extends { kind?: infer K }
      ? KindValue<K>
      : never;

// a switch is false and a repeatable option [] when absent; a default or a required option
// is always there
type AlwaysThere<O> = O extends { type: 'boolean' }
  ? true
  : O extends { multiple: true }
    ? true
    : O extends { required: true }
      ? true
      : O extends { default: string }
        ? true
        : false;

/** The values a table's options read to, typed from the table. */
export type OptionValues<T extends OptionTable> = {
  -readonly [K in keyof T as AlwaysThere<T[K]> extends true ? K : never]: OptionValue<T[K]>;
} & {
  -readonly [K in keyof T as AlwaysThere<T[K]> extends true ? never : K]?: OptionValue<T[K]>;
};
