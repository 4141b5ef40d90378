/*
 * An index for the usual filtered read of the action log: a team (with its sub-teams, an IN
 * list), a type and a time window. Without it PostgreSQL walks the primary key backwards past
 * every newer action, and SQLite walks every action of the type.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_mesh_actions', table => {
    table.index(
      ['owner_ref', 'type', 'occurred_at'],
      'agent_mesh_actions_owner_type_time_idx',
    );
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_mesh_actions', table => {
    table.dropIndex(
      ['owner_ref', 'type', 'occurred_at'],
      'agent_mesh_actions_owner_type_time_idx',
    );
  });
};
