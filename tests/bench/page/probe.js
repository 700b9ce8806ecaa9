// Injected into the page (page.evaluate): measures each keystroke from the 'input' event
// (capture phase, before any handler runs) to results on screen: the first animation frame
// after the last DOM change inside the watched container. Results stay in window.__probe.
(() => {
  if (window.__probe) return;
  const probe = { records: [], armed: false, container: null, input: null, late: 0 };
  let current = null;
  const inside = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !probe.container || (el && el.closest(probe.container));
  };
  new MutationObserver((list) => {
    const now = performance.now();
    if (!list.some((m) => inside(m.target))) return;
    if (current) current.lastMutation = now;
    else if (probe.armed) probe.late += 1; // a change after its keystroke was already recorded
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  const frame = (entry) => requestAnimationFrame(() => {
    if (entry !== current) return;
    entry.frames += 1;
    // Wait up to 30 frames for a change; a keystroke that changes nothing is on screen at once.
    if (entry.lastMutation == null && entry.frames < 30) return frame(entry);
    const now = performance.now();
    const changed = entry.lastMutation != null;
    probe.records.push({
      value: entry.value,
      work: (changed ? entry.lastMutation : entry.t0) - entry.t0,
      frame: (changed ? now : entry.firstFrame) - entry.t0,
      changed,
    });
    current = null;
  });
  document.addEventListener('input', (event) => {
    if (!probe.armed || (probe.input && !event.target.matches?.(probe.input))) return;
    const t0 = performance.now();
    current = { t0, value: event.target.value, lastMutation: null, frames: 0, firstFrame: null };
    const entry = current;
    requestAnimationFrame(() => { entry.firstFrame = performance.now(); });
    frame(entry);
  }, true);
  /** Measure typing into `input`, with results rendered inside `container` (CSS selectors). */
  probe.watch = (input, container) => { probe.input = input; probe.container = container; probe.records = []; probe.late = 0; probe.armed = true; };
  probe.stop = () => { probe.armed = false; current = null; };
  window.__probe = probe;
})();
