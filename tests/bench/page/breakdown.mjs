// Part 4b: where a keystroke's time goes. A DevTools trace (the timeline categories) of our
// search box while the fixed queries are typed at 4x, and the renderer main thread's time split
// into script (our wasm and Leptos), style, layout, paint and the rest, by self time.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'].join(',');

/** What kind of work a trace event is, or null for events that only wrap others. */
function kindOf(name) {
  if (/^(EventDispatch|FunctionCall|v8\.|RunMicrotasks|FireAnimationFrame|TimerFire|EvaluateScript|V8\.|MajorGC|MinorGC|BlinkGC|GCEvent)/.test(name)) {
    return /GC/.test(name) ? 'garbage collection' : 'script';
  }
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout)$/.test(name) || name === 'IntersectionObserverController::computeIntersections') return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|PaintImage|CompositeLayers|Commit|RasterTask|Decode|HitTest)/.test(name)) return 'paint and composite';
  return 'other';
}

/** Self time by kind (and by event name) of complete events on the renderer main thread. */
export function summarise(events) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, true);
  }
  const main = events.filter((e) => e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`) && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byKind = new Map(), byName = new Map();
  // Self time: an event's duration less that of the events directly inside it.
  const stack = [];
  const close = (e) => {
    const self = Math.max(0, e.dur - e.children);
    const kind = kindOf(e.name);
    byKind.set(kind, (byKind.get(kind) ?? 0) + self);
    byName.set(e.name, (byName.get(e.name) ?? 0) + self);
  };
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) close(stack.pop());
    const node = { name: e.name, ts: e.ts, dur: e.dur, children: 0 };
    if (stack.length) stack.at(-1).children += e.dur;
    stack.push(node);
  }
  while (stack.length) close(stack.pop());
  const ms = (m) => [...m].map(([k, us]) => [k, us / 1000]).sort((a, b) => b[1] - a[1]);
  return { byKind: ms(byKind), byName: ms(byName) };
}

/** Traces `type()` (which types into the page) and returns the summary. */
export async function traced(context, page, type) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await type();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return summarise(events);
}

export function printBreakdown(summary, keystrokes) {
  const total = summary.byKind.reduce((s, [, v]) => s + v, 0);
  console.log(`renderer main thread while our box was typed at 4x (${keystrokes} keystrokes; self time, ms per keystroke):`);
  for (const [kind, v] of summary.byKind) console.log(`  ${kind.padEnd(22)} ${(v / keystrokes).toFixed(2).padStart(7)}  ${((100 * v) / total).toFixed(0).padStart(3)}%`);
  console.log(`  top events: ${summary.byName.slice(0, 8).map(([n, v]) => `${n} ${(v / keystrokes).toFixed(2)}`).join(', ')}`);
}
