package fakeportal

import (
	"maps"
	"slices"
)

// Counts returns how often each endpoint was called, keyed by method and route pattern, such as
// "GET /api/2.0/files/rooms/{id}". Faulted requests count too.
func (p *Portal) Counts() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.counts)
}

// UserAgents lists the User-Agent headers the portal has seen.
func (p *Portal) UserAgents() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Sorted(maps.Keys(p.agents))
}

// ResetCounts zeroes the counters.
func (p *Portal) ResetCounts() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.counts = map[string]int{}
}
