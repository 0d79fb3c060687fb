import { resourcePolicy, resourceTypes } from "../lib";
import { describeUptimeCheck } from "./uptime-checks";
import { configNumber, durationSeconds, gcpTypes } from "./resources";
import { uptime } from "./thresholds";
import { distinctRegions, regionsCovered } from "./uptime";

/**
 * Runbook 004: synthetic checks every minute from 5 global locations. The period defaults
 * to 300 s when unset (the API's default), and an empty region list means every region.
 * `USA` counts as the three US regions it stands for, never twice beside one of them.
 */
export const monitoringUptimecheckConfigureSchedule = resourcePolicy({
    name: "monitoring-uptimecheck-configure-schedule",
    description: "Every uptime check runs at least every 60 s from at least 5 regions.",
    severity: "high",
    runbook: ["004.monitoring.synthetic"],
    remediation: `Set period to "60s" (golive:alerting.uptimePeriod) and selectedRegions to at least 5 of ${distinctRegions.join(", ")}.`,
    appliesTo: resourceTypes("Cloud Monitoring uptime checks", gcpTypes.uptimeCheck),
    configSchema: {
        properties: {
            maxPeriodSeconds: { type: "integer", enum: [60, 300, 600, 900], default: uptime.periodSeconds },
            minRegions: { type: "integer", minimum: 3, maximum: distinctRegions.length, default: uptime.minRegions },
        },
    },
    validateResource: (args, reportViolation) => {
        const config = args.getConfig<Record<string, unknown>>();
        const maxPeriod = configNumber(config, "maxPeriodSeconds", uptime.periodSeconds);
        const minRegions = configNumber(config, "minRegions", uptime.minRegions);
        const check = describeUptimeCheck(args.props);
        const period = durationSeconds(args.props.period ?? "300s");
        if (period === undefined || period > maxPeriod) {
            const text = period === undefined ? `an unreadable period ${JSON.stringify(args.props.period)}` : args.props.period === undefined ? "every 300 s (period unset)" : `every ${period} s`;
            reportViolation(`${check} runs ${text}, less often than every ${maxPeriod} s, so an outage can go ${period ?? "?"} s unseen before the first failure. Set period to "${maxPeriod}s" (golive:alerting.uptimePeriod).`);
        }
        const regions = regionsCovered(args.props.selectedRegions);
        if (regions.length < minRegions) {
            reportViolation(`${check} runs from ${regions.length} region${regions.length === 1 ? "" : "s"} (${regions.join(", ") || "none"}), fewer than ${minRegions}, so one region's network trouble looks like an outage or hides one. Add regions to selectedRegions from ${distinctRegions.filter((r) => !regions.includes(r)).join(", ")}.`);
        }
    },
});
