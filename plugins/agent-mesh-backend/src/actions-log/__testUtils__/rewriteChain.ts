import { hashAction } from '@agent-mesh/plugin-agent-mesh-common/node';
import { Knex } from 'knex';
import { ActionStore } from '../types';

/**
 * What someone who can write to the database but holds no key can do: change the summary of
 * the action at `seq` and recompute the hash of every action from there to the newest, so that
 * every link holds again.
 */
export async function rewriteChainFrom(
  knex: Knex,
  store: ActionStore,
  seq: number,
  summary = 'it never happened',
) {
  const actions = (await store.list({ limit: 100_000 }))
    .filter(a => a.seq >= seq)
    .reverse();
  let prevHash: string | undefined;
  for (const action of actions) {
    const { hash: _hash, ...fields } = {
      ...action,
      summary: action.seq === seq ? summary : action.summary,
      prevHash: prevHash ?? action.prevHash,
    };
    const hash = hashAction(fields);
    await knex('agent_mesh_actions')
      .where('seq', action.seq)
      .update({ summary: fields.summary, prev_hash: fields.prevHash, hash });
    prevHash = hash;
  }
}
