/**
 * A family's chart: the `chart` of each of its tables as a grouped horizontal bar chart (one group
 * per `chart.label`, one bar per `chart.values` column), drawn by Vega-Lite and rendered to SVG by
 * Vega headless. Several charted tables make one figure, one panel each.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Report, Table } from './results.js';

// Text widths are estimated from the font size, never measured: with the optional `canvas` package
// installed Vega would measure with the machine's fonts, and the SVG would differ between machines.
const { textMetrics } = vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } };
textMetrics.width = textMetrics.estimateWidth;

type Charted = Table & { chart: NonNullable<Table['chart']> };

/** One panel: the table's chart as a Vega-Lite unit/layer spec (without top-level data or config). */
function panel(table: Charted) {
  const { chart } = table;
  const column = (key: string) => table.columns.find((c) => c.key === key);
  const series = chart.values.map((key) => column(key)?.label ?? key);
  const labels: string[] = [];
  const values: { label: string; series: string; value: number }[] = [];
  for (const row of table.rows) {
    const label = String(row[chart.label] ?? '–');
    if (!labels.includes(label)) labels.push(label);
    chart.values.forEach((key, i) => {
      const value = row[key];
      if (typeof value === 'number' && Number.isFinite(value)) values.push({ label, series: series[i], value });
    });
  }
  const digits = Math.max(0, ...chart.values.map((key) => column(key)?.digits ?? 0));
  const encoding = {
    y: { field: 'label', type: 'nominal', sort: labels, title: column(chart.label)?.label ?? null, axis: { labelLimit: 420 } },
    yOffset: { field: 'series', type: 'nominal', sort: series },
    x: { field: 'value', type: 'quantitative', title: chart.unit },
  } as const;
  return {
    title: chart.title,
    data: { values },
    width: 420,
    height: { step: 14, for: 'offset' },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { ...encoding, color: { field: 'series', type: 'nominal', sort: series, title: null, legend: { orient: 'bottom', labelLimit: 400 } } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 },
        encoding: { ...encoding, text: { field: 'value', type: 'quantitative', format: `.${digits}f` } },
      },
      // A ratio of 1 is the reference itself: the line bars are read against.
      ...(chart.unit === '×' ? [{ mark: { type: 'rule', strokeDash: [4, 3], color: '#666' }, encoding: { x: { datum: 1 } } }] : []),
    ],
  };
}

/** The Vega-Lite spec of `report`'s chart, or undefined when none of its tables has one. */
export function chartSpec(report: Report): TopLevelSpec | undefined {
  const panels = report.tables.filter((table): table is Charted => table.chart !== undefined).map(panel);
  if (panels.length === 0) return undefined;
  const config = { font: 'sans-serif', background: 'white', title: { anchor: 'start' as const }, legend: { columns: 2 } };
  const spec = panels.length === 1 ? { ...panels[0], config } : { vconcat: panels, resolve: { scale: { color: 'independent' } }, config };
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...spec } as TopLevelSpec;
}

/** Renders a Vega-Lite spec to an SVG document, the same bytes for the same spec on any machine. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Clip and gradient ids count up per process: reset them so a chart does not depend on the ones drawn before it.
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return `${await view.toSVG()}\n`;
  } finally {
    view.finalize();
  }
}
