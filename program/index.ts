export * from "./cluster-args";
export * from "./runtime-config";
export * from "./secrets";
export * from "./workloads-args";
export * from "./edge-args";
export * from "./firestore-args";
export * from "./monitoring-args";
export * from "./launch-args";
