export * from "./define";
export * from "./kubernetes";
