export * from "./define";
export * from "./kubernetes";
export * from "./kubernetes-api";
export * from "./image";
export * from "./launch";
