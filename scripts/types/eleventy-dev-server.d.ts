// @11ty/eleventy-dev-server ships no type declarations; these cover the calls scripts/start.ts makes.
declare module "@11ty/eleventy-dev-server" {
  interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string, pathname?: string): string;
    reload(event?: { files?: string[]; subtype?: "css" }): void;
    close(): Promise<void>;
  }
}
