/**
 * What a rendered overlay must agree on with the application itself, read from its own code so
 * the two cannot drift: environment names (src/config/env.ts) and values (loadConfig, the very
 * function that validates them at start), the port PORT resolves to, the probe and metrics
 * paths (src/health/health.controller.ts), the drain time (SHUTDOWN_TIMEOUT_MS), and the wiring
 * between the objects (selectors, named ports, the Ingress host and PUBLIC_URL).
 */
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { getMetadataStorage } from 'class-validator';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import { Env } from '../../src/config/env.js';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { HealthController } from '../../src/health/health.controller.js';
import type { KubeObject } from './render.js';

/** The container that runs Portcullis, in the Deployment that runs it. */
const CONTAINER = 'portcullis';

/** Stand-ins for values that come from the Secret, so loadConfig can judge the rest; each is valid. */
const SECRET_SAMPLES: Record<string, string> = {
  DATABASE_URL: 'postgres://portcullis:secret@postgres:5432/portcullis',
  ADMIN_API_KEY: 'Kp3x9Qz7Lm2Wv8Rt5Yn4Bc6Hd1Fg0Js+/AbCdEfGh',
  KEY_ENCRYPTION_KEY: 'ab'.repeat(32),
  KEY_ENCRYPTION_KEYS: `default:${'ab'.repeat(32)}`,
  REDIS_URL: 'redis://redis:6379',
};

/** Every variable Portcullis reads: the validated properties of `Env`. */
const ENV_NAMES = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(Env, '', true, false)
    .map((rule) => rule.propertyName),
);

/** The GET routes of the probes and metrics, by handler: `/healthz`, `/readyz`, `/metrics`. */
function route(handler: keyof HealthController): string {
  const method = Object.getOwnPropertyDescriptor(HealthController.prototype, handler)!.value as object;
  const path = Reflect.getMetadata(PATH_METADATA, method) as string;
  return `/${path.replace(/^\//, '')}`;
}

const of = <T>(objects: KubeObject[], kind: string) => objects.filter((object) => object.kind === kind) as unknown as (T & KubeObject)[];
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  selector !== undefined && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

/** Problems of one rendered overlay against the application, one line each. */
export async function contractProblems(objects: KubeObject[]): Promise<string[]> {
  const problems: string[] = [];
  const deployments = of<IDeployment>(objects, 'Deployment').filter((d) => d.spec?.template.spec?.containers.some((c) => c.name === CONTAINER));
  if (deployments.length !== 1) return [`expected one Deployment with a container named ${CONTAINER}, found ${deployments.length}`];
  const [deployment] = deployments;
  const at = `Deployment/${deployment.metadata.name}`;
  const pod = deployment.spec!.template;
  const container = pod.spec!.containers.find((c) => c.name === CONTAINER)!;

  // Environment: every name one Portcullis reads, every value one it accepts.
  const { env, problems: envProblems } = environment(container, of<IConfigMap>(objects, 'ConfigMap'), at);
  problems.push(...envProblems);
  if (!env) return problems;
  let config: AppConfig;
  try {
    config = await loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...problems, ...error.problems.map((problem) => `${at}: the environment fails Portcullis' own validation: ${problem}`)];
  }
  if (config.nodeEnv !== 'production')
    problems.push(`${at}: NODE_ENV is ${config.nodeEnv}; only production keeps DATA_DIR unwritten (the root filesystem is read-only)`);
  if (!config.databaseUrl) problems.push(`${at}: DATABASE_URL is unset: Portcullis would start its embedded store, which replicas cannot share`);
  if (!['0.0.0.0', '::'].includes(config.host))
    problems.push(`${at}: HOST is ${config.host}: the Service and the probes could not reach a pod listening there`);

  // Ports and probes: the port PORT resolves to, the routes the health controller serves.
  const portNames = new Map((container.ports ?? []).map((port) => [port.name, port.containerPort]));
  if (portNames.get('http') !== config.port) {
    problems.push(
      `${at}: containerPort ${portNames.get('http') ?? '(none)'} (named http) is not the port Portcullis listens on: PORT resolves to ${config.port}`,
    );
  }
  const reaches = (port: number | string | undefined) => port === config.port || (typeof port === 'string' && portNames.get(port) === config.port);
  const shown = (port: number | string | undefined) =>
    typeof port === 'string' ? `${port} (${portNames.get(port) ?? 'no such container port'})` : String(port);
  const probes = [
    ['livenessProbe', container.livenessProbe, [route('healthz')]],
    ['readinessProbe', container.readinessProbe, [route('readyz')]],
    ['startupProbe', container.startupProbe, [route('healthz'), route('readyz')]],
  ] as const;
  for (const [name, probe, paths] of probes) {
    const get = probe?.httpGet;
    if (!get) problems.push(`${at}: ${name} must be an httpGet probe of ${paths.join(' or ')}`);
    else if (!paths.includes(get.path ?? '/'))
      problems.push(`${at}: ${name} path ${get.path} is not ${paths.join(' or ')}, the route Portcullis serves for it`);
    else if (!reaches(get.port)) problems.push(`${at}: ${name} port ${shown(get.port)} is not the port Portcullis listens on, ${config.port}`);
  }

  // Shutdown: traffic stops before the listener closes, and the kubelet's SIGKILL does not cut the drain.
  const preStop = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
  const grace = pod.spec!.terminationGracePeriodSeconds ?? 30;
  const needed = preStop + Math.ceil((config.shutdownDelayMs + config.shutdownTimeoutMs) / 1000) + 1;
  if (preStop === 0 && config.shutdownDelayMs === 0) {
    problems.push(`${at}: SHUTDOWN_DELAY_MS is 0 and there is no preStop sleep: the listener would close while endpoints and the ingress still send here`);
  }
  if (grace < needed) {
    problems.push(
      `${at}: terminationGracePeriodSeconds ${grace} is less than preStop sleep ${preStop} s + SHUTDOWN_DELAY_MS ${config.shutdownDelayMs} ms + SHUTDOWN_TIMEOUT_MS ${config.shutdownTimeoutMs} ms + 1 s to exit`,
    );
  }

  problems.push(...podSecurity(deployment, container, at));
  problems.push(...wiring(objects, deployment, config, { reaches, shown }, env));
  return problems;
}

/** The container's environment as Portcullis would see it (Secret values replaced by samples), or why it cannot be built. */
function environment(container: IContainer, configMaps: IConfigMap[], at: string): { env?: Record<string, string>; problems: string[] } {
  const problems: string[] = [];
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const map = configMaps.find((m) => m.metadata?.name === source.configMapRef?.name);
    if (!source.configMapRef || source.prefix)
      problems.push(`${at}: envFrom takes one ConfigMap without prefix: list Secret variables one by one (secretKeyRef) so their names are checked`);
    else if (!map) problems.push(`${at}: envFrom names ConfigMap ${source.configMapRef.name}, which the overlay does not render`);
    else Object.assign(env, map.data);
  }
  for (const variable of container.env ?? []) {
    const fromSecret = variable.valueFrom?.secretKeyRef;
    if (fromSecret && !(variable.name in SECRET_SAMPLES))
      problems.push(`${at}: ${variable.name} comes from a Secret; add a valid sample for it to SECRET_SAMPLES`);
    env[variable.name] = fromSecret ? SECRET_SAMPLES[variable.name] : (variable.value ?? '');
  }
  for (const name of Object.keys(env)) {
    if (!ENV_NAMES.has(name)) problems.push(`${at}: environment variable ${name} is not one Portcullis reads (src/config/env.ts)`);
  }
  const fromSecret = (name: string) => container.env?.some((variable) => variable.name === name && variable.valueFrom?.secretKeyRef);
  const missing = ['ADMIN_API_KEY', 'KEY_ENCRYPTION_KEY(S)', 'DATABASE_URL'].filter((secret) =>
    secret === 'KEY_ENCRYPTION_KEY(S)' ? !fromSecret('KEY_ENCRYPTION_KEY') && !fromSecret('KEY_ENCRYPTION_KEYS') : !fromSecret(secret),
  );
  problems.push(...missing.map((secret) => `${at}: ${secret} must come from a Secret (valueFrom.secretKeyRef)`));
  // Without both keys loadConfig would generate development ones into DATA_DIR: never from a check.
  return { env: missing.length === 0 ? env : undefined, problems };
}

/** The pod runs as the restricted Pod Security Standard asks, on a read-only root, without an API token. */
function podSecurity(deployment: IDeployment, container: IContainer, at: string): string[] {
  const pod = deployment.spec!.template.spec!;
  const context = container.securityContext ?? {};
  const rules: [boolean, string][] = [
    [pod.automountServiceAccountToken === false, 'automountServiceAccountToken must be false'],
    [(pod.securityContext?.runAsNonRoot ?? context.runAsNonRoot) === true, 'runAsNonRoot must be true'],
    [(pod.securityContext?.seccompProfile ?? context.seccompProfile)?.type === 'RuntimeDefault', 'seccompProfile must be RuntimeDefault'],
    [context.allowPrivilegeEscalation === false, 'allowPrivilegeEscalation must be false'],
    [context.readOnlyRootFilesystem === true, 'readOnlyRootFilesystem must be true'],
    [context.capabilities?.drop?.includes('ALL') === true && !context.capabilities.add?.length, 'capabilities must drop ALL and add none'],
    [!pod.volumes?.length, 'no volumes: with DATABASE_URL and both keys set, Portcullis writes nowhere'],
  ];
  return rules.filter(([ok]) => !ok).map(([, rule]) => `${at}: ${rule}`);
}

/** Whether a port (a number, or the name of a container port) is the one Portcullis listens on, and how to show it. */
interface Ports {
  reaches: (port: number | string | undefined) => boolean;
  shown: (port: number | string | undefined) => string;
}

/** Selectors, named ports and hosts between the objects of the overlay. */
function wiring(
  objects: KubeObject[],
  deployment: IDeployment & KubeObject,
  config: AppConfig,
  { reaches, shown }: Ports,
  env: Record<string, string>,
): string[] {
  const problems: string[] = [];
  const labels = deployment.spec!.template.metadata?.labels;
  const services = of<IService>(objects, 'Service').filter((s) => selects(s.spec?.selector, labels));
  if (services.length === 0) problems.push('no Service selects the Portcullis pods');
  for (const service of services) {
    for (const port of service.spec?.ports ?? []) {
      if (!reaches(port.targetPort ?? port.port)) {
        problems.push(
          `Service/${service.metadata.name}: port ${port.name} targets ${shown(port.targetPort ?? port.port)}, not the port Portcullis listens on, ${config.port}`,
        );
      }
    }
  }
  for (const pdb of of<IPodDisruptionBudget>(objects, 'PodDisruptionBudget')) {
    if (!selects(pdb.spec?.selector?.matchLabels, labels))
      problems.push(`PodDisruptionBudget/${pdb.metadata.name}: its selector does not match the Portcullis pods`);
  }
  for (const policy of of<INetworkPolicy>(objects, 'NetworkPolicy')) {
    if (!selects(policy.spec?.podSelector?.matchLabels, labels))
      problems.push(`NetworkPolicy/${policy.metadata.name}: its podSelector does not match the Portcullis pods`);
    if (!policy.spec?.ingress?.every((rule) => rule.ports?.some((port) => reaches(port.port)))) {
      problems.push(`NetworkPolicy/${policy.metadata.name}: an ingress rule does not open the port Portcullis listens on, ${config.port}`);
    }
  }
  for (const hpa of of<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler')) {
    const target = hpa.spec?.scaleTargetRef;
    if (target?.kind !== 'Deployment' || target.name !== deployment.metadata.name)
      problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: it does not scale Deployment/${deployment.metadata.name}`);
    else if (deployment.spec?.replicas !== undefined)
      problems.push(`Deployment/${deployment.metadata.name}: spec.replicas is set while an HPA scales it: every apply would reset the HPA's count`);
  }
  for (const monitor of of<IServiceMonitor>(objects, 'ServiceMonitor')) {
    const scraped = services.filter((s) => selects(monitor.spec.selector.matchLabels, s.metadata.labels));
    if (scraped.length === 0) problems.push(`ServiceMonitor/${monitor.metadata.name}: it selects no Service of the Portcullis pods`);
    for (const endpoint of monitor.spec.endpoints ?? []) {
      if (!scraped.some((s) => s.spec?.ports?.some((port) => port.name === endpoint.port)))
        problems.push(`ServiceMonitor/${monitor.metadata.name}: port ${endpoint.port} is no port of the Service`);
      if ((endpoint.path ?? '/metrics') !== route('metricsText'))
        problems.push(`ServiceMonitor/${monitor.metadata.name}: path ${endpoint.path} is not ${route('metricsText')}`);
    }
    if (config.metricsAccess !== 'public')
      problems.push(`ServiceMonitor/${monitor.metadata.name}: METRICS_ACCESS is ${config.metricsAccess}, so an unauthenticated scrape gets no metrics`);
  }
  for (const ingress of of<IIngress>(objects, 'Ingress')) {
    const at = `Ingress/${ingress.metadata.name}`;
    const host = new URL(config.publicUrl).hostname;
    if (!ingress.spec?.rules?.some((rule) => rule.host === host)) problems.push(`${at}: no rule for ${host}, the host of PUBLIC_URL`);
    if (!config.publicUrl.startsWith('https://') || !ingress.spec?.tls?.some((tls) => tls.hosts?.includes(host)))
      problems.push(`${at}: PUBLIC_URL ${config.publicUrl} must be https, with ${host} among the TLS hosts`);
    if (!env.TRUST_PROXY)
      problems.push(`${at}: TRUST_PROXY is unset: every client would share the ingress controller's address (rate limits, lockouts, audit ip)`);
    for (const path of ingress.spec?.rules?.flatMap((rule) => rule.http?.paths ?? []) ?? []) {
      const backend = path.backend.service;
      const service = services.find((s) => s.metadata.name === backend?.name);
      if (!service?.spec?.ports?.some((port) => port.name === backend?.port?.name || port.port === backend?.port?.number)) {
        problems.push(
          `${at}: path ${path.path} goes to ${backend?.name}:${backend?.port?.name ?? backend?.port?.number}, which is no port of a Service of the Portcullis pods`,
        );
      }
    }
  }
  return problems;
}
