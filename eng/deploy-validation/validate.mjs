// Validates the deployment without a cluster or a container runtime (run through eng/validate-deploy.sh):
//  1. every rendered Kubernetes object against the Kubernetes JSON schemas (kubernetes-models), plus a strict
//     unknown-field check (a misspelt field such as "readinesProbe" is an error, as with kubectl --validate=strict);
//  2. the project's deployment rules on the rendered overlays (hardening, probes, secrets, wiring, fetcher = 1);
//  3. every service Dockerfile: syntax (dockerfile-utils) and rules (multi-stage, pinned bases, non-root, the
//     project-reference closure copied for restore and publish, nothing copied that .dockerignore drops).
// Usage: node validate.mjs <name>=<rendered.yaml> ...    (names: base, dev, prod)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { DockerfileParser } from "dockerfile-ast";
import { validate as validateDockerfileSyntax } from "dockerfile-utils";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const rel = (p) => path.relative(repo, p) || ".";

let checks = 0;
const errors = [];
function check(ok, where, message) {
  checks++;
  if (!ok) errors.push(`${where}: ${message}`);
  return ok;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings: what the deployment must look like.
const SECRET_NAME = "order-analytics-secrets";
const CONFIG_NAME = "order-analytics-config";
const MEMORY_LIMIT_MAX = 300 * 1024 * 1024;
const PROD_UPSTREAM = "https://webhooks.db1-prod-dachnona.store/analytics";
const SERVICES = {
  // Dockerfile folder -> the Deployment/Job name and image it becomes
  "OrderAnalytics.Migrator": { name: "migrator", kind: "Job" },
  "OrderAnalytics.WebhookReceiver": { name: "webhook-receiver", kind: "Deployment" },
  "OrderAnalytics.Fetcher": { name: "fetcher", kind: "Deployment" },
  "OrderAnalytics.Cleaner": { name: "cleaner", kind: "Deployment" },
  "OrderAnalytics.Loader": { name: "loader", kind: "Deployment" },
  "OrderAnalytics.Analytics": { name: "analytics", kind: "Deployment" },
  "OrderAnalytics.Predictor": { name: "predictor", kind: "Deployment" },
  "OrderAnalytics.Simulator": { name: "simulator", kind: "Deployment", devOnly: true },
};
const SCALED_CONSUMERS = ["cleaner", "loader"];
const INGRESS_ROUTES = { "/webhooks": "webhook-receiver", "/graphql": "analytics" };
// Settings that are secrets must never be in the ConfigMap.
const SECRET_LIKE_SETTING = /(ApiKey|Keys__|Password|Secret|PseudonymKey|ConnectionStrings__|Token)/i;

// ---------------------------------------------------------------------------------------------------------------
// Schemas: kubernetes-models validators, plus the field lists of its type declarations for unknown fields.
const modelsRoot = path.join(here, "node_modules", "kubernetes-models");
const apimachineryRoot = path.join(here, "node_modules", "@kubernetes-models", "apimachinery");

function* walkFiles(dir, suffix) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(p, suffix);
    else if (entry.name.endsWith(suffix)) yield p;
  }
}

/** Parses a TypeScript type expression of the generated declarations into {ref}|{array}|{map}|{leaf}. */
function parseType(text) {
  const t = text.trim();
  let m;
  if ((m = /^Array<([\s\S]*)>$/.exec(t))) return { array: parseType(m[1]) };
  if ((m = /^\{\s*\[key: string\]:\s*([\s\S]*?);?\s*\}$/.exec(t))) return { map: parseType(m[1]) };
  if ((m = /^(IIoK8s\w+)$/.exec(t))) return { ref: m[1] };
  return { leaf: t };
}

/** Splits an interface body into properties, bracket-aware (types may span lines). */
function parseProperties(body) {
  const props = {};
  const re = /"([^"]+)"\??:\s*/g;
  let m;
  while ((m = re.exec(body))) {
    let depth = 0, i = re.lastIndex;
    for (; i < body.length; i++) {
      const c = body[i];
      if (c === "{" || c === "<" || c === "(") depth++;
      else if (c === "}" || c === ">" || c === ")") depth--;
      else if (c === ";" && depth === 0) break;
    }
    props[m[1]] = parseType(body.slice(re.lastIndex, i));
    re.lastIndex = i + 1;
  }
  return props;
}

const interfaces = new Map(); // global name (IIoK8s...) -> { props, open }
const rootTypes = new Map(); // "apiVersion|kind" -> global name
for (const root of [modelsRoot, apimachineryRoot]) {
  for (const file of walkFiles(root, ".d.ts")) {
    if (file.includes(`${path.sep}_schemas${path.sep}`)) continue;
    const text = fs.readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
    const alias = /export type \{ (\w+) as (IIoK8s\w+)/.exec(text);
    const head = /export interface (\w+)(?: extends [^{]+)?\s*\{/.exec(text);
    if (!alias || !head || alias[1] !== head[1]) continue;
    let depth = 1, i = head.index + head[0].length;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
    }
    const props = parseProperties(text.slice(head.index + head[0].length, i - 1));
    interfaces.set(alias[2], { props, open: Object.keys(props).length === 0 });
    const av = props.apiVersion?.leaf, kd = props.kind?.leaf;
    if (av && kd && av.startsWith('"') && kd.startsWith('"')) rootTypes.set(`${JSON.parse(av)}|${JSON.parse(kd)}`, alias[2]);
  }
}
if (interfaces.size < 500) throw new Error(`read only ${interfaces.size} type declarations from kubernetes-models`);

function unknownFields(value, type, where, out) {
  if (value === null || value === undefined) return;
  if (type.array) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, type.array, `${where}[${i}]`, out));
  } else if (type.map) {
    if (typeof value === "object") for (const [k, v] of Object.entries(value)) unknownFields(v, type.map, `${where}.${k}`, out);
  } else if (type.ref) {
    const iface = interfaces.get(type.ref);
    if (!iface || iface.open || typeof value !== "object" || Array.isArray(value)) return;
    for (const [k, v] of Object.entries(value)) {
      if (!(k in iface.props)) out.push(`unknown field "${where ? where + "." : ""}${k}"`);
      else unknownFields(v, iface.props[k], where ? `${where}.${k}` : k, out);
    }
  }
}

async function validateSchema(obj, where) {
  const key = `${obj.apiVersion}|${obj.kind}`;
  const rootType = rootTypes.get(key);
  if (!check(rootType, where, `no Kubernetes schema for apiVersion ${obj.apiVersion}, kind ${obj.kind}`)) return;
  const groupVersion = obj.apiVersion.includes("/") ? obj.apiVersion : `v1`;
  const mod = await import(`kubernetes-models/${groupVersion}/${obj.kind}`);
  try {
    new mod[obj.kind](obj).validate();
    check(true, where, "");
  } catch (e) {
    const details = (e.errors ?? []).map((x) => `${x.instancePath || "/"} ${x.message}`).join("; ");
    check(false, where, `schema: ${details || e.message}`);
  }
  const unknown = [];
  unknownFields(obj, { ref: rootType }, "", unknown);
  check(unknown.length === 0, where, unknown.join("; "));
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for the rules.
function parseQuantity(q) {
  const m = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/.exec(String(q));
  if (!m) return NaN;
  const units = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3 };
  return Number(m[1]) * (m[2] ? units[m[2]] : 1);
}
const imageIsPinned = (image) => /@sha256:[0-9a-f]{64}$/.test(image) || /:[\w][\w.-]{0,127}$/.test(image.split("/").pop());
const imageTag = (image) => (image.split("/").pop().split("@")[0].split(":")[1] ?? "");
const labelsMatch = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const secretExample = (() => {
  const doc = parseAllDocuments(fs.readFileSync(path.join(repo, "deploy/base/secret.example.yaml"), "utf8"))[0].toJS();
  return doc;
})();

function podRules(objects, obj, where, overlay) {
  const spec = obj.spec.template.spec;
  const pod = spec.securityContext ?? {};
  check(pod.runAsNonRoot === true, where, "pod securityContext.runAsNonRoot must be true");
  check(pod.seccompProfile?.type === "RuntimeDefault", where, "pod securityContext.seccompProfile.type must be RuntimeDefault");
  check(spec.automountServiceAccountToken === false, where, "automountServiceAccountToken must be false (no service uses the Kubernetes API)");
  const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
  const containers = [...(spec.initContainers ?? []), ...spec.containers];
  for (const c of containers) {
    const at = `${where} container ${c.name}`;
    const sc = c.securityContext ?? {};
    check(sc.allowPrivilegeEscalation === false, at, "securityContext.allowPrivilegeEscalation must be false");
    check(sc.readOnlyRootFilesystem === true, at, "securityContext.readOnlyRootFilesystem must be true");
    check((sc.capabilities?.drop ?? []).includes("ALL"), at, "securityContext.capabilities.drop must include ALL");
    check(!(sc.capabilities?.add ?? []).length, at, "securityContext.capabilities.add must be empty");
    check(sc.privileged !== true && sc.runAsUser !== 0, at, "must not run privileged or as root");
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    check(tmp && volumes.get(tmp.name)?.emptyDir, at, "needs an emptyDir at /tmp (the root filesystem is read-only)");
    for (const m of c.volumeMounts ?? []) check(volumes.has(m.name), at, `volumeMount ${m.name} has no volume`);
    const r = c.resources ?? {};
    check(r.requests?.cpu && r.requests?.memory, at, "resources.requests.cpu and .memory are required");
    check(r.limits?.memory, at, "resources.limits.memory is required");
    check(parseQuantity(r.limits?.memory) <= MEMORY_LIMIT_MAX, at, `memory limit ${r.limits?.memory} is over 300Mi`);
    check(parseQuantity(r.requests?.memory) <= parseQuantity(r.limits?.memory), at, "memory request above its limit");
    if (overlay !== "base") {
      check(imageIsPinned(c.image), at, `image ${c.image} has no tag or digest`);
      check(imageTag(c.image) !== "latest", at, `image ${c.image} uses the latest tag`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) {
        check(ref.name === SECRET_NAME, at, `env ${e.name} reads Secret ${ref.name}; every secret is in ${SECRET_NAME}`);
        check(ref.key in (secretExample.stringData ?? {}), at, `env ${e.name} reads key ${ref.key}, which deploy/base/secret.example.yaml does not document`);
      }
      if (e.value !== undefined) check(!SECRET_LIKE_SETTING.test(e.name) || e.name.startsWith("OTEL_"), at, `env ${e.name} looks like a secret but has a literal value`);
    }
    for (const f of c.envFrom ?? []) {
      if (f.secretRef) check(false, at, "envFrom secretRef: reference single keys with secretKeyRef instead");
      if (f.configMapRef) check(objects.some((o) => o.kind === "ConfigMap" && o.metadata.name === f.configMapRef.name), at, `envFrom ConfigMap ${f.configMapRef.name} is not rendered`);
    }
    const readsDb = (c.env ?? []).some((e) => e.name === "ConnectionStrings__ordersdb");
    if (readsDb && obj.kind === "Deployment" && spec.containers.includes(c)) {
      check((spec.initContainers ?? []).some((i) => i.name === "migrate" && /migrator/.test(i.image)), at, "uses the database, so it needs the migrate initContainer (migrator image)");
    }
  }
  for (const v of spec.volumes ?? []) {
    if (v.persistentVolumeClaim) check(objects.some((o) => o.kind === "PersistentVolumeClaim" && o.metadata.name === v.persistentVolumeClaim.claimName), where, `PVC ${v.persistentVolumeClaim.claimName} is not rendered`);
    if (v.emptyDir) check(v.emptyDir.sizeLimit, where, `emptyDir ${v.name} needs a sizeLimit`);
  }
}

function deploymentRules(objects, d, where) {
  const spec = d.spec;
  check(labelsMatch(spec.selector?.matchLabels, spec.template.metadata?.labels), where, "selector does not match the pod template labels");
  const main = spec.template.spec.containers[0];
  const port = (main.ports ?? []).find((p) => p.name === "http");
  check(port?.containerPort === 8080, where, "the first container must expose containerPort 8080 named http");
  const probe = (p, pathWanted, what) =>
    check(p?.httpGet?.path === pathWanted && (p.httpGet.port === "http" || p.httpGet.port === 8080), where, `${what} must be an httpGet of ${pathWanted} on the http port`);
  probe(main.readinessProbe, "/health", "readinessProbe");
  probe(main.livenessProbe, "/alive", "livenessProbe");
  const hpa = objects.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec.scaleTargetRef.kind === "Deployment" && o.spec.scaleTargetRef.name === d.metadata.name);
  if (d.metadata.name === "fetcher") {
    check(spec.replicas === 1, where, "the fetcher must run exactly one replica (it owns the checkpoint)");
    check(spec.strategy?.type === "Recreate", where, "the fetcher must use strategy Recreate (never two at once)");
    check(!hpa, where, "the fetcher must not be autoscaled");
  }
  if (SCALED_CONSUMERS.includes(d.metadata.name)) {
    check(hpa, where, "needs a HorizontalPodAutoscaler (competing consumer)");
    check(spec.replicas === undefined, where, "is scaled by its HPA: the Deployment must not set replicas (a re-apply would reset it)");
    if (hpa) {
      check(hpa.apiVersion === "autoscaling/v2", where, "HPA must be autoscaling/v2");
      check((hpa.spec.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu"), where, "HPA must scale on CPU");
      check(hpa.spec.minReplicas >= 1 && hpa.spec.maxReplicas >= hpa.spec.minReplicas, where, "HPA bounds are inconsistent");
    }
  }
}

function overlayRules(objects, overlay) {
  const where = (o) => `${overlay}: ${o.kind}/${o.metadata?.name}`;
  const byKind = (k) => objects.filter((o) => o.kind === k);
  for (const o of objects) {
    check(o.kind !== "Secret", where(o), "a Secret is rendered: secrets are created by the operator, never kept in git");
    if (overlay === "base") check(!o.metadata.namespace, where(o), "the base must stay namespace-agnostic");
    else check(o.metadata.namespace, where(o), "has no namespace (the overlay sets one)");
  }
  for (const d of [...byKind("Deployment"), ...byKind("Job")]) podRules(objects, d, where(d), overlay);
  for (const d of byKind("Deployment")) deploymentRules(objects, d, where(d));

  const names = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
  for (const [, svc] of Object.entries(SERVICES)) {
    const present = names.has(`${svc.kind}/${svc.name}`);
    if (svc.devOnly) check(overlay === "dev" ? present : !present, `${overlay}`, `${svc.kind}/${svc.name} must be deployed by the dev overlay only`);
    else check(present, `${overlay}`, `${svc.kind}/${svc.name} is missing`);
  }
  const job = objects.find((o) => o.kind === "Job" && o.metadata.name === "migrator");
  if (job) {
    check(["Never", "OnFailure"].includes(job.spec.template.spec.restartPolicy), where(job), "restartPolicy must be Never or OnFailure");
    check(!(job.spec.template.spec.containers[0].envFrom ?? []).some((f) => f.configMapRef), where(job), "the Job must not read the hashed ConfigMap (a config change would make its immutable template differ)");
  }
  if (overlay !== "base") {
    for (const o of objects) check(!JSON.stringify(o).includes("simulator") || overlay === "dev", where(o), "mentions the simulator outside the dev overlay");
  }

  for (const s of byKind("Service")) {
    const target = byKind("Deployment").find((d) => labelsMatch(s.spec.selector, d.spec.template.metadata.labels));
    if (check(target, where(s), "selects no Deployment")) {
      for (const p of s.spec.ports) {
        if (typeof p.targetPort === "string") check(target.spec.template.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort)), where(s), `targetPort ${p.targetPort} is not a container port of ${target.metadata.name}`);
      }
    }
  }
  for (const h of byKind("HorizontalPodAutoscaler")) check(names.has(`Deployment/${h.spec.scaleTargetRef.name}`), where(h), "scales a Deployment that is not rendered");
  for (const p of byKind("PodDisruptionBudget")) check(byKind("Deployment").some((d) => labelsMatch(p.spec.selector.matchLabels, d.spec.template.metadata.labels)), where(p), "selects no Deployment");

  const ingresses = byKind("Ingress");
  check(ingresses.length === 1, overlay, "exactly one Ingress expected");
  for (const ing of ingresses) {
    const routes = {};
    for (const rule of ing.spec.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        routes[p.path] = p.backend.service?.name;
        const svc = byKind("Service").find((s) => s.metadata.name === p.backend.service?.name);
        if (check(svc, where(ing), `path ${p.path} routes to Service ${p.backend.service?.name}, which is not rendered`)) {
          const port = p.backend.service.port;
          check(svc.spec.ports.some((sp) => sp.name === port.name || sp.port === port.number), where(ing), `path ${p.path}: Service ${svc.metadata.name} has no port ${port.name ?? port.number}`);
        }
      }
    }
    for (const [p, svc] of Object.entries(INGRESS_ROUTES)) check(routes[p] === svc, where(ing), `must route ${p} to ${svc}`);
    check(Object.keys(routes).every((p) => p in INGRESS_ROUTES), where(ing), `exposes more than ${Object.keys(INGRESS_ROUTES).join(" and ")}`);
  }

  const config = byKind("ConfigMap").find((c) => c.metadata.name.startsWith(CONFIG_NAME));
  if (check(config, overlay, `ConfigMap ${CONFIG_NAME} is missing`)) {
    for (const k of Object.keys(config.data ?? {})) check(!SECRET_LIKE_SETTING.test(k), where(config), `${k} looks like a secret: put it in ${SECRET_NAME}`);
    const upstream = config.data?.Upstream__BaseUrl ?? "";
    if (overlay === "prod") check(upstream === PROD_UPSTREAM, where(config), `Upstream__BaseUrl must be ${PROD_UPSTREAM}, is ${upstream}`);
    if (overlay === "dev") check(/^http:\/\/simulator[/:]/.test(upstream), where(config), `Upstream__BaseUrl must point at the simulator, is ${upstream}`);
    if (overlay !== "base") check(!/\.invalid\b/.test(upstream), where(config), "Upstream__BaseUrl is still the base placeholder");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfiles.
function readProject(csprojPath) {
  const xml = fs.readFileSync(csprojPath, "utf8");
  const dir = path.dirname(csprojPath);
  const refs = [...xml.matchAll(/<ProjectReference\s+Include="([^"]+)"/g)].map((m) => path.resolve(dir, m[1].replaceAll("\\", "/")));
  const files = [...xml.matchAll(/<(?:Content|None|EmbeddedResource)\s+Include="([^"]+)"/g)]
    .map((m) => path.resolve(dir, m[1].replaceAll("\\", "/")))
    .filter((p) => !p.startsWith(dir + path.sep));
  const web = /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(xml) || /<FrameworkReference\s+Include="Microsoft\.AspNetCore\.App"/.test(xml);
  return { refs, files, web };
}

function closure(csprojPath) {
  const projects = new Map();
  const visit = (p) => {
    if (projects.has(p)) return;
    check(fs.existsSync(p), rel(csprojPath), `references ${rel(p)}, which does not exist`);
    if (!fs.existsSync(p)) return;
    const info = readProject(p);
    projects.set(p, info);
    info.refs.forEach(visit);
  };
  visit(csprojPath);
  return projects;
}

function dockerignoreMatcher() {
  const lines = fs.readFileSync(path.join(repo, ".dockerignore"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const rules = lines.map((l) => {
    const negate = l.startsWith("!");
    const pattern = path.posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, "")).replace(/\/+$/, "");
    const rx = pattern.split("/").map((seg) => (seg === "**" ? "(?:.*)" : seg.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"))).join("/").replace(/\(\?:\.\*\)\//g, "(?:.*/)?");
    return { negate, rx: new RegExp(`^${rx}$`) };
  });
  return (p) => {
    const parts = p.split("/");
    let excluded = false;
    for (const { negate, rx } of rules) {
      for (let i = 1; i <= parts.length; i++) if (rx.test(parts.slice(0, i).join("/"))) { excluded = !negate; break; }
    }
    return excluded;
  };
}

function lintDockerfile(folder, svc) {
  const file = path.join(repo, "src", folder, "Dockerfile");
  const where = rel(file);
  if (!check(fs.existsSync(file), where, "missing")) return;
  const text = fs.readFileSync(file, "utf8");

  for (const d of validateDockerfileSyntax(text, {})) check(false, `${where}:${d.range.start.line + 1}`, `dockerfile-utils: ${d.message}`);

  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions().map((i) => ({
    keyword: i.getKeyword(),
    args: i.getArgumentsContent() ?? "",
    flags: (i.getFlags?.() ?? []).map((f) => f.getName()),
    line: i.getRange().start.line + 1,
  }));
  const froms = instructions.filter((i) => i.keyword === "FROM");
  check(froms.length >= 2, where, "must be multi-stage (an SDK build stage and a runtime stage)");
  for (const f of froms) {
    const image = f.args.split(/\s+/)[0];
    check(/:[\w][\w.-]*$|@sha256:/.test(image) && !/:latest$/.test(image), `${where}:${f.line}`, `base image ${image} must be pinned to a tag other than latest`);
  }
  const project = path.join(repo, "src", folder, `${folder}.csproj`);
  const projects = closure(project);
  const web = [...projects.values()].some((p) => p.web);
  check(/^mcr\.microsoft\.com\/dotnet\/sdk:10\.0\b/.test(froms[0]?.args ?? ""), where, "the build stage must be FROM mcr.microsoft.com/dotnet/sdk:10.0");
  const finalImage = froms.at(-1)?.args.split(/\s+/)[0] ?? "";
  const wantedRuntime = web ? "mcr.microsoft.com/dotnet/aspnet:10.0" : "mcr.microsoft.com/dotnet/runtime:10.0";
  check(finalImage === wantedRuntime || finalImage === "mcr.microsoft.com/dotnet/aspnet:10.0", where,
    `the runtime stage must be ${wantedRuntime}${web ? " (the project or a reference needs Microsoft.AspNetCore.App)" : ""}, is ${finalImage}`);

  const finalStage = instructions.slice(instructions.lastIndexOf(froms.at(-1)));
  const users = finalStage.filter((i) => i.keyword === "USER");
  check(users.length > 0 && !/^(root|0)(:|$)/.test(users.at(-1).args.trim()), where, "the runtime stage must switch to a non-root USER ($APP_UID)");
  const entry = finalStage.find((i) => i.keyword === "ENTRYPOINT");
  check(entry && entry.args.trim().startsWith("[") && entry.args.includes(`${folder}.dll`), where, `needs an exec-form ENTRYPOINT running ${folder}.dll`);
  const listens = svc.kind === "Deployment";
  if (listens) check(finalStage.some((i) => i.keyword === "EXPOSE" && /\b8080\b/.test(i.args)), where, "a web service must EXPOSE 8080");
  for (const i of instructions.filter((x) => x.keyword === "ENV" || x.keyword === "ARG")) {
    check(!/(KEY|SECRET|PASSWORD|TOKEN|CONNECTIONSTRING)/i.test(i.args.split(/[=\s]/)[0]) && !/(Password|ApiKey)=/i.test(i.args), `${where}:${i.line}`, `${i.keyword} looks like it carries a secret: secrets come from the Secret at run time`);
  }
  check(!instructions.some((i) => i.keyword === "ADD"), where, "use COPY, not ADD");

  // COPY sources: exist, survive .dockerignore; restore inputs before the restore, sources before the publish.
  const ignored = dockerignoreMatcher();
  const copies = instructions.filter((i) => i.keyword === "COPY" && !i.flags.includes("from")).map((i) => {
    const parts = i.args.split(/\s+/).filter((p) => !p.startsWith("--"));
    return { line: i.line, sources: parts.slice(0, -1).map((s) => s.replace(/\/+$/, "")), dest: parts.at(-1) };
  });
  for (const c of copies) {
    for (const s of c.sources) {
      check(fs.existsSync(path.join(repo, s)), `${where}:${c.line}`, `COPY source ${s} does not exist`);
      check(!ignored(s), `${where}:${c.line}`, `COPY source ${s} is excluded by .dockerignore`);
    }
  }
  const restore = instructions.find((i) => i.keyword === "RUN" && /dotnet restore/.test(i.args));
  const publish = instructions.find((i) => i.keyword === "RUN" && /dotnet publish/.test(i.args));
  if (check(restore && publish, where, "needs RUN dotnet restore and RUN dotnet publish")) {
    check(/-c Release|--configuration Release/.test(publish.args), where, "dotnet publish must build -c Release");
    const before = (line) => copies.filter((c) => c.line < line).flatMap((c) => c.sources);
    const beforeRestore = before(restore.line), beforePublish = before(publish.line);
    for (const f of ["Directory.Build.props", "Directory.Packages.props"]) check(beforeRestore.includes(f), where, `${f} must be copied before the restore`);
    for (const [p, info] of projects) {
      const csproj = path.relative(repo, p).split(path.sep).join("/");
      check(beforeRestore.includes(csproj), where, `restore input ${csproj} (in the project-reference closure) is not copied before the restore`);
      const dir = path.dirname(csproj);
      check(beforePublish.includes(dir), where, `sources ${dir}/ are not copied before the publish`);
      for (const f of info.files) {
        const r = path.relative(repo, f).split(path.sep).join("/");
        check(beforePublish.includes(r) || beforePublish.includes(path.posix.dirname(r)), where, `${r} (an item of ${path.basename(p)}) is not copied before the publish`);
      }
    }
    const expected = new Set([...projects.keys()].flatMap((p) => { const c = path.relative(repo, p).split(path.sep).join("/"); return [c, path.posix.dirname(c)]; }));
    for (const s of beforePublish) {
      if (s.startsWith("src/") || s.startsWith("OrderAnalytics.")) check(expected.has(s), where, `copies ${s}, which ${folder} does not reference (stale after a reference change?)`);
    }
  }
}

function repositoryRules() {
  const di = path.join(repo, ".dockerignore");
  if (check(fs.existsSync(di), ".dockerignore", "missing at the repository root (the build context)")) {
    const ignored = dockerignoreMatcher();
    for (const p of ["src/OrderAnalytics.Cleaner/bin", "src/OrderAnalytics.Cleaner/obj", "OrderAnalytics.ServiceDefaults/obj", ".git", ".data"])
      check(ignored(p), ".dockerignore", `must exclude ${p}`);
  }
  for (const k of walkFiles(path.join(repo, "deploy"), "kustomization.yaml")) {
    const kustomization = parseAllDocuments(fs.readFileSync(k, "utf8"))[0].toJS() ?? {};
    const listed = [...(kustomization.resources ?? []), ...(kustomization.components ?? []), ...(kustomization.patches ?? []).map((p) => p.path ?? "")];
    check(!listed.some((r) => /secret/i.test(r)), rel(k), "must not include secret.example.yaml (or any Secret): the operator creates it");
  }
  for (const [k, v] of Object.entries(secretExample.stringData ?? {})) {
    check(v === "" || /CHANGE-ME/.test(v), "deploy/base/secret.example.yaml", `${k} must be a CHANGE-ME placeholder or empty, never a real value`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
const rendered = process.argv.slice(2).map((a) => a.split("="));
if (!rendered.length) {
  console.error("usage: node validate.mjs <name>=<rendered.yaml> ...");
  process.exit(2);
}
const summary = [];
for (const [overlay, file] of rendered) {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"));
  const objects = [];
  for (const d of docs) {
    if (d.errors.length) check(false, overlay, `YAML: ${d.errors[0].message}`);
    const o = d.toJS();
    if (o) objects.push(o);
  }
  for (const o of objects) await validateSchema(o, `${overlay}: ${o.kind}/${o.metadata?.name}`);
  overlayRules(objects, overlay);
  summary.push(`${overlay} ${objects.length} objects`);
}
for (const [folder, svc] of Object.entries(SERVICES)) lintDockerfile(folder, svc);
repositoryRules();

if (errors.length) {
  for (const e of errors) console.error(`ERROR ${e}`);
  console.error(`validate-deploy: FAILED, ${errors.length} of ${checks} checks (${summary.join(", ")}; ${Object.keys(SERVICES).length} Dockerfiles)`);
  process.exit(1);
}
console.log(`validate-deploy: OK, ${checks} checks (${summary.join(", ")}; ${Object.keys(SERVICES).length} Dockerfiles)`);
