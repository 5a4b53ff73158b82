package fakeportal

import (
	"maps"
	"slices"
	"time"
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

// ResetCounts zeroes the counters and forgets the job lags.
func (p *Portal) ResetCounts() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.counts = map[string]int{}
	p.jobLags = nil
}

// TakeJobLags returns, and forgets, how long after its end each job's owner first read a status that
// showed it: how soon the client noticed.
func (p *Portal) TakeJobLags() []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	lags := p.jobLags
	p.jobLags = nil
	return lags
}
