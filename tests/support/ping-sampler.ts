/**
 * Measures how fast the server answers `/api/ping` while something else
 * runs: one request after another (a new one 20 ms after the last answer),
 * each timed from send to answer. The figure the trust issue asks for: every
 * ping under 100 ms while an export runs.
 */
export function samplePing(baseUrl: string, gapMs = 20) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/ping`);
      await res.arrayBuffer();
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  return {
    /** Stops sampling; resolves to every latency measured, in ms. */
    async stop(): Promise<number[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}

/** Count, median and max of latencies, for messages. */
export const pingSummary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${ms.length} pings, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
};
