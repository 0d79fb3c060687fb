export * from "./define";
export * from "./kubernetes";
export * from "./kubernetes-api";
export * from "./image";
export * from "./resource-types";
export * from "./keys";
export * from "./config-source";
export * from "./launch";
