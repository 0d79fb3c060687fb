/** Mocha root hooks: one plain notice when the real-file corpus was not there to run. */
import { corpusCasesNotRun, corpusDir, corpusPresent } from "./corpus";

export const mochaHooks = {
    afterAll(): void {
        if (corpusPresent) return;
        console.log(
            `\n  note: ${corpusCasesNotRun()} real-file corpus cases not run: ${corpusDir} is absent ` +
                "(CI has it beside the checkout; set GOLIVE_CORPUS to run them, see README \"Real-file corpus\")\n",
        );
    },
};
