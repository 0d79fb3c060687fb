/**
 * Mocha root hooks: one served policy pack for the whole run (commands called in-process
 * and the corpus cases share it; a subprocess starts its own), and one plain notice when the
 * real-file corpus was not there to run.
 */
import { sharePolicyPacks, stopSharedPolicyPacks } from "../tools/analyzer/pack-process";
import { corpusCasesNotRun, corpusDir, corpusPresent } from "./corpus";

export const mochaHooks = {
    beforeAll(): void {
        sharePolicyPacks();
    },
    async afterAll(): Promise<void> {
        await stopSharedPolicyPacks();
        if (corpusPresent) return;
        console.log(
            `\n  note: ${corpusCasesNotRun()} real-file corpus cases not run: ${corpusDir} is absent ` +
                "(CI has it beside the checkout; set GOLIVE_CORPUS to run them, see README \"Real-file corpus\")\n",
        );
    },
};
