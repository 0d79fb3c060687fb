import * as fs from "node:fs";
import type { Query } from "../../policies/firestore/query";
import { parseQueries, QueriesManifestError } from "../../schema/firestore-queries";
import { InputError } from "../cli/errors";

/** Reads and validates a manifest file; throws InputError with one line per problem. */
export function readQueriesFile(file: string): Query[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read the queries manifest: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
        return parseQueries(text, file);
    } catch (e) {
        if (e instanceof QueriesManifestError) throw new InputError(e.message);
        throw e;
    }
}

