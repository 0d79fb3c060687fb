/** Firestore arguments as index.ts builds them, from the real stack files and the example firestore/ files. */
import type { FirestoreArgs } from "../../../components/firestore";
import { parseStackConfig } from "../../../config";
import { firestoreArgs } from "../../../program";
import { projectDir, rawConfig } from "../../config/stack-files";

export function stackArgs(stack: "production" | "staging"): FirestoreArgs {
    const stackFile = `Pulumi.${stack}.yaml`;
    const args = firestoreArgs(parseStackConfig(rawConfig(stack), () => false, stackFile, stack), { projectDir, stackFile });
    if (!args) throw new Error(`${stackFile} declares no golive:firestore`);
    return args;
}
