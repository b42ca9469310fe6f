/**
 * Clusters that are no business code: tests, benchmarks, seeders and data
 * generators, dev hosts (AppHost/Aspire), load-test scripts, operational tools
 * (database migrators, installers and setup CLIs), pure infrastructure
 * libraries (DI registration, Swagger filters, host setup) with no tables and
 * no endpoints, and host shells (an entry point and its startup wiring, whose
 * only endpoints are the health or static routes the startup maps). Nothing else uses them, so they have no cuts and
 * would top the ranking; they are listed apart, the way tests are, and their
 * links are not cuts of the areas they use (they follow the code they exercise).
 * Decided by general signals — project and folder names, the packages a
 * project references, tables and endpoints — never by an estate's own names.
 */
import type { Cluster, NotCandidate } from '../core/decomposition.js';
import type { GraphNode } from '../core/graphData.js';
import type { PlanSource } from './estateView.js';

/**
 * Name tokens (of a project file, split at `.`, `-`, `_`) of tooling projects: `Api.IntegrationTests`, `MicroBenchmarks`,
 * `SeederApi`, `AppHost`; and of operational tools that run against the product, not in it: `DbMigrator`,
 * `SqlMigrations`, `Setup`, `Installer`, `Tools`, `Cli`.
 */
const TOOLING_PROJECT_TOKEN =
  /^(?:\w*Tests?|\w*Benchmarks?|\w*Seed\w*|\w*DataGenerators?|AppHost|Aspire\w*|LoadTests?|Perf(?:ormance)?(?:Tests?)?|\w*Migrat(?:or|ions?)\w*|Setup|\w*Installers?|Tools?|Cli)$/;
/** Folder segments that hold tooling: `perf/load/*.js`, `test/`, `benchmarks/`, `seeders/`. */
const TOOLING_FOLDER =
  /^(?:tests?|e2e|perf|performance|load-?tests?|benchmarks?|microbenchmarks|seeders?|seeds|seeding|apphost)$/i;
/**
 * Folders of a project's path that hold operational tools (`tools/DbUp/DbUp.csproj`, `setup/`, `migrations/`). Only a
 * project's own path: a `Tools` or `Migrations` folder inside a business project is a feature area or its EF migrations.
 */
const OPERATIONAL_FOLDER = /^(?:tools|setup|installers?|migrations?|migrators?)$/i;
/** Packages only tooling references: benchmark, test and load-test runners, the Aspire dev host. */
const TOOLING_PACKAGE =
  /^package:(?:nuget:(?:benchmarkdotnet|aspire\.hosting|xunit|nunit|mstest|microsoft\.net\.test\.sdk|nbomber|bogus)|npm:(?:k6|artillery|autocannon))(?:[.@/]|$)/;

/** Namespace or folder segments of host plumbing: DI registration, Swagger/OpenAPI setup, hosting, settings. */
const INFRA_SEGMENT =
  /^(?:DependencyInjection|Swagger|OpenApi|Swashbuckle|Hosting|ServiceDefaults|HealthChecks|Settings|Options|Configuration)$/i;
/** Type names of host plumbing: entry points, registration extensions, Swagger filters, settings. */
const INFRA_TYPE =
  /^(?:Program|Startup)$|(?:ServiceCollectionExtensions|BuilderExtensions|HostExtensions|OperationFilter|SchemaFilter|DocumentFilter|Settings|Options)$/;

/** At least this share of a cluster's units are tooling or plumbing (a seeder may sweep in a few entities). */
const TOOLING_SHARE = 0.5;
const INFRA_SHARE = 0.75;

/** Cluster id → why it is no candidate; the shared layer is not judged (it is never ranked). */
export function toolingClusters(source: PlanSource): Map<string, NotCandidate> {
  const nodes = new Map<string, GraphNode>(source.graph.nodes.map((n) => [n.id, n]));
  const toolingPackages = new Map<string, string>();
  const serving = new Set<string>();
  // One pass over the edges: the tooling package each project references, the units serving endpoints.
  for (const edge of source.graph.edges) {
    if (edge.kind === 'package-ref' && TOOLING_PACKAGE.test(edge.to) && !toolingPackages.has(edge.from))
      toolingPackages.set(edge.from, edge.to.slice(edge.to.indexOf(':', 8) + 1));
    else if (edge.kind === 'serves') serving.add(edge.from);
  }
  const projectReason = (project: string): string | undefined => {
    const path = project.slice(project.indexOf('/') + 1);
    const segments = path.split('/');
    const file = segments.pop() ?? '';
    const token = file
      .replace(/\.[^.]+$/, '')
      .split(/[.\-_]/)
      .find((t) => TOOLING_PROJECT_TOKEN.test(t));
    if (token) return `project ${file} is ${token}`;
    const folder = segments.find((s) => TOOLING_FOLDER.test(s) || OPERATIONAL_FOLDER.test(s));
    if (folder) return `project ${file} sits under ${folder}/`;
    const pkg = toolingPackages.get(project);
    return pkg ? `project ${file} references ${pkg}` : undefined;
  };
  const reasonCache = new Map<string, string | undefined>();
  const unitReason = (node: GraphNode | undefined): string | undefined => {
    if (!node) return undefined;
    const project = (node.data as { project?: unknown } | undefined)?.project;
    if (typeof project === 'string') {
      if (!reasonCache.has(project)) reasonCache.set(project, projectReason(project));
      const reason = reasonCache.get(project);
      if (reason) return reason;
    }
    const folder = (node.path ?? '')
      .split('/')
      .slice(0, -1)
      .find((s) => TOOLING_FOLDER.test(s));
    return folder ? `its files sit under ${folder}/` : undefined;
  };
  const tooling = new Map<string, NotCandidate>();
  for (const cluster of source.decomposition.clusters) {
    if (cluster.shared) continue;
    const reason = toolingReason(cluster, nodes, serving, unitReason);
    if (reason) tooling.set(cluster.id, { cluster: cluster.id, name: cluster.name, reason });
  }
  return tooling;
}

function toolingReason(
  cluster: Cluster,
  nodes: ReadonlyMap<string, GraphNode>,
  serving: ReadonlySet<string>,
  unitReason: (node: GraphNode | undefined) => string | undefined,
): string | undefined {
  const size = cluster.members.length;
  if (size === 0) return undefined;
  const reasons = new Map<string, number>();
  for (const member of cluster.members) {
    const reason = unitReason(nodes.get(member));
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const tooled = [...reasons.values()].reduce((a, b) => a + b, 0);
  if (tooled >= TOOLING_SHARE * size) {
    const [top] = [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return `Tooling, not business code: ${tooled} of ${size} units where ${top![0]}.`;
  }
  // Plumbing only counts as such with no data and no endpoints of substance: a route the entry point or
  // startup maps itself (`MapGet("/alive")`, a static file) is the host's, a controller's is an area's API.
  if (cluster.tables.length > 0 || cluster.sharedTables.length > 0) return undefined;
  const plumbing = cluster.members.filter((m) => isPlumbing(nodes.get(m)));
  const entryPoints = plumbing.filter((m) => ENTRY_POINT_TYPE.test(simpleName(nodes.get(m)!)));
  const hostRoutes = new Set(entryPoints);
  if (cluster.members.some((m) => serving.has(m) && !hostRoutes.has(m))) return undefined;
  if (plumbing.length < INFRA_SHARE * size) return undefined;
  return entryPoints.length > 0
    ? `Host shell, not business code: ${plumbing.length} of ${size} units are its entry point and startup wiring (${entryPoints.map((m) => nodes.get(m)!.name).join(', ')}), with no tables, no domain types and no endpoints beyond the ones the startup maps.`
    : `Infrastructure library, not business code: ${plumbing.length} of ${size} units are host plumbing (DI, Swagger, hosting, settings), with no tables and no endpoints.`;
}

/** The types a host starts from. */
const ENTRY_POINT_TYPE = /^(?:Program|Startup)$/;

function isPlumbing(node: GraphNode | undefined): boolean {
  if (node?.kind !== 'type') return false;
  const name = simpleName(node);
  const namespace = String((node.data as { namespace?: unknown } | undefined)?.namespace ?? '');
  return INFRA_TYPE.test(name) || namespace.split('.').some((s) => INFRA_SEGMENT.test(s));
}

const simpleName = (node: GraphNode): string => node.name.slice(node.name.lastIndexOf('.') + 1);
