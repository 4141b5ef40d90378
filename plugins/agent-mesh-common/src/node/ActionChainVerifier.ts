import type { KeyObject } from 'node:crypto';
import {
  ActionChainProblem,
  ActionCheckpoint,
  ActionCheckpointSummary,
  ChainedAction,
  GENESIS_HASH,
} from '../actions';
import { checkCheckpointSignature } from './checkpointSignatures';
import { hashAction } from './hashAction';

/**
 * The outcome of a verification.
 *
 * @public
 */
export interface ActionChainVerdict {
  /** No problems. */
  ok: boolean;
  /** Actions read. */
  checked: number;
  /** How many problems there are. */
  broken: number;
  /** The problems with the lowest sequence numbers, in `seq` order (at most `maxProblems`). */
  problems: ActionChainProblem[];
  /** Checkpoints that are not signed, in `seq` order (at most `maxProblems`). */
  warnings: ActionChainProblem[];
  checkpoints: ActionCheckpointSummary;
  /** The newest and oldest action read. */
  newest?: { seq: number; hash: string };
  oldest?: { seq: number; hash: string };
}

/**
 * Options of `ActionChainVerifier`.
 *
 * @public
 */
export interface ActionChainVerifierOptions {
  /**
   * The public keys whose checkpoint signatures are trusted. Without them signatures are not
   * checked, and signed checkpoints count as signed.
   */
  trustedKeys?: KeyObject[];
  /** How many problems and warnings are kept (all are counted). Default 1,000. */
  maxProblems?: number;
}

/** A list that keeps the entries with the lowest sequence numbers. */
class LowestSeqs {
  private entries: ActionChainProblem[] = [];
  count = 0;

  constructor(private readonly max: number) {}

  /** `rest`: the message after `seq `. */
  add(seq: number, rest: string) {
    this.count += 1;
    this.entries.push({ seq, message: `seq ${rest}` });
    if (this.entries.length > 2 * this.max) {
      this.entries = this.sorted();
    }
  }

  sorted(): ActionChainProblem[] {
    return [...this.entries].sort((a, b) => a.seq - b.seq).slice(0, this.max);
  }
}

function span(from: number, to: number): string {
  return from === to ? `${from}` : `${from} to ${to}`;
}

function describe(checkpoint: ActionCheckpoint): string {
  return `${checkpoint.kind} checkpoint of ${checkpoint.createdAt}`;
}

/**
 * Verifies the action log, or an export of it, as one stream: actions newest first, and each
 * checkpoint before the action it vouches for (the retention checkpoints after the oldest
 * action). It checks every action's hash against its content, every link to the action before
 * it, that no action is missing from the newest one down to the genesis or a retention
 * checkpoint, that every checkpoint holds the hash of the action at its seq, and, with trusted
 * keys, every checkpoint's signature. It goes on past each problem, so that all are reported.
 * The backend's `GET /actions/verify` and `agent-mesh verify-export` both use it.
 *
 * @public
 */
export class ActionChainVerifier {
  private readonly trustedKeys?: KeyObject[];
  private readonly problems: LowestSeqs;
  private readonly warnings: LowestSeqs;
  private readonly summary: ActionCheckpointSummary;
  private checked = 0;
  private newest?: ChainedAction;
  /** The last action taken into the chain: the oldest so far. */
  private above?: ChainedAction;
  /** Checkpoints below `above`, highest seq first, waiting for their action. */
  private pending: ActionCheckpoint[] = [];

  constructor(options: ActionChainVerifierOptions = {}) {
    this.trustedKeys = options.trustedKeys;
    this.problems = new LowestSeqs(options.maxProblems ?? 1000);
    this.warnings = new LowestSeqs(options.maxProblems ?? 1000);
    this.summary = {
      checked: 0,
      signed: 0,
      unsigned: 0,
      signaturesChecked: options.trustedKeys !== undefined,
    };
  }

  checkpoint(checkpoint: ActionCheckpoint): void {
    this.summary.checked += 1;
    const { seq } = checkpoint;
    if (checkpoint.signature === undefined || checkpoint.signature === null) {
      this.summary.unsigned += 1;
      this.warnings.add(
        seq,
        `${seq}: the ${describe(checkpoint)} is not signed`,
      );
    } else if (!this.trustedKeys) {
      this.summary.signed += 1;
    } else {
      const status = checkCheckpointSignature(checkpoint, this.trustedKeys);
      if (status === 'unknown-key') {
        this.problems.add(
          seq,
          `${seq}: the ${describe(checkpoint)} is signed by key ${
            checkpoint.keyId ?? '(none)'
          }, which is not a trusted key`,
        );
        return;
      }
      if (status === 'invalid') {
        this.problems.add(
          seq,
          `${seq}: the signature of the ${describe(
            checkpoint,
          )} does not verify: it was changed after it was signed, or forged`,
        );
        return;
      }
      this.summary.signed += 1;
    }

    const above = this.above;
    if (above && seq >= above.seq) {
      if (seq === above.seq) {
        this.match(checkpoint, above);
      } else {
        this.problems.add(
          seq,
          `${seq}: the ${describe(
            checkpoint,
          )} comes after the actions it vouches for (out of order)`,
        );
      }
      return;
    }
    const at = this.pending.findIndex(p => p.seq < seq);
    this.pending.splice(at === -1 ? this.pending.length : at, 0, checkpoint);
  }

  action(action: ChainedAction): void {
    this.checked += 1;
    const above = this.above;
    const { seq } = action;
    if (above && seq >= above.seq) {
      this.problems.add(
        seq,
        `${seq}: out of order: it comes after seq ${above.seq}, and the newest must come first`,
      );
      return;
    }
    const { hash, ...fields } = action;
    if (hashAction(fields) !== hash) {
      this.problems.add(
        seq,
        `${seq}: its content does not match its hash: it was changed after it was written`,
      );
    }
    if (above) {
      if (above.seq === seq + 1) {
        if (above.prevHash !== hash) {
          this.problems.add(
            above.seq,
            `${above.seq}: its prevHash does not match the hash of seq ${seq}: an action was rewritten or replaced`,
          );
        }
      } else {
        this.problems.add(seq + 1, `${span(seq + 1, above.seq - 1)}: missing`);
      }
    }

    // Checkpoints above this action: their action is missing. Within a gap that is reported
    // already; above the newest action, once for the highest.
    let reportedTop = false;
    while (this.pending.length > 0 && this.pending[0].seq > seq) {
      const checkpoint = this.pending.shift()!;
      if (!above && !reportedTop) {
        reportedTop = true;
        this.problems.add(
          seq + 1,
          `${span(seq + 1, checkpoint.seq)}: missing, though the ${describe(
            checkpoint,
          )} vouches for seq ${checkpoint.seq}`,
        );
      }
    }
    while (this.pending.length > 0 && this.pending[0].seq === seq) {
      this.match(this.pending.shift()!, action);
    }
    this.above = action;
    this.newest ??= action;
  }

  finish(): ActionChainVerdict {
    const bottom = this.above;
    const retention = this.pending.filter(p => p.kind === 'retention');
    // Where the chain starts: the genesis, or the retention checkpoint just below it.
    let anchor: { seq: number; hash: string; checkpoint?: ActionCheckpoint };
    /** Whether the actions between the anchor and the bottom are reported missing already. */
    let missingReported = false;
    if (!bottom) {
      const newestRetention = retention[0];
      anchor = newestRetention
        ? { ...newestRetention, checkpoint: newestRetention }
        : { seq: 0, hash: GENESIS_HASH };
    } else if (bottom.seq === 1) {
      anchor = { seq: 0, hash: GENESIS_HASH };
      if (bottom.prevHash !== GENESIS_HASH) {
        this.problems.add(
          1,
          '1: its prevHash is not the genesis hash, yet no action comes before it',
        );
      }
    } else {
      const below = retention.filter(p => p.seq === bottom.seq - 1);
      const start = below.find(p => p.hash === bottom.prevHash);
      if (start) {
        anchor = { ...start, checkpoint: start };
      } else if (below.length > 0) {
        anchor = {
          seq: bottom.seq - 1,
          hash: bottom.prevHash,
          checkpoint: below[0],
        };
        this.problems.add(
          bottom.seq,
          `${
            bottom.seq
          }: its prevHash does not match the hash of the ${describe(
            below[0],
          )} at seq ${below[0].seq}`,
        );
      } else {
        const lower = retention.find(p => p.seq < bottom.seq - 1);
        anchor = lower
          ? { ...lower, checkpoint: lower }
          : { seq: 0, hash: GENESIS_HASH };
        missingReported = true;
        this.problems.add(
          anchor.seq + 1,
          `${span(
            anchor.seq + 1,
            bottom.seq - 1,
          )}: missing: the chain goes down to seq ${
            bottom.seq
          }, and no retention checkpoint accounts for the actions before it`,
        );
      }
    }
    for (const checkpoint of this.pending) {
      if (checkpoint === anchor.checkpoint || checkpoint.seq < anchor.seq) {
        continue;
      }
      if (checkpoint.seq > anchor.seq) {
        // The highest one names the whole range; the others lie within it.
        if (!missingReported) {
          missingReported = true;
          this.problems.add(
            anchor.seq + 1,
            `${span(
              anchor.seq + 1,
              checkpoint.seq,
            )}: missing, though the ${describe(checkpoint)} vouches for seq ${
              checkpoint.seq
            }`,
          );
        }
      } else if (checkpoint.hash !== anchor.hash) {
        this.problems.add(
          checkpoint.seq,
          `${checkpoint.seq}: the ${describe(
            checkpoint,
          )} holds another hash than the start of the chain`,
        );
      }
    }
    this.pending = [];

    const verdict: ActionChainVerdict = {
      ok: this.problems.count === 0,
      checked: this.checked,
      broken: this.problems.count,
      problems: this.problems.sorted(),
      warnings: this.warnings.sorted(),
      checkpoints: { ...this.summary },
    };
    if (this.newest && bottom) {
      verdict.newest = { seq: this.newest.seq, hash: this.newest.hash };
      verdict.oldest = { seq: bottom.seq, hash: bottom.hash };
    }
    return verdict;
  }

  /** The checkpoint vouches for the action at its seq. */
  private match(checkpoint: ActionCheckpoint, action: ChainedAction) {
    if (checkpoint.hash !== action.hash) {
      this.problems.add(
        action.seq,
        `${action.seq}: its hash differs from the one the ${describe(
          checkpoint,
        )} vouches for: the chain up to seq ${action.seq} was rewritten`,
      );
    }
  }
}
