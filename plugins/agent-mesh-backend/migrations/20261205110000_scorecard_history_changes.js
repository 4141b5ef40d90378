/*
 * Scorecard history stores changes only: a result row is written when an entity's result differs
 * from its latest stored one, and every run is recorded once, so that the history can still give
 * one result per run (the row in force at that run). Existing rows stay; the runs they came from
 * are recorded as runs that stored every result they covered.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_scorecard_runs', table => {
    table.comment('Every scorecard evaluation run');
    table
      .string('evaluated_at', 24)
      .notNullable()
      .primary()
      .comment('ISO 8601 UTC with milliseconds; sorts as text');
    table
      .boolean('complete')
      .notNullable()
      .comment(
        'Evaluated every entity with a scorecard, so an entity without a row at this run kept its result',
      );
  });
  await knex.schema.alterTable('agent_mesh_scorecard_results', table => {
    table
      .string('last_evaluated_at', 24)
      .nullable()
      .comment(
        'Set when the entity left the catalog: the last run that evaluated it',
      );
  });
  // `false` is a literal on both databases (SQLite since 3.23).
  await knex.raw(
    'INSERT INTO agent_mesh_scorecard_runs (evaluated_at, complete) SELECT DISTINCT evaluated_at, false FROM agent_mesh_scorecard_results',
  );
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('agent_mesh_scorecard_results', table => {
    table.dropColumn('last_evaluated_at');
  });
  await knex.schema.dropTable('agent_mesh_scorecard_runs');
};
