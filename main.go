package main

import (
	"flag"
	"log"
	"os"
	runtimedebug "runtime/debug"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// memoryLimit is the provider's soft memory limit unless GOMEMLIMIT sets one.
const memoryLimit = 48 << 20

// gcPercent is the provider's GOGC unless GOGC sets one.
const gcPercent = 400

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	// Terraform's calls leave much garbage (loggers and schema maps made per call) and little that
	// lives on (NewProtocolServer keeps the framework from holding every call's context). With the
	// collector's default pacing it ran each time the small live heap doubled, a fifth of the provider's
	// CPU. A high GOGC lets it run seldom, and a soft limit keeps memory bounded all the same: the
	// collector runs as the heap nears it. GOMEMLIMIT and GOGC override either.
	if os.Getenv("GOMEMLIMIT") == "" {
		runtimedebug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		runtimedebug.SetGCPercent(gcPercent)
	}
	for _, name := range quietLogVars(os.Environ()) {
		if err := os.Setenv(name, "OFF"); err != nil {
			log.Fatal(err.Error())
		}
	}

	var opts []tf6server.ServeOpt
	link := provider.NewLink()
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	} else {
		// Terraform started this process and talks to it alone. Once Terraform is gone (killed, or its
		// connection lost), nobody records anything this process does: the client leaves its new
		// objects under their creation markers (protocol_server.go), and the process ends instead of
		// living on with nobody to talk to. go-plugin would keep it running, ignoring interrupts.
		go watchParent(link, parentPollInterval)
		go exitWhenLost(link, lostExitDelay, os.Exit)
	}
	err := tf6server.Serve(provider.Address, provider.NewProtocolServer(version, link), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}

const (
	// parentPollInterval is how often the process checks that Terraform, its parent, still runs.
	parentPollInterval = 500 * time.Millisecond
	// lostExitDelay is how long calls in progress get to notice a lost connection and return before the
	// process ends. They need no more: their contexts have ended, and nothing is finished once Terraform
	// is gone.
	lostExitDelay = time.Second
)

// exitWhenLost ends the process with status 1 once link reports Terraform gone, after delay.
func exitWhenLost(link *provider.Link, delay time.Duration, exit func(int)) {
	<-link.Lost()
	time.Sleep(delay)
	exit(1)
}

// quietLogVars lists the variables to set to OFF so that the provider writes no logs when nobody asked
// for any.
//
// terraform-plugin-go creates its loggers on every RPC with levels from the environment: TF_LOG_SDK for
// the SDK root logger, TF_LOG_SDK_PROTO and TF_LOG_SDK_FRAMEWORK for the protocol and framework
// subsystems, TF_LOG_PROVIDER_DOCSPACE for the provider's own logger. A variable that is not set means
// TRACE, so by default the provider formats every log line as JSON and writes it to stderr, where
// Terraform parses it and, unless TF_LOG or TF_LOG_PROVIDER asks for provider logs, throws it away.
//
// When none of TF_LOG, TF_LOG_PROVIDER* and TF_LOG_SDK* holds a value, this returns those four, and
// main sets them to OFF: the SDK's subsystem loggers then return before building a log entry, and the
// provider's request logging skips its work (internal/docspace/transport.go). When any of them holds a
// value, the user is looking at logs; it returns nothing and every logger keeps the level it would have
// had. Other TF_LOG_* variables (TF_LOG_PATH, TF_LOG_CORE) do not make Terraform show provider logs, so
// they do not count.
func quietLogVars(environ []string) []string {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if value == "" {
			continue
		}
		if name == "TF_LOG" || strings.HasPrefix(name, "TF_LOG_PROVIDER") || strings.HasPrefix(name, "TF_LOG_SDK") {
			return nil
		}
	}
	return []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_" + providerLogName(provider.Address)}
}

// providerLogName is the provider's part of TF_LOG_PROVIDER_<NAME>, as terraform-plugin-go derives it
// from the provider address: the type, upper-cased, with dashes as underscores.
func providerLogName(address string) string {
	return strings.ToUpper(strings.ReplaceAll(address[strings.LastIndex(address, "/")+1:], "-", "_"))
}
