/*
 * Retention checkpoints of the agent action log: when retention removes the oldest actions, a
 * checkpoint keeps the seq and hash of the last removed one, so that the rest of the chain can
 * still be verified from there.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_actions_checkpoints', table => {
    table.comment(
      'Where the action log chain starts after retention removed older actions',
    );
    table.increments('id');
    table
      .bigInteger('seq')
      .notNullable()
      .comment(
        'The seq of the last removed action; the log goes on at seq + 1',
      );
    table
      .string('hash', 64)
      .notNullable()
      .comment('The hash of the last removed action: the prev_hash of seq + 1');
    table
      .bigInteger('removed')
      .notNullable()
      .comment('How many actions this retention run removed');
    table
      .string('cut', 24)
      .notNullable()
      .comment(
        'Actions that occurred before this time (ISO 8601 UTC) were removed',
      );
    table.string('created_at', 24).notNullable();
    table.index(['seq'], 'agent_mesh_actions_checkpoints_seq_idx');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_actions_checkpoints');
};
