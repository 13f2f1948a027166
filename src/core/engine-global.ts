/**
 * Entry of dist/engine.js: the engine as one IIFE that sets globalThis.DeclutterEngine, so the
 * extraction CLI and the benchmarks can inject exactly the extension's engine into real Chromium.
 */
import { extract } from './extract.ts';
import { findClutter } from './find-clutter.ts';
import { isReadable } from './readable.ts';

export interface DeclutterEngine {
  extract: typeof extract;
  isReadable: typeof isReadable;
  findClutter: typeof findClutter;
}

// No `declare global` here: the in-page harness declares the global with its own view of the API,
// and two declarations would clash. The interface above is the source of truth.
const engine: DeclutterEngine = { extract, isReadable, findClutter };
(globalThis as { DeclutterEngine?: DeclutterEngine }).DeclutterEngine = engine;
