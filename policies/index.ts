// The only file that constructs the pack: `new PolicyPack` starts the Analyzer gRPC server.
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./all";

new PolicyPack(packName, {
    description: "golive launch readiness: the go-live runbooks' checklists as policies.",
    enforcementLevel: "mandatory",
    policies,
});
