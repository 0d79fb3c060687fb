export * from "./alerting";
export * from "./common";
export * from "./edge";
export * from "./firestore";
export * from "./image";
export * from "./platform";
export * from "./services";
