export * from "./cluster-args";
export * from "./runtime-config";
export * from "./secrets";
export * from "./workloads-args";
