// The lint test lints other text under this file's name; this text is what lint and tsc see.
import * as pulumi from "@pulumi/pulumi";

const host = pulumi.output("api.teei.example.com");
export const url = pulumi.interpolate`https://${host}/health`;
