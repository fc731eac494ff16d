/**
 * The kustomizations under deploy/kubernetes and what `kubectl kustomize` makes of each.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** An object as rendered: only what every object has is typed; checks narrow it by kind. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

interface Kustomization {
  kind?: string;
  components?: string[];
}

/** Fails with what to do when kubectl (which carries kustomize) is not installed. */
export function requireKubectl(): void {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'kubectl was not found (or did not run): npm run k8s:check renders every overlay with `kubectl kustomize`. ' +
        'Install kubectl (1.27 or later, which bundles kustomize 5), e.g. Debian package kubectl, and run it again.',
    );
  }
}

/**
 * Every folder under `root` holding a kustomization.yaml: the ones to render (the base and the
 * overlays) and the components, which only an overlay that includes them renders. A component
 * that no kustomization includes would escape every check, so it is a problem.
 */
export function kustomizations(root: string): { renderable: string[]; problems: string[] } {
  const found = walk(root).filter((file) => file.endsWith('/kustomization.yaml'));
  const renderable: string[] = [];
  const components = new Set<string>();
  const included = new Set<string>();
  for (const file of found) {
    const dir = dirname(file);
    const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
    if (kustomization.kind === 'Component') components.add(dir);
    else renderable.push(dir);
    for (const component of kustomization.components ?? []) included.add(resolve(dir, component));
  }
  const problems = [...components]
    .filter((dir) => !included.has(dir))
    .map((dir) => `${relative(process.cwd(), dir)}: a component no kustomization includes, so nothing renders or checks it`);
  return { renderable: renderable.sort(), problems };
}

/** `kubectl kustomize dir`, parsed; throws with kubectl's own message when it refuses. */
export function render(dir: string): KubeObject[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${relative(process.cwd(), dir)}: ${(result.stderr || result.error?.message || '').trim()}`);
  return parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}
