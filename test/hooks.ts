/**
 * Mocha root hooks: one served policy pack for the whole run (commands called in-process
 * and the corpus cases share it; a subprocess starts its own), and one plain notice each when the
 * real-file corpus or the runbooks were not there to run.
 */
import { sharePolicyPacks, stopSharedPolicyPacks } from "../tools/analyzer/pack-process";
import { corpusCasesNotRun, corpusDir, corpusPresent, runbookCasesNotRun, runbooksDir, runbooksPresent } from "./corpus";

export const mochaHooks = {
    beforeAll(): void {
        sharePolicyPacks();
    },
    async afterAll(): Promise<void> {
        await stopSharedPolicyPacks();
        if (!corpusPresent) {
            console.log(
                `\n  note: ${corpusCasesNotRun()} real-file corpus cases not run: ${corpusDir} is absent ` +
                    "(CI has it beside the checkout; set GOLIVE_CORPUS to run them, see README \"Real-file corpus\")",
            );
        }
        if (!runbooksPresent) {
            console.log(
                `\n  note: ${runbookCasesNotRun()} runbook cases not run: ${runbooksDir} is absent ` +
                    "(CI has it beside the checkout; set GOLIVE_RUNBOOKS to run them, see README \"Real-file corpus\")",
            );
        }
    },
};
