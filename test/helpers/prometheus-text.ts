/** One sample name of a scrape: the family it belongs to, the family's type and every label name seen on it. */
export interface ScrapedSeries {
  family: string;
  type: string;
  labels: Set<string>;
}

/** The sample names a family of each type writes (the Prometheus text format, version 0.0.4). */
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/y;

/**
 * A `/metrics` body as sample name → family, type and label names. A histogram's samples are
 * `_bucket` (with `le`), `_sum` and `_count`, each listed under its own name, so a query on
 * `x_bucket` is checked against what `x_bucket` carries. Throws on a line it cannot read, so
 * a format change is seen rather than skipped.
 */
export function parseExposition(text: string): Map<string, ScrapedSeries> {
  const types = new Map<string, string>();
  const series = new Map<string, ScrapedSeries>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const typeLine = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (typeLine) types.set(typeLine[1], typeLine[2]);
    if (line.startsWith('#')) continue;
    const name = NAME.exec(line)?.[0];
    if (!name) throw new Error(`not a sample line: ${line}`);
    const labels = new Set<string>();
    let at = name.length;
    if (line[at] === '{') {
      LABEL.lastIndex = at + 1;
      for (let match = LABEL.exec(line); match; match = LABEL.exec(line)) {
        labels.add(match[1]);
        at = LABEL.lastIndex;
      }
      if (line[at] !== '}') throw new Error(`unreadable labels at column ${at}: ${line}`);
    }
    const family = familyOf(name, types);
    const known = series.get(name) ?? { family, type: types.get(family) ?? 'untyped', labels: new Set<string>() };
    for (const label of labels) known.labels.add(label);
    series.set(name, known);
  }
  return series;
}

/** The family a sample name belongs to: itself, or a histogram's or summary's name without its suffix. */
function familyOf(name: string, types: Map<string, string>): string {
  for (const [type, suffixes] of Object.entries(SUFFIXES)) {
    for (const suffix of suffixes) {
      const family = suffix ? name.slice(0, -suffix.length) : name;
      if (name.endsWith(suffix) && types.get(family) === type) return family;
    }
  }
  return name;
}
