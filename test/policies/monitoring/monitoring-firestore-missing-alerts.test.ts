import { strict as assert } from "node:assert";
import { firestoreSignals, monitoringFirestoreMissingAlerts as policy } from "../../../policies/monitoring";
import { stackMessages, stackNotApplicable } from "../harness";
import { bucket, deployment, firestoreDatabase, labelledAlert } from "./fixtures";

const alerts = () => firestoreSignals.map((s) => labelledAlert("firestore", s));

describe("monitoring-firestore-missing-alerts", () => {
    it("passes a Firestore database with its read-spike, rules-denied and needs-index alerts", async () => {
        assert.deepEqual(await stackMessages(policy, [firestoreDatabase(), ...alerts()]), []);
    });

    it("refuses a database without any Firestore alert, naming it", async () => {
        assert.deepEqual(await stackMessages(policy, [firestoreDatabase()]), [
            "Firestore database \"(default)\" has no enabled Firestore read-spike, Firestore rules-denied and Firestore needs-index alert policy labelled service=firestore, so runbook 000's checks are done by hand or not at all. Declare golive:alerting.firestore with readOpsPerSecond; the monitoring component adds every Firestore alert.",
        ]);
    });

    it("refuses a stack whose Firestore alerts lack the rules-denied one, even without a declared database", async () => {
        const partial = alerts().filter((r) => !r.urn.endsWith("firestore-rules-denied"));
        assert.deepEqual(await stackMessages(policy, partial), [
            "this stack's Firestore has no enabled Firestore rules-denied alert policy labelled service=firestore, so runbook 000's checks are done by hand or not at all. Declare golive:alerting.firestore with readOpsPerSecond; the monitoring component adds every Firestore alert.",
        ]);
    });

    it("counts a disabled alert as missing", async () => {
        const disabled = [firestoreDatabase(), ...alerts().map((r) => (r.urn.endsWith("firestore-reads") ? labelledAlert("firestore", "firestore-reads", (p) => { p.enabled = false; }) : r))];
        assert.equal((await stackMessages(policy, disabled))[0]?.startsWith("Firestore database \"(default)\" has no enabled Firestore read-spike (its alert policy is disabled) alert policy"), true);
    });

    it("reports a stack without Firestore as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket(), deployment("q2q-pipeline"), labelledAlert("q2q-pipeline", "error-rate")]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, [firestoreDatabase()]), []);
    });
});
