/**
 * The main thread's work per input, from a Chromium trace: for each keystroke
 * and each mouse move of a drag, the CPU time (trace `tdur`, thread time) of
 * the page's main-thread tasks from the task that dispatched the input up to
 * the next input's task, or {@link WINDOW_MS} later if that comes first (after
 * the last key and the last move, the next thing on the page is the bench's
 * own next action: Playwright finding a button, which is nobody's input). That is everything the page does for the input
 * (handlers, the renders and timers they schedule, animation-frame callbacks,
 * style, layout, paint, commit, garbage collection), and nothing of the wait
 * for the next vsync nor of the time another process held the core. The
 * bench compares it with one 60 Hz frame (16.7 ms).
 */

/** A trace event as Chromium writes it (the fields used here). */
export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
};

/** How long after an input its work is counted at most: far longer than any frame it causes. */
export const WINDOW_MS = 250;

/** Inputs that start a new piece of work; keypress, input and keyup belong to the keystroke whose keydown came before. */
const STARTS = new Set(["keydown", "mousedown", "mousemove", "mouseup", "click", "wheel"]);

/** The renderer main thread that dispatched the most keydowns and mousemoves: the page's. */
function pageMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const counts = new Map<string, number>();
  for (const e of events)
    if (e.name === "EventDispatch" && (e.args?.data?.type === "keydown" || e.args?.data?.type === "mousemove"))
      counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const key = (e: TraceEvent) => counts.get(`${e.pid}:${e.tid}`) ?? 0;
  const main = mains.sort((a, b) => key(b) - key(a))[0];
  if (!main) throw new Error("no renderer main thread in the trace");
  return main;
}

/**
 * Main-thread CPU ms per keystroke (`key`: each keydown) and per drag step
 * (`move`: each mousemove between a mousedown and its mouseup), in input order.
 * Needs the categories `devtools.timeline` (EventDispatch) and
 * `disabled-by-default-devtools.timeline` (RunTask, the main thread's tasks).
 */
export function inputWork(events: readonly TraceEvent[]): { key: number[]; move: number[] } {
  const main = pageMainThread(events);
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X").sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === "RunTask");
  // Each input that starts work, placed at the start of the task that dispatched it.
  const taskAt = (ts: number) => tasks.findLast((t) => t.ts <= ts && ts < t.ts + (t.dur ?? 0));
  const inputs: { type: string; at: number }[] = [];
  for (const e of onMain) {
    const type = e.name === "EventDispatch" ? e.args?.data?.type : undefined;
    if (!type || !STARTS.has(type)) continue;
    const at = taskAt(e.ts)?.ts ?? e.ts;
    // pointermove and mousemove of one move share a task: one input.
    if (inputs.at(-1)?.at === at && inputs.at(-1)?.type === type) continue;
    inputs.push({ type, at });
  }
  const cpu = (from: number, to: number) =>
    tasks.filter((t) => t.ts >= from && t.ts < to).reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0) / 1000;
  const key: number[] = [];
  const move: number[] = [];
  let buttonDown = false;
  inputs.forEach((input, i) => {
    const end = Math.min(inputs[i + 1]?.at ?? Infinity, input.at + WINDOW_MS * 1000);
    if (input.type === "mousedown") buttonDown = true;
    else if (input.type === "mouseup") buttonDown = false;
    else if (input.type === "keydown") key.push(cpu(input.at, end));
    else if (input.type === "mousemove" && buttonDown) move.push(cpu(input.at, end));
  });
  return { key, move };
}
