import { parser } from '@prometheus-io/lezer-promql';
import type { ScrapedSeries } from './prometheus-text.js';

type Node = ReturnType<typeof parser.parse>['topNode'];

/** A vector selector of a query: the sample name it selects and its matchers (label → operator and value, as written). */
export interface SelectorUse {
  metric: string;
  matchers: Record<string, string>;
}

/** What a query needs from a scrape, and where the scrape falls short of it. */
export interface QueryCheck {
  /** Sample names the query selects, in order of appearance. */
  metrics: string[];
  selectors: SelectorUse[];
  /** Label names the query's result carries (null when a missing metric leaves them unknown). */
  labels: Set<string> | null;
  problems: string[];
}

/** What an expression evaluates to, as far as names go: its label names (null: unknown), whether it is a scalar, the samples under it. */
interface Value {
  labels: Set<string> | null;
  scalar: boolean;
  samples: string[];
}

const SCALAR: Value = { labels: new Set(), scalar: true, samples: [] };

/** Functions that assume a counter: over a gauge they give nonsense without any error. */
const COUNTER_FUNCTIONS = new Set(['Rate', 'Irate', 'Increase', 'Resets']);

/** A sample that only grows (until a restart): a counter, or a histogram's or summary's `_bucket`, `_sum` or `_count`. */
const cumulative = (name: string, series: ScrapedSeries) =>
  series.type === 'counter' || (series.type === 'histogram' && name !== series.family) || (series.type === 'summary' && name !== series.family);

/** A PromQL string literal's value (double or single quotes with backslash escapes, or backticks raw). */
function stringValue(literal: string): string {
  const body = literal.slice(1, -1);
  return literal.startsWith('`') ? body : body.replace(/\\(.)/g, '$1');
}

const childrenOf = (node: Node): Node[] => {
  const children: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
};

/** Sub-expressions of a node (the grammar marks every expression rule with the group `Expr`). */
const expressionsOf = (node: Node | null): Node[] => (node ? childrenOf(node).filter((child) => child.type.is('Expr')) : []);

/**
 * Checks a PromQL expression against a scrape with Prometheus's own grammar
 * (@prometheus-io/lezer-promql, the parser of Prometheus's web UI), so function names, label
 * names in `by`/`on` and keywords are told apart by the grammar rather than by guesswork.
 * It follows label names through the expression: a selector's matchers must name labels of its
 * metric (or `targetLabels`, which Prometheus adds when it scrapes); `by`, `on`, `label_replace`'s
 * source and `histogram_quantile`'s `le` must be labels of their operand; `rate` and its kin
 * must range over counters; `histogram_quantile` over a histogram's `_bucket` samples.
 */
export function checkQuery(expr: string, scrape: Map<string, ScrapedSeries>, targetLabels: readonly string[]): QueryCheck {
  const problems: string[] = [];
  const selectors: SelectorUse[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (node) => {
      // The first error only: the parser recovers and reports the rest of a broken expression piece by piece.
      if (node.type.isError && problems.length === 0)
        problems.push(`does not parse at column ${node.from}: ${JSON.stringify(expr.slice(node.from, node.from + 30))}`);
    },
  });
  if (problems.length > 0) return { metrics: [], selectors, labels: null, problems };

  const text = (node: Node) => expr.slice(node.from, node.to);
  const grouping = (node: Node | null) =>
    node ? childrenOf(node).map((label) => (label.name === 'LabelName' ? text(label) : stringValue(text(label.firstChild ?? label)))) : [];
  const requireLabels = (value: Value, labels: string[], where: string) => {
    for (const label of labels) {
      if (value.labels && !value.labels.has(label)) problems.push(`${where}: no label ${label} on ${value.samples.join(', ') || 'its operand'}`);
    }
  };

  function walk(node: Node): Value {
    switch (node.name) {
      case 'PromQL':
      case 'ParenExpr':
      case 'MatrixSelector':
      case 'SubqueryExpr':
      case 'OffsetExpr':
      case 'StepInvariantExpr':
      case 'AnchoredExpr':
      case 'SmoothedExpr':
      case 'UnaryExpr':
        return walk(expressionsOf(node)[0]);
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return SCALAR;
      case 'VectorSelector':
        return selector(node);
      case 'FunctionCall':
        return call(node);
      case 'AggregateExpr':
        return aggregate(node);
      case 'BinaryExpr':
        return binary(node);
      default:
        problems.push(`unexpected ${node.name}: ${text(node)}`);
        return SCALAR;
    }
  }

  function selector(node: Node): Value {
    const identifier = node.getChild('Identifier');
    if (!identifier) {
      problems.push(`a selector without a metric name: ${text(node)}`);
      return { labels: null, scalar: false, samples: [] };
    }
    const metric = text(identifier);
    const found = scrape.get(metric);
    if (!found) problems.push(`${metric}: no such sample in the scrape`);
    const labels = found ? new Set([...found.labels, ...targetLabels]) : null;
    const matchers: Record<string, string> = {};
    for (const matcher of childrenOf(node.getChild('LabelMatchers') ?? node).filter((child) => child.name.endsWith('LabelMatcher'))) {
      const name = matcher.getChild('LabelName') ?? matcher.getChild('QuotedLabelName');
      const label = name!.name === 'LabelName' ? text(name!) : stringValue(text(name!));
      if (labels && !labels.has(label)) problems.push(`${metric}{${label}…}: no label ${label} on ${metric} in the scrape`);
      matchers[label] = `${text(matcher.getChild('MatchOp')!)}${text(matcher.getChild('StringLiteral')!)}`;
    }
    selectors.push({ metric, matchers });
    return { labels, scalar: false, samples: [metric] };
  }

  function call(node: Node): Value {
    const identifier = node.getChild('FunctionIdentifier')!;
    const fn = identifier.firstChild!.name;
    const args = expressionsOf(node.getChild('FunctionCallBody')).map((arg) => ({ node: arg, value: walk(arg) }));
    const samples = args.flatMap((arg) => arg.value.samples);
    if (COUNTER_FUNCTIONS.has(fn)) {
      for (const sample of samples) {
        const series = scrape.get(sample);
        if (series && !cumulative(sample, series)) problems.push(`${text(identifier)}() over ${sample}, a ${series.type}: it needs a counter`);
      }
    }
    switch (fn) {
      case 'HistogramQuantile': {
        const buckets = args[1].value;
        for (const sample of buckets.samples) {
          if (scrape.get(sample)?.type !== 'histogram' || !sample.endsWith('_bucket'))
            problems.push(`histogram_quantile() over ${sample}, not a histogram's _bucket samples`);
        }
        requireLabels(buckets, ['le'], 'histogram_quantile()');
        return { labels: buckets.labels && new Set([...buckets.labels].filter((label) => label !== 'le')), scalar: false, samples };
      }
      case 'LabelReplace': {
        const [source, destination, , from] = args;
        requireLabels(source.value, [stringValue(text(from.node))], 'label_replace()');
        return { labels: source.value.labels && new Set([...source.value.labels, stringValue(text(destination.node))]), scalar: false, samples };
      }
      case 'Vector':
        return { labels: new Set(), scalar: false, samples };
      default: {
        const vector = args.find((arg) => !arg.value.scalar);
        return vector ? { ...vector.value, samples } : { ...SCALAR, samples };
      }
    }
  }

  function aggregate(node: Node): Value {
    const body = expressionsOf(node.getChild('FunctionCallBody'));
    const parameters = body.slice(0, -1).map(walk);
    const operand = walk(body[body.length - 1]);
    const samples = [...parameters.flatMap((value) => value.samples), ...operand.samples];
    const modifier = node.getChild('AggregateModifier');
    const op = text(node.getChild('AggregateOp')!);
    if (!modifier) return { labels: new Set(), scalar: false, samples };
    const labels = grouping(modifier.getChild('GroupingLabels'));
    if (modifier.getChild('By')) {
      requireLabels(operand, labels, `${op} by (${labels.join(', ')})`);
      return { labels: new Set(labels), scalar: false, samples };
    }
    return { labels: operand.labels && new Set([...operand.labels].filter((label) => !labels.includes(label))), scalar: false, samples };
  }

  function binary(node: Node): Value {
    const [left, right] = expressionsOf(node).map(walk);
    const samples = [...left.samples, ...right.samples];
    const [on, include] = (node.getChild('MatchingModifierClause')?.getChildren('GroupingLabels') ?? []).map(grouping);
    if (on) for (const side of [left, right]) requireLabels(side, on, 'on()/ignoring()');
    if (include) requireLabels(right, include, 'group_left()/group_right()');
    if (left.scalar) return { ...right, samples };
    return { labels: left.labels && new Set([...left.labels, ...(include ?? [])]), scalar: left.scalar && right.scalar, samples };
  }

  const result = walk(tree.topNode);
  return { metrics: result.samples, selectors, labels: result.labels, problems };
}
