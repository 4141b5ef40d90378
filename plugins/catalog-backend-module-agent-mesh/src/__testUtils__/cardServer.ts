import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { readFileSync } from 'fs';
import { resolve } from 'path';

/** What the server answers on one path. */
export type Route = {
  status?: number;
  /** Sent as is; objects are sent as JSON. */
  body?: string | object;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send the body in chunks, without a content-length. */
  chunked?: boolean;
};

/**
 * A real HTTP server on a free local port that serves agent cards (or anything else) from a
 * table of routes that a test may change while it runs; unknown paths get a 404.
 */
export class CardServer {
  readonly routes = new Map<string, Route>();
  readonly requests: string[] = [];
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      this.requests.push(path);
      const route = this.routes.get(path);
      const answer = () => {
        if (!route) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        const body =
          typeof route.body === 'string'
            ? route.body
            : JSON.stringify(route.body ?? {});
        res.writeHead(route.status ?? 200, {
          'content-type': 'application/json',
          ...(route.chunked
            ? {}
            : { 'content-length': String(Buffer.byteLength(body)) }),
        });
        if (route.chunked) {
          for (let i = 0; i < body.length; i += 16 * 1024) {
            res.write(body.slice(i, i + 16 * 1024));
          }
          res.end();
        } else {
          res.end(body);
        }
      };
      if (route?.delayMs) {
        const timer = setTimeout(answer, route.delayMs);
        res.on('close', () => clearTimeout(timer));
      } else {
        answer();
      }
    });
    await new Promise<void>(done => this.server!.listen(0, '127.0.0.1', done));
    return this;
  }

  url(path: string): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise(done => this.server?.close(done));
  }
}

/** A card from `src/a2a/__fixtures__`, parsed. */
export function fixtureCard(file: string): Record<string, any> {
  return JSON.parse(
    readFileSync(resolve(__dirname, '../a2a/__fixtures__', file), 'utf8'),
  );
}
