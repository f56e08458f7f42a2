import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Express } from "express";

/**
 * Serves an app on host:port (port 0 picks a free one).
 *
 * @returns the server and its base URL
 */
export function listen(
  app: Express,
  host: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shownHost =
        address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({ server, url: `http://${shownHost}:${address.port}` });
    });
  });
}

/** Stops accepting requests and ends idle keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
