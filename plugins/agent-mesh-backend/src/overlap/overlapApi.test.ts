import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { hidingCatalog } from '../__testUtils__/hidingCatalog';
import { Knex } from 'knex';
import request from 'supertest';
import { loadExampleEntities } from './engine/__testUtils__/examples';
import { OVERLAP_RECONCILE_TASK_ID } from './schedule';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';
import { mutableCatalog } from '../__testUtils__/mutableCatalog';

jest.setTimeout(60_000);

const art = (name: string) => `aiartifact:default/${name}`;
const aggregators = [
  art('brand-a-sales-aggregator'),
  art('brand-b-sales-rollup'),
  art('brand-c-revenue-dashboard-sync'),
];

async function startPlugin(options: {
  knex: Knex;
  catalog: ReturnType<typeof mutableCatalog>;
  send?: jest.Mock;
  extra?: any[];
}) {
  const plugin = await startAgentMeshPlugin(options);
  return { ...plugin, reconcile: () => plugin.run(OVERLAP_RECONCILE_TASK_ID) };
}

const refs = (items: Array<{ entityRef: string }>) =>
  items.map(i => i.entityRef);

describe('overlap API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const examples = loadExampleEntities();

  async function setup(databaseId: any) {
    const knex = await databases.init(databaseId);
    const catalog = mutableCatalog(examples);
    const plugin = await startPlugin({ knex, catalog });
    await plugin.reconcile();
    return { ...plugin, knex, catalog };
  }

  const getOverlaps = (server: any, entityRef?: string) =>
    request(server)
      .get('/api/agent-mesh/overlaps')
      .query(entityRef === undefined ? {} : { entityRef });

  it.each(databases.eachSupportedId())(
    'finds the three sales aggregators from each other, cross-team, with reasons, %p',
    async databaseId => {
      const { server } = await setup(databaseId);
      for (const ref of aggregators) {
        const res = await getOverlaps(server, ref);
        expect(res.status).toBe(200);
        expect(res.body.entityRef).toBe(ref);
        for (const other of aggregators.filter(r => r !== ref)) {
          const item = res.body.items.find((i: any) => i.entityRef === other);
          expect(item).toMatchObject({
            crossTeam: true,
            acknowledged: false,
            owner: expect.stringMatching(/^group:default\/brand-/),
            title: expect.any(String),
          });
          expect(item.score).toBeGreaterThanOrEqual(0.3);
          expect(item.reasons).toContainEqual(
            expect.stringMatching(/^both integrate/),
          );
        }
      }
      // The annotated Component of brand-b is indexed too.
      const rollup = await getOverlaps(server, art('brand-b-sales-rollup'));
      expect(refs(rollup.body.items)).toContain(
        'component:default/brand-b-sales-api',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'marks the acknowledged pair on both sides and keeps unrelated entities apart, %p',
    async databaseId => {
      const { server } = await setup(databaseId);
      for (const [a, b] of [
        [art('campaign-copy-studio'), art('brand-c-product-copy-writer')],
        [art('brand-c-product-copy-writer'), art('campaign-copy-studio')],
      ]) {
        const res = await getOverlaps(server, a);
        expect(res.body.items).toContainEqual(
          expect.objectContaining({
            entityRef: b,
            acknowledged: true,
            crossTeam: true,
          }),
        );
      }
      const unrelated = await getOverlaps(
        server,
        art('incident-postmortem-summarizer'),
      );
      expect(unrelated.status).toBe(200);
      for (const ref of aggregators) {
        expect(refs(unrelated.body.items)).not.toContain(ref);
        const res = await getOverlaps(server, ref);
        expect(refs(res.body.items)).not.toContain(
          art('incident-postmortem-summarizer'),
        );
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses bad refs (400) and unknown entities (404), %p',
    async databaseId => {
      const { server } = await setup(databaseId);
      const missing = await getOverlaps(server);
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining("'entityRef'"),
      });
      const malformed = await getOverlaps(server, 'brand-a-sales-aggregator');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toContain("'entityRef'");

      const unknown = await getOverlaps(server, art('does-not-exist'));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.name).toBe('NotFoundError');
      // In the catalog, but not AI-built: not compared.
      const ordinary = await getOverlaps(
        server,
        'component:default/checkout-service',
      );
      expect(ordinary.status).toBe(404);
    },
  );

  it.each(databases.eachSupportedId())(
    'says that the index is not built yet until a reconcile has completed, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Right after a start the catalog is still empty: a reconcile then builds nothing.
      const catalog = mutableCatalog([]);
      const plugin = await startPlugin({ knex, catalog });
      const ask = () =>
        request(plugin.server)
          .post('/api/agent-mesh/similar')
          .send({ description: 'Weekly Shopify and Salesforce sales roll-up' });
      const before = await ask();
      expect(before.status).toBe(200);
      expect(before.body).toEqual({
        items: [],
        indexReady: false,
        message: expect.stringMatching(
          /^The overlap index is still being built from the catalog/,
        ),
      });
      await plugin.reconcile();
      expect((await ask()).body.indexReady).toBe(false);

      catalog.set(examples);
      // An entity asked for by ref is looked up on demand, but the answer is not complete yet.
      const early = await getOverlaps(plugin.server, aggregators[0]);
      expect(early.body).toMatchObject({ indexReady: false });

      await plugin.reconcile();
      const after = await ask();
      expect(after.body.indexReady).toBe(true);
      expect(after.body).not.toHaveProperty('message');
      expect(refs(after.body.items)).toEqual(
        expect.arrayContaining(aggregators),
      );
      expect(
        (await getOverlaps(plugin.server, aggregators[0])).body,
      ).toMatchObject({ indexReady: true });
    },
  );

  it.each(databases.eachSupportedId())(
    'shows a user only what the catalog lets that user read, %p',
    async databaseId => {
      // The catalog hides Brand B's roll-up from an outsider, as a permission policy would.
      const hidden = 'aiartifact:default/brand-b-sales-rollup';
      const catalog = hidingCatalog({
        entities: examples,
        hidden,
        from: 'user:default/outsider',
      });
      const plugin = await startAgentMeshPlugin({
        knex: await databases.init(databaseId),
        catalog,
      });
      await plugin.run(OVERLAP_RECONCILE_TASK_ID);
      const as = (user: string) => mockCredentials.user.header(user);
      const overlapsAs = (user: string, entityRef: string) =>
        request(plugin.server)
          .get('/api/agent-mesh/overlaps')
          .set('Authorization', as(user))
          .query({ entityRef });

      const insider = await overlapsAs('user:default/jane', aggregators[0]);
      expect(refs(insider.body.items)).toContain(hidden);
      const outsider = await overlapsAs(
        'user:default/outsider',
        aggregators[0],
      );
      expect(outsider.status).toBe(200);
      expect(refs(outsider.body.items)).not.toContain(hidden);
      expect(refs(outsider.body.items)).toContain(aggregators[2]);
      // The hidden entity itself answers as an unknown one would.
      const direct = await overlapsAs('user:default/outsider', hidden);
      expect(direct.status).toBe(404);
      expect(direct.body.error.message).toBe(
        (
          await overlapsAs('user:default/outsider', art('no-such-thing'))
        ).body.error.message.replace('no-such-thing', 'brand-b-sales-rollup'),
      );

      const similar = await request(plugin.server)
        .post('/api/agent-mesh/similar')
        .set('Authorization', as('user:default/outsider'))
        .send({ description: 'Weekly Shopify and Salesforce sales roll-up' });
      expect(refs(similar.body.items)).not.toContain(hidden);
      expect(refs(similar.body.items)).toContain(aggregators[0]);
      // A limit counts what the caller may see: the hidden match does not take a place.
      const body = {
        title: 'Weekly Revenue Roll-up',
        description:
          'Weekly revenue roll-up: combines web shop orders with SFDC opportunities and reports one revenue figure per channel.',
        limit: 2,
      };
      const top2 = await request(plugin.server)
        .post('/api/agent-mesh/similar')
        .set('Authorization', mockCredentials.service.header())
        .send(body);
      expect(refs(top2.body.items)).toContain(hidden);
      const top2Outsider = await request(plugin.server)
        .post('/api/agent-mesh/similar')
        .set('Authorization', as('user:default/outsider'))
        .send(body);
      expect(top2Outsider.body.items).toHaveLength(2);
      expect(refs(top2Outsider.body.items)).not.toContain(hidden);
      // A service (the catalog module's processor) sees every overlap.
      const service = await request(plugin.server)
        .get('/api/agent-mesh/overlaps')
        .set('Authorization', mockCredentials.service.header())
        .query({ entityRef: aggregators[0] });
      expect(refs(service.body.items)).toContain(hidden);
    },
  );

  it.each(databases.eachSupportedId())(
    'checks free text with POST /similar and validates the body, %p',
    async databaseId => {
      const { server } = await setup(databaseId);
      const similar = (body: unknown) =>
        request(server)
          .post('/api/agent-mesh/similar')
          .send(body as object);

      const res = await similar({
        title: 'Weekly sales roll-up',
        description:
          'Aggregates weekly sales from our Shopify storefront orders and Salesforce deals into one revenue report.',
        integrations: ['shopify', 'salesforce'],
        owner: 'group:default/operations',
        limit: 10,
      });
      expect(res.status).toBe(200);
      expect(refs(res.body.items)).toEqual(expect.arrayContaining(aggregators));
      expect(res.body.items[0]).toEqual({
        entityRef: expect.any(String),
        title: expect.any(String),
        owner: expect.any(String),
        score: expect.any(Number),
        kind: 'duplicate',
        reasons: expect.any(Array),
      });

      const limited = await similar({
        description: 'weekly sales roll-up of shopify and salesforce',
        limit: 2,
      });
      expect(limited.body.items).toHaveLength(2);

      for (const [body, field] of [
        [{ description: '   ' }, 'description'],
        [{}, 'description'],
        [{ description: 'x', limit: 0 }, 'limit'],
        [{ description: 'x', limit: 51 }, 'limit'],
        [{ description: 'x', tags: 'sales' }, 'tags'],
      ] as const) {
        const bad = await similar(body);
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(new RegExp(`^${field} `));
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'follows deletes, renames and new entities, %p',
    async databaseId => {
      const { server, catalog, reconcile } = await setup(databaseId);
      const [a, b, c] = aggregators;

      // Delete brand-c's aggregator.
      catalog.set(
        catalog.entities.filter(e => e.metadata.name !== c.split('/')[1]),
      );
      await reconcile();
      expect(refs((await getOverlaps(server, a)).body.items)).not.toContain(c);
      expect((await getOverlaps(server, c)).status).toBe(404);

      // Rename brand-a's aggregator: a new ref and a removed one.
      catalog.set(
        catalog.entities.map(e =>
          e.metadata.name === 'brand-a-sales-aggregator'
            ? {
                ...e,
                metadata: { ...e.metadata, name: 'brand-a-weekly-sales' },
              }
            : e,
        ),
      );
      await reconcile();
      const renamed = art('brand-a-weekly-sales');
      const res = await getOverlaps(server, renamed);
      expect(res.status).toBe(200);
      expect(refs(res.body.items)).toContain(b);
      const fromB = refs((await getOverlaps(server, b)).body.items);
      expect(fromB).toContain(renamed);
      expect(fromB).not.toContain(a);
      expect((await getOverlaps(server, a)).status).toBe(404);

      // A new entity is found on demand, before the next reconcile.
      const original = examples.find(
        e => e.metadata.name === 'brand-c-revenue-dashboard-sync',
      )!;
      catalog.set([
        ...catalog.entities,
        {
          ...original,
          metadata: { ...original.metadata, name: 'brand-d-sales' },
        },
      ]);
      const fresh = await getOverlaps(server, art('brand-d-sales'));
      expect(fresh.status).toBe(200);
      expect(refs(fresh.body.items)).toContain(b);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets a second instance on the same database see the first one’s reconcile, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const catalog = mutableCatalog(examples);
      const first = await startPlugin({ knex, catalog });
      const second = await startPlugin({ knex, catalog });
      // Before any reconcile, the entity is found in the catalog on demand, alone in the index.
      const before = await getOverlaps(second.server, aggregators[1]);
      expect(before.status).toBe(200);
      expect(before.body.items).toEqual([]);
      await first.reconcile();
      const res = await getOverlaps(second.server, aggregators[1]);
      expect(res.status).toBe(200);
      expect(refs(res.body.items)).toEqual(
        expect.arrayContaining([aggregators[0], aggregators[2]]),
      );

      catalog.set(
        catalog.entities.filter(
          e => e.metadata.name !== 'brand-c-revenue-dashboard-sync',
        ),
      );
      await first.reconcile();
      expect(
        refs((await getOverlaps(second.server, aggregators[1])).body.items),
      ).not.toContain(aggregators[2]);
    },
  );

  it.each(databases.eachSupportedId())(
    'notifies each owning team once per new cross-team pair, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const catalog = mutableCatalog(examples);
      const send = jest.fn();
      const plugin = await startPlugin({ knex, catalog, send });
      await plugin.reconcile();

      const calls = send.mock.calls.map(([n]) => n);
      // What a notification is about: the recipient's own entity (the link) and the other team.
      const about = (n: any) => ({
        recipient: n.recipients.entityRef as string,
        own: n.payload.link as string,
        otherTeam: /owned by (group:default\/[a-z-]+)/.exec(
          n.payload.description,
        )?.[1],
      });
      const page = (ref: string) =>
        `/catalog/default/aiartifact/${ref.split('/')[1]}`;
      // brand-a hears about its aggregator and brand-b's and brand-c's aggregators, once each.
      const toBrandA = calls.filter(
        n =>
          n.recipients.entityRef === 'group:default/brand-a' &&
          n.payload.link === page(aggregators[0]),
      );
      expect(toBrandA.map(n => about(n).otherTeam)).toEqual(
        expect.arrayContaining([
          'group:default/brand-b',
          'group:default/brand-c',
        ]),
      );
      const fromBrandB = toBrandA.find(
        n => about(n).otherTeam === 'group:default/brand-b',
      );
      expect(fromBrandB.payload).toEqual({
        topic: 'agent-mesh-overlap',
        link: '/catalog/default/aiartifact/brand-a-sales-aggregator',
        title:
          'Possible duplicate work: Brand A Sales Aggregator and an entity owned by group:default/brand-b',
        severity: 'normal',
        description: expect.stringMatching(
          /^An entity owned by group:default\/brand-b looks like the same work as your Brand A Sales Aggregator \(score 0\.\d+\)\. .*the Overlaps card of Brand A Sales Aggregator shows it/,
        ),
      });
      // The acknowledged pair is not notified: marketing's copy studio hears nothing of brand-c.
      expect(
        calls.filter(
          n =>
            n.payload.link === page('x/campaign-copy-studio') &&
            about(n).otherTeam === 'group:default/brand-c',
        ),
      ).toEqual([]);
      // Every pair reached both of its teams: each notification has its counterpart.
      for (const n of calls) {
        const { recipient, otherTeam } = about(n);
        expect(otherTeam).toBeDefined();
        expect(otherTeam).not.toBe(recipient);
        expect(
          calls.some(
            m =>
              m.recipients.entityRef === otherTeam &&
              about(m).otherTeam === recipient,
          ),
        ).toBe(true);
      }

      // A changed entity, a second reconcile and another instance send nothing again.
      const count = send.mock.calls.length;
      catalog.set(
        catalog.entities.map(e =>
          e.metadata.name === 'brand-a-sales-aggregator'
            ? {
                ...e,
                metadata: {
                  ...e.metadata,
                  description: `${e.metadata.description} Now also hourly.`,
                },
              }
            : e,
        ),
      );
      await plugin.reconcile();
      const other = await startPlugin({ knex, catalog, send });
      await other.reconcile();
      expect(send.mock.calls.length).toBe(count);
    },
  );

  it.each(databases.eachSupportedId())(
    "tells a team the other side's team, not what the other side is, %p",
    async databaseId => {
      // A notification to a team reaches all its members, whatever the catalog lets each of
      // them read; so it may only name what the team owns, and the other side's team.
      const knex = await databases.init(databaseId);
      const send = jest.fn();
      const plugin = await startPlugin({
        knex,
        catalog: mutableCatalog(examples),
        send,
      });
      await plugin.reconcile();
      const calls = send.mock.calls.map(([n]) => n);
      expect(calls.length).toBeGreaterThan(0);

      const ownerOf = (e: any) =>
        typeof e.spec?.owner === 'string' && e.spec.owner.includes(':')
          ? e.spec.owner
          : `group:default/${e.spec?.owner}`;
      const aiBuilt = examples.filter(e =>
        ['AiArtifact', 'Component', 'API', 'Resource'].includes(e.kind),
      );
      for (const n of calls) {
        const recipient = n.recipients.entityRef;
        const text = JSON.stringify(n.payload);
        const others = aiBuilt.filter(e => ownerOf(e) !== recipient);
        const named = others.filter(
          e =>
            text.includes(`/${e.metadata.name}`) ||
            text.includes(`"${e.metadata.name}`) ||
            (e.metadata.title && text.includes(e.metadata.title)),
        );
        expect({ recipient, named: named.map(e => e.metadata.name) }).toEqual({
          recipient,
          named: [],
        });
        // The link is the page of the team's own entity, whose Overlaps card shows each member
        // what that member may see.
        const own = aiBuilt.find(
          e =>
            ownerOf(e) === recipient &&
            n.payload.link ===
              `/catalog/default/${e.kind.toLocaleLowerCase('en-US')}/${
                e.metadata.name
              }`,
        );
        expect(own).toBeDefined();
        expect(n.payload.description).toMatch(
          /owned by group:default\/[a-z-]+/,
        );
      }
    },
  );

  it('needs credentials and the insights permission', async () => {
    const knex = await databases.init('SQLITE_3');
    const catalog = mutableCatalog(examples);
    const { server } = await startPlugin({
      knex,
      catalog,
      extra: [
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.DENY })),
        }).factory,
      ],
    });
    const none = await getOverlaps(server, aggregators[0]).set(
      'Authorization',
      mockCredentials.none.header(),
    );
    expect(none.status).toBe(401);
    const denied = await getOverlaps(server, aggregators[0]);
    expect(denied.status).toBe(403);
    const deniedSimilar = await request(server)
      .post('/api/agent-mesh/similar')
      .send({ description: 'sales' });
    expect(deniedSimilar.status).toBe(403);
  });
});
