// Injected into the page (page.evaluate): measures each keystroke from the key (the keydown
// event's time stamp, so time spent waiting for the page to take the key counts too) to
// results on screen: the first animation frame after the last DOM change inside the watched
// container made before that frame. Changes made after that frame (our rows off the screen
// follow in the next task) are "late": the frame after the last of them is the keystroke's
// "rest". Results stay in window.__probe.
(() => {
  if (window.__probe) return;
  const probe = { records: [], armed: false, container: null, input: null, late: 0 };
  let current = null;
  let last = null; // the record of the keystroke whose frame has been drawn
  let key = null; // the time stamp of the last keydown in the watched input
  const inside = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !probe.container || (el && el.closest(probe.container));
  };
  new MutationObserver((list) => {
    const now = performance.now();
    if (!list.some((m) => inside(m.target))) return;
    if (current) current.lastMutation = now;
    else if (probe.armed && last) {
      probe.late += 1;
      const rec = last;
      requestAnimationFrame(() => { if (rec === last) rec.rest = performance.now() - rec.t0; });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  const frame = (entry) => requestAnimationFrame(() => {
    if (entry !== current) return;
    entry.frames += 1;
    // Wait up to 30 frames for a change; a keystroke that changes nothing is on screen at once.
    if (entry.lastMutation == null && entry.frames < 30) return frame(entry);
    const now = performance.now();
    const changed = entry.lastMutation != null;
    const rec = {
      value: entry.value,
      t0: entry.t0,
      // From the key to the input event's handlers: the page was busy.
      waited: entry.input - entry.t0,
      work: (changed ? entry.lastMutation : entry.input) - entry.t0,
      frame: (changed ? now : entry.firstFrame) - entry.t0,
      changed,
      rest: null,
    };
    probe.records.push(rec);
    last = rec;
    current = null;
  });
  document.addEventListener('keydown', (event) => {
    if (probe.armed && (!probe.input || event.target.matches?.(probe.input))) key = event.timeStamp;
  }, true);
  document.addEventListener('input', (event) => {
    if (!probe.armed || (probe.input && !event.target.matches?.(probe.input))) return;
    const now = performance.now();
    const t0 = key != null && key <= now && now - key < 1000 ? key : now;
    key = null;
    last = null;
    current = { t0, input: now, value: event.target.value, lastMutation: null, frames: 0, firstFrame: null };
    const entry = current;
    requestAnimationFrame(() => { entry.firstFrame = performance.now(); });
    frame(entry);
  }, true);
  /** Measure typing into `input`, with results rendered inside `container` (CSS selectors). */
  probe.watch = (input, container) => { probe.input = input; probe.container = container; probe.records = []; probe.late = 0; last = null; key = null; probe.armed = true; };
  probe.stop = () => { probe.armed = false; current = null; last = null; };
  window.__probe = probe;
})();
