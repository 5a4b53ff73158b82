package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
)

// When wrapExecEnv is set, this program is the provider wrapper that Terraform starts in place of the
// provider (see the package comment): it runs the binary named there and appends the provider's rusage
// to the file named by wrapOutEnv.
const (
	wrapExecEnv = "BENCHESTATE_PROVIDER_EXEC"
	wrapOutEnv  = "BENCHESTATE_PROVIDER_USAGE"
)

func wrapProvider() int {
	// Pdeathsig is tied to the thread that started the child; keep that thread alive for the process's
	// lifetime so the provider is killed only if the wrapper itself dies.
	runtime.LockOSThread()
	cmd := exec.Command(os.Getenv(wrapExecEnv), os.Args[1:]...)
	// The child gets the wrapper's own descriptors (not pipes), so the plugin handshake on stdout and the
	// log stream on stderr go straight to Terraform.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		_, _ = fmt.Fprintln(os.Stderr, "provider wrapper:", err)
		return 1
	}
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
		if code < 0 {
			code = 1
		}
	} else if err != nil {
		_, _ = fmt.Fprintln(os.Stderr, "provider wrapper:", err)
		code = 1
	}
	if cmd.ProcessState != nil {
		ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		var self syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
		if ru != nil {
			writeUsage(processUsage{
				PID: cmd.Process.Pid, UserNS: ru.Utime.Nano(), SysNS: ru.Stime.Nano(), MaxRSSKB: ru.Maxrss,
				WrapperNS: self.Utime.Nano() + self.Stime.Nano(),
			})
		}
	}
	return code
}

// writeUsage appends one line with a single write, so wrappers running at the same time do not
// interleave.
func writeUsage(u processUsage) {
	path := os.Getenv(wrapOutEnv)
	if path == "" {
		return
	}
	line, err := json.Marshal(u)
	if err != nil {
		return
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		_, _ = fmt.Fprintln(os.Stderr, "provider wrapper:", err)
		return
	}
	_, _ = f.Write(append(line, '\n'))
	_ = f.Close()
}
