import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface MockServer {
  url: string;
  /** Everything prism printed (one line per request it received, and how it answered). */
  log: () => string;
  stop: () => Promise<void>;
}

/** `npm run mock` (prism mock of the latest spec, CORS on) on a free loopback port. */
export async function startMock(): Promise<MockServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/mock.ts'), '--port', String(port)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!/Prism is listening/.test(output)) {
    if (child.exitCode !== null) throw new Error(`The mock server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The mock server did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A loopback API that answers every request with `body`. Without `cors` it sends no CORS headers, so
 * browsers may not read it; with it, it allows any origin.
 */
export async function startLoopbackApi({ cors = false, body = '{"data":[]}' } = {}): Promise<{
  url: string;
  requests: RecordedRequest[];
  stop: () => Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const headers: http.OutgoingHttpHeaders = cors
      ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' }
      : {};
    if (request.method === 'OPTIONS') {
      response.writeHead(204, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': 'application/vnd.api+json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
