/**
 * The rollback budget (runbook 004 § Rollback Procedure, "20 mins"; Rollback Testing, "Measure
 * Rollback Duration: Target <= 20 mins"): from the declared infrastructure alone, the worst-case
 * time a rollback takes, and the time a deploy takes, each with the steps it was computed from.
 * The policy platform-stack-enforce-rollback-budget judges it and the offline gate's report shows
 * it; both call `rollbackBudget`, so the figure a person reads is the one the gate judged.
 *
 * The model, for a healthy rollout (a pod that never becomes ready fails the rollout, which is
 * a different incident):
 * - release switch: `pulumi up` of the config change (an image version, the frontend's active
 *   release) until the engine starts updating resources; policy config, the runbook's 2 minutes
 *   for the rollback decision.
 * - a Deployment rolls in waves: at most maxSurge new pods (maxUnavailable 0, so no old one goes
 *   first) at the replica count its HPA may have reached (maxReplicas), each wave waiting for
 *   the image pull (policy config), the startup probe's whole allowance (initialDelaySeconds +
 *   failureThreshold x periodSeconds: the worst a healthy slow start may take), the readiness
 *   probe (initialDelaySeconds + successThreshold x periodSeconds) and minReadySeconds; the last
 *   old pods then drain for their terminationGracePeriodSeconds.
 * - the frontend: the entry points' cache lifetime (edge or browser, whichever is longer, of the
 *   cache rules keeping files under a day; longer-lived files are versioned and never change).
 * - DNS: the longest TTL of the address records (a proxied record with the automatic TTL is
 *   answered with Cloudflare's 300 s), what resolvers keep an answer a rollback moves back.
 * Only the Deployments golive declares (its part-of label) are counted.
 * One `pulumi up` applies them together, so a rollback takes the release switch plus the slowest
 * of the rest. A deploy moves no DNS record (golive's addresses are reserved), so its figure is
 * the release switch plus the slowest of the rollouts and the frontend.
 */
import type { Json } from "../lib/json";
import { isKind, nameOf, namespaceOf } from "../lib/kubernetes";
import { intOrPercent, type IntOrPercent } from "../workloads/int-or-percent";
import { configNumber } from "../lib/policy-config";
import { addressRecordTypes, cloudflareTypes, dnsRecordTypes, isEnabled, recordType, rulesOf } from "../edge/cloudflare";
import { labelledGolive } from "./services";
import { automaticTtl, dnsMaxTtlSeconds, versionedMinEdgeTtlSeconds } from "../edge/thresholds";

/** Runbook 004: "Rollback Procedure (20 mins)". */
export const rollbackBudgetMinutesDefault = 20;
/** Runbook 004 § Rollback Procedure, Step 1: Decision (2 mins). */
export const releaseSwitchSecondsDefault = 120;
/** No runbook figure: a pull of a cached base with a changed top layer on GKE's image streaming. */
export const imagePullSecondsDefault = 30;
/** What Cloudflare answers for a proxied record with the automatic TTL. */
export const proxiedDnsTtlSeconds = dnsMaxTtlSeconds;

export interface BudgetSettings {
    budgetMinutes: number;
    releaseSwitchSeconds: number;
    imagePullSeconds: number;
}

export const budgetDefaults: BudgetSettings = {
    budgetMinutes: rollbackBudgetMinutesDefault,
    releaseSwitchSeconds: releaseSwitchSecondsDefault,
    imagePullSeconds: imagePullSecondsDefault,
};

/** The settings of a policy config (values the configSchema validated), defaults for the rest. */
export function budgetSettings(config: Record<string, unknown>): BudgetSettings {
    const n = (k: keyof BudgetSettings) => configNumber(config, k, budgetDefaults[k]);
    return { budgetMinutes: n("budgetMinutes"), releaseSwitchSeconds: n("releaseSwitchSeconds"), imagePullSeconds: n("imagePullSeconds") };
}

/** One term of a figure: what it is, its seconds, and how they were computed. */
export interface BudgetStep {
    step: string;
    seconds: number;
    how: string;
}

export interface RollbackBudget {
    /** Worst-case seconds to roll back, and to deploy. */
    rollbackSeconds: number;
    deploySeconds: number;
    budgetSeconds: number;
    /** The release switch, then every term the slowest is taken from (rollouts, frontend, DNS). */
    rollback: BudgetStep[];
    deploy: BudgetStep[];
    /** The term that decided each figure beside the release switch (undefined when there is none). */
    slowestRollback?: BudgetStep;
    slowestDeploy?: BudgetStep;
}

export interface BudgetResource {
    type: string;
    props: Json;
}

const num = (v: unknown, fallback: number): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

/** The step of a Deployment's rollout starts with this; the rest is the Deployment's name. */
const rolloutStep = "rollout of Deployment ";

/** A count from an IntOrPercent of `of` pods, rounded as the deployment controller does (surge up, unavailable down). */
function podsOf(v: IntOrPercent | undefined, of: number, round: "up" | "down", fallback: number): number {
    if (!v) return fallback;
    if ("int" in v) return v.int;
    const exact = (v.percent * of) / 100;
    return round === "up" ? Math.ceil(exact) : Math.floor(exact);
}

function deploymentRollout(d: BudgetResource, hpas: readonly BudgetResource[], s: BudgetSettings): BudgetStep {
    const name = `${namespaceOf(d.props)}/${nameOf(d.props)}`;
    const spec: Json = d.props?.spec ?? {};
    const hpa = hpas.find((h) => h.props?.spec?.scaleTargetRef?.kind === "Deployment" && h.props?.spec?.scaleTargetRef?.name === nameOf(d.props) && namespaceOf(h.props) === namespaceOf(d.props));
    const replicas = hpa ? num(hpa.props?.spec?.maxReplicas, 1) : num(spec.replicas, 1);
    const rolling: Json = spec.strategy?.rollingUpdate ?? {};
    const recreate = spec.strategy?.type === "Recreate";
    // The API's defaults are 25 % / 25 %; a surge of 0 with nothing unavailable cannot progress, so count one pod at a time.
    const surge = recreate ? replicas : podsOf(intOrPercent(rolling.maxSurge), replicas, "up", Math.ceil(replicas / 4));
    const unavailable = recreate ? 0 : podsOf(intOrPercent(rolling.maxUnavailable), replicas, "down", Math.floor(replicas / 4));
    const perWave = Math.max(1, surge + unavailable);
    const waves = Math.ceil(replicas / perWave);
    const pod: Json = spec.template?.spec ?? {};
    const containers: Json[] = Array.isArray(pod.containers) ? pod.containers : [];
    // Containers start together: the slowest one's probes decide when the pod is ready.
    let startup = 0;
    let readiness = 0;
    for (const c of containers) {
        const sp: Json = c?.startupProbe;
        if (sp) startup = Math.max(startup, num(sp.initialDelaySeconds, 0) + num(sp.failureThreshold, 3) * num(sp.periodSeconds, 10));
        const rp: Json = c?.readinessProbe;
        if (rp) readiness = Math.max(readiness, num(rp.initialDelaySeconds, 0) + num(rp.successThreshold, 1) * num(rp.periodSeconds, 10));
    }
    const minReady = num(spec.minReadySeconds, 0);
    const grace = num(pod.terminationGracePeriodSeconds, 30);
    const wave = s.imagePullSeconds + startup + readiness + minReady;
    const seconds = waves * wave + grace;
    const how =
        `${waves} wave${waves === 1 ? "" : "s"} of ${perWave} pod${perWave === 1 ? "" : "s"} (${replicas} replicas${hpa ? " at the HPA's maxReplicas" : ""}, maxSurge ${surge}, maxUnavailable ${unavailable}) x ` +
        `${wave} s (image pull ${s.imagePullSeconds} + startup probe ${startup} + readiness ${readiness} + minReadySeconds ${minReady}) + ${grace} s termination grace of the last old pods`;
    return { step: `${rolloutStep}${name}`, seconds, how };
}

function frontendStep(resources: readonly BudgetResource[]): BudgetStep | undefined {
    let worst: { seconds: number; rule: string } | undefined;
    for (const r of resources.filter((x) => x.type === cloudflareTypes.ruleset && x.props?.phase === "http_request_cache_settings")) {
        for (const rule of rulesOf(r.props)) {
            const p: Json = rule?.actionParameters ?? {};
            if (!isEnabled(rule) || p.cache !== true) continue;
            const ttls = [p.edgeTtl, p.browserTtl].filter((t: Json) => t?.mode === "override_origin" && typeof t.default === "number").map((t: Json) => t.default as number);
            const edge = typeof p.edgeTtl?.default === "number" ? (p.edgeTtl.default as number) : undefined;
            // Files kept a day or more are the versioned ones, which a release never rewrites.
            if (edge !== undefined && edge >= versionedMinEdgeTtlSeconds) continue;
            const seconds = Math.max(0, ...ttls);
            if (!worst || seconds > worst.seconds) worst = { seconds, rule: typeof rule.ref === "string" ? rule.ref : "(unnamed rule)" };
        }
    }
    return worst && { step: "frontend release switch", seconds: worst.seconds, how: `entry points cached up to ${worst.seconds} s (cache rule "${worst.rule}", edge or browser); the release is in the cache key, so no purge is waited for` };
}

function dnsStep(resources: readonly BudgetResource[]): BudgetStep | undefined {
    let worst: { seconds: number; record: string } | undefined;
    for (const r of resources.filter((x) => dnsRecordTypes.includes(x.type) && addressRecordTypes.includes(recordType(x.props)))) {
        const ttl = r.props?.ttl === automaticTtl || r.props?.ttl === undefined ? (r.props?.proxied === true ? proxiedDnsTtlSeconds : undefined) : num(r.props?.ttl, NaN);
        if (ttl === undefined || Number.isNaN(ttl)) continue;
        const record = `${String(r.props?.type)} ${String(r.props?.name ?? "")}`;
        if (!worst || ttl > worst.seconds) worst = { seconds: ttl, record };
    }
    return worst && { step: "DNS", seconds: worst.seconds, how: `resolvers keep a moved record up to its TTL: ${worst.seconds} s (${worst.record}${worst.seconds === proxiedDnsTtlSeconds ? ", proxied records answer with 300 s" : ""})` };
}

/** Whether the budget rolls out any Deployment golive declares (else there is nothing for it to judge). */
export function hasRollout(b: RollbackBudget): boolean {
    return b.rollback.some((s) => s.step.startsWith(rolloutStep));
}

function slowest(steps: readonly BudgetStep[]): BudgetStep | undefined {
    return steps.reduce<BudgetStep | undefined>((a, b) => (!a || b.seconds > a.seconds ? b : a), undefined);
}

/** The rollback budget of a stack's resources (the engine's `{type, props}` of each). */
export function rollbackBudget(resources: readonly BudgetResource[], settings: BudgetSettings = budgetDefaults): RollbackBudget {
    const hpas = resources.filter((r) => isKind(r.type, "autoscaling", "HorizontalPodAutoscaler"));
    // golive's Deployments: the model is golive's (one pulumi up applies the version change).
    const rollouts = resources.filter((r) => isKind(r.type, "apps", "Deployment") && labelledGolive(r.props)).map((d) => deploymentRollout(d, hpas, settings));
    const frontend = frontendStep(resources);
    const dns = dnsStep(resources);
    const release: BudgetStep = { step: "release switch", seconds: settings.releaseSwitchSeconds, how: `pulumi up of the changed version until the engine updates resources (policy config releaseSwitchSeconds)` };
    const deployTerms = [...rollouts, ...(frontend ? [frontend] : [])];
    const rollbackTerms = [...deployTerms, ...(dns ? [dns] : [])];
    const slowestRollback = slowest(rollbackTerms);
    const slowestDeploy = slowest(deployTerms);
    return {
        rollbackSeconds: release.seconds + (slowestRollback?.seconds ?? 0),
        deploySeconds: release.seconds + (slowestDeploy?.seconds ?? 0),
        budgetSeconds: settings.budgetMinutes * 60,
        rollback: [release, ...rollbackTerms],
        deploy: [release, ...deployTerms],
        ...(slowestRollback ? { slowestRollback } : {}),
        ...(slowestDeploy ? { slowestDeploy } : {}),
    };
}

/** Seconds as people read a duration: `15 min 45 s`, `45 s`. */
export function formatDuration(seconds: number): string {
    const m = Math.floor(seconds / 60);
    const s = Math.round(seconds - m * 60);
    return m === 0 ? `${s} s` : s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** One line for each figure: total, then the release switch plus the slowest term. */
export function budgetSummary(b: RollbackBudget): string[] {
    const line = (what: string, total: number, slow: BudgetStep | undefined) =>
        `${what}: ${formatDuration(total)} = release switch ${b.rollback[0]!.seconds} s + ${slow ? `slowest, ${slow.step}: ${slow.seconds} s (${slow.how})` : "nothing to roll out"}`;
    return [line("rollback", b.rollbackSeconds, b.slowestRollback) + `; budget ${formatDuration(b.budgetSeconds)}`, line("deploy", b.deploySeconds, b.slowestDeploy)];
}
