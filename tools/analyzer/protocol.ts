/**
 * Builds the Analyzer service's request messages from engine resources, the way the
 * Pulumi engine fills them in (pkg/resource/plugin/analyzer_plugin.go): inputs for
 * `analyze`, outputs for `analyzeStack`, options always present.
 */
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { providerUrn, urnName, type EngineResource } from "./resource";

type ResourceIndex = ReadonlyMap<string, EngineResource>;

function struct(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]);
}

function options(r: EngineResource): analyzerProto.AnalyzerResourceOptions {
    const o = new analyzerProto.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    o.setIgnorechangesList(r.ignoreChanges ?? []);
    o.setAdditionalsecretoutputsList(r.additionalSecretOutputs ?? []);
    o.setAliasesList(r.aliases ?? []);
    if (r.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplacedefined(true);
        o.setDeletebeforereplace(r.deleteBeforeReplace);
    }
    o.setCustomtimeouts(new analyzerProto.AnalyzerResourceOptions.CustomTimeouts());
    if (r.parent) o.setParent(r.parent);
    return o;
}

function provider(r: EngineResource, index: ResourceIndex): analyzerProto.AnalyzerProviderResource | undefined {
    if (!r.provider) return undefined;
    const urn = providerUrn(r.provider);
    const p = index.get(urn);
    const msg = new analyzerProto.AnalyzerProviderResource();
    msg.setUrn(urn);
    msg.setName(urnName(urn));
    msg.setType(p?.type ?? urn.split("::")[2] ?? "");
    msg.setProperties(struct(p?.inputs ?? {}));
    return msg;
}

export function analyzeRequest(r: EngineResource, index: ResourceIndex): analyzerProto.AnalyzeRequest {
    const req = new analyzerProto.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(urnName(r.urn));
    req.setProperties(struct(r.inputs));
    req.setOptions(options(r));
    const p = provider(r, index);
    if (p) req.setProvider(p);
    return req;
}

export function analyzerResource(r: EngineResource, index: ResourceIndex): analyzerProto.AnalyzerResource {
    const res = new analyzerProto.AnalyzerResource();
    res.setUrn(r.urn);
    res.setType(r.type);
    res.setName(urnName(r.urn));
    res.setProperties(struct(r.outputs));
    res.setOptions(options(r));
    const p = provider(r, index);
    if (p) res.setProvider(p);
    if (r.parent) res.setParent(r.parent);
    res.setDependenciesList(r.dependencies);
    const deps = res.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const d = new analyzerProto.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return res;
}

export function analyzeStackRequest(resources: readonly EngineResource[]): analyzerProto.AnalyzeStackRequest {
    const index = new Map(resources.map((r) => [r.urn, r]));
    const req = new analyzerProto.AnalyzeStackRequest();
    req.setResourcesList(resources.map((r) => analyzerResource(r, index)));
    return req;
}

/** What a diagnostic says, in plain fields. */
export interface Diagnostic {
    policyName: string;
    message: string;
    enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    severity: "low" | "medium" | "high" | "critical" | "unspecified";
    urn: string | null;
}

const levels = ["advisory", "mandatory", "disabled", "remediate"] as const;
const severities = ["unspecified", "low", "medium", "high", "critical"] as const;

export function diagnostics(resp: analyzerProto.AnalyzeResponse, urn: string | null): Diagnostic[] {
    return resp.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        message: d.getMessage(),
        enforcementLevel: levels[d.getEnforcementlevel()] ?? "advisory",
        severity: severities[d.getSeverity()] ?? "unspecified",
        urn: d.getUrn() || urn,
    }));
}
