/**
 * Sums up a Chromium performance trace (BENCH_TRACE of bench/paint-highlights)
 * for the page's main thread: the user-timing marks, its long tasks, the
 * self time of each kind of work (script, style, layout, paint, parsing,
 * GC), and the sampled JavaScript profile's heaviest functions.
 * `npx tsx bench/support/trace-summary.ts trace.json [functions] [from-ms] [to-ms]`
 * (the profile of that stretch only, in ms from navigation start).
 */
import { readFileSync } from "node:fs";

type Ev = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
};
type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };

const file = process.argv[2];
const topN = Number(process.argv[3] ?? 40);
const from = Number(process.argv[4] ?? -Infinity);
const to = Number(process.argv[5] ?? Infinity);
if (!file) throw new Error("usage: trace-summary.ts trace.json [functions]");
const raw = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: Ev[] } | Ev[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;

// The renderer main thread with the most events is the page's.
const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
const counts = new Map<string, number>();
for (const e of events) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = mains.sort((a, b) => (counts.get(`${b.pid}:${b.tid}`) ?? 0) - (counts.get(`${a.pid}:${a.tid}`) ?? 0))[0]!;
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
const nav = onMain.find((e) => e.name === "navigationStart" || e.name === "ResourceSendRequest") ?? onMain[0]!;
const t0 = nav.ts;
const ms = (us: number) => (us / 1000).toFixed(1);

console.log(`main thread ${main.pid}:${main.tid}, times from ${nav.name}`);
console.log("\nuser timing and page marks:");
for (const e of events)
  if ((e.cat ?? "").includes("user_timing") || ["firstContentfulPaint", "domContentLoadedEventEnd", "loadEventEnd"].includes(e.name))
    if (e.ph === "R" || e.ph === "I" || e.ph === "i" || e.ph === "b" || e.ph === "n")
      console.log(`  ${ms(e.ts - t0).padStart(9)} ms  ${e.name}`);

// Complete events on the main thread, nested by time: self time per name, and the long top-level tasks.
const complete = onMain.filter((e) => e.ph === "X" && e.dur !== undefined && (e.ts - t0) / 1000 >= from && (e.ts - t0) / 1000 <= to);
const self = new Map<string, number>();
const stack: { e: Ev; end: number; child: number }[] = [];
const tasks: { e: Ev; kids: Map<string, number> }[] = [];
const pop = (until: number) => {
  while (stack.length && stack.at(-1)!.end <= until) {
    const top = stack.pop()!;
    self.set(top.e.name, (self.get(top.e.name) ?? 0) + top.e.dur! - top.child);
  }
};
for (const e of complete) {
  pop(e.ts);
  if (stack.length) stack.at(-1)!.child += e.dur!;
  else tasks.push({ e, kids: new Map() });
  if (stack.length === 1 || stack.length === 2) {
    const kids = tasks.at(-1)!.kids;
    const label =
      e.name === "FunctionCall" || e.name === "EvaluateScript"
        ? `${e.name} ${String(e.args?.data?.url ?? "")
            .split("/")
            .at(-1)}`
        : e.name;
    if (stack.length === 1) kids.set(label, (kids.get(label) ?? 0) + e.dur!);
  }
  stack.push({ e, end: e.ts + e.dur!, child: 0 });
}
pop(Infinity);
const LONG = Number(process.env.LONG ?? 50) * 1000;
const busy = tasks.reduce((s, t) => s + t.e.dur!, 0);
console.log(`\nmain thread busy ${ms(busy)} ms in ${tasks.length} tasks; long tasks (≥ ${LONG / 1000} ms):`);
for (const t of tasks.filter((t) => t.e.dur! >= LONG)) {
  const kids = [...t.kids].sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(`  at ${ms(t.e.ts - t0).padStart(8)} ${ms(t.e.dur!).padStart(8)} ms  ${kids.map(([k, v]) => `${k} ${ms(v)}`).join(", ")}`);
}
console.log("\nself time by kind of work:");
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms(us).padStart(9)} ms  ${name}`);

// The sampled profile: ProfileChunk events of the main thread's profile.
const nodes = new Map<number, Node>();
const samples: { node: number; dt: number; at: number }[] = [];
const profile = events.find((e) => e.name === "Profile" && e.pid === main.pid && e.tid === main.tid);
let clock = Number((profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? t0);
for (const e of events) {
  if (e.name !== "ProfileChunk" || e.pid !== main.pid || (profile && e.id !== profile.id)) continue;
  const data = e.args?.data as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
  for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
  const s = data?.cpuProfile?.samples ?? [];
  const d = data?.timeDeltas ?? [];
  s.forEach((node, i) => samples.push({ node, dt: d[i] ?? 0, at: (clock += d[i] ?? 0) }));
}
if (samples.length) {
  const label = (n: Node) => {
    const f = n.callFrame;
    return `${f.functionName || "(anonymous)"} ${(f.url ?? "").split("/").at(-1)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const bySelf = new Map<string, number>();
  const byTotal = new Map<string, number>();
  // Sample intervals: the next sample's delta is this one's duration, near enough.
  for (let i = 0; i < samples.length; i++) {
    const dt = samples[i + 1]?.dt ?? 0;
    const at = (samples[i]!.at - t0) / 1000;
    if (at < from || at > to) continue;
    const n = nodes.get(samples[i]!.node);
    if (!n || ["(idle)", "(program)", "(root)"].includes(n.callFrame.functionName)) continue;
    bySelf.set(label(n), (bySelf.get(label(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let p: Node | undefined = n; p; p = p.parent === undefined ? undefined : nodes.get(p.parent)) {
      const l = label(p);
      if (seen.has(l)) continue;
      seen.add(l);
      byTotal.set(l, (byTotal.get(l) ?? 0) + dt);
    }
  }
  console.log(`\nJavaScript, self time (top ${topN}):`);
  for (const [k, us] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, topN)) console.log(`  ${ms(us).padStart(9)} ms  ${k}`);
  console.log(`\nJavaScript, total time (top ${topN}):`);
  for (const [k, us] of [...byTotal].sort((a, b) => b[1] - a[1]).slice(0, topN)) console.log(`  ${ms(us).padStart(9)} ms  ${k}`);
}
