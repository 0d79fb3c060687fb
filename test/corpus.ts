/**
 * The files golive's authors did not write, kept beside the checkout in `../shared/` and never
 * copied into this repository: the real-file corpus (`../shared/corpus/`, or `GOLIVE_CORPUS`)
 * and the go-live runbooks the checklist comes from (`../shared/runbooks/`, or
 * `GOLIVE_RUNBOOKS`). CI always has both (.ci/run refuses to run without them). Without them
 * their cases are skipped, counted, and reported once at the end of the run (test/hooks.ts);
 * golive's own fixtures in test/fixtures/ cover every shape the corpus taught.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const projectDir = path.resolve(__dirname, "..");

export const corpusDir = process.env["GOLIVE_CORPUS"]
    ? path.resolve(process.env["GOLIVE_CORPUS"])
    : path.resolve(projectDir, "..", "shared", "corpus");

export const corpusPresent = fs.existsSync(path.join(corpusDir, "README.md"));

export const runbooksDir = process.env["GOLIVE_RUNBOOKS"]
    ? path.resolve(process.env["GOLIVE_RUNBOOKS"])
    : path.resolve(projectDir, "..", "shared", "runbooks");

export const runbooksPresent = fs.existsSync(path.join(runbooksDir, "README.md"));

const skipped = { corpus: 0, runbooks: 0 };

/** Real-file cases skipped because the corpus is absent. */
export function corpusCasesNotRun(): number {
    return skipped.corpus;
}

/** Runbook cases skipped because the runbooks are absent. */
export function runbookCasesNotRun(): number {
    return skipped.runbooks;
}

/** `it` for a case that reads files beside the checkout: skipped and counted when they are absent. */
function itReading(what: keyof typeof skipped, present: boolean) {
    return (title: string, fn: (this: Mocha.Context) => unknown): void => {
        it(title, function () {
            if (!present) {
                skipped[what]++;
                this.skip();
            }
            return fn.call(this);
        });
    };
}

/** `it` for a case that reads the corpus. */
export const itCorpus = itReading("corpus", corpusPresent);

/** `it` for a case that reads the runbooks. */
export const itRunbooks = itReading("runbooks", runbooksPresent);

/** A file of the corpus, e.g. `corpusPath("stack-exports", "x.json")`. */
export function corpusPath(...parts: string[]): string {
    return path.join(corpusDir, ...parts);
}

/**
 * One case per file of a corpus folder (sorted). Without the corpus there is no list to
 * iterate, so one case stands for the whole folder and is counted as not run.
 */
export function itEachCorpusFile(folder: string, title: (file: string) => string, fn: (this: Mocha.Context, file: string) => unknown): void {
    if (!corpusPresent) {
        itCorpus(title(`every file of ${folder}/`), () => undefined);
        return;
    }
    for (const file of fs.readdirSync(path.join(corpusDir, folder)).sort()) {
        it(title(file), function () {
            return fn.call(this, path.join(corpusDir, folder, file));
        });
    }
}
