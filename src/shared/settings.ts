/**
 * Reading settings: defaults, validation and migrations in one place. Anything stored that is
 * unknown, out of range or corrupt falls back to its default silently: a bad value must never
 * keep the view from opening.
 * Pure (no extension APIs) so it is tested in Node; settings-storage.ts reads and writes it.
 */
export const FONTS = ['serif', 'sans', 'mono', 'legible'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
export type Font = (typeof FONTS)[number];
export type Theme = (typeof THEMES)[number];

export const DEFAULTS = {
  font: 'serif' as Font,
  /** CSS px of body text. */
  fontSize: 20,
  /**
   * Width of the text column in units of 16 px. Not rem: in a shadow root rem is the page's
   * root font size, and a page with `html { font-size: 62.5% }` would shrink the column.
   */
  width: 38,
  lineHeight: 1.6,
  theme: 'auto' as Theme,
  /** Per site (hostname): clutter rules the person told us never to apply there. */
  neverHide: {} as Record<string, string[]>,
};
export type Settings = typeof DEFAULTS;
/** The settings a person steps up and down with −/+ buttons. */
export type NumericSetting = 'fontSize' | 'width' | 'lineHeight';

export const LIMITS: Record<NumericSetting, { min: number; max: number; step: number }> = {
  fontSize: { min: 12, max: 40, step: 2 },
  width: { min: 24, max: 64, step: 4 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
};

export const SCHEMA_VERSION = 1;

const oneOf =
  <T extends string>(options: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (options as readonly string[]).includes(v);
const inRange = (key: NumericSetting) => (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v >= LIMITS[key].min && v <= LIMITS[key].max;
const isRuleList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'string' && r.length > 0);

const VALID: { [K in Exclude<keyof Settings, 'neverHide'>]: (v: unknown) => boolean } = {
  font: oneOf(FONTS),
  fontSize: inRange('fontSize'),
  width: inRange('width'),
  lineHeight: inRange('lineHeight'),
  theme: oneOf(THEMES),
};

/** Older shapes of stored settings, upgraded step by step to the current one. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // v0 (unversioned) stored the font size as a string such as "20px".
  0: (raw) => ({
    ...raw,
    fontSize: typeof raw.fontSize === 'string' ? Number.parseFloat(raw.fontSize) : raw.fontSize,
  }),
};

/** Well-formed sites only: one bad entry (someone else's bug, a sync glitch) loses just itself. */
function normalizeNeverHide(v: unknown): Record<string, string[]> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  const out: Record<string, string[]> = {};
  for (const [site, rules] of Object.entries(v))
    if (site && isRuleList(rules)) out[site] = [...new Set(rules)];
  return out;
}

/** Pure: whatever was stored → a complete, valid Settings. */
export function normalize(stored: unknown): Settings {
  let raw: Record<string, unknown> =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as object) } : {};
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  while (version < SCHEMA_VERSION) {
    raw = MIGRATIONS[version]?.(raw) ?? raw;
    version += 1;
  }
  const out = structuredClone(DEFAULTS) as Record<string, unknown>;
  for (const key of Object.keys(VALID) as (keyof typeof VALID)[]) {
    if (VALID[key](raw[key])) out[key] = raw[key];
  }
  out.neverHide = normalizeNeverHide(raw.neverHide);
  return out as Settings;
}

/** One −/+ step of a numeric setting, kept inside its limits and free of float noise (1.7000000000000002). */
export function stepped(settings: Settings, key: NumericSetting, direction: 1 | -1): number {
  const { min, max, step } = LIMITS[key];
  const next = Math.min(max, Math.max(min, settings[key] + direction * step));
  return Math.round(next * 100) / 100;
}

/** The rules the person chose never to apply on `site`. */
export function neverHideOn(settings: Settings, site: string): string[] {
  return settings.neverHide[site] ?? [];
}

/** neverHide with `rule` added to (on) or taken from (off) `site`; a site left with none is dropped. */
export function withNeverHide(
  settings: Settings,
  site: string,
  rule: string,
  on: boolean,
): Settings['neverHide'] {
  const rules = new Set(neverHideOn(settings, site));
  if (on) rules.add(rule);
  else rules.delete(rule);
  const { [site]: _old, ...others } = settings.neverHide;
  return rules.size > 0 ? { ...others, [site]: [...rules] } : others;
}
