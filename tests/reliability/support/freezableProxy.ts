import net from 'node:net';

export interface FreezableProxy {
  /** bolt:// address of the proxy. */
  uri: string;
  /** From now on no byte passes either way, new connections included: Neo4j looks frozen (as under SIGSTOP). */
  freeze(): void;
  /** Everything held back passes, in order, and relaying goes on. */
  thaw(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of the real Neo4j that can hold every byte back. It freezes the database for one client
 * without stopping the shared test server, and works against a Neo4j this process did not start.
 */
export async function startFreezableProxy(target: URL): Promise<FreezableProxy> {
  const sockets = new Set<net.Socket>();
  let heldBack: (() => void)[] = [];
  let frozen = false;
  const forward = (from: net.Socket, to: net.Socket): void => {
    from.on('data', (chunk: Buffer) => {
      if (frozen) heldBack.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => from.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${address.port}`,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      const release = heldBack;
      heldBack = [];
      for (const write of release) write();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
