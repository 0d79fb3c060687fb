/**
 * What a plan ships, per service, read from the validated stack config: the image version,
 * the replica range the HorizontalPodAutoscaler gets, the canary and its weight, and the
 * version `launch.rollbackTo` names. The report starts with it, so the people at the go/no-go
 * see what they are deciding on before the findings. Analyze has no stack config, so no ships.
 */
import { defaults } from "../../components/workloads/defaults";
import type { StackConfig } from "../../config";
import { imageDigest, imageTag } from "../../policies/lib/image";

export interface Ship {
    service: string;
    /** The full image reference. */
    image: string;
    /** Its tag, or the start of its digest (`v2.5.0`, `sha256:0123456789ab`, `v2.5.0@sha256:...`). */
    version: string;
    replicas: { min: number; max: number };
    canary: { image: string; version: string; weight: number } | null;
    /** `launch.rollbackTo` for this service, or null when the stack names none. */
    rollbackTo: string | null;
}

/** The version part of an image reference, short enough for a table. */
export function imageVersion(image: string): string {
    const tag = imageTag(image);
    const digest = imageDigest(image);
    const short = digest ? digest.slice(0, digest.indexOf(":") + 13) : undefined;
    if (tag && short) return `${tag}@${short}`;
    return tag ?? short ?? image;
}

type ShipsConfig = Pick<StackConfig, "environment" | "launch"> & { services: ReadonlyArray<Pick<StackConfig["services"][number], "name" | "image" | "replicas" | "canary">> };

export function shipsOf(config: ShipsConfig): Ship[] {
    return config.services.map((s) => ({
        service: s.name,
        image: s.image,
        version: imageVersion(s.image),
        // The component's default when the stack leaves replicas out: what the HPA gets.
        replicas: { ...(s.replicas ?? defaults.replicas[config.environment]) },
        canary: s.canary ? { image: s.canary.image, version: imageVersion(s.canary.image), weight: s.canary.weight } : null,
        rollbackTo: config.launch.rollbackTo?.[s.name] ?? null,
    }));
}

/** The table rows both renderers print: service, version, replicas, canary, rollback. */
export function shipRows(ships: readonly Ship[]): string[][] {
    return ships.map((s) => [
        s.service,
        s.version,
        `${s.replicas.min}..${s.replicas.max}`,
        s.canary ? `${s.canary.version} at ${s.canary.weight} %` : "none",
        s.rollbackTo ?? "not set",
    ]);
}

export const shipHeader = ["service", "version", "replicas", "canary", "rollback to"];
