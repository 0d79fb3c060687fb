import { resourcePolicy } from "../lib";
import { isEnabled, ruleLabel, rulesets, rulesOf } from "./cloudflare";

const phase = "http_request_cache_settings";
const fix = "Set actionParameters.cacheKey.cacheDeceptionArmor: true on every cache rule that sets cache: true.";

/**
 * Cache Deception Armor on every rule that makes responses cacheable: Cloudflare then
 * stores a response only when its Content-Type matches the URL's extension, so
 * /account/settings/x.css cannot trick the cache into storing a private page.
 */
export const edgeCacheruleEnforceDeceptionArmor = resourcePolicy({
    name: "edge-cacherule-enforce-deception-armor",
    description: "Every cache rule that makes responses cacheable turns Cache Deception Armor on.",
    severity: "high",
    runbook: ["004.infra.cdn-cache"],
    remediation: fix,
    appliesTo: rulesets,
    validateResource: (args, reportViolation) => {
        if (args.props.phase !== phase) args.notApplicable(`only ${phase} rulesets make responses cacheable`);
        rulesOf(args.props).forEach((rule, index) => {
            if (!isEnabled(rule) || rule.action !== "set_cache_settings" || rule.actionParameters?.cache !== true) return;
            if (rule.actionParameters?.cacheKey?.cacheDeceptionArmor !== true) {
                reportViolation(`Cache ${ruleLabel(rule, index)} of ruleset ${args.name} makes responses cacheable without Cache Deception Armor, so a private page requested as /page/x.css can be stored and served to others. ${fix}`);
            }
        });
    },
});
