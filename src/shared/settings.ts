/**
 * Reading settings: defaults, validation and migrations in one place. Anything stored that is
 * unknown, out of range or corrupt falls back to its default silently: a bad value must never
 * keep the view from opening.
 * Pure (no extension APIs) so it is tested in Node; settings-storage.ts reads and writes it.
 */
export const FONTS = ['serif', 'sans', 'mono', 'legible'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;

export const DEFAULTS = {
  font: 'serif' as (typeof FONTS)[number],
  /** CSS px of body text. */
  fontSize: 20,
  /** Measure in `ch`-like rem units of the text column. */
  width: 38,
  lineHeight: 1.65,
  theme: 'auto' as (typeof THEMES)[number],
  /** Per site (hostname): clutter rules the person told us never to apply there. */
  neverHide: {} as Record<string, string[]>,
};
export type Settings = typeof DEFAULTS;

export const LIMITS = {
  fontSize: { min: 12, max: 40, step: 1 },
  width: { min: 24, max: 64, step: 2 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.05 },
} as const;

export const SCHEMA_VERSION = 1;

const oneOf =
  <T extends string>(options: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (options as readonly string[]).includes(v);
const inRange = (key: keyof typeof LIMITS) => (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v >= LIMITS[key].min && v <= LIMITS[key].max;
const isSiteRules = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((rules) => Array.isArray(rules) && rules.every((r) => typeof r === 'string'));

const VALID: { [K in keyof Settings]: (v: unknown) => boolean } = {
  font: oneOf(FONTS),
  fontSize: inRange('fontSize'),
  width: inRange('width'),
  lineHeight: inRange('lineHeight'),
  theme: oneOf(THEMES),
  neverHide: isSiteRules,
};

/** Older shapes of stored settings, upgraded step by step to the current one. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // v0 (unversioned) stored the font size as a string such as "20px".
  0: (raw) => ({
    ...raw,
    fontSize: typeof raw.fontSize === 'string' ? Number.parseFloat(raw.fontSize) : raw.fontSize,
  }),
};

/** Pure: whatever was stored → a complete, valid Settings. */
export function normalize(stored: unknown): Settings {
  let raw: Record<string, unknown> = stored && typeof stored === 'object' ? { ...(stored as object) } : {};
  let version = typeof raw.version === 'number' ? raw.version : 0;
  while (version < SCHEMA_VERSION) {
    raw = MIGRATIONS[version]?.(raw) ?? raw;
    version += 1;
  }
  const out = structuredClone(DEFAULTS) as Record<string, unknown>;
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    if (VALID[key](raw[key])) out[key] = raw[key];
  }
  return out as Settings;
}
