package docspace

// DisableJobLock turns off the per-portal job serialisation, for the test that proves it is needed.
func DisableJobLock(c *Client) { c.noJobLock = true }

// ActAsAnotherProcess gives c job locks of its own, as a client in another process has.
func ActAsAnotherProcess(c *Client) { c.jobLocks = &keyedLocks{} }
