/**
 * Where the command writes: `process.stdout` and `process.stderr`, or collectors in tests.
 *
 * @public
 */
export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}
