/** Promise wrappers over the generated Analyzer client's callback methods. */
import type { ServiceError } from "@grpc/grpc-js";
import type { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

type Unary<Req, Resp> = (req: Req, cb: (err: ServiceError | null, resp: Resp) => void) => unknown;

function call<Req, Resp>(fn: Unary<Req, Resp>, req: Req): Promise<Resp> {
    return new Promise((resolve, reject) => {
        fn(req, (err, resp) => (err ? reject(new Error(err.details || err.message)) : resolve(resp)));
    });
}

export const rpc = {
    getAnalyzerInfo: (c: AnalyzerClient) => call<Empty, analyzerProto.AnalyzerInfo>(c.getAnalyzerInfo.bind(c), new Empty()),
    configure: (c: AnalyzerClient, req: analyzerProto.ConfigureAnalyzerRequest) => call(c.configure.bind(c), req),
    configureStack: (c: AnalyzerClient, req: analyzerProto.AnalyzerStackConfigureRequest) => call(c.configureStack.bind(c), req),
    analyze: (c: AnalyzerClient, req: analyzerProto.AnalyzeRequest) => call<analyzerProto.AnalyzeRequest, analyzerProto.AnalyzeResponse>(c.analyze.bind(c), req),
    analyzeStack: (c: AnalyzerClient, req: analyzerProto.AnalyzeStackRequest) => call<analyzerProto.AnalyzeStackRequest, analyzerProto.AnalyzeResponse>(c.analyzeStack.bind(c), req),
};
