import * as fs from "node:fs";
import * as path from "node:path";
import type { FirestoreArgs } from "../components/firestore";
import { ConfigError, namespace, type StackConfig } from "../config";
import { readIndexFile, type IndexFile } from "../policies/firestore/indexes-file";
import type { Query } from "../policies/firestore/query";
import { InputError } from "../tools/cli/errors";
import { parseQueries } from "../tools/indexes/read-queries";

export interface FirestoreFilesContext {
    /** The directory the config's paths are relative to: the project's, where Pulumi.yaml is. */
    projectDir: string;
    /** The stack file, for error messages. */
    stackFile: string;
    /** Receives what the Firebase CLI would ignore or rewrite in the indexes file (deployed as the CLI would). */
    warn?: (line: string) => void;
}

function readText(file: string, ctx: FirestoreFilesContext, key: string, what: string, problems: string[]): string | undefined {
    try {
        return fs.readFileSync(path.resolve(ctx.projectDir, file), "utf8");
    } catch (e) {
        problems.push(`${key}: ${file}: cannot read the ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; expected a path relative to the project directory (where Pulumi.yaml is)`);
        return undefined;
    }
}

/**
 * The Firestore component's plain args from the validated stack config, or undefined when
 * the stack declares no Firestore. Reads the indexes file and the queries manifest with the
 * readers `npm run indexes` uses; a problem in either is a config error (exit 2), one line
 * per problem naming the stack file, the key, the file and the entry.
 */
export function firestoreArgs(config: StackConfig, ctx: FirestoreFilesContext): FirestoreArgs | undefined {
    const fsConfig = config.firestore;
    if (!fsConfig) return undefined;
    const problems: string[] = [];
    const indexesKey = `${namespace}:firestore.indexesFile`;
    const queriesKey = `${namespace}:firestore.queriesFile`;

    let indexes: IndexFile = { indexes: [], fieldOverrides: [] };
    if (fsConfig.indexesFile) {
        const text = readText(fsConfig.indexesFile, ctx, indexesKey, "indexes file", problems);
        if (text !== undefined) {
            const reading = readIndexFile(text, fsConfig.indexesFile);
            problems.push(...reading.errors.map((e) => `${indexesKey}: ${e}`));
            if (reading.indexFile) indexes = reading.indexFile;
            for (const w of reading.warnings) ctx.warn?.(`${ctx.stackFile}: ${indexesKey}: ${w}`);
        }
    }

    let queries: Query[] = [];
    if (fsConfig.queriesFile) {
        const text = readText(fsConfig.queriesFile, ctx, queriesKey, "queries manifest", problems);
        if (text !== undefined) {
            try {
                queries = parseQueries(text, fsConfig.queriesFile);
            } catch (e) {
                if (!(e instanceof InputError)) throw e;
                problems.push(...e.message.split("\n").map((line) => `${queriesKey}: ${line}`));
            }
        }
    }
    if (problems.length) throw new ConfigError(problems.map((p) => `${ctx.stackFile}: ${p}`));

    const { backups } = fsConfig;
    return {
        environment: config.environment,
        project: config.gcp.project,
        locationId: fsConfig.locationId,
        databaseId: fsConfig.database,
        pointInTimeRecovery: fsConfig.pointInTimeRecovery,
        deleteProtection: fsConfig.deleteProtection,
        backups: {
            daily: backups.daily.enabled ? { retentionDays: backups.daily.retentionDays } : null,
            weekly: backups.weekly.enabled ? { retentionWeeks: backups.weekly.retentionWeeks, day: backups.weekly.day } : null,
        },
        indexes,
        queries,
        indexesFile: fsConfig.indexesFile ?? null,
        queriesFile: fsConfig.queriesFile ?? null,
    };
}
