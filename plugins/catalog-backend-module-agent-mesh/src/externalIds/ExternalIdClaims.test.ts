import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ExternalIdClaims } from './ExternalIdClaims';

const MINUTE = 60_000;

describe('ExternalIdClaims', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createClaims(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    return ExternalIdClaims.create({
      database: mockServices.database({ knex }),
      staleAfterMs: 10 * MINUTE,
    });
  }

  it.each(databases.eachSupportedId())(
    'gives an id to the first agent and reports the second as a clash, on %p',
    async databaseId => {
      const claims = await createClaims(databaseId);
      const t0 = 1_000_000_000_000;

      await expect(
        claims.claim('agent:default/first', ['bot-1', 'bot-2'], t0),
      ).resolves.toEqual([]);
      await expect(
        claims.claim('agent:default/second', ['bot-2', 'bot-3'], t0 + 1),
      ).resolves.toEqual([
        { externalId: 'bot-2', heldBy: 'agent:default/first' },
      ]);
      // processing the first again keeps its ids
      await expect(
        claims.claim(
          'agent:default/first',
          ['bot-1', 'bot-2'],
          t0 + 2 * MINUTE,
        ),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'compares ids without regard to case, as the action log resolves them, on %p',
    async databaseId => {
      const claims = await createClaims(databaseId);
      const t0 = 1_000_000_000_000;

      await claims.claim('agent:default/first', ['Sales-Bot'], t0);
      await expect(
        claims.claim('agent:default/second', ['sales-bot'], t0 + 1),
      ).resolves.toEqual([
        { externalId: 'sales-bot', heldBy: 'agent:default/first' },
      ]);
      // The holder keeps it when it writes the id another way.
      await expect(
        claims.claim('agent:default/first', ['SALES-BOT'], t0 + 2),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'frees an id when its agent stops listing it, on %p',
    async databaseId => {
      const claims = await createClaims(databaseId);
      const t0 = 1_000_000_000_000;

      await claims.claim('agent:default/first', ['bot-1'], t0);
      await claims.claim('agent:default/first', [], t0 + MINUTE);
      await expect(
        claims.claim('agent:default/second', ['bot-1'], t0 + MINUTE),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets another agent take the ids of an agent that is no longer processed (deleted or renamed), on %p',
    async databaseId => {
      const claims = await createClaims(databaseId);
      const t0 = 1_000_000_000_000;

      await claims.claim('agent:default/old-name', ['bot-1'], t0);
      await expect(
        claims.claim('agent:default/new-name', ['bot-1'], t0 + 5 * MINUTE),
      ).resolves.toEqual([
        { externalId: 'bot-1', heldBy: 'agent:default/old-name' },
      ]);
      await expect(
        claims.claim('agent:default/new-name', ['bot-1'], t0 + 11 * MINUTE),
      ).resolves.toEqual([]);
      await expect(
        claims.claim('agent:default/old-name', ['bot-1'], t0 + 12 * MINUTE),
      ).resolves.toEqual([
        { externalId: 'bot-1', heldBy: 'agent:default/new-name' },
      ]);
    },
  );
});
