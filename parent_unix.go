//go:build unix

package main

import (
	"os"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// watchParent marks link lost once the process that started this one has ended: the process is then
// handed to another parent, and its parent id changes. It checks every interval.
func watchParent(link *provider.Link, interval time.Duration) {
	parent := os.Getppid()
	if parent <= 1 {
		return // started by init, or already orphaned: there is no parent to watch
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for range t.C {
		if os.Getppid() != parent {
			link.MarkLost()
			return
		}
	}
}
