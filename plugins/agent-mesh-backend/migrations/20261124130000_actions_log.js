/*
 * The agent action log: an append-only, hash-chained table of actions.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_actions', table => {
    table.comment('The agent action log; append-only and hash-chained');
    table
      .bigInteger('seq')
      .notNullable()
      .primary()
      .comment('Gapless, increasing position in the log');
    table
      .string('id', 255)
      .notNullable()
      .unique()
      .comment("The client's idempotency key");
    table
      .string('occurred_at', 24)
      .notNullable()
      .comment('ISO 8601 UTC with milliseconds; sorts as text');
    table.string('received_at', 24).notNullable();
    table.string('agent', 255).notNullable().comment('The agent as sent');
    table.string('agent_ref', 255).nullable();
    table.boolean('agent_known').notNullable();
    table.string('type', 255).notNullable();
    table.text('target').nullable();
    table.string('target_ref', 255).nullable();
    table
      .string('owner_ref', 255)
      .nullable()
      .comment("The agent's owning team when written");
    table.string('on_behalf_of', 255).nullable();
    table.text('summary').notNullable();
    table.string('status', 255).nullable();
    table.string('trace_id', 255).nullable();
    table.string('span_id', 255).nullable();
    table.string('model', 255).nullable();
    table.bigInteger('input_tokens').nullable();
    table.bigInteger('output_tokens').nullable();
    table.text('attributes').nullable().comment('Canonical JSON');
    table.string('prev_hash', 64).notNullable();
    table.string('hash', 64).notNullable();

    table.index(['agent_ref', 'seq'], 'agent_mesh_actions_agent_ref_idx');
    table.index(['agent', 'seq'], 'agent_mesh_actions_agent_idx');
    table.index(['owner_ref', 'seq'], 'agent_mesh_actions_owner_ref_idx');
    table.index(['target_ref', 'seq'], 'agent_mesh_actions_target_ref_idx');
    table.index(['type', 'seq'], 'agent_mesh_actions_type_idx');
    table.index(['occurred_at'], 'agent_mesh_actions_occurred_at_idx');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_actions');
};
