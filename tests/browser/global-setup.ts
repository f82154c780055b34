// Builds the app once and serves it on loopback for the browser tests.
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn', mode: 'production' });
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 4319, strictPort: false, open: false } });
  const address = server.httpServer.address() as AddressInfo;
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
