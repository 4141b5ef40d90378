import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A stand-in for the agent-mesh backend on a local port: answers POST /api/agent-mesh/similar. */
export async function startSimilarBackend(
  reply: (body: any) => { status: number; body: unknown },
) {
  const requests: { body: any; authorization?: string; url?: string }[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text || '{}');
    requests.push({
      body,
      authorization: req.headers.authorization,
      url: req.url,
    });
    const { status, body: out } = reply(body);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(out));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    baseUrl: `http://127.0.0.1:${port}/api/agent-mesh`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
