/** The part of autocannon's API that scripts/bench-server.ts uses (the package ships no types). */
declare module 'autocannon' {
  interface Request {
    method?: 'GET' | 'POST';
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: Request[];
    /** Called once per connection, before its first request. */
    setupClient?: (client: Client) => void;
  }
  interface Client {
    setRequests(requests: Request[]): void;
    /** Each answer (status code, bytes, ms). */
    on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void;
  }
  interface Histogram {
    average: number;
    total: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
