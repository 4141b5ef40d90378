/*
 * The overlap index: the subjects that the in-memory index is built from, a change counter
 * that replicas poll, and the overlap pairs that owners were already notified about.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('agent_mesh_overlap_subjects', table => {
    table.comment(
      'Entities that take part in overlap detection, as the engine compares them',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .primary()
      .comment('Compound entity ref, as stringifyEntityRef writes it');
    table
      .text('subject')
      .nullable()
      .comment('The subject as JSON; null once the entity is gone');
    table
      .string('hash', 64)
      .nullable()
      .comment('SHA-256 of the subject JSON; null once the entity is gone');
    table
      .bigInteger('seq')
      .notNullable()
      .comment('Value of the change counter when the row was last written');
    table
      .boolean('deleted')
      .notNullable()
      .defaultTo(false)
      .comment('A tombstone, kept so that other replicas see the removal');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('Milliseconds since the epoch of the last write');
    table.index(['seq'], 'agent_mesh_overlap_subjects_seq_idx');
  });

  await knex.schema.createTable('agent_mesh_overlap_state', table => {
    table.comment(
      'One row: the change counter of agent_mesh_overlap_subjects and the highest pruned tombstone',
    );
    table.integer('id').notNullable().primary();
    table.bigInteger('seq').notNullable();
    table
      .bigInteger('pruned_seq')
      .notNullable()
      .comment(
        'Tombstones up to this seq are gone; replicas behind it reload everything',
      );
  });
  await knex('agent_mesh_overlap_state').insert({
    id: 1,
    seq: 0,
    pruned_seq: 0,
  });

  await knex.schema.createTable('agent_mesh_overlap_notified_pairs', table => {
    table.comment(
      'Overlap pairs whose owners were notified; a pair is never notified twice',
    );
    table
      .string('pair_key', 600)
      .notNullable()
      .primary()
      .comment('The two entity refs, sorted, joined by " <> "');
    table.bigInteger('notified_at').notNullable();
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('agent_mesh_overlap_notified_pairs');
  await knex.schema.dropTable('agent_mesh_overlap_state');
  await knex.schema.dropTable('agent_mesh_overlap_subjects');
};
