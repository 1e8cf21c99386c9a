/**
 * How to run the production server (scripts/server.ts), for `npm start`, test
 * app instances and benchmarks: Node with tsx's loader, so the TypeScript
 * server and the limits it shares with the app need no build step of their own.
 */
export function serverCommand(port: number | string, hostname?: string): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ["--import", "tsx", "scripts/server.ts", "-p", String(port), ...(hostname ? ["-H", hostname] : [])],
  };
}
