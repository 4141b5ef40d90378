// @ts-check

/**
 * Which Agent holds each external id (spec.externalIds), so that a second agent claiming the same
 * id gets a processing error. Lives in the catalog's database, next to the catalog's own tables.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_external_id_claims', table => {
    table.comment(
      'Agent spec.externalIds and the agent that claimed each first',
    );
    table.string('external_id', 255).primary().notNullable();
    table.string('entity_ref', 255).notNullable().index();
    table
      .bigInteger('last_seen_at')
      .notNullable()
      .comment(
        'Milliseconds since the epoch when the holder was last processed',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_external_id_claims');
};
