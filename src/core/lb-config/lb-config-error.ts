/** A configuration test-lb cannot use as it stands, with the line (1-based) of the fault. */
export class LbConfigError extends Error {
  constructor(
    /** 0 when the fault is the file as a whole */
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `line ${line}: ${problem}` : problem);
    this.name = 'LbConfigError';
  }
}
