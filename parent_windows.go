//go:build windows

package main

import (
	"os"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// watchParent marks link lost once the process that started this one has ended. Windows keeps a
// process's parent id after the parent ends, so the parent is waited for instead of polled.
func watchParent(link *provider.Link, _ time.Duration) {
	parent, err := os.FindProcess(os.Getppid())
	if err != nil {
		return
	}
	if _, err := parent.Wait(); err == nil {
		link.MarkLost()
	}
}
