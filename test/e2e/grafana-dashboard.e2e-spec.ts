import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { parseExposition, type ScrapedSeries } from '../helpers/prometheus-text.js';
import { checkQuery } from '../helpers/promql.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const DASHBOARD = new URL('../../deploy/kubernetes/components/grafana-dashboard/portcullis.json', import.meta.url);
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const FILTERS = { job: '=~"$job"', namespace: '=~"$namespace"', pod: '=~"$pod"' };
const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'graphed', password: 'correct horse battery staple' };

/** Labels Prometheus adds to every sample of a target (the Prometheus Operator's ServiceMonitor adds the Kubernetes ones); /metrics never shows them. */
const TARGET_LABELS = ['job', 'instance', 'namespace', 'pod', 'service', 'container', 'endpoint'];

/** Grafana's interval variables, each replaced by a duration so that the expression is PromQL. */
const promqlOf = (expr: string) => expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m');

interface Target {
  refId: string;
  expr: string;
  legendFormat?: string;
  datasource?: unknown;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: unknown;
  targets?: Target[];
  panels?: Panel[];
}
interface Variable {
  name: string;
  type: string;
  query: string | { query: string };
  datasource?: unknown;
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  templating: { list: Variable[] };
  panels: Panel[];
}

const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8')) as Dashboard;
/** Every panel, those inside a collapsed row included. */
const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const queryPanels = panels.filter((panel) => panel.type !== 'row');

/** Each query variable's `label_values(selector, label)`, split in its PromQL selector and the label it lists. */
const variableQueries = dashboard.templating.list
  .filter((variable) => variable.type === 'query')
  .map((variable) => {
    const query = typeof variable.query === 'string' ? variable.query : variable.query.query;
    const [, selector, label] = /^label_values\((.+),\s*([a-zA-Z_]\w*)\)$/.exec(query) ?? [];
    return { name: variable.name, query, selector, label };
  });

describe('the Grafana dashboard (deploy/kubernetes/components/grafana-dashboard)', () => {
  it('is a dashboard of the current schema: stable unique ids, panels in the grid without overlap, every query on the data source variable', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    expect(dashboard.templating.list.map(({ name, type }) => [name, type])).toEqual([
      ['datasource', 'datasource'],
      ['job', 'query'],
      ['namespace', 'query'],
      ['pod', 'query'],
    ]);
    expect(dashboard.templating.list[0]).toMatchObject({ query: 'prometheus' });
    for (const variable of dashboard.templating.list.slice(1)) expect(variable.datasource, variable.name).toEqual(DATASOURCE);
    expect(variableQueries.map(({ name, selector, label }) => [name, typeof selector, label])).toEqual([
      ['job', 'string', 'job'],
      ['namespace', 'string', 'namespace'],
      ['pod', 'string', 'pod'],
    ]);

    const ids = panels.map((panel) => panel.id);
    expect(ids.filter((id) => !Number.isInteger(id) || id <= 0)).toEqual([]);
    expect(ids.filter((id, at) => ids.indexOf(id) !== at)).toEqual([]);
    for (const { id, gridPos } of panels) {
      expect([gridPos.x, gridPos.y, gridPos.w, gridPos.h].every(Number.isInteger), `panel ${id}`).toBe(true);
      expect(gridPos.x >= 0 && gridPos.w > 0 && gridPos.h > 0 && gridPos.x + gridPos.w <= 24, `panel ${id} fits the 24 columns`).toBe(true);
    }
    const overlaps = panels.flatMap((a, i) =>
      panels
        .slice(i + 1)
        .filter(
          (b) =>
            a.gridPos.x < b.gridPos.x + b.gridPos.w &&
            b.gridPos.x < a.gridPos.x + a.gridPos.w &&
            a.gridPos.y < b.gridPos.y + b.gridPos.h &&
            b.gridPos.y < a.gridPos.y + a.gridPos.h,
        )
        .map((b) => `${a.id} and ${b.id}`),
    );
    expect(overlaps).toEqual([]);

    expect(queryPanels.length).toBeGreaterThanOrEqual(20);
    for (const panel of queryPanels) {
      expect(panel.datasource, `panel ${panel.id} ${panel.title}`).toEqual(DATASOURCE);
      expect(panel.targets?.length, `panel ${panel.id} ${panel.title}`).toBeGreaterThan(0);
      const refIds = panel.targets!.map((target) => target.refId);
      expect(new Set(refIds).size, `panel ${panel.id} refIds`).toBe(refIds.length);
      for (const target of panel.targets!) {
        expect(target.datasource, `panel ${panel.id} ${target.refId}`).toEqual(DATASOURCE);
        expect(target.expr, `panel ${panel.id} ${target.refId}`).toEqual(expect.any(String));
      }
    }
  });

  describe('against a real /metrics', () => {
    let running: RunningApp;
    let scrape: Map<string, ScrapedSeries>;

    /** Traffic that makes every series the dashboard graphs exist: labelled counters appear only once counted. */
    beforeAll(async () => {
      running = await startApp();
      const api = adminApi(running.url);
      const { issuerId, issuer } = await createTenant(running.url);
      expect((await api.post(`/v1/tenants/${issuerId}/users`, USER)).status).toBe(201);
      const web = await createClient(running.url, issuerId, {
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code', 'refresh_token'],
        scope: 'openid offline_access',
      });
      const machine = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
      // A sign-in and a code redeemed; a client_credentials grant; discovery; a key rotation.
      const rp = await discover(issuer, web.clientId, oidc.ClientSecretBasic(web.clientSecret));
      const code = await authorizationRequest(rp, REDIRECT);
      await oidc.authorizationCodeGrant(rp, await new UserAgent(running.url).authorize(code.url, USER), code.checks);
      await oidc.clientCredentialsGrant(await discover(issuer, machine.clientId, oidc.ClientSecretBasic(machine.clientSecret)));
      expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);
      expect((await api.post(`/v1/tenants/${issuerId}/keys/rotate`)).status).toBe(200);
      scrape = parseExposition(await (await fetch(`${running.url}/metrics`)).text());
    });
    afterAll(() => running?.close());

    it('every query names metrics the scrape has, labels those metrics carry, and filters on job, namespace and pod', () => {
      const problems: string[] = [];
      const named = new Set<string>();
      for (const panel of queryPanels) {
        for (const target of panel.targets!) {
          const where = `panel ${panel.id} "${panel.title}" ${target.refId}`;
          const check = checkQuery(promqlOf(target.expr), scrape, TARGET_LABELS);
          problems.push(...check.problems.map((problem) => `${where}: ${problem}`));
          for (const metric of check.metrics) named.add(metric);
          for (const { metric, matchers } of check.selectors) {
            if (!Object.entries(FILTERS).every(([label, matcher]) => matchers[label] === matcher))
              problems.push(`${where}: ${metric} is not filtered on ${JSON.stringify(FILTERS)}`);
          }
          // The legend names labels of the result only, or Grafana prints the placeholder as it is.
          for (const [, label] of (target.legendFormat ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
            if (check.labels && !check.labels.has(label)) problems.push(`${where}: the legend names {{${label}}}, which the result does not carry`);
          }
        }
      }
      for (const { name, selector, label } of variableQueries) {
        const check = checkQuery(selector, scrape, TARGET_LABELS);
        problems.push(...check.problems.map((problem) => `variable ${name}: ${problem}`));
        if (check.labels && !check.labels.has(label)) problems.push(`variable ${name}: ${check.metrics.join()} has no label ${label}`);
        for (const metric of check.metrics) named.add(metric);
      }
      expect(problems).toEqual([]);

      // What the dashboard covers: each exported family of Portcullis's own, and the process metrics it graphs.
      expect([...named].sort()).toEqual([
        'http_request_duration_seconds_bucket',
        'http_requests_total',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_heap_size_used_bytes',
        'portcullis_build_info',
        'portcullis_db_pool_connections',
        'portcullis_db_pool_max',
        'portcullis_db_pool_waiting',
        'portcullis_key_rotations_total',
        'portcullis_provider_cache_entries',
        'portcullis_provider_cache_evictions_total',
        'portcullis_provider_cache_hits_total',
        'portcullis_provider_cache_misses_total',
        'portcullis_sign_ins_total',
        'portcullis_tokens_issued_total',
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
      ]);
      const ownFamilies = [...new Set([...scrape.values()].map((series) => series.family))].filter((family) => family.startsWith('portcullis_'));
      expect(ownFamilies.filter((family) => ![...named].some((metric) => metric.startsWith(family)))).toEqual([]);
    });

    it('the check finds a missing metric, a missing label, a rate over a gauge and a quantile without buckets', () => {
      const problemsOf = (expr: string) => checkQuery(expr, scrape, TARGET_LABELS).problems;
      expect(problemsOf('sum(rate(http_request_total[5m]))')).toEqual(['http_request_total: no such sample in the scrape']);
      expect(problemsOf('sum by (issuer_id) (rate(http_requests_total[5m]))')).toEqual(['sum by (issuer_id): no label issuer_id on http_requests_total']);
      expect(problemsOf('rate(portcullis_sign_ins_total{tenant="acme"}[5m])')).toEqual([
        'portcullis_sign_ins_total{tenant…}: no label tenant on portcullis_sign_ins_total in the scrape',
      ]);
      expect(problemsOf('rate(portcullis_provider_cache_entries[5m])')).toEqual(['rate() over portcullis_provider_cache_entries, a gauge: it needs a counter']);
      expect(problemsOf('histogram_quantile(0.99, sum by (route) (rate(http_request_duration_seconds_bucket[5m])))')).toEqual([
        'histogram_quantile(): no label le on http_request_duration_seconds_bucket',
      ]);
      expect(problemsOf('histogram_quantile(0.99, rate(http_request_duration_seconds[5m]))')).toEqual([
        'http_request_duration_seconds: no such sample in the scrape',
        "histogram_quantile() over http_request_duration_seconds, not a histogram's _bucket samples",
      ]);
      expect(problemsOf('sum(rate(http_requests_total{job=~$job}[5m]))')).toEqual([expect.stringMatching(/^does not parse at column \d+/)]);
    });
  });
});
