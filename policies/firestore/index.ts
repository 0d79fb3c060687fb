// Firestore: the Firebase CLI's index file and index coverage of the app's queries. Pure
// modules the tools and, later, this area's policies share; no policy is registered yet.
export * from "./index-coverage";
export * from "./indexes-file";
export * from "./json-with-comments";
export * from "./query";
