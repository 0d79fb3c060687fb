export * from "./alerting";
export * from "./common";
export * from "./edge";
export * from "./firestore";
export * from "./platform";
export * from "./services";
