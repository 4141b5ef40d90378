/**
 * The `agent-mesh` command line: `agent-mesh validate <files...>` checks catalog entity files in
 * a team's own pipeline, before the catalog sees them; `agent-mesh verify-export <file>` checks
 * an evidence export of the action log and its signed checkpoints without the database.
 *
 * @packageDocumentation
 */

export { main } from './main';
export type { CliOutput } from './io';
