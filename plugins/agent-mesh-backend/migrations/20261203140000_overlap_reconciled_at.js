/*
 * When a reconcile of the overlap index with the catalog last completed, so that every replica
 * knows whether its index is built (until then, answers say so instead of "nothing similar").
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_mesh_overlap_state', table => {
    table
      .bigInteger('reconciled_at')
      .nullable()
      .comment('Milliseconds since the epoch when a reconcile last completed');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_mesh_overlap_state', table => {
    table.dropColumn('reconciled_at');
  });
};
