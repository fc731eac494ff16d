/**
 * `npm run k8s:check`: renders every kustomization under deploy/kubernetes with `kubectl
 * kustomize`, validates each object against its kind's schema (Kubernetes 1.36, and the
 * Prometheus Operator's CRD for ServiceMonitor; unknown fields included), and checks that each
 * overlay agrees with the application's own configuration schema, port and routes
 * (scripts/kubernetes/app-contract.ts), and that a Grafana dashboard ConfigMap holds dashboards
 * the sidecar can load. Prints every problem and exits 1 if there is one.
 */
import { relative, resolve } from 'node:path';
import { contractProblems } from './kubernetes/app-contract.js';
import { kustomizations, render, requireKubectl, type KubeObject } from './kubernetes/render.js';
import { schemaProblems } from './kubernetes/schemas.js';

const ROOT = resolve('deploy/kubernetes');

/** Client-side `kubectl apply` keeps the whole object in an annotation, and Kubernetes caps annotations at 256 KiB. */
const APPLY_ANNOTATION_LIMIT_BYTES = 262_144;

/**
 * Grafana's dashboard sidecar loads every ConfigMap labelled `grafana_dashboard: "1"`: each file
 * of one must be a dashboard (JSON with a uid and panels), small enough to apply.
 */
function dashboardProblems(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const map of objects.filter((object) => object.kind === 'ConfigMap' && object.metadata.labels?.grafana_dashboard !== undefined)) {
    const at = `ConfigMap ${map.metadata.name}`;
    if (map.metadata.labels!.grafana_dashboard !== '1') problems.push(`${at}: label grafana_dashboard is not "1", the value the sidecar looks for`);
    const data = (map as KubeObject & { data?: Record<string, string> }).data ?? {};
    if (Object.keys(data).length === 0) problems.push(`${at}: no dashboard in data`);
    for (const [file, text] of Object.entries(data)) {
      try {
        const dashboard = JSON.parse(text) as { uid?: unknown; panels?: unknown };
        if (typeof dashboard.uid !== 'string' || !Array.isArray(dashboard.panels)) problems.push(`${at}: ${file} is not a dashboard (no uid or panels)`);
      } catch (error) {
        problems.push(`${at}: ${file} is not JSON: ${(error as Error).message}`);
      }
    }
    const size = Buffer.byteLength(JSON.stringify(map));
    if (size > APPLY_ANNOTATION_LIMIT_BYTES) problems.push(`${at}: ${size} bytes, over the ${APPLY_ANNOTATION_LIMIT_BYTES} that kubectl apply can annotate`);
  }
  return problems;
}

async function main(): Promise<number> {
  requireKubectl();
  const { renderable, problems } = kustomizations(ROOT);
  const rendered: [string, KubeObject[]][] = [];
  for (const dir of renderable) {
    const name = relative(ROOT, dir);
    try {
      rendered.push([name, render(dir)]);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  // One schema pass over the objects of every kustomization: one TypeScript program for the field names.
  problems.push(...(await schemaProblems(rendered.flatMap(([where, objects]) => objects.map((object) => ({ where, object }))))));
  for (const [where, objects] of rendered) {
    problems.push(...[...(await contractProblems(objects)), ...dashboardProblems(objects)].map((problem) => `${where}: ${problem}`));
  }
  for (const problem of problems) process.stderr.write(`k8s:check: ${problem}\n`);
  const objects = rendered.reduce((sum, [, list]) => sum + list.length, 0);
  const summary = `k8s:check: ${rendered.length} kustomizations (${rendered.map(([name]) => name).join(', ')}), ${objects} objects: `;
  if (problems.length > 0) process.stderr.write(`${summary}${problems.length} problems\n`);
  else process.stdout.write(`${summary}valid\n`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`k8s:check: ${(error as Error).message}\n`);
  return 1;
});
