export * from "./define";
export * from "./kubernetes";
export * from "./image";
export * from "./resource-types";
