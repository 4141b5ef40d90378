/*
 * An index for reading the action log by the user an action was done for
 * (`GET /actions?onBehalfOf=user:default/jane`), newest first.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_mesh_actions', table => {
    table.index(['on_behalf_of', 'seq'], 'agent_mesh_actions_on_behalf_of_idx');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_mesh_actions', table => {
    table.dropIndex(
      ['on_behalf_of', 'seq'],
      'agent_mesh_actions_on_behalf_of_idx',
    );
  });
};
