/*
 * The overview's read model, the part shared by all replicas: the unacknowledged cross-team
 * overlap pairs of the AI-built entities, computed from the overlap index by one replica when the
 * index changes, and what they were computed from.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_overview_overlap_pairs', table => {
    table.comment(
      'Overlap pairs that both sides report, for the overview clusters',
    );
    table.string('a_ref', 255).notNullable().comment('Sorts before b_ref');
    table.string('b_ref', 255).notNullable();
    table.double('score').notNullable().comment('0..1');
    table.string('kind', 32).notNullable().comment('duplicate or alternative');
    table.text('reasons').notNullable().comment('JSON array of strings');
    table.primary(['a_ref', 'b_ref']);
  });
  await knex.schema.createTable('agent_mesh_overview_state', table => {
    table.comment('What the stored overview overlap pairs were computed from');
    table.integer('id').notNullable().primary().comment('Always 1');
    table
      .bigInteger('version')
      .notNullable()
      .comment('Bumped by every write of the pairs');
    table
      .bigInteger('index_version')
      .notNullable()
      .comment('The overlap store change counter that was asked');
    table
      .string('subjects_hash', 64)
      .notNullable()
      .comment('sha256 of the AI-built entities asked about');
    table.string('computed_at', 24).notNullable();
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_overview_state');
  await knex.schema.dropTable('agent_mesh_overview_overlap_pairs');
};
