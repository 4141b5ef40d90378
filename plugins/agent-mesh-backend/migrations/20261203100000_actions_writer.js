/*
 * Who wrote each action: the user or service whose credentials sent it (`user:default/jane`,
 * `service:plugin:mcp-actions`, `service:<external-access subject>`). Covered by the action's
 * hash when set; null for actions written before this column.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_mesh_actions', table => {
    table
      .string('writer', 255)
      .nullable()
      .comment('The principal whose credentials wrote the action');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_mesh_actions', table => {
    table.dropColumn('writer');
  });
};
