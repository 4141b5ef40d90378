import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import { CSV_COLUMNS, csvField, parseExportQuery } from './exportActions';

jest.setTimeout(60_000);

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes, breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('export helpers', () => {
  it('quotes CSV fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField({ a: 'x,y' })).toBe('"{""a"":""x,y""}"');
    // Spreadsheets run a field that starts like a formula: such fields get a leading quote.
    expect(csvField('=HYPERLINK("https://evil.example","open")')).toBe(
      '"\'=HYPERLINK(""https://evil.example"",""open"")"',
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('＝1+1')).toBe("'＝1+1");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('reads the query', () => {
    expect(
      parseExportQuery({ format: 'csv', type: 'deploy', owner: 'platform' }),
    ).toEqual({
      format: 'csv',
      filter: { type: 'deploy', ownerRefs: ['group:default/platform'] },
      evidence: false,
    });
    expect(parseExportQuery({ format: 'ndjson', evidence: 'true' })).toEqual({
      format: 'ndjson',
      filter: {},
      evidence: true,
    });
    expect(() => parseExportQuery({})).toThrow('format must be ndjson or csv');
    expect(() => parseExportQuery({ format: 'xml' })).toThrow('format');
    expect(() => parseExportQuery({ format: 'csv', limit: '5' })).toThrow(
      'limit does not apply',
    );
    expect(() => parseExportQuery({ format: 'csv', colour: 'red' })).toThrow(
      "Unknown query parameter 'colour'",
    );
  });
});

describe('GET /actions/export', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(knex: Knex, extra: any[] = []) {
    const { server } = await startTestBackend({
      features: [
        agentMeshPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [] }),
        ...extra,
      ],
    });
    return server;
  }

  it.each(databases.eachSupportedId())(
    'streams every matching action as NDJSON and CSV, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const total = 2300;
      const SUMMARIES: Record<number, string> = {
        1: 'Deployed "v2", then\nrolled back, twice',
        3: '=HYPERLINK("https://evil.example","click")',
      };
      for (let first = 0; first < total; first += 1000) {
        const actions = Array.from(
          { length: Math.min(1000, total - first) },
          (_, k) => {
            const i = first + k;
            return {
              id: `e${i}`,
              occurredAt: '2026-11-20T09:00:00Z',
              agent: 'agent:default/exporter',
              type: i % 2 ? 'deploy' : 'tool.call',
              summary: SUMMARIES[i] ?? `x${i}`,
              ...(i === 1 ? { attributes: { note: 'a,b' } } : {}),
            };
          },
        );
        await request(server)
          .post('/api/agent-mesh/actions')
          .send({ actions })
          .expect(200);
      }

      const ndjson = await request(server)
        .get('/api/agent-mesh/actions/export?format=ndjson')
        .buffer(true)
        .parse((res, cb) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
          });
          res.on('end', () => cb(null, text));
        });
      expect(ndjson.status).toBe(200);
      expect(ndjson.headers['content-type']).toBe('application/x-ndjson');
      expect(ndjson.headers['content-disposition']).toMatch(
        /^attachment; filename="agent-mesh-actions-\d{8}T\d{6}Z\.ndjson"$/,
      );
      const lines = (ndjson.body as string).trimEnd().split('\n');
      expect(lines).toHaveLength(total);
      const parsed = lines.map(line => JSON.parse(line));
      expect(parsed[0]).toMatchObject({ seq: total, id: `e${total - 1}` });
      expect(parsed[total - 1]).toMatchObject({ seq: 1, id: 'e0' });
      expect(new Set(parsed.map(a => a.id)).size).toBe(total);

      const csv = await request(server)
        .get('/api/agent-mesh/actions/export')
        .query({ format: 'csv', type: 'deploy' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/\.csv"$/);
      const rows = parseCsv(csv.text);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(1 + total / 2);
      const column = (name: string) =>
        CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
      const last = rows[rows.length - 1];
      expect(last[column('id')]).toBe('e1');
      expect(last[column('summary')]).toBe(
        'Deployed "v2", then\nrolled back, twice',
      );
      expect(JSON.parse(last[column('attributes')])).toEqual({ note: 'a,b' });
      expect(last[column('agentKnown')]).toBe('false');
      const formula = rows.find(r => r[column('id')] === 'e3')!;
      expect(formula[column('summary')]).toBe(
        '\'=HYPERLINK("https://evil.example","click")',
      );
      expect(rows.every(r => r.length === CSV_COLUMNS.length)).toBe(true);

      const none = await request(server).get(
        '/api/agent-mesh/actions/export?format=csv&agent=nobody',
      );
      expect(none.text).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    },
  );

  it('refuses bad queries, missing credentials and denied reads', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await start(knex);
    const bad = await request(server).get(
      '/api/agent-mesh/actions/export?format=xml',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('format must be ndjson or csv');
    await request(server)
      .get('/api/agent-mesh/actions/export?format=csv')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);

    const denied = await start(await databases.init('SQLITE_3'), [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    await request(denied)
      .get('/api/agent-mesh/actions/export?format=csv')
      .expect(403);
  });
});
