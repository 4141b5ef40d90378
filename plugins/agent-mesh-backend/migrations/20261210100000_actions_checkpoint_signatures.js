/*
 * Signed checkpoints of the agent action log. Besides retention's, a checkpoint may now be a
 * `head` checkpoint: the seq and hash of the newest action at a time, written on a schedule.
 * Each is signed with the backend's Ed25519 key when it has one (`key_id`, `signature`), so that
 * someone who can write to the database but does not hold the key cannot make one. Retention
 * fields (`removed`, `cut`) are empty on head checkpoints.
 */

// @ts-check

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('agent_mesh_actions_checkpoints', table => {
    table
      .string('kind', 16)
      .notNullable()
      .defaultTo('retention')
      .comment(
        'retention (actions up to seq removed) or head (seq was the newest)',
      );
    table
      .string('key_id', 16)
      .nullable()
      .comment('The id of the Ed25519 key that signed the checkpoint');
    table
      .string('signature', 128)
      .nullable()
      .comment(
        'Ed25519 signature (base64) of the checkpoint; null when unsigned',
      );
    table.bigInteger('removed').nullable().alter();
    table.string('cut', 24).nullable().alter();
  });
};

/**
 * @param { import("knex").Knex } knex
 */
exports.down = async function down(knex) {
  await knex('agent_mesh_actions_checkpoints')
    .whereNot('kind', 'retention')
    .delete();
  await knex.schema.alterTable('agent_mesh_actions_checkpoints', table => {
    table.dropColumn('kind');
    table.dropColumn('key_id');
    table.dropColumn('signature');
    table.bigInteger('removed').notNullable().alter();
    table.string('cut', 24).notNullable().alter();
  });
};
