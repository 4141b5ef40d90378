import { TestDatabases } from '@backstage/backend-test-utils';
import { insertRows } from './insertRows';

jest.setTimeout(60_000);

interface Row {
  id: number;
  name: string;
  note: string | null;
  flag: boolean;
  big: number;
}

const COLUMNS: (keyof Row & string)[] = ['id', 'name', 'note', 'flag', 'big'];

describe('insertRows', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'stores every row with its values unchanged, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('rows', table => {
        table.integer('id').primary();
        table.string('name').notNullable();
        table.text('note').nullable();
        table.boolean('flag').notNullable();
        table.bigInteger('big').notNullable();
      });
      const rows: Row[] = Array.from({ length: 1203 }, (_, i) => ({
        id: i + 1,
        name: i % 2 ? `quote ' and "double" ${i}` : `ünïcødé ✓ 😀 ${i}`,
        note: i % 3 ? null : `line\nbreak\ttab \\ backslash ${i}`,
        flag: i % 2 === 0,
        big: Number.MAX_SAFE_INTEGER - i,
      }));

      await knex.transaction(trx => insertRows(trx, 'rows', COLUMNS, rows));

      const stored = await knex('rows').orderBy('id').select();
      expect(
        stored.map(r => ({ ...r, flag: Boolean(r.flag), big: Number(r.big) })),
      ).toEqual(rows);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when the transaction fails, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('rows', table => {
        table.integer('id').primary();
        table.string('name').notNullable();
        table.text('note').nullable();
        table.boolean('flag').notNullable();
        table.bigInteger('big').notNullable();
      });
      const row = (id: number): Row => ({
        id,
        name: `row ${id}`,
        note: null,
        flag: true,
        big: 1,
      });
      // The second row repeats the first row's primary key.
      await expect(
        knex.transaction(trx =>
          insertRows(trx, 'rows', COLUMNS, [row(1), row(1), row(2)]),
        ),
        // better-sqlite3's SqliteError comes from another realm than the test's Error when
        // jest has loaded the native module for an earlier test file, so match the message.
      ).rejects.toHaveProperty(
        'message',
        expect.stringMatching(/UNIQUE constraint failed|duplicate key value/),
      );
      expect(await knex('rows').count({ n: '*' })).toEqual([
        { n: databaseId === 'POSTGRES_15' ? '0' : 0 },
      ]);
    },
  );
});
