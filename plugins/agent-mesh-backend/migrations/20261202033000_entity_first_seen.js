/*
 * When the agent-mesh backend first saw each Agent and AI-built entity in the catalog, for the
 * overview's "new this period" (the catalog itself keeps no creation time).
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_entity_first_seen', table => {
    table.comment(
      'When the agent-mesh backend first saw an Agent or AI-built entity in the catalog',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .primary()
      .comment('Full, lower-case entity ref');
    table
      .string('first_seen_at', 24)
      .notNullable()
      .comment('ISO 8601 UTC with milliseconds; sorts as text');
    table
      .boolean('baseline')
      .notNullable()
      .comment(
        'Seen in the first recording, when the table was empty: it existed before Agent Mesh, so first_seen_at is not when it appeared',
      );
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_entity_first_seen');
};
