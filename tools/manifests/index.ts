/** Kubernetes manifests: read (multi-document YAML), validate (kubernetes-models), write. */
export { ManifestError } from "./errors";
export { describeObject, pulumiType, splitApiVersion, type ManifestObject } from "./object";
export { parseManifests, readManifests } from "./read";
export { validateManifest, type ManifestValidation } from "./validate";
export { toEngineResource } from "./engine";
export { assertManifestsFolder, assertValidManifests, generatedHeader, writeManifests, type WrittenManifests } from "./write";
