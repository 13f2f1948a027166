/**
 * added-watch batches what the page adds into one call per animation frame, with bounded work.
 * Frames are driven by hand here (a stubbed requestAnimationFrame), so every assertion is about
 * how many batches ran and with which roots, never about time.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { type Roots, watchAdded } from './added-watch.ts';

let dom: JSDOM;
let doc: Document;
let frames: FrameRequestCallback[];
const globals = globalThis as unknown as Record<string, unknown>;

beforeEach(() => {
  dom = new JSDOM(
    '<!DOCTYPE html><body><main id="main"><article id="story"><p id="p1">Text</p></article><div id="rail"></div></main></body>',
  );
  doc = dom.window.document;
  frames = [];
  globals.MutationObserver = dom.window.MutationObserver;
  globals.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(cb);
  globals.cancelAnimationFrame = (id: number) => {
    frames[id - 1] = () => {};
  };
});
afterEach(() => {
  delete globals.MutationObserver;
  delete globals.requestAnimationFrame;
  delete globals.cancelAnimationFrame;
  dom.window.close();
});

/** Lets the observer's microtask run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** Runs the frames requested so far; returns how many there were. */
function runFrames(): number {
  const now = frames.splice(0);
  for (const cb of now) cb(0);
  return now.length;
}

const ids = (roots: Roots): string[] =>
  Array.isArray(roots) ? roots.map((el) => el.id).sort() : ['#document'];

function watch(): { batches: Roots[]; stop: () => void } {
  const batches: Roots[] = [];
  const stop = watchAdded(doc, (roots) => batches.push(roots));
  return { batches, stop };
}

const el = (tag: string, id = ''): HTMLElement => Object.assign(doc.createElement(tag), { id });

test('a hundred additions in one task make one batch on the next frame: what is still there, outermost only', async () => {
  const { batches, stop } = watch();
  const rail = doc.getElementById('rail') as HTMLElement;
  for (let i = 0; i < 100; i++) rail.replaceChildren(el('a', `a${i}`), el('a', `b${i}`));
  const box = el('div', 'box');
  doc.getElementById('story')?.append(box);
  box.append(el('span', 'inner')); // inside an added element: its walk covers it
  await settle();
  assert.equal(batches.length, 0, 'nothing runs before the frame');
  assert.equal(runFrames(), 1, 'one frame requested');
  assert.deepEqual(batches.map(ids), [['a99', 'b99', 'box']]);
  assert.equal(runFrames(), 0, 'and no second one');
  stop();
});

test('churn: elements the page took out again do not pile up into a whole-page pass', async () => {
  const { batches, stop } = watch();
  const rail = doc.getElementById('rail') as HTMLElement;
  for (let i = 0; i < 2000; i++) rail.replaceChildren(el('b', `n${i}`));
  await settle();
  runFrames();
  assert.deepEqual(batches.map(ids), [['n1999']]);
  stop();
});

test('more additions at once than a batch takes become one pass over the whole page', async () => {
  const { batches, stop } = watch();
  const main = doc.getElementById('main') as HTMLElement;
  for (let i = 0; i < 300; i++) main.append(el('section', `s${i}`));
  await settle();
  runFrames();
  assert.deepEqual(batches.map(ids), [['#document']]);
  stop();
});

test("a batch's own attribute writes, our own hosts and text changes never start a batch: no loop", async () => {
  const batches: Roots[] = [];
  const stop = watchAdded(doc, (roots) => {
    batches.push(roots);
    // What the hider does with a batch: mark blocks with an attribute.
    for (const root of Array.isArray(roots) ? roots : [])
      root.setAttribute('data-declutter-hidden', 'social-links');
  });
  doc.getElementById('rail')?.append(el('div', 'fans'));
  await settle();
  runFrames();
  assert.equal(batches.length, 1);
  await settle();
  assert.equal(runFrames(), 0, 'the attribute writes asked for no frame');

  doc.documentElement.append(el('declutter-reader'), el('declutter-notice'));
  (doc.getElementById('p1') as HTMLElement).textContent = 'New text';
  await settle();
  assert.equal(runFrames(), 0, 'our hosts and a text change asked for no frame');
  assert.equal(batches.length, 1);
  stop();
});

test('added elements the page removed again before the frame are dropped', async () => {
  const { batches, stop } = watch();
  const box = el('div', 'box');
  doc.getElementById('rail')?.append(box);
  box.append(el('p'));
  await settle();
  (doc.getElementById('rail') as HTMLElement).remove();
  runFrames();
  assert.deepEqual(batches.map(ids), [[]], 'a batch with nothing left to walk');
  stop();
});

test('stopped: later additions run nothing, and a frame already requested does nothing', async () => {
  const { batches, stop } = watch();
  doc.getElementById('rail')?.append(el('div'));
  await settle();
  stop();
  doc.getElementById('rail')?.append(el('div'));
  await settle();
  runFrames();
  assert.equal(batches.length, 0);
});

test('after a slow batch the next waits (at least 4x its time) instead of taking the next frame', async () => {
  const batches: Roots[] = [];
  const stop = watchAdded(doc, (roots) => {
    batches.push(roots);
    const until = performance.now() + 15;
    while (performance.now() < until) {
      // a slow pass over a big page
    }
  });
  const rail = doc.getElementById('rail') as HTMLElement;
  rail.append(el('div'));
  await settle();
  runFrames();
  rail.append(el('div'));
  await settle();
  assert.equal(frames.length, 0, 'no frame requested straight after a slow batch');
  // It is requested once the wait is over (bounded wait for the condition).
  const deadline = Date.now() + 5_000;
  while (frames.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(runFrames(), 1, 'then one frame');
  assert.equal(batches.length, 2);
  stop();
});
