/**
 * The parts of @pulumi/gcp this area uses, imported by path: the package's index re-exports
 * every Google service, and importing it puts about 2,500 declaration files into every
 * type-check and lint of the project (this way, about 400).
 */
export * as monitoring from "@pulumi/gcp/monitoring";
export * as logging from "@pulumi/gcp/logging";
export type * as input from "@pulumi/gcp/types/input";
