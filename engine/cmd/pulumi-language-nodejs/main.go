// Command pulumi-language-nodejs is golive's own Node.js language host for the Pulumi CLI it
// builds, reduced to the one job the engine gives it here: starting a Node.js policy pack.
//
// Why it exists: the CLI (pkg/v3) starts a policy pack folder through the language host named
// by the pack's PulumiPolicy.yaml runtime (LanguageRuntime.RunPlugin, kind "analyzer"), and
// Pulumi's own host (module sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by the Go
// module proxy at any version. This host does what that one does for a policy pack, with the
// library pieces the served sdk/v3 module exports for exactly this purpose:
//
//   - resolve @pulumi/pulumi/cmd/run-policy-pack from the pack folder (Node's own resolution);
//   - run `node <run-policy-pack> <engine address> <pack folder>` in the pack folder, with
//     PULUMI_NODEJS_TYPESCRIPT / PULUMI_NODEJS_TSCONFIG_PATH from the runtime options;
//   - put sdk.PolicyProxy in front of it, so the stack configuration the engine sends
//     (ConfigureStack) reaches the pack as PULUMI_NODEJS_* / PULUMI_CONFIG environment
//     variables before it starts, and every other Analyzer call is forwarded to the pack.
//
// Programs (Run), code generation and dependency installation are refused with Unimplemented:
// golive never asks this host to run a program.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

const runPolicyPack = "@pulumi/pulumi/cmd/run-policy-pack"

func main() {
	// The engine passes its address as the last positional argument; -tracing and friends may
	// precede it and are accepted and ignored.
	flag.String("tracing", "", "accepted for compatibility; ignored")
	flag.Parse()

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &nodeHost{})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not serve: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: stopped serving: %v\n", err)
		os.Exit(1)
	}
}

type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
}

func (*nodeHost) Handshake(
	context.Context, *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (*nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: sdk.Version.String()}, nil
}

// runtimeOptions are the PulumiPolicy.yaml `runtime.options` this host understands.
type runtimeOptions struct {
	typescript   bool
	tsconfigPath string
}

func parseOptions(raw map[string]any) (runtimeOptions, error) {
	opts := runtimeOptions{typescript: true} // Pulumi's default for Node.js projects
	for key, value := range raw {
		switch key {
		case "typescript":
			b, ok := value.(bool)
			if !ok {
				return opts, fmt.Errorf("runtime option typescript must be true or false, got %v", value)
			}
			opts.typescript = b
		case "tsconfig":
			s, ok := value.(string)
			if !ok {
				return opts, fmt.Errorf("runtime option tsconfig must be a path, got %v", value)
			}
			opts.tsconfigPath = s
		default:
			// nodeargs, packagemanager, ...: not needed to start golive's pack; refusing them
			// is clearer than silently starting the pack differently from Pulumi's host.
			return opts, fmt.Errorf("runtime option %q is not supported by golive's language host "+
				"(supported: typescript, tsconfig)", key)
		}
	}
	return opts, nil
}

// resolveModule asks node where `mod` resolves from dir, as a require() in the pack would.
func resolveModule(ctx context.Context, node, dir, mod string) (string, error) {
	script := fmt.Sprintf("process.stdout.write(require.resolve(%q))", mod)
	cmd := exec.CommandContext(ctx, node, "-e", script)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s is not installed for the policy pack in %s (run npm ci): %w: %s",
			mod, dir, err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

func (*nodeHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	if req.GetKind() != string(apitype.AnalyzerPlugin) {
		return status.Errorf(codes.Unimplemented,
			"golive's language host only starts Node.js policy packs (plugin kind %q), not %q",
			apitype.AnalyzerPlugin, req.GetKind())
	}
	ctx := server.Context()

	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	node, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("node is not on PATH: %w", err)
	}
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return err
	}
	dir := req.GetInfo().GetProgramDirectory()
	entry, err := resolveModule(ctx, node, dir, runPolicyPack)
	if err != nil {
		return err
	}

	env := append([]string{}, req.GetEnv()...)
	if opts.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if opts.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfigPath)
	}

	// The proxy answers the engine first (it prints its own port on our stdout), waits for
	// ConfigureStack (or a first GetAnalyzerInfo when the engine sends none, as
	// `pulumi policy analyze` does), then forwards everything to the pack started below.
	proxy, packStdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start the policy pack proxy: %w", err)
	}
	stackConfig, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get the stack configuration: %w", err)
	}
	if stackConfig != nil {
		add := func(k, v string) {
			if v != "" {
				env = append(env, k+"="+v)
			}
		}
		add("PULUMI_NODEJS_ORGANIZATION", stackConfig.GetOrganization())
		add("PULUMI_NODEJS_PROJECT", stackConfig.GetProject())
		add("PULUMI_NODEJS_STACK", stackConfig.GetStack())
		add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stackConfig.GetDryRun()))
		if cfg := stackConfig.GetConfig(); cfg != nil {
			b, err := json.Marshal(cfg)
			if err != nil {
				return fmt.Errorf("could not encode the stack configuration: %w", err)
			}
			add("PULUMI_CONFIG", string(b))
		}
	}

	args := append([]string{entry}, req.GetArgs()...)
	args = append(args, dir)
	cmd := exec.CommandContext(ctx, node, args...)
	// Node.js policy packs have always run with the pack folder as working directory.
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = packStdout, stderr
	if err := cmd.Start(); err != nil {
		proxy.Abort(err)
		return fmt.Errorf("could not start node: %w", err)
	}
	if err := proxy.Attach(ctx, cmd); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("policy pack exited with code %d", exitErr.ExitCode())
		}
		return err
	}
	return closer.Close()
}
