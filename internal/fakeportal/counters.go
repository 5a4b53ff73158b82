package fakeportal

import "maps"

// Counts returns how often each endpoint was called, keyed by method and route pattern, such as
// "GET /api/2.0/files/rooms/{id}". Faulted requests count too.
func (p *Portal) Counts() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.counts)
}

// ResetCounts zeroes the counters.
func (p *Portal) ResetCounts() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.counts = map[string]int{}
}
