export * from "./runtime-config";
export * from "./secrets";
export * from "./workloads-args";
export * from "./firestore-args";
