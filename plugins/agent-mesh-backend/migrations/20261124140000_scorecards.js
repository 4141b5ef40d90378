/*
 * Scorecards: every evaluation run's results (history) and the latest result per entity.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_scorecard_results', table => {
    table.comment('Scorecard results of every evaluation run (history)');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('owner_ref', 255)
      .nullable()
      .comment("The entity's owner when evaluated");
    table
      .string('evaluated_at', 24)
      .notNullable()
      .comment('ISO 8601 UTC with milliseconds; sorts as text');
    table.double('score').notNullable().comment('0..100');
    table.string('level', 255).nullable();
    table
      .text('checks')
      .notNullable()
      .comment('JSON: [{ id, title, status, detail }]');
    table.index(
      ['entity_ref', 'evaluated_at'],
      'agent_mesh_scorecard_results_entity_idx',
    );
    table.index(['evaluated_at'], 'agent_mesh_scorecard_results_time_idx');
  });
  await knex.schema.createTable('agent_mesh_scorecard_latest', table => {
    table.comment('The latest scorecard result per entity, for rollups');
    table.string('entity_ref', 255).notNullable().primary();
    table.string('owner_ref', 255).nullable();
    table.string('evaluated_at', 24).notNullable();
    table.double('score').notNullable();
    table.string('level', 255).nullable();
    table.text('checks').notNullable();
    table.index(['owner_ref'], 'agent_mesh_scorecard_latest_owner_idx');
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_scorecard_latest');
  await knex.schema.dropTable('agent_mesh_scorecard_results');
};
