export * from "./define";
export * from "./kubernetes";
export * from "./image";
