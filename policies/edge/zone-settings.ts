/**
 * One policy per zone setting, each built the same way: every zone the stack touches must
 * declare the setting (a zone that does not keeps whatever the dashboard last set, which
 * no review sees), with a compliant value. Not a policy itself.
 */
import type { Severity, StackValidationPolicy } from "@pulumi/policy";
import type { ChecklistId } from "../checklist";
import { stackPolicy, type Json } from "../lib";
import { cloudflareZones, zoneSettingsOf, zonesToJudge } from "./cloudflare";

export interface ZoneSettingRule {
    name: string;
    description: string;
    severity: Severity;
    runbook: readonly ChecklistId[];
    /** The setting as the API names it (`always_use_https`). */
    settingId: string;
    /** Why the value falls short (`is "full", not "strict"`), or undefined when it complies. */
    judge(value: Json): string | undefined;
    /** What the zone risks without it, for the message. */
    risk: string;
    /** What to declare. */
    fix: string;
}

export function zoneSettingPolicy(rule: ZoneSettingRule): StackValidationPolicy {
    return stackPolicy({
        name: rule.name,
        description: rule.description,
        severity: rule.severity,
        runbook: rule.runbook,
        remediation: rule.fix,
        appliesTo: cloudflareZones,
        validateStack: (args, reportViolation) => {
            for (const zone of zonesToJudge(args)) {
                const setting = zoneSettingsOf(args.resources, zone).get(rule.settingId);
                if (!setting) {
                    reportViolation(`Cloudflare zone ${zone} declares no ${rule.settingId} setting, so it keeps whatever was last set by hand: ${rule.risk}. ${rule.fix}`);
                    continue;
                }
                const why = rule.judge(setting.value);
                if (why) reportViolation(`Cloudflare zone ${zone}: ${rule.settingId} ${why}: ${rule.risk}. ${rule.fix}`, setting.resource.urn);
            }
        },
    });
}

/** A value for a message: strings quoted, anything else as JSON. */
export function shown(value: Json): string {
    return value === undefined ? "unset" : JSON.stringify(value);
}

/** Judge for an on/off setting that must be on. */
export function mustBeOn(value: Json): string | undefined {
    return value === "on" ? undefined : `is ${shown(value)}, not "on"`;
}
