/**
 * Every rendered object against the schema of its kind: Kubernetes 1.36's JSON schemas for the
 * built-in kinds (npm `kubernetes-models`), the Prometheus Operator CRD's for ServiceMonitor
 * (`@kubernetes-models/prometheus-operator`). Those schemas, like Kubernetes' OpenAPI document,
 * let unknown fields through, which the API server refuses (kubectl validates strictly): the
 * TypeScript types the same packages publish name every field, so a field they lack is reported
 * too, as kubeconform's -strict would.
 */
import ts from 'typescript';
import type { KubeObject } from './render.js';

/** Model packages of the custom resource groups used here; Kubernetes' own groups are in `kubernetes-models`. */
const CRD_PACKAGES: Record<string, string> = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };

interface Model {
  validate(): void;
}

/** The module of a kind's model, e.g. `kubernetes-models/apps/v1/Deployment`; it exports the class `Kind` and the interface `IKind`. */
function modelModule({ apiVersion, kind }: KubeObject): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `${CRD_PACKAGES[group] ?? 'kubernetes-models'}/${group ? `${group}/` : ''}${version}/${kind}`;
}

/** An object and the kustomization that rendered it, for the problem lines. */
export interface Rendered {
  where: string;
  object: KubeObject;
}

const label = ({ where, object }: Rendered) => `${where}: ${object.kind}/${object.metadata?.name}`;

/** `/spec/containers/0/image` as `spec.containers[0].image`. */
const fieldPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');

/** Problems of the objects against their kinds' schemas and field names, one line each. */
export async function schemaProblems(objects: Rendered[]): Promise<string[]> {
  const problems: string[] = [];
  const modules = new Map<string, Record<string, new (data: unknown) => Model>>();
  for (const entry of objects) {
    const { object } = entry;
    const specifier = modelModule(object);
    if (!modules.has(specifier)) {
      try {
        modules.set(specifier, (await import(specifier)) as Record<string, new (data: unknown) => Model>);
      } catch {
        problems.push(
          `${label(entry)}: no schema for ${object.apiVersion} ${object.kind} (not a Kubernetes 1.36 kind, nor a custom resource listed in scripts/kubernetes/schemas.ts)`,
        );
        continue;
      }
    }
    try {
      new (modules.get(specifier)![object.kind])(object).validate();
    } catch (error) {
      const errors = (error as { errors?: { instancePath: string; message?: string }[] }).errors ?? [{ instancePath: '', message: (error as Error).message }];
      for (const { instancePath, message } of errors) problems.push(`${label(entry)}: ${fieldPath(instancePath) || '(object)'}: ${message}`);
    }
  }
  const known = objects.filter(({ object }) => modules.has(modelModule(object)));
  return [...problems, ...unknownFields(known)];
}

/** Fields of the objects that their kind's published type does not have. */
function unknownFields(objects: Rendered[]): string[] {
  const specifiers = [...new Set(objects.map(({ object }) => modelModule(object)))];
  // One program over a virtual file that names each kind's interface: `Kinds['<module>']`.
  const root = `${process.cwd()}/__kubernetes_kinds__.ts`;
  const source = [
    ...specifiers.map((specifier, i) => `import type { I${specifier.split('/').at(-1)} as T${i} } from '${specifier}';`),
    `export interface Kinds { ${specifiers.map((specifier, i) => `'${specifier}': T${i};`).join(' ')} }`,
  ].join('\n');
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, ...rest) => (file === root ? ts.createSourceFile(file, source, ts.ScriptTarget.ES2023) : getSourceFile(file, ...rest));
  host.fileExists = (file) => file === root || fileExists(file);
  const program = ts.createProgram([root], options, host);
  const checker = program.getTypeChecker();
  const kinds = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(program.getSourceFile(root)!)!.exports!.get(ts.escapeLeadingUnderscores('Kinds'))!);

  const problems: string[] = [];
  const walk = (type: ts.Type, value: unknown, path: string, entry: Rendered) => {
    type = checker.getNonNullableType(type);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      if (checker.isArrayType(type)) value.forEach((item, i) => walk(checker.getTypeArguments(type as ts.TypeReference)[0], item, `${path}[${i}]`, entry));
      return;
    }
    const members = type.isUnion() ? type.types : [type];
    for (const [key, child] of Object.entries(value)) {
      const property = members.map((member) => member.getProperty(key)).find(Boolean);
      const fieldType = property
        ? checker.getTypeOfSymbol(property)
        : members.flatMap((member) => checker.getIndexInfosOfType(member)).find((info) => info.keyType.flags & ts.TypeFlags.String)?.type;
      if (!fieldType) {
        problems.push(`${label(entry)}: ${path ? `${path}.` : ''}${key}: unknown field`);
        continue;
      }
      walk(fieldType, child, path ? `${path}.${key}` : key, entry);
    }
  };
  for (const entry of objects) walk(checker.getTypeOfSymbol(kinds.getProperty(modelModule(entry.object))!), entry.object, '', entry);
  return problems;
}
